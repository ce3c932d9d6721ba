import { memo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { IOMetrics } from '../../api/schemas';
import { column, type Column } from '../../components/DataTable';
import { formatBytes, formatCount } from '../../lib/format';
import { links } from '../../lib/paths';

// Table cells and columns shared by the vertex tabs.

/**
 * A TaskManager id as a link to its page; ids are untrusted text. Memoised on the id: a router
 * link resolves its path on every render, and a refresh of 5,000 subtasks re-renders every
 * visible row while the ids stay the same.
 */
export const TaskManagerLink = memo(function TaskManagerLink({ id }: { id: string }): ReactNode {
  if (!id) return '–';
  return (
    <Link to={links.taskManager(id)} className="mono">
      {id}
    </Link>
  );
});

/** Formats a value, or leaves the cell empty for a row without one (an attempt still loading). */
export function ifPresent<Value>(format: (value: Value) => ReactNode): (value: Value | undefined) => ReactNode {
  return (value) => (value === undefined ? null : format(value));
}

/** Records and bytes in and out, sortable, for any row carrying Flink's I/O metrics. */
export function ioColumns<Row>(metrics: (row: Row) => IOMetrics | undefined): Column<Row>[] {
  return [
    column('records-in', {
      header: 'Records in',
      className: 'num',
      value: (row: Row) => metrics(row)?.['read-records'],
      format: ifPresent(formatCount),
      aggregate: formatCount,
    }),
    column('bytes-in', {
      header: 'Bytes in',
      className: 'num',
      value: (row: Row) => metrics(row)?.['read-bytes'],
      format: ifPresent(formatBytes),
      aggregate: formatBytes,
    }),
    column('records-out', {
      header: 'Records out',
      className: 'num',
      value: (row: Row) => metrics(row)?.['write-records'],
      format: ifPresent(formatCount),
      aggregate: formatCount,
    }),
    column('bytes-out', {
      header: 'Bytes out',
      className: 'num',
      value: (row: Row) => metrics(row)?.['write-bytes'],
      format: ifPresent(formatBytes),
      aggregate: formatBytes,
    }),
  ];
}

/** Flink's `-1` end time means "still running". */
export function endTime(ms: number): number | null {
  return ms > 0 ? ms : null;
}

/**
 * Rows a per-subtask table (subtasks, watermarks, back pressure) renders at first, the rest behind
 * "Show more": at parallelism 512 all rows would be ~6,000 cells to build on each refresh. Sort,
 * filter and the aggregate rows still cover every subtask.
 */
export const SUBTASK_ROWS_SHOWN = 100;
