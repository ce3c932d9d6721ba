import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { column, DataTable, filterRows, maxAtText, sortRows, type Column } from './DataTable';

afterEach(cleanup);

interface Row {
  name: string;
  n: number | null;
}
const columns: Column<Row>[] = [
  column('name', { header: 'Name', value: (r) => r.name, search: true, rowHeader: true }),
  column('n', { header: 'Count', value: (r) => r.n, format: (n) => n ?? '–' }),
];
const rows: Row[] = [
  { name: 'Stage 10', n: 3 },
  { name: 'Stage 2', n: null },
  { name: '<b>bold</b>', n: 1 },
];

describe('sortRows', () => {
  it('sorts strings naturally and keeps missing numbers last both ways', () => {
    expect(sortRows(rows, columns, { column: 'name', direction: 'asc' }).map((r) => r.name)).toEqual([
      '<b>bold</b>',
      'Stage 2',
      'Stage 10',
    ]);
    expect(sortRows(rows, columns, { column: 'n', direction: 'asc' }).map((r) => r.n)).toEqual([1, 3, null]);
    expect(sortRows(rows, columns, { column: 'n', direction: 'desc' }).map((r) => r.n)).toEqual([3, 1, null]);
  });

  it('returns rows already in order as a new array in the same order, and keeps ties in input order', () => {
    const inOrder: Row[] = [
      { name: 'a', n: 1 },
      { name: 'b', n: 2 },
      { name: 'c', n: 2 },
      { name: 'd', n: null },
    ];
    const sorted = sortRows(inOrder, columns, { column: 'n', direction: 'asc' });
    expect(sorted).not.toBe(inOrder);
    expect(sorted.map((r) => r.name)).toEqual(['a', 'b', 'c', 'd']);
    // The same rows the other way round: ties keep their input order, missing values stay last.
    expect(sortRows(inOrder, columns, { column: 'n', direction: 'desc' }).map((r) => r.name)).toEqual([
      'b',
      'c',
      'a',
      'd',
    ]);
    // One row out of place is enough to sort.
    const late: Row[] = [...inOrder.slice(0, 3), { name: 'e', n: 0 }];
    expect(sortRows(late, columns, { column: 'n', direction: 'asc' }).map((r) => r.name)).toEqual(['e', 'a', 'b', 'c']);
  });
});

describe('filterRows', () => {
  it('matches every word, case-insensitively', () => {
    expect(filterRows(rows, columns, 'stage 1').map((r) => r.name)).toEqual(['Stage 10']);
    expect(filterRows(rows, columns, '')).toHaveLength(3);
  });
});

describe('column', () => {
  const row: Row = { name: 'Stage 2', n: 7 };
  it('shows, sorts by and searches the one value unless told otherwise', () => {
    const plain = column('name', { header: 'Name', value: (r: Row) => r.name, search: true });
    expect([plain.cell(row), plain.sortValue?.(row), plain.filterText?.(row)]).toEqual([
      'Stage 2',
      'Stage 2',
      'Stage 2',
    ]);
  });
  it('formats for display and derives a sort key or search text from the value and row', () => {
    const derived = column('n', {
      header: 'Count',
      value: (r: Row) => r.n,
      format: (n, r) => `${n ?? '–'} in ${r.name}`,
      sort: (n) => (n === null ? null : -n),
      search: (n) => `count ${n ?? 'unknown'}`,
    });
    expect(derived.cell(row)).toBe('7 in Stage 2');
    expect(derived.sortValue?.(row)).toBe(-7);
    expect(derived.filterText?.(row)).toBe('count 7');
  });
  it('is not searched by default, and not sortable when told so', () => {
    const action = column('n', { header: '', value: (r: Row) => r.n, sort: false });
    expect(action.filterText).toBeUndefined();
    expect(action.sortValue).toBeUndefined();
    expect(
      column('n', { header: 'Count', value: (r: Row) => r.n, search: true }).filterText?.({ name: 'x', n: null }),
    ).toBe('');
  });
});

describe('DataTable', () => {
  it('sorts on header click, filters, and renders markup in cells as text', () => {
    render(<DataTable caption="Things" columns={columns} rows={rows} rowKey={(r) => r.name} filterable />);
    const table = screen.getByRole('table', { name: 'Things' });
    expect(within(table).getByRole('rowheader', { name: '<b>bold</b>' })).toBeTruthy();
    expect(table.querySelector('b')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Count' }));
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['<b>bold</b>', 'Stage 10', 'Stage 2']);
    expect(screen.getByRole('columnheader', { name: /Count/ }).getAttribute('aria-sort')).toBe('ascending');

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'stage' } });
    expect(within(table).getAllByRole('rowheader')).toHaveLength(2);
  });
});

