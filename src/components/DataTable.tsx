import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, startTransition, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { aggregateBy, type Aggregate } from '../lib/aggregates';
import type { SortState } from '../lib/search-state';
import { filterByWords } from '../lib/word-filter';
import { afterPaint } from '../lib/after-paint';

/** What a column sorts by: numbers sort numerically, strings naturally, missing values last. */
export type SortKey = number | string | null | undefined;

/** A column as DataTable renders it; build one with `column`, which derives it from one accessor. */
export interface Column<Row> {
  id: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Present when the column is sortable. */
  sortValue?: (row: Row) => SortKey;
  /** Text the filter box searches; columns without it are not searched. */
  filterText?: (row: Row) => string;
  /** The row's header cell (one per table), for screen readers and `getByRole('row', { name })`. */
  rowHeader?: boolean;
  className?: string;
  /** Present when the column takes part in the aggregate (footer) rows: its numeric value and how an aggregate shows. */
  aggregate?: { value: (row: Row) => number | undefined; cell: (n: number) => ReactNode };
}

export interface ColumnSpec<Row, Value extends SortKey> {
  header: string;
  /** The one accessor: what the cell shows, what the column sorts by and what the filter searches. */
  value: (row: Row) => Value;
  /** How the value shows when not as it is (a formatted number, a badge, a link); as text by default. */
  format?: (value: Value, row: Row) => ReactNode;
  /** Sorts by the value unless `false` (not sortable) or a key derived from the value. */
  sort?: false | ((value: Value, row: Row) => SortKey);
  /** The filter box searches the value's text when `true`, or the text given (e.g. what the cell shows). */
  search?: true | ((value: Value, row: Row) => string);
  rowHeader?: boolean;
  className?: string;
  /**
   * A numeric column's min, median and max in the table's aggregate rows (DataTable `aggregates`),
   * read from the value (rows whose value is not a number are skipped), shown as text (`true`) or
   * formatted by the function given.
   */
  aggregate?: true | ((n: number) => ReactNode);
}

const asText = (value: SortKey): string => (value == null ? '' : String(value));

/**
 * A column whose display, sort and filter all come from one accessor, so a field is named once:
 * `column('state', { header: 'State', value: (job) => job.state, format: (s) => <Badge state={s} />, search: true })`.
 */
export function column<Row, Value extends SortKey>(id: string, spec: ColumnSpec<Row, Value>): Column<Row> {
  const { header, value, format, sort, search, rowHeader, className } = spec;
  const numeric = (row: Row): number | undefined => {
    const v = value(row);
    return typeof v === 'number' ? v : undefined;
  };
  return {
    id,
    header,
    rowHeader,
    className,
    cell: format ? (row) => format(value(row), row) : value,
    sortValue: sort === false ? undefined : sort ? (row) => sort(value(row), row) : value,
    filterText: search === true ? (row) => asText(value(row)) : search ? (row) => search(value(row), row) : undefined,
    aggregate:
      spec.aggregate === undefined
        ? undefined
        : { value: numeric, cell: spec.aggregate === true ? (n) => String(n) : spec.aggregate },
  };
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
  /** Shown when rows exist but none matches the filter. */
  noMatch?: ReactNode;
  /** Hide the caption visually (a heading already names the table). */
  captionHidden?: boolean;
  /** Render only this many rows at first (after sort and filter), with buttons for more. */
  pageSize?: number;
  /**
   * Footer rows (min, median, max, and which rows hold the max, named by `rowLabel`) for every
   * column with `aggregate`, over the rows that match the filter (on every page). The row names
   * go in the row-header column (the first column when none is).
   */
  aggregates?: { rowLabel: (row: Row) => string };
  /** Render only the rows near the screen from this many rows (VIRTUAL_ROWS_FROM unless given). */
  virtualFrom?: number;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compare(a: number | string | null | undefined, b: number | string | null | undefined): number {
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1; // missing values last
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Sorts rows by a column; stable, missing values last in either direction. */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  sort: SortState | undefined,
): Row[] {
  const column = columns.find((c) => c.id === sort?.column);
  if (!column?.sortValue || !sort) return [...rows];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const value = column.sortValue;
  const keys = rows.map((row) => value(row));
  const order = (a: SortKey, b: SortKey): number => (a == null || b == null ? compare(a, b) : sign * compare(a, b));
  // A polled answer mostly comes in the order shown already (Flink lists subtasks by index): one
  // pass finds that, and a refresh of 5,000 rows then neither sorts nor allocates per row.
  let inOrder = true;
  for (let i = 1; i < keys.length && inOrder; i++) inOrder = order(keys[i - 1], keys[i]) <= 0;
  if (inOrder) return [...rows];
  const indexes = Array.from(keys, (_key, index) => index).sort((x, y) => order(keys[x], keys[y]) || x - y);
  return indexes.map((index) => rows[index] as Row);
}

/** Keeps rows whose searchable columns contain every word of the filter (case-insensitive). */
export function filterRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], filter: string): Row[] {
  const searchable = columns.filter((c) => c.filterText);
  // Joined with a character no word contains, so a word never matches across two cells.
  return filterByWords(rows, filter, (row) => searchable.map((c) => c.filterText?.(row) ?? '').join('\u0000'));
}

