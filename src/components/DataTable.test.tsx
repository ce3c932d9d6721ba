import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable, filterRows, sortRows, type Column } from './DataTable';

interface Row {
  name: string;
  n: number | null;
}
const columns: Column<Row>[] = [
  { id: 'name', header: 'Name', cell: (r) => r.name, sortValue: (r) => r.name, filterText: (r) => r.name, rowHeader: true },
  { id: 'n', header: 'Count', cell: (r) => r.n ?? '–', sortValue: (r) => r.n },
];
const rows: Row[] = [
  { name: 'Stage 10', n: 3 },
  { name: 'Stage 2', n: null },
  { name: '<b>bold</b>', n: 1 },
];

describe('sortRows', () => {
  it('sorts strings naturally and keeps missing numbers last both ways', () => {
    expect(sortRows(rows, columns, { column: 'name', direction: 'asc' }).map((r) => r.name)).toEqual(['<b>bold</b>', 'Stage 2', 'Stage 10']);
    expect(sortRows(rows, columns, { column: 'n', direction: 'asc' }).map((r) => r.n)).toEqual([1, 3, null]);
    expect(sortRows(rows, columns, { column: 'n', direction: 'desc' }).map((r) => r.n)).toEqual([3, 1, null]);
  });
});

describe('filterRows', () => {
  it('matches every word, case-insensitively', () => {
    expect(filterRows(rows, columns, 'stage 1').map((r) => r.name)).toEqual(['Stage 10']);
    expect(filterRows(rows, columns, '')).toHaveLength(3);
  });
});

describe('DataTable', () => {
  it('sorts on header click, filters, and renders markup in cells as text', () => {
    render(<DataTable caption="Things" columns={columns} rows={rows} rowKey={(r) => r.name} filterable />);
    const table = screen.getByRole('table', { name: 'Things' });
    expect(within(table).getByRole('rowheader', { name: '<b>bold</b>' })).toBeTruthy();
    expect(table.querySelector('b')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Count' }));
    expect(within(table).getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['<b>bold</b>', 'Stage 10', 'Stage 2']);
    expect(screen.getByRole('columnheader', { name: /Count/ }).getAttribute('aria-sort')).toBe('ascending');

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'stage' } });
    expect(within(table).getAllByRole('rowheader')).toHaveLength(2);
  });
});
