import { useId, type ReactNode } from 'react';
import { jobDetailsQueryOptions, jobsOverviewQueryOptions } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import { METRIC_AGGREGATIONS, parseSubtaskRanges, subtaskRanges, type MetricAggregation } from '../../api/query';
import { taskManagersQueryOptions } from '../../api/taskmanagers';
import type { MetricScope, ScopeKind } from '../../lib/metric-picks';

export interface ScopeDraft {
  readonly kind: ScopeKind;
  readonly taskManagerId: string;
  readonly jobId: string;
  readonly vertexId: string;
  /** Flink's subtask ranges (`0-1,3`); empty for all subtasks. */
  readonly subtasks: string;
  readonly aggs: readonly MetricAggregation[];
}

export const INITIAL_DRAFT: ScopeDraft = {
  kind: 'jm',
  taskManagerId: '',
  jobId: '',
  vertexId: '',
  subtasks: '',
  aggs: ['min', 'max', 'avg'],
};

export const SCOPE_LABELS: Record<ScopeKind, string> = {
  jm: 'Job manager',
  tms: 'All task managers (aggregated)',
  tm: 'One task manager',
  jobs: 'All jobs (aggregated)',
  job: 'One job',
  vertex: 'A vertex (per subtask)',
  subtasks: "A vertex's subtasks (aggregated)",
};

const KINDS = Object.keys(SCOPE_LABELS) as ScopeKind[];

/** A labelled control whose accessible name is exactly its label. */
function Field({ label, children }: { label: string; children: (id: string) => ReactNode }): ReactNode {
  const id = useId();
  return (
    <div className="scope-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** Reads subtask ranges typed by hand: undefined when they do not read, null for "all". */
export function readSubtasks(text: string): ReturnType<typeof subtaskRanges> | null | undefined {
  if (text.trim() === '') return null;
  try {
    const indices = parseSubtaskRanges(text.replace(/\s+/g, ''));
    return indices.length > 0 && indices.length <= 10_000 ? subtaskRanges(...indices) : undefined;
  } catch {
    return undefined;
  }
}

/** The scope a draft names, or null while it is incomplete (no job chosen yet ...). */
export function draftScope(draft: ScopeDraft): MetricScope | null {
  switch (draft.kind) {
    case 'jm':
    case 'tms':
    case 'jobs':
      return { kind: draft.kind };
    case 'tm':
      return draft.taskManagerId ? { kind: 'tm', taskManagerId: draft.taskManagerId } : null;
    case 'job':
      return draft.jobId ? { kind: 'job', jobId: draft.jobId } : null;
    case 'vertex':
      return draft.jobId && draft.vertexId ? { kind: 'vertex', jobId: draft.jobId, vertexId: draft.vertexId } : null;
    case 'subtasks': {
      const subtasks = readSubtasks(draft.subtasks);
      return draft.jobId && draft.vertexId && subtasks !== undefined
        ? { kind: 'subtasks', jobId: draft.jobId, vertexId: draft.vertexId, subtasks }
        : null;
    }
  }
}

interface ScopePickerProps {
  draft: ScopeDraft;
  onChange: (draft: ScopeDraft) => void;
}

/** Where metrics come from: the job manager, task managers, jobs, a vertex or its subtasks. */
export function ScopePicker({ draft, onChange }: ScopePickerProps): ReactNode {
  const set = (changes: Partial<ScopeDraft>) => onChange({ ...draft, ...changes });
  const aggregated = draft.kind === 'tms' || draft.kind === 'jobs' || draft.kind === 'subtasks';
  return (
    <div className="scope-picker">
      <Field label="Scope">
        {(id) => (
          <select
            id={id}
            value={draft.kind}
            onChange={(e) => set({ kind: KINDS.find((k) => k === e.target.value) ?? 'jm' })}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {SCOPE_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {draft.kind === 'tm' && (
        <TaskManagerSelect value={draft.taskManagerId} onChange={(taskManagerId) => set({ taskManagerId })} />
      )}
      {(draft.kind === 'job' || draft.kind === 'vertex' || draft.kind === 'subtasks') && (
        <JobSelect value={draft.jobId} onChange={(jobId) => set({ jobId, vertexId: '' })} />
      )}
      {(draft.kind === 'vertex' || draft.kind === 'subtasks') && draft.jobId !== '' && (
        <VertexSelect
          key={draft.jobId}
          jobId={draft.jobId}
          value={draft.vertexId}
          onChange={(vertexId) => set({ vertexId })}
        />
      )}
      {draft.kind === 'subtasks' && (
        <Field label="Subtasks">
          {(id) => (
            <input
              id={id}
              type="text"
              value={draft.subtasks}
              placeholder="all, or e.g. 0-1,3"
              aria-invalid={readSubtasks(draft.subtasks) === undefined}
              onChange={(e) => set({ subtasks: e.target.value })}
            />
          )}
        </Field>
      )}
      {aggregated && (
        <fieldset className="agg-picker">
          <legend>Aggregations</legend>
          {METRIC_AGGREGATIONS.map((agg) => (
            <label key={agg}>
              <input
                type="checkbox"
                checked={draft.aggs.includes(agg)}
                onChange={(e) =>
                  set({
                    aggs: METRIC_AGGREGATIONS.filter((a) => (a === agg ? e.target.checked : draft.aggs.includes(a))),
                  })
                }
              />
              {agg}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}

function TaskManagerSelect({ value, onChange }: { value: string; onChange: (id: string) => void }): ReactNode {
  const tms = usePolledQuery(taskManagersQueryOptions());
  return (
    <Field label="Task manager">
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{tms.isPending ? 'Loading…' : 'Choose a task manager'}</option>
          {(tms.data?.taskmanagers ?? []).map((tm) => (
            <option key={tm.id} value={tm.id}>
              {tm.id}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function JobSelect({ value, onChange }: { value: string; onChange: (id: string) => void }): ReactNode {
  const jobs = usePolledQuery(jobsOverviewQueryOptions());
  return (
    <Field label="Job">
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{jobs.isPending ? 'Loading…' : 'Choose a job'}</option>
          {(jobs.data?.jobs ?? []).map((job) => (
            <option key={job.jid} value={job.jid}>
              {job.name} ({job.state}, {job.jid.slice(0, 8)})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function VertexSelect({
  jobId,
  value,
  onChange,
}: {
  jobId: string;
  value: string;
  onChange: (id: string) => void;
}): ReactNode {
  // The vertices and their names; they do not change while the explorer is open.
  const details = usePolledQuery(jobDetailsQueryOptions(jobId), 'static');
  return (
    <Field label="Vertex">
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">
            {details.isPending ? 'Loading…' : details.isError ? 'Could not load the vertices' : 'Choose a vertex'}
          </option>
          {(details.data?.vertices ?? []).map((vertex) => (
            <option key={vertex.id} value={vertex.id}>
              {vertexLabel(vertex.name)} (parallelism {vertex.parallelism})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A vertex name on one line and not too long, for a select option (still untrusted text). */
export function vertexLabel(name: string): string {
  const flat = name.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat || '(unnamed)';
}
