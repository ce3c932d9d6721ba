import type { JobAccumulators, JobConfig, JobExecutionResult } from '../../api/job-config';
import { formatDuration, formatTimestamp } from '../../lib/format';

// Pure transforms of a job's configuration answers into table rows. Every string from Flink
// (keys, values, accumulator names) stays a string: rendered as text, never as markup.

export interface KeyValueRow {
  key: string;
  value: string;
}

/** Any JSON value as one line of text: strings as they are, the rest as JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? '–';
  } catch {
    return '(not representable as text)';
  }
}

/** `execution-config` of `/jobs/:id/config`, except the user configuration. */
export function executionConfigRows(config: JobConfig): KeyValueRow[] {
  const ec = config['execution-config'];
  if (!ec) return [];
  const rows: KeyValueRow[] = [];
  if (ec['execution-mode'] !== undefined) rows.push({ key: 'Execution mode', value: ec['execution-mode'] });
  if (ec['restart-strategy'] !== undefined) rows.push({ key: 'Restart strategy', value: ec['restart-strategy'] });
  if (ec['job-parallelism'] !== undefined) rows.push({ key: 'Job parallelism', value: String(ec['job-parallelism']) });
  if (ec['object-reuse-mode'] !== undefined)
    rows.push({ key: 'Object reuse mode', value: ec['object-reuse-mode'] ? 'Enabled' : 'Disabled' });
  // Fields a newer Flink adds show up too, named as Flink names them.
  const known = new Set(['execution-mode', 'restart-strategy', 'job-parallelism', 'object-reuse-mode', 'user-config']);
  for (const [key, value] of Object.entries(ec)) if (!known.has(key)) rows.push({ key, value: valueText(value) });
  return rows;
}

/** `execution-config.user-config`: the job's global job parameters. */
export function userConfigRows(config: JobConfig): KeyValueRow[] {
  const user = config['execution-config']?.['user-config'] ?? {};
  return Object.entries(user).map(([key, value]) => ({ key, value: value ?? '–' }));
}

export interface AccumulatorRow {
  name: string;
  type: string;
  value: string;
  /** Base64 of the Java-serialized value (`includeSerializedValue=true`), when sent. */
  serialized: string | undefined;
}

/** User-task accumulators with their serialized values, by name. */
export function accumulatorRows(accumulators: JobAccumulators): AccumulatorRow[] {
  const serialized = accumulators['serialized-user-task-accumulators'] ?? {};
  return accumulators['user-task-accumulators'].map((a) => ({
    name: a.name,
    type: a.type,
    value: a.value,
    serialized: Object.hasOwn(serialized, a.name) ? valueText(serialized[a.name]) : undefined,
  }));
}

/** Serialized accumulators Flink sent without a readable counterpart. */
export function serializedOnlyRows(accumulators: JobAccumulators): KeyValueRow[] {
  const readable = new Set(accumulators['user-task-accumulators'].map((a) => a.name));
  return Object.entries(accumulators['serialized-user-task-accumulators'] ?? {})
    .filter(([name]) => !readable.has(name))
    .map(([key, value]) => ({ key, value: valueText(value) }));
}

export interface ExecutionResultView {
  state: 'in-progress' | 'done';
  rows: KeyValueRow[];
  accumulators: KeyValueRow[];
  /** Flink's serialized failure cause, as text, for failed jobs. */
  failure: string | undefined;
  applicationStatus: string | undefined;
}

/** `/jobs/:id/execution-result`: nothing while the job runs, its outcome once it ended. */
export function executionResultView(result: JobExecutionResult): ExecutionResultView {
  const r = result['job-execution-result'];
  if (result.status.id === 'IN_PROGRESS' || !r) {
    return { state: 'in-progress', rows: [], accumulators: [], failure: undefined, applicationStatus: undefined };
  }
  const rows: KeyValueRow[] = [{ key: 'Application status', value: r['application-status'] }];
  if (r.name !== undefined) rows.push({ key: 'Job name', value: r.name });
  rows.push({ key: 'Net runtime', value: formatDuration(r['net-runtime']) });
  if (r['start-time'] !== undefined) rows.push({ key: 'Start time', value: formatTimestamp(r['start-time']) });
  if (r['end-time'] !== undefined) rows.push({ key: 'End time', value: formatTimestamp(r['end-time']) });
  rows.push({ key: 'Job ID', value: r.id });
  if (r['application-id'] !== undefined) rows.push({ key: 'Application ID', value: r['application-id'] });
  const failure = r['failure-cause'];
  return {
    state: 'done',
    rows,
    accumulators: Object.entries(r['accumulator-results'] ?? {}).map(([key, value]) => ({
      key,
      value: valueText(value),
    })),
    failure: failure === undefined || failure === null ? undefined : failureText(failure),
    applicationStatus: r['application-status'],
  };
}

/** Flink's SerializedThrowable JSON (`class`, `stack-trace`, `serialized-throwable`) as text. */
function failureText(failure: unknown): string {
  if (typeof failure === 'object' && failure !== null) {
    const f = failure as Record<string, unknown>;
    if (typeof f['stack-trace'] === 'string') return f['stack-trace'];
    if (typeof f.class === 'string') return f.class;
  }
  return valueText(failure);
}