describe('DataTable paging', () => {
  const many: Row[] = Array.from({ length: 7 }, (_, i) => ({ name: `Stage ${i + 1}`, n: i }));
  const rowNames = (): string[] => screen.getAllByRole('rowheader').map((c) => c.textContent ?? '');

  it('renders the first page after sorting and filtering, then more on demand', () => {
    render(
      <DataTable
        caption="Things"
        columns={columns}
        rows={many}
        rowKey={(r) => r.name}
        filterable
        pageSize={3}
        defaultSort={{ column: 'n', direction: 'desc' }}
      />,
    );
    expect(rowNames()).toEqual(['Stage 7', 'Stage 6', 'Stage 5']);
    expect(screen.getByText(/Showing 3 of 7\./)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show 3 more' }));
    expect(rowNames()).toHaveLength(6);
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 more' }));
    expect(rowNames()).toHaveLength(7);
    expect(screen.queryByRole('button', { name: 'Show all' })).toBeNull();
  });

  it('counts only the rows matching the filter, and says when none does', () => {
    render(
      <DataTable
        caption="Things"
        columns={columns}
        rows={many}
        rowKey={(r) => r.name}
        filterable
        pageSize={1}
        noMatch="No things match."
      />,
    );
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'stage 1' } });
    expect(rowNames()).toEqual(['Stage 1']);
    expect(screen.queryByText(/Showing/)).toBeNull();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'stage' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(rowNames()).toHaveLength(7);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'nothing' } });
    expect(screen.getByText('No things match.')).toBeTruthy();
  });
});

describe('DataTable aggregates', () => {
  interface Item {
    name: string;
    ms: number | undefined;
    label: string;
  }
  const items: Item[] = [
    { name: 'a', ms: 30, label: 'x' },
    { name: 'b', ms: undefined, label: 'y' },
    { name: 'c', ms: 10, label: 'x' },
    { name: 'd', ms: 40, label: 'z' },
  ];
  const itemColumns: Column<Item>[] = [
    column('name', { header: 'Name', value: (r) => r.name, rowHeader: true, search: true }),
    column('ms', { header: 'Time', value: (r) => r.ms, aggregate: (n) => `${n} ms` }),
    column('label', { header: 'Label', value: (r) => r.label, search: true }),
  ];
  const footerText = (): string[][] =>
    within(screen.getByRole('table'))
      .getAllByRole('row')
      .filter((row) => row.closest('tfoot'))
      .map((row) => Array.from(row.children).map((cell) => cell.textContent ?? ''));

  it('derives min, median, max and the max row from the column value, skipping missing values', () => {
    render(
      <DataTable
        caption="Items"
        columns={itemColumns}
        rows={items}
        rowKey={(r) => r.name}
        aggregates={{ rowLabel: (r) => `item ${r.name}` }}
      />,
    );
    expect(footerText()).toEqual([
      ['Min', '10 ms', ''],
      ['Median', '30 ms', ''],
      ['Max', '40 ms', ''],
      ['Max at', 'item d', ''],
    ]);
    expect(screen.getByRole('row', { name: /^Median/ })).toBeTruthy();
  });

  it('follows the filter and says when every row ties', () => {
    render(
      <DataTable
        caption="Items"
        columns={itemColumns}
        rows={[...items, { name: 'e', ms: 30, label: 'x' }]}
        rowKey={(r) => r.name}
        filterable
        aggregates={{ rowLabel: (r) => `item ${r.name}` }}
      />,
    );
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'x' } });
    expect(footerText().map((r) => r[1])).toEqual(['10 ms', '30 ms', '30 ms', 'item a, item e']);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'y' } });
    expect(footerText().map((r) => r[1])).toEqual(['–', '–', '–', '–']);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'nothing' } });
    expect(footerText()).toEqual([]);
  });

  it('sums up every row of a long (virtual) table, not only those drawn, and follows new rows', async () => {
    // 1,000 rows in a shuffled order.
    const many = (offset: number): Item[] =>
      Array.from({ length: 1000 }, (_, i) => {
        const n = (i * 7919) % 1000;
        return { name: `r${n}`, ms: n + offset, label: 'x' };
      });
    const table = (rows: Item[]) => (
      <DataTable
        caption="Items"
        columns={itemColumns}
        rows={rows}
        rowKey={(r) => r.name}
        aggregates={{ rowLabel: (r) => `item ${r.name}` }}
      />
    );
    const { rerender } = render(table(many(0)));
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('1001'); // a virtual table
    await screen.findByRole('rowheader', { name: 'Median' });
    expect(footerText().map((r) => r[1])).toEqual(['0 ms', '499.5 ms', '999 ms', 'item r999']);
    rerender(table(many(1000)));
    await waitFor(() =>
      expect(footerText().map((r) => r[1])).toEqual(['1000 ms', '1499.5 ms', '1999 ms', 'item r999']),
    );
  });

  it('has no footer unless asked, and a column without `aggregate` has none', () => {
    render(<DataTable caption="Items" columns={itemColumns} rows={items} rowKey={(r) => r.name} />);
    expect(footerText()).toEqual([]);
    expect(itemColumns[0]?.aggregate).toBeUndefined();
    expect(itemColumns[1]?.aggregate?.value(items[1] as Item)).toBeUndefined();
  });
});

describe('maxAtText', () => {
  const label = (i: number): string => `s${i}`;
  it('names the rows holding the max, says when all tie, and cuts long lists', () => {
    expect(maxAtText({ count: 3, min: 1, median: 2, max: 3, maxAt: [2] }, label)).toBe('s2');
    expect(maxAtText({ count: 1, min: 3, median: 3, max: 3, maxAt: [0] }, label)).toBe('s0');
    expect(maxAtText({ count: 3, min: 3, median: 3, max: 3, maxAt: [0, 1, 2] }, label)).toBe('all 3 equal');
    expect(maxAtText({ count: 9, min: 0, median: 3, max: 3, maxAt: [1, 2, 4, 5, 7] }, label)).toBe(
      's1, s2, s4 and 2 more',
    );
  });
});
