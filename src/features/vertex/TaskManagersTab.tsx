import type { ReactNode } from 'react';
import { usePolledQuery } from '../../api/polling';
import { vertexTaskManagersQueryOptions, type VertexTaskManagers } from '../../api/vertices';
import { DataTable, type Column } from '../../components/DataTable';
import { JobStateBadge, stateTone } from '../../components/JobStateBadge';
import { QueryState } from '../../components/QueryState';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { endTime, ioColumns, TaskManagerLink } from './cells';

type Row = VertexTaskManagers['taskmanagers'][number];

/** "2 running, 1 failed": the states of this vertex's subtasks on one TaskManager. */
export function describeStatusCounts(counts: Readonly<Record<string, number>>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([state, n]) => `${n} ${state.toLowerCase()}`);
  return parts.length ? parts.join(', ') : 'none';
}

function subtaskCount(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

const columns: Column<Row>[] = [
  {
    id: 'taskmanager',
    header: 'Task manager',
    rowHeader: true,
    cell: (r) => <TaskManagerLink id={r['taskmanager-id']} />,
    sortValue: (r) => r['taskmanager-id'],
    filterText: (r) => r['taskmanager-id'],
  },
  { id: 'host', header: 'Host', cell: (r) => <span className="mono">{r.endpoint}</span>, sortValue: (r) => r.endpoint, filterText: (r) => r.endpoint },
  { id: 'status', header: 'Status', cell: (r) => <JobStateBadge state={r.status} />, sortValue: (r) => r.status, filterText: (r) => r.status },
  {
    id: 'subtasks',
    header: 'Subtasks',
    cell: (r) => describeStatusCounts(r['status-counts']),
    sortValue: (r) => subtaskCount(r['status-counts']),
    filterText: (r) => describeStatusCounts(r['status-counts']),
  },
  { id: 'start', header: 'Started', cell: (r) => formatTimestamp(r['start-time']), sortValue: (r) => r['start-time'] },
  { id: 'end', header: 'Ended', cell: (r) => formatTimestamp(r['end-time']), sortValue: (r) => endTime(r['end-time']) },
  { id: 'duration', header: 'Duration', cell: (r) => formatDuration(r.duration), sortValue: (r) => r.duration },
  ...ioColumns<Row>((r) => r.metrics),
  {
    id: 'busy',
    header: 'Busy time',
    className: 'num',
    cell: (r) => formatDuration(busyMs(r)),
    sortValue: (r) => busyMs(r),
  },
  {
    id: 'backpressured',
    header: 'Back-pressured time',
    className: 'num',
    cell: (r) => formatDuration(r.metrics['accumulated-backpressured-time']),
    sortValue: (r) => r.metrics['accumulated-backpressured-time'],
  },
];

/** Accumulated busy time; Flink sends NaN as a string when it is unknown. */
function busyMs(r: Row): number | undefined {
  const busy = r.metrics['accumulated-busy-time'];
  return typeof busy === 'number' ? busy : undefined;
}

/** The vertex aggregated per TaskManager, as Flink computes it. */
export function TaskManagersTab({ jobId, vertexId }: { jobId: string; vertexId: string }): ReactNode {
  const query = usePolledQuery(vertexTaskManagersQueryOptions(jobId, vertexId));
  return (
    <QueryState query={query} what="the task managers of this vertex">
      {(data) => (
        <DataTable
          caption="Task managers"
          captionHidden
          columns={columns}
          rows={data.taskmanagers}
          rowKey={(r) => `${r['taskmanager-id']}|${r.endpoint}`}
          rowClassName={(r) => `row-${stateTone(r.status)}`}
          defaultSort={{ column: 'taskmanager', direction: 'asc' }}
          filterable
          empty="No task manager runs this vertex."
        />
      )}
    </QueryState>
  );
}
