// The vertex table under the job graph, as Flink's own dashboard has it: one row per vertex from
// the job details the page already polls (name, state, parallelism, I/O totals, times, task
// counts), with the record rates measured between two polls (lib/vertex-rates). Pure.
//
// Flink's I/O counters in the job details only see network traffic: a source vertex receives
// nothing over the network and a sink vertex sends nothing, so Flink shows 0 records in for
// sources and 0 out for sinks. For those cells the table reads the operators' own counters
// instead: the source operator's `numRecordsOut` (the records it read from outside) and the sink
// operator's `numRecordsIn` (the records it wrote out), summed over subtasks, and says so.

import type { AggregatedMetrics } from '../../api/metrics';
import type { JobDetails, JobVertexSummary } from '../../api/jobs';
import type { VertexRates } from '../../lib/vertex-rates';

/** Where a vertex sits in the dataflow: a source has no input, a sink feeds no other vertex. */
export interface VertexRole {
  readonly source: boolean;
  readonly sink: boolean;
}

/** Records through one side of a vertex: a total and a rate, and where they were read. */
export interface RecordFlow {
  readonly total: number | null;
  readonly perSecond: number | null;
  /** True when read from the operator's metrics (a source's input, a sink's output). */
  readonly fromOperator: boolean;
}

export interface VertexRow {
  readonly id: string;
  /** Flink's vertex name: untrusted text, shown as text only. */
  readonly name: string;
  readonly status: string;
  readonly parallelism: number;
  readonly maxParallelism: number;
  readonly role: VertexRole;
  readonly bytesIn: number | null;
  readonly bytesOut: number | null;
  readonly recordsIn: RecordFlow;
  readonly recordsOut: RecordFlow;
  /** Epoch ms; null when Flink says "not yet" (-1 or 0). */
  readonly start: number | null;
  readonly end: number | null;
  /** Milliseconds; null when unknown. */
  readonly duration: number | null;
  readonly tasks: Readonly<Record<string, number>>;
}

/** Operator metric ids for a source or sink vertex; both null for any other vertex. */
export interface OperatorMetricIds {
  /** The source operator's records out and their rate (what the source read). */
  readonly sourceOut: { readonly total: string; readonly rate: string } | null;
  /** The sink operator's records in and their rate (what the sink wrote). */
  readonly sinkIn: { readonly total: string; readonly rate: string } | null;
}

/** Totals and rates read from the operator metrics of one vertex (a sum over its subtasks). */
export interface OperatorFlows {
  readonly sourceOut?: { readonly total: number | null; readonly perSecond: number | null };
  readonly sinkIn?: { readonly total: number | null; readonly perSecond: number | null };
}

/** Sources and sinks from the plan: edges are each plan node's inputs. */
export function vertexRoles(details: Pick<JobDetails, 'plan' | 'vertices'>): ReadonlyMap<string, VertexRole> {
  const hasInput = new Set<string>();
  const feeds = new Set<string>();
  const inPlan = new Set<string>();
  for (const node of details.plan.nodes) {
    inPlan.add(node.id);
    for (const input of node.inputs ?? []) {
      if (input.id === node.id) continue;
      hasInput.add(node.id);
      feeds.add(input.id);
    }
  }
  const roles = new Map<string, VertexRole>();
  for (const vertex of details.vertices) {
    // A vertex the plan does not know: no claim either way.
    if (!inPlan.has(vertex.id)) roles.set(vertex.id, { source: false, sink: false });
    else roles.set(vertex.id, { source: !hasInput.has(vertex.id), sink: !feeds.has(vertex.id) });
  }
  return roles;
}

/** Flink caps an operator's name in metric scopes at 80 characters (TaskMetricGroup). */
const OPERATOR_NAME_MAX = 80;

/**
 * An operator's name as it appears in metric ids served by the REST API: cut to 80 characters,
 * then space, `.`, `:` and `,` replaced by `_` (Flink's MetricQueryService filter), e.g.
 * `Source: Fast event source` -> `Source__Fast_event_source`.
 */
export function operatorMetricName(operatorName: string): string {
  return operatorName.slice(0, OPERATOR_NAME_MAX).replace(/[ .:,]/g, '_');
}

/** A vertex's name is its chained operators' names joined by " -> ", first to last. */
function chainedOperators(vertexName: string): string[] {
  return vertexName.split(' -> ').filter((part) => part !== '');
}

// A sink (Sink V2) may chain a committer after its writer: the committer counts committables,
// not records, so the writer is the operator that took the records in.
const COMMITTER = /(^|: )(Global )?Committer$/;

/** The metric ids the table reads for a source or sink vertex (none for other vertices). */
export function operatorMetricIds(name: string, role: VertexRole): OperatorMetricIds {
  const operators = chainedOperators(name);
  const first = operators[0];
  let last = operators.at(-1);
  if (last !== undefined && COMMITTER.test(last) && operators.length > 1) last = operators.at(-2);
  const ids = (operator: string | undefined, metric: string) =>
    operator === undefined
      ? null
      : {
          total: `${operatorMetricName(operator)}.${metric}`,
          rate: `${operatorMetricName(operator)}.${metric}PerSecond`,
        };
  return {
    sourceOut: role.source ? ids(first, 'numRecordsOut') : null,
    sinkIn: role.sink ? ids(last, 'numRecordsIn') : null,
  };
}

