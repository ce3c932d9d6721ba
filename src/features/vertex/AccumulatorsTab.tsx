import type { ReactNode } from 'react';
import { usePolledQuery } from '../../api/polling';
import type { UserAccumulator } from '../../api/schemas';
import { subtasksAccumulatorsQueryOptions, type SubtasksAccumulators } from '../../api/subtasks';
import { vertexAccumulatorsQueryOptions } from '../../api/vertices';
import { column, DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';

// User accumulators: names, types and values come from the job's code, so they are untrusted
// text and only ever rendered as React text.

const vertexColumns: Column<UserAccumulator>[] = [
  column('name', { header: 'Name', rowHeader: true, className: 'untrusted-text', value: (a) => a.name, search: true }),
  column('type', { header: 'Type', value: (a) => a.type, search: true }),
  column('value', {
    header: 'Value',
    className: 'untrusted-text',
    value: (a) => a.value,
    sort: numericOrText,
    search: true,
  }),
];

interface SubtaskAccumulatorRow extends UserAccumulator {
  key: string;
  subtask: number;
  attempt: number;
  endpoint: string;
}

/** Accumulator values are strings; numbers sort as numbers. */
function numericOrText(value: string): number | string {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

export function subtaskAccumulatorRows(data: SubtasksAccumulators): SubtaskAccumulatorRow[] {
  return data.subtasks.flatMap((s) =>
    s['user-accumulators'].map((a, i) => ({
      ...a,
      key: `${s.subtask}|${s.attempt}|${i}`,
      subtask: s.subtask,
      attempt: s.attempt,
      endpoint: s.endpoint,
    })),
  );
}

const subtaskColumns: Column<SubtaskAccumulatorRow>[] = [
  column('subtask', { header: 'Subtask', rowHeader: true, className: 'num', value: (r) => r.subtask, search: true }),
  column('attempt', { header: 'Attempt', className: 'num', value: (r) => r.attempt }),
  column('host', {
    header: 'Host',
    value: (r) => r.endpoint,
    format: (endpoint) => <span className="mono">{endpoint}</span>,
    search: true,
  }),
  column('name', { header: 'Name', className: 'untrusted-text', value: (r) => r.name, search: true }),
  column('type', { header: 'Type', value: (r) => r.type, search: true }),
  column('value', {
    header: 'Value',
    className: 'untrusted-text',
    value: (r) => r.value,
    sort: numericOrText,
    search: true,
  }),
];

export function AccumulatorsTab({ jobId, vertexId }: { jobId: string; vertexId: string }): ReactNode {
  const vertex = usePolledQuery(vertexAccumulatorsQueryOptions(jobId, vertexId));
  const subtasks = usePolledQuery(subtasksAccumulatorsQueryOptions(jobId, vertexId));
  return (
    <>
      <section aria-labelledby="acc-vertex-heading">
        <h3 id="acc-vertex-heading">Vertex accumulators</h3>
        <QueryState query={vertex} what="the accumulators">
          {(data) => (
            <DataTable
              caption="Vertex accumulators"
              captionHidden
              columns={vertexColumns}
              rows={data['user-accumulators']}
              rowKey={(a) => `${a.name}|${a.type}`}
              defaultSort={{ column: 'name', direction: 'asc' }}
              filterable
              empty="This vertex has no user accumulators."
            />
          )}
        </QueryState>
      </section>
      <section aria-labelledby="acc-subtasks-heading">
        <h3 id="acc-subtasks-heading">Per subtask</h3>
        <QueryState query={subtasks} what="the accumulators per subtask">
          {(data) => (
            <DataTable
              caption="Accumulators per subtask"
              captionHidden
              columns={subtaskColumns}
              rows={subtaskAccumulatorRows(data)}
              rowKey={(r) => r.key}
              defaultSort={{ column: 'subtask', direction: 'asc' }}
              filterable
              empty="No subtask has user accumulators."
            />
          )}
        </QueryState>
      </section>
    </>
  );
}
