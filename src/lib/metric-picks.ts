import { isJobId, isTaskManagerId, isVertexId } from '../api/ids';
import {
  METRIC_AGGREGATIONS,
  parseSubtaskRanges,
  subtaskRanges,
  type MetricAggregation,
  type SubtaskRanges,
} from '../api/query';
import type { SearchParam } from './search-state';

// The metrics a person picks to chart, in the metrics explorer and on a vertex's Metrics tab
// alike. A pick is a metric of a scope (the job manager, a task manager, a job, a vertex, a
// vertex's subtasks ...) with, for the aggregated scopes, the aggregations charted as the lines
// of its one chart. Picks live in the URL so a chart can be shared and survives a reload; each
// page keeps its own parameter format (links already shared keep opening the same view).
//
// The explorer's `?m=...`: one pick per token, tokens separated by commas; inside a token the
// fields are separated by colons and each field is percent-encoded (task manager ids and metric
// ids may hold colons and commas):
//
//   jm:<metric>                                      the job manager
//   tm:<taskManagerId>:<metric>                      one task manager
//   tm:*:<metric>:<aggs>                             all task managers, aggregated
//   job:*:<metric>:<aggs>                            all jobs, aggregated
//   job:<jobId>:<metric>                             one job
//   vertex:<jobId>:<vertexId>:<metric>               one vertex (metric ids like `0.numRecordsIn`)
//   subtasks:<jobId>:<vertexId>:<ranges|*>:<metric>:<aggs>   a vertex's subtasks, aggregated
//
// `<aggs>` is one or more of min, max, avg, sum, skew joined by `-` (`min-max`). Parsing never
// throws: a token that does not read is dropped, and the rest of the picks stay.
//
// The vertex tab's `?metrics=0.numRecordsIn,avg(busyTimeMsPerSecond)`: a subtask's metric by the
// id Flink lists (a `vertex` pick), or `<agg>(<name>)` aggregated over all of the vertex's
// subtasks (a `subtasks` pick; several aggregations of one name are one pick). Flink splits
// request values on commas, so an id holding a comma can never be asked for and is not pickable.

export type MetricScope =
  | { readonly kind: 'jm' }
  | { readonly kind: 'tm'; readonly taskManagerId: string }
  | { readonly kind: 'tms' }
  | { readonly kind: 'jobs' }
  | { readonly kind: 'job'; readonly jobId: string }
  | { readonly kind: 'vertex'; readonly jobId: string; readonly vertexId: string }
  | {
      readonly kind: 'subtasks';
      readonly jobId: string;
      readonly vertexId: string;
      readonly subtasks: SubtaskRanges | null;
    };

export type ScopeKind = MetricScope['kind'];

export interface MetricPick {
  readonly scope: MetricScope;
  readonly metricId: string;
  /** The aggregations charted, for the aggregated scopes (tms, jobs, subtasks); empty otherwise. */
  readonly aggregations: readonly MetricAggregation[];
}

/** Most picks charted at once, on any page (each is a chart, polled on every refresh). */
export const MAX_PICKS = 16;
const MAX_METRIC_LENGTH = 512;

export function isAggregatedScope(scope: MetricScope): boolean {
  return scope.kind === 'tms' || scope.kind === 'jobs' || scope.kind === 'subtasks';
}

/** Aggregations in Flink's order, without duplicates. */
export function normaliseAggs(aggs: readonly string[]): MetricAggregation[] {
  return METRIC_AGGREGATIONS.filter((a) => aggs.includes(a));
}

function enc(field: string): string {
  return encodeURIComponent(field);
}

/** The scope part of a token: also the key that groups picks into one request. */
export function scopeKey(scope: MetricScope): string {
  switch (scope.kind) {
    case 'jm':
      return 'jm';
    case 'tm':
      return `tm:${enc(scope.taskManagerId)}`;
    case 'tms':
      return 'tm:*';
    case 'jobs':
      return 'job:*';
    case 'job':
      return `job:${scope.jobId}`;
    case 'vertex':
      return `vertex:${scope.jobId}:${scope.vertexId}`;
    case 'subtasks':
      return `subtasks:${scope.jobId}:${scope.vertexId}:${scope.subtasks === null ? '*' : enc(scope.subtasks)}`;
  }
}