/** How many rows the "max at" cell names before it says "and N more". */
const MAX_AT_NAMED = 3;

/** Who holds the max: "subtask 3", "subtask 1, subtask 4", "all 4 equal", "a, b, c and 2 more". */
export function maxAtText(result: Aggregate, label: (index: number) => string): string {
  if (result.count > 1 && result.maxAt.length === result.count) return `all ${result.count} equal`;
  const named = result.maxAt.slice(0, MAX_AT_NAMED).map(label).join(', ');
  const more = result.maxAt.length - MAX_AT_NAMED;
  return more > 0 ? `${named} and ${more} more` : named;
}

function AggregateRows<Row>({
  columns,
  rows,
  rowLabel,
}: {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowLabel: (row: Row) => string;
}): ReactNode {
  const labelColumn = columns.find((c) => c.rowHeader) ?? columns[0];
  // Once per answer (or filter), not on every render of the table: a median sorts the column.
  const results = useMemo(
    () =>
      new Map(
        columns.flatMap((c) =>
          c.aggregate && c !== labelColumn ? [[c.id, aggregateBy(rows, c.aggregate.value)]] : [],
        ),
      ),
    [columns, rows, labelColumn],
  );
  const lines: [string, (c: Column<Row>, a: Aggregate) => ReactNode][] = [
    ['Min', (c, a) => c.aggregate?.cell(a.min)],
    ['Median', (c, a) => c.aggregate?.cell(a.median)],
    ['Max', (c, a) => c.aggregate?.cell(a.max)],
    ['Max at', (_c, a) => maxAtText(a, (i) => (rows[i] === undefined ? '' : rowLabel(rows[i])))],
  ];
  return (
    <tfoot>
      {lines.map(([name, show]) => (
        <tr key={name} className="aggregate-row">
          {columns.map((c) => {
            if (c === labelColumn)
              return (
                <th key={c.id} scope="row" className={c.className}>
                  {name}
                </th>
              );
            const result = results.get(c.id);
            return (
              <td key={c.id} className={c.className}>
                {result ? show(c, result) : results.has(c.id) ? '–' : null}
              </td>
            );
          })}
        </tr>
      ))}
    </tfoot>
  );
}

/**
 * Tables with at least this many rows (after filter and paging) render only the rows near the
 * screen (window scrolling, @tanstack/react-virtual): a 5,000-row table costs what 60 rows cost,
 * on first paint, on every refresh and while scrolling. The filter box searches every row.
 */
export const VIRTUAL_ROWS_FROM = 250;
/** A row's height before it is measured (one line of text in the table's padding). */
const ROW_ESTIMATE_PX = 33;

interface DataRowProps<Row> {
  row: Row;
  columns: readonly Column<Row>[];
  className: string | undefined;
  /** Set for virtual rows: the row's position (aria-rowindex counts the header row) and a measuring ref. */
  index?: number;
  measure?: (el: HTMLTableRowElement | null) => void;
}

/**
 * One body row. Memoised: a refresh re-renders only the rows whose data changed (react-query
 * keeps unchanged rows' objects) when the columns are the same.
 */
const DataRow = memo(function DataRow<Row>({ row, columns, className, index, measure }: DataRowProps<Row>): ReactNode {
  return (
    <tr
      className={className}
      ref={measure}
      data-index={index}
      aria-rowindex={index === undefined ? undefined : index + 2}
    >
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
  );
}) as <Row>(props: DataRowProps<Row>) => ReactNode;

