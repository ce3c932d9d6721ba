import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { IOMetrics } from '../../api/schemas';
import type { Column } from '../../components/DataTable';
import { formatBytes, formatCount } from '../../lib/format';
import { links } from '../../lib/paths';

// Table cells shared by the vertex tabs.

/** A TaskManager id as a link to its page; ids are untrusted text. */
export function TaskManagerLink({ id }: { id: string }): ReactNode {
  if (!id) return '–';
  return (
    <Link to={links.taskManager(id)} className="mono">
      {id}
    </Link>
  );
}

/** Records and bytes in and out, sortable, for any row carrying Flink's I/O metrics. */
export function ioColumns<Row>(metrics: (row: Row) => IOMetrics): Column<Row>[] {
  return [
    {
      id: 'records-in',
      header: 'Records in',
      className: 'num',
      cell: (row) => formatCount(metrics(row)['read-records']),
      sortValue: (row) => metrics(row)['read-records'],
    },
    {
      id: 'bytes-in',
      header: 'Bytes in',
      className: 'num',
      cell: (row) => formatBytes(metrics(row)['read-bytes']),
      sortValue: (row) => metrics(row)['read-bytes'],
    },
    {
      id: 'records-out',
      header: 'Records out',
      className: 'num',
      cell: (row) => formatCount(metrics(row)['write-records']),
      sortValue: (row) => metrics(row)['write-records'],
    },
    {
      id: 'bytes-out',
      header: 'Bytes out',
      className: 'num',
      cell: (row) => formatBytes(metrics(row)['write-bytes']),
      sortValue: (row) => metrics(row)['write-bytes'],
    },
  ];
}

/** Flink's `-1` end time means "still running". */
export function endTime(ms: number): number | null {
  return ms > 0 ? ms : null;
}