/** One pick as its URL token. */
export function serializePick(pick: MetricPick): string {
  const base = `${scopeKey(pick.scope)}:${enc(pick.metricId)}`;
  return isAggregatedScope(pick.scope) ? `${base}:${normaliseAggs(pick.aggregations).join('-')}` : base;
}

/** The identity of a pick: its scope and metric (its aggregations are one chart's lines). */
export function pickId(pick: Pick<MetricPick, 'scope' | 'metricId'>): string {
  return `${scopeKey(pick.scope)}:${enc(pick.metricId)}`;
}

function decode(field: string): string | undefined {
  try {
    return decodeURIComponent(field);
  } catch {
    return undefined;
  }
}

function readMetric(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const metric = decode(field);
  if (!metric || metric.length > MAX_METRIC_LENGTH) return undefined;
  for (let i = 0; i < metric.length; i++) if (metric.charCodeAt(i) < 0x20) return undefined;
  return metric;
}

function readAggs(field: string | undefined): MetricAggregation[] | undefined {
  if (field === undefined) return undefined;
  const aggs = normaliseAggs(field.split('-'));
  return aggs.length > 0 ? aggs : undefined;
}

function readRanges(field: string | undefined): SubtaskRanges | null | undefined {
  if (field === undefined) return undefined;
  if (field === '*') return null;
  const text = decode(field);
  if (text === undefined || text.length > 200) return undefined;
  try {
    const indices = parseSubtaskRanges(text);
    return indices.length > 0 ? subtaskRanges(...indices) : undefined;
  } catch {
    return undefined;
  }
}

