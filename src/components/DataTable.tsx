import { useMemo, useState, type ReactNode } from 'react';
import type { SortState } from '../lib/search-state';

export interface Column<Row> {
  id: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Makes the column sortable; numbers sort numerically, strings naturally. */
  sortValue?: (row: Row) => number | string | null | undefined;
  /** Text the filter box searches; columns without it are not searched. */
  filterText?: (row: Row) => string;
  /** The row's header cell (one per table), for screen readers and `getByRole('row', { name })`. */
  rowHeader?: boolean;
  className?: string;
}

interface DataTableProps<Row> {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Controlled sort (e.g. kept in the URL); uncontrolled when left out. */
  sort?: SortState;
  onSortChange?: (sort: SortState) => void;
  defaultSort?: SortState;
  /** Controlled filter text; when neither it nor `filterable` is given there is no filter box. */
  filter?: string;
  onFilterChange?: (filter: string) => void;
  filterable?: boolean;
  rowClassName?: (row: Row) => string | undefined;
  empty?: ReactNode;
  /** Hide the caption visually (a heading already names the table). */
  captionHidden?: boolean;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compare(a: number | string | null | undefined, b: number | string | null | undefined): number {
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1; // missing values last
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Sorts rows by a column; stable, missing values last in either direction. */
export function sortRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], sort: SortState | undefined): Row[] {
  const column = columns.find((c) => c.id === sort?.column);
  if (!column?.sortValue || !sort) return [...rows];
  const value = column.sortValue;
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((x, y) => {
      if (x.key == null || y.key == null) return compare(x.key, y.key) || x.index - y.index;
      return sign * compare(x.key, y.key) || x.index - y.index;
    })
    .map((x) => x.row);
}

/** Keeps rows whose filterable columns contain every word of the filter (case-insensitive). */
export function filterRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], filter: string): Row[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  const searchable = columns.filter((c) => c.filterText);
  return rows.filter((row) => {
    const text = searchable.map((c) => c.filterText?.(row) ?? '').join('\u0000').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/**
 * A table that sorts by any sortable column (click or Enter on the header) and filters by text.
 * Cells render React nodes, so Flink's untrusted strings stay text.
 */
export function DataTable<Row>(props: DataTableProps<Row>): ReactNode {
  const { caption, columns, rows, rowKey, rowClassName, empty, captionHidden } = props;
  const [localSort, setLocalSort] = useState<SortState | undefined>(props.defaultSort);
  const [localFilter, setLocalFilter] = useState('');
  const sort = props.sort ?? localSort;
  const filter = props.filter ?? localFilter;
  const setSort = props.onSortChange ?? setLocalSort;
  const setFilter = props.onFilterChange ?? setLocalFilter;
  const showFilter = props.filterable === true || props.filter !== undefined;

  const visible = useMemo(() => sortRows(filterRows(rows, columns, filter), columns, sort), [rows, columns, filter, sort]);

  const toggle = (column: Column<Row>): void => {
    if (!column.sortValue) return;
    const direction = sort?.column === column.id && sort.direction === 'asc' ? 'desc' : 'asc';
    setSort({ column: column.id, direction });
  };

  return (
    <div className="data-table-wrap">
      {showFilter && (
        <label className="table-filter">
          <span>Filter {caption.toLowerCase()}</span>
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Type to filter" />
        </label>
      )}
      <table className="data-table">
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sort?.column === column.id ? sort.direction : undefined;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={column.className}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                >
                  {column.sortValue ? (
                    <button type="button" className="sort-button" onClick={() => toggle(column)}>
                      {column.header}
                      <span aria-hidden="true" className="sort-mark">
                        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {visible.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                {rows.length === 0 ? (empty ?? 'Nothing to show.') : 'No rows match the filter.'}
              </td>
            </tr>
          ) : (
            visible.map((row) => (
              <tr key={rowKey(row)} className={rowClassName?.(row)}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.id} scope="row" className={column.className}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.id} className={column.className}>
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
