import type { ReactNode } from 'react';
import { usePolledQuery } from '../../api/polling';
import { vertexTaskManagersQueryOptions, type VertexTaskManagers } from '../../api/vertices';
import { column, DataTable, type Column } from '../../components/DataTable';
import { JobStateBadge, stateTone } from '../../components/JobStateBadge';
import { QueryState } from '../../components/QueryState';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { endTime, ioColumns, TaskManagerLink } from './vertex-columns';

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
  column('taskmanager', {
    header: 'Task manager',
    rowHeader: true,
    value: (r) => r['taskmanager-id'],
    format: (id) => <TaskManagerLink id={id} />,
    search: true,
  }),
  column('host', {
    header: 'Host',
    value: (r) => r.endpoint,
    format: (endpoint) => <span className="mono">{endpoint}</span>,
    search: true,
  }),
  column('status', {
    header: 'Status',
    value: (r) => r.status,
    format: (status) => <JobStateBadge state={status} />,
    search: true,
  }),
  column('subtasks', {
    header: 'Subtasks',
    value: (r) => subtaskCount(r['status-counts']),
    format: (_count, r) => describeStatusCounts(r['status-counts']),
    search: (_count, r) => describeStatusCounts(r['status-counts']),
  }),
  column('start', { header: 'Started', value: (r) => r['start-time'], format: (t) => formatTimestamp(t) }),
  column('end', { header: 'Ended', value: (r) => endTime(r['end-time']), format: (t) => formatTimestamp(t) }),
  column('duration', { header: 'Duration', value: (r) => r.duration, format: formatDuration }),
  ...ioColumns<Row>((r) => r.metrics),
  column('busy', { header: 'Busy time', className: 'num', value: busyMs, format: formatDuration }),
  column('backpressured', {
    header: 'Back-pressured time',
    className: 'num',
    value: (r) => r.metrics['accumulated-backpressured-time'],
    format: formatDuration,
  }),
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