/** One URL token as a pick, or undefined when it does not read. */
export function parsePick(token: string): MetricPick | undefined {
  const f = token.split(':');
  const kind = f[0];
  const none: readonly MetricAggregation[] = [];
  switch (kind) {
    case 'jm': {
      const metric = readMetric(f[1]);
      return f.length === 2 && metric ? { scope: { kind: 'jm' }, metricId: metric, aggregations: none } : undefined;
    }
    case 'tm': {
      if (f[1] === '*') {
        const metric = readMetric(f[2]);
        const aggs = readAggs(f[3]);
        return f.length === 4 && metric && aggs
          ? { scope: { kind: 'tms' }, metricId: metric, aggregations: aggs }
          : undefined;
      }
      // The id's colons should be encoded; a hand-typed `tm:127.0.0.1:45603-abc:<metric>` reads too.
      const id = f.length >= 3 ? decode(f.slice(1, -1).join(':')) : undefined;
      const metric = readMetric(f[f.length - 1]);
      return f.length >= 3 && isTaskManagerId(id) && metric
        ? { scope: { kind: 'tm', taskManagerId: id }, metricId: metric, aggregations: none }
        : undefined;
    }
    case 'job': {
      if (f[1] === '*') {
        const metric = readMetric(f[2]);
        const aggs = readAggs(f[3]);
        return f.length === 4 && metric && aggs
          ? { scope: { kind: 'jobs' }, metricId: metric, aggregations: aggs }
          : undefined;
      }
      const metric = readMetric(f[2]);
      return f.length === 3 && isJobId(f[1]) && metric
        ? { scope: { kind: 'job', jobId: f[1].toLowerCase() }, metricId: metric, aggregations: none }
        : undefined;
    }
    case 'vertex': {
      const metric = readMetric(f[3]);
      return f.length === 4 && isJobId(f[1]) && isVertexId(f[2]) && metric
        ? {
            scope: { kind: 'vertex', jobId: f[1].toLowerCase(), vertexId: f[2].toLowerCase() },
            metricId: metric,
            aggregations: none,
          }
        : undefined;
    }
    case 'subtasks': {
      const subtasks = readRanges(f[3]);
      const metric = readMetric(f[4]);
      const aggs = readAggs(f[5]);
      return f.length === 6 && isJobId(f[1]) && isVertexId(f[2]) && subtasks !== undefined && metric && aggs
        ? {
            scope: { kind: 'subtasks', jobId: f[1].toLowerCase(), vertexId: f[2].toLowerCase(), subtasks },
            metricId: metric,
            aggregations: aggs,
          }
        : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Adds a pick; the same scope and metric again merges its aggregations into the existing one. A
 * new pick beyond {@link MAX_PICKS} is refused (the list is returned unchanged).
 */
export function addPick(picks: readonly MetricPick[], pick: MetricPick): MetricPick[] {
  const id = pickId(pick);
  const existing = picks.find((p) => pickId(p) === id);
  if (!existing) return picks.length >= MAX_PICKS ? [...picks] : [...picks, pick];
  return picks.map((p) =>
    p === existing ? { ...p, aggregations: normaliseAggs([...p.aggregations, ...pick.aggregations]) } : p,
  );
}

export function removePick(picks: readonly MetricPick[], id: string): MetricPick[] {
  return picks.filter((p) => pickId(p) !== id);
}

/** Replaces a pick in place (showing it another way); one that becomes a duplicate merges into the other. */
export function replacePick(picks: readonly MetricPick[], id: string, next: MetricPick): MetricPick[] {
  let out: MetricPick[] = [];
  for (const p of picks) out = addPick(out, pickId(p) === id ? next : p);
  return out;
}

/** Charts an aggregation of a pick, or stops charting it; the last aggregation of a pick stays. */
export function toggleAggregation(
  picks: readonly MetricPick[],
  id: string,
  aggregation: MetricAggregation,
): MetricPick[] {
  return picks.map((p) => {
    if (pickId(p) !== id || !isAggregatedScope(p.scope)) return p;
    const has = p.aggregations.includes(aggregation);
    if (has && p.aggregations.length === 1) return p;
    return {
      ...p,
      aggregations: has
        ? p.aggregations.filter((a) => a !== aggregation)
        : normaliseAggs([...p.aggregations, aggregation]),
    };
  });
}

/** Tokens of a parameter read into picks: bad tokens dropped, duplicates merged, at most {@link MAX_PICKS}. */
function readTokens(raw: string | null | undefined, read: (token: string) => MetricPick | undefined): MetricPick[] {
  if (!raw) return [];
  let picks: MetricPick[] = [];
  for (const token of raw.split(',')) {
    const pick = token === '' ? undefined : read(token.trim());
    if (pick) picks = addPick(picks, pick);
  }
  return picks;
}

/** The explorer's `m` parameter. */
export function parsePicks(raw: string | null | undefined): MetricPick[] {
  return readTokens(raw, parsePick);
}

export function serializePicks(picks: readonly MetricPick[]): string | null {
  return picks.length === 0 ? null : picks.map(serializePick).join(',');
}

const SUBTASK_METRIC_ID = /^(\d+)\.(.+)$/s;
const AGGREGATED_TOKEN = /^(min|max|avg|sum|skew)\((.+)\)$/s;

/** A subtask's metric id in its parts: `0.numRecordsIn` -> subtask 0, name `numRecordsIn`. */
export function splitSubtaskMetricId(id: string): { subtask: number; name: string } | null {
  const match = SUBTASK_METRIC_ID.exec(id);
  if (!match?.[1] || match[2] === undefined) return null;
  return { subtask: Number(match[1]), name: match[2] };
}

/** Whether a vertex's metric id can be picked on its tab: a subtask's metric without a comma. */
export function isSubtaskMetricPickable(id: string): boolean {
  return !id.includes(',') && splitSubtaskMetricId(id) !== null;
}

/** The pick of one subtask's metric (`0.numRecordsIn`) of a vertex. */
export function subtaskMetricPick(jobId: string, vertexId: string, metricId: string): MetricPick {
  return { scope: { kind: 'vertex', jobId, vertexId }, metricId, aggregations: [] };
}

/** The pick of a metric aggregated over all of a vertex's subtasks. */
export function aggregatedMetricPick(
  jobId: string,
  vertexId: string,
  name: string,
  aggregations: readonly MetricAggregation[],
): MetricPick {
  return {
    scope: { kind: 'subtasks', jobId, vertexId, subtasks: null },
    metricId: name,
    aggregations: normaliseAggs(aggregations),
  };
}

/** One token of the vertex tab's `metrics` parameter as a pick of that vertex. */
export function parseVertexPick(jobId: string, vertexId: string, token: string): MetricPick | undefined {
  if (token.includes(',')) return undefined;
  const aggregated = AGGREGATED_TOKEN.exec(token);
  const aggregation = METRIC_AGGREGATIONS.find((a) => a === aggregated?.[1]);
  if (aggregation && aggregated?.[2]) return aggregatedMetricPick(jobId, vertexId, aggregated[2], [aggregation]);
  return isSubtaskMetricPickable(token) ? subtaskMetricPick(jobId, vertexId, token) : undefined;
}

/** The vertex tab's tokens of a pick: its id, or one `<agg>(<name>)` per aggregation. */
function vertexTokens(pick: MetricPick): string[] {
  return isAggregatedScope(pick.scope) ? pick.aggregations.map((a) => `${a}(${pick.metricId})`) : [pick.metricId];
}

/** The vertex tab's `metrics` parameter (`?metrics=0.numRecordsIn,avg(busyTimeMsPerSecond)`), for one vertex. */
export function vertexPicksParam(jobId: string, vertexId: string): SearchParam<MetricPick[]> {
  return {
    parse: (raw) => readTokens(raw, (token) => parseVertexPick(jobId, vertexId, token)),
    serialize: (picks) => (picks.length === 0 ? null : picks.flatMap(vertexTokens).join(',')),
  };
}

export const AGGREGATION_WORDS: Record<MetricAggregation, string> = {
  min: 'minimum',
  max: 'maximum',
  avg: 'average',
  sum: 'sum',
  skew: 'skew',
};

/** The metric's name without a subtask's index: `numRecordsIn` for `0.numRecordsIn` and `avg(numRecordsIn)`. */
export function vertexMetricName(pick: MetricPick): string {
  if (isAggregatedScope(pick.scope)) return pick.metricId;
  return splitSubtaskMetricId(pick.metricId)?.name ?? pick.metricId;
}

/** A vertex pick in words: `numRecordsIn, subtask 0` or `numRecordsIn, minimum and average over subtasks`. */
export function vertexPickLabel(pick: MetricPick): string {
  if (isAggregatedScope(pick.scope)) {
    const words = pick.aggregations.map((a) => AGGREGATION_WORDS[a]);
    const listed =
      words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}` : (words[0] ?? '');
    return `${pick.metricId}, ${listed} over subtasks`;
  }
  const parts = splitSubtaskMetricId(pick.metricId);
  return parts ? `${parts.name}, subtask ${parts.subtask}` : pick.metricId;
}

export interface ScopeGroup {
  readonly key: string;
  readonly scope: MetricScope;
  readonly picks: readonly MetricPick[];
  /** The metric ids to `get`, sorted. */
  readonly metrics: readonly string[];
  /** The aggregations to ask for (aggregated scopes), in Flink's order. */
  readonly aggs: readonly MetricAggregation[];
}

/** Picks grouped by scope: one request per scope and refresh. */
export function groupPicks(picks: readonly MetricPick[]): ScopeGroup[] {
  const groups = new Map<string, { scope: MetricScope; picks: MetricPick[] }>();
  for (const pick of picks) {
    const key = scopeKey(pick.scope);
    const group = groups.get(key);
    if (group) group.picks.push(pick);
    else groups.set(key, { scope: pick.scope, picks: [pick] });
  }
  return [...groups.entries()].map(([key, g]) => ({
    key,
    scope: g.scope,
    picks: g.picks,
    metrics: [...new Set(g.picks.map((p) => p.metricId))].sort(),
    aggs: normaliseAggs(g.picks.flatMap((p) => p.aggregations)),
  }));
}

/** The history series name of a pick's value (and aggregation). */
export function seriesName(metric: string, agg?: MetricAggregation): string {
  return agg ? `${metric}\u0000${agg}` : metric;
}