/** The body of a long table: the rows near the window's scroll position, spacers for the rest. */
function VirtualRows<Row>({
  rows,
  columns,
  rowKey,
  rowClassName,
}: {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  rowClassName?: (row: Row) => string | undefined;
}): ReactNode {
  const body = useRef<HTMLTableSectionElement>(null);
  const [margin, setMargin] = useState(0);
  // Where the body starts in the document, so the window's scroll maps onto its rows (again when
  // the rows change: what is above the table may have changed with them). Read after the paint:
  // until then the rows drawn are the first ones, which is what a table below the fold shows.
  useEffect(
    () =>
      afterPaint(() => {
        const el = body.current;
        if (!el) return;
        const top = Math.round(el.getBoundingClientRect().top + window.scrollY);
        setMargin((m) => (m === top ? m : top));
      }),
    [rows],
  );
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 10,
    scrollMargin: margin,
    getItemKey: (i) => {
      const row = rows[i];
      return row === undefined ? i : rowKey(row);
    },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const before = first ? first.start - margin : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - margin) : 0;
  const spacer = (height: number, key: string): ReactNode =>
    height > 0 && (
      <tr key={key} className="virtual-spacer" aria-hidden="true" style={{ height }}>
        <td colSpan={columns.length} />
      </tr>
    );
  return (
    <tbody ref={body}>
      {spacer(before, 'before')}
      {items.map((item) => {
        const row = rows[item.index];
        return row === undefined ? null : (
          <DataRow
            key={item.key}
            row={row}
            columns={columns}
            className={rowClassName?.(row)}
            index={item.index}
            measure={virtualizer.measureElement}
          />
        );
      })}
      {spacer(after, 'after')}
    </tbody>
  );
}

/**
 * The one table of the dashboard: every list of rows (jobs, checkpoints, subtasks, task managers,
 * configuration...) is a column list handed to it. It owns what every such list needs: sort by
 * any sortable column (click or Enter on the header), filter by words, an empty message, and
 * paging of long lists (`pageSize`). Sort and filter can be controlled (kept in the URL) or
 * left to it. Cells render React nodes, so Flink's untrusted strings stay text.
 */
export function DataTable<Row>(props: DataTableProps<Row>): ReactNode {
  const { caption, columns, rows, rowKey, rowClassName, empty, noMatch, captionHidden, pageSize, aggregates } = props;
  const virtual = (n: number): boolean => n >= (props.virtualFrom ?? VIRTUAL_ROWS_FROM);
  const [localSort, setLocalSort] = useState<SortState | undefined>(props.defaultSort);
  const [localFilter, setLocalFilter] = useState('');
  const sort = props.sort ?? localSort;
  const filter = props.filter ?? localFilter;
  const setSort = props.onSortChange ?? setLocalSort;
  const setFilter = props.onFilterChange ?? setLocalFilter;
  const showFilter = props.filterable === true || props.filter !== undefined;

  const [limit, setLimit] = useState(pageSize ?? Infinity);
  const matching = useMemo(
    () => sortRows(filterRows(rows, columns, filter), columns, sort),
    [rows, columns, filter, sort],
  );
  const visible = useMemo(() => (matching.length > limit ? matching.slice(0, limit) : matching), [matching, limit]);
  // The footer of a long (virtual) table sits below thousands of rows, out of sight: when such a
  // table first shows, the footer follows in a render of its own once the rows are on screen, so
  // the first paint does not wait for its medians. Later answers update rows and footer together
  // (one layout per refresh). A short table shows it at once.
  const [footerShown, setFooterShown] = useState(matching.length < VIRTUAL_ROWS_FROM);
  useEffect(() => {
    if (!footerShown) startTransition(() => setFooterShown(true));
  }, [footerShown]);
  const hidden = matching.length - visible.length;

  const toggle = (column: Column<Row>): void => {
    if (!column.sortValue) return;
    const direction = sort?.column === column.id && sort.direction === 'asc' ? 'desc' : 'asc';
    setSort({ column: column.id, direction });
  };

  return (
    <>
      <div className="data-table-wrap">
        {showFilter && (
          <label className="table-filter">
            <span>Filter {caption.toLowerCase()}</span>
            <input
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              placeholder="Type to filter"
            />
          </label>
        )}
        <table className="data-table" aria-rowcount={virtual(visible.length) ? visible.length + 1 : undefined}>
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
          {visible.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={columns.length} className="empty">
                  {rows.length === 0 ? (empty ?? 'Nothing to show.') : (noMatch ?? 'No rows match the filter.')}
                </td>
              </tr>
            </tbody>
          ) : virtual(visible.length) ? (
            <VirtualRows rows={visible} columns={columns} rowKey={rowKey} rowClassName={rowClassName} />
          ) : (
            <tbody>
              {visible.map((row) => (
                <DataRow key={rowKey(row)} row={row} columns={columns} className={rowClassName?.(row)} />
              ))}
            </tbody>
          )}
          {aggregates && matching.length > 0 && footerShown && (
            <AggregateRows columns={columns} rows={matching} rowLabel={aggregates.rowLabel} />
          )}
        </table>
      </div>
      {hidden > 0 && pageSize !== undefined && (
        <p className="show-more">
          Showing {visible.length} of {matching.length}.{' '}
          <button type="button" onClick={() => setLimit((l) => l + pageSize)}>
            Show {Math.min(pageSize, hidden)} more
          </button>{' '}
          <button type="button" onClick={() => setLimit(matching.length)}>
            Show all
          </button>
        </p>
      )}
    </>
  );
}