/** Every id of a vertex's operator metrics, for one `get=` request; empty for inner vertices. */
export function metricIdList(ids: OperatorMetricIds): string[] {
  return [ids.sourceOut, ids.sinkIn].flatMap((pair) => (pair ? [pair.total, pair.rate] : []));
}

/** Reads the summed values of an aggregated metrics answer; a missing id gives no flow. */
export function operatorFlows(ids: OperatorMetricIds, answer: AggregatedMetrics | undefined): OperatorFlows {
  if (!answer) return {};
  const sum = (id: string): number | null => {
    const value = answer.find((m) => m.id === id)?.sum;
    return value === undefined || !Number.isFinite(value) ? null : value;
  };
  const flow = (pair: { total: string; rate: string } | null) => {
    if (!pair) return undefined;
    const total = sum(pair.total);
    // Without the total the metric is not there (wrong name, not yet reported): use Flink's own.
    return total === null ? undefined : { total, perSecond: sum(pair.rate) };
  };
  const sourceOut = flow(ids.sourceOut);
  const sinkIn = flow(ids.sinkIn);
  return { ...(sourceOut ? { sourceOut } : {}), ...(sinkIn ? { sinkIn } : {}) };
}

function finite(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

const time = (ms: number): number | null => (Number.isFinite(ms) && ms > 0 ? ms : null);

/** One row per vertex, in the details' order. */
export function buildVertexRows(
  details: Pick<JobDetails, 'plan' | 'vertices'>,
  rates: ReadonlyMap<string, VertexRates>,
  operators: ReadonlyMap<string, OperatorFlows>,
): VertexRow[] {
  const roles = vertexRoles(details);
  return details.vertices.map((vertex: JobVertexSummary) => {
    const m = vertex.metrics;
    const r = rates.get(vertex.id);
    const op = operators.get(vertex.id);
    const role = roles.get(vertex.id) ?? { source: false, sink: false };
    const network = (total: unknown, perSecond: number | null | undefined): RecordFlow => ({
      total: finite(total),
      perSecond: perSecond ?? null,
      fromOperator: false,
    });
    const recordsIn: RecordFlow = op?.sourceOut
      ? { ...op.sourceOut, fromOperator: true }
      : network(m['read-records'], r?.recordsInPerSecond);
    const recordsOut: RecordFlow = op?.sinkIn
      ? { ...op.sinkIn, fromOperator: true }
      : network(m['write-records'], r?.recordsOutPerSecond);
    return {
      id: vertex.id,
      name: vertex.name,
      status: vertex.status,
      parallelism: vertex.parallelism,
      maxParallelism: vertex.maxParallelism,
      role,
      bytesIn: finite(m['read-bytes']),
      bytesOut: finite(m['write-bytes']),
      recordsIn,
      recordsOut,
      start: time(vertex['start-time']),
      end: time(vertex['end-time']),
      duration: Number.isFinite(vertex.duration) && vertex.duration >= 0 ? vertex.duration : null,
      tasks: vertex.tasks,
    };
  });
}

function sameFlow(a: RecordFlow, b: RecordFlow): boolean {
  return a.total === b.total && a.perSecond === b.perSecond && a.fromOperator === b.fromOperator;
}

function sameTasks(a: VertexRow['tasks'], b: VertexRow['tasks']): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** Whether two rows show the same figures (every cell of the table reads only these). */
export function sameVertexRow(a: VertexRow, b: VertexRow): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.status === b.status &&
    a.parallelism === b.parallelism &&
    a.maxParallelism === b.maxParallelism &&
    a.role.source === b.role.source &&
    a.role.sink === b.role.sink &&
    a.bytesIn === b.bytesIn &&
    a.bytesOut === b.bytesOut &&
    sameFlow(a.recordsIn, b.recordsIn) &&
    sameFlow(a.recordsOut, b.recordsOut) &&
    a.start === b.start &&
    a.end === b.end &&
    a.duration === b.duration &&
    sameTasks(a.tasks, b.tasks)
  );
}

/**
 * `next` with every row that shows the same figures as its previous version replaced by that
 * previous object, and `previous` itself when no row changed: the table's rows are memoised by
 * identity, so a refresh re-renders only the rows whose figures moved.
 */
export function keepUnchangedRows(previous: readonly VertexRow[], next: readonly VertexRow[]): readonly VertexRow[] {
  const before = new Map(previous.map((row) => [row.id, row]));
  let changed = previous.length !== next.length;
  const out = next.map((row, i) => {
    const old = before.get(row.id);
    if (old && sameVertexRow(old, row)) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return row;
  });
  return changed ? out : previous;
}
