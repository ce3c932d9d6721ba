import { isJobId, isTaskManagerId, isVertexId } from '../../api/ids';
import {
  METRIC_AGGREGATIONS,
  parseSubtaskRanges,
  subtaskRanges,
  type MetricAggregation,
  type SubtaskRanges,
} from '../../api/query';
import type { SearchParam } from '../../lib/search-state';

// The metrics picked in the explorer, kept in the URL (`?m=...`) so a chart can be shared and
// survives a reload. One pick per token, tokens separated by commas; inside a token the fields
// are separated by colons and each field is percent-encoded (task manager ids and metric ids may
// hold colons and commas):
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
  readonly metric: string;
  /** The aggregations charted, for the aggregated scopes (tms, jobs, subtasks); empty otherwise. */
  readonly aggs: readonly MetricAggregation[];
}

/** Most picks kept from a URL (each is a chart and a request per refresh). */
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
  const base = `${scopeKey(pick.scope)}:${enc(pick.metric)}`;
  return isAggregatedScope(pick.scope) ? `${base}:${normaliseAggs(pick.aggs).join('-')}` : base;
}

/** The identity of a pick: its scope and metric (its aggregations are one chart's lines). */
export function pickId(pick: Pick<MetricPick, 'scope' | 'metric'>): string {
  return `${scopeKey(pick.scope)}:${enc(pick.metric)}`;
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
      return f.length === 2 && metric ? { scope: { kind: 'jm' }, metric, aggs: none } : undefined;
    }
    case 'tm': {
      if (f[1] === '*') {
        const metric = readMetric(f[2]);
        const aggs = readAggs(f[3]);
        return f.length === 4 && metric && aggs ? { scope: { kind: 'tms' }, metric, aggs } : undefined;
      }
      // The id's colons should be encoded; a hand-typed `tm:127.0.0.1:45603-abc:<metric>` reads too.
      const id = f.length >= 3 ? decode(f.slice(1, -1).join(':')) : undefined;
      const metric = readMetric(f[f.length - 1]);
      return f.length >= 3 && isTaskManagerId(id) && metric
        ? { scope: { kind: 'tm', taskManagerId: id }, metric, aggs: none }
        : undefined;
    }
    case 'job': {
      if (f[1] === '*') {
        const metric = readMetric(f[2]);
        const aggs = readAggs(f[3]);
        return f.length === 4 && metric && aggs ? { scope: { kind: 'jobs' }, metric, aggs } : undefined;
      }
      const metric = readMetric(f[2]);
      return f.length === 3 && isJobId(f[1]) && metric
        ? { scope: { kind: 'job', jobId: f[1].toLowerCase() }, metric, aggs: none }
        : undefined;
    }
    case 'vertex': {
      const metric = readMetric(f[3]);
      return f.length === 4 && isJobId(f[1]) && isVertexId(f[2]) && metric
        ? { scope: { kind: 'vertex', jobId: f[1].toLowerCase(), vertexId: f[2].toLowerCase() }, metric, aggs: none }
        : undefined;
    }
    case 'subtasks': {
      const subtasks = readRanges(f[3]);
      const metric = readMetric(f[4]);
      const aggs = readAggs(f[5]);
      return f.length === 6 && isJobId(f[1]) && isVertexId(f[2]) && subtasks !== undefined && metric && aggs
        ? {
            scope: { kind: 'subtasks', jobId: f[1].toLowerCase(), vertexId: f[2].toLowerCase(), subtasks },
            metric,
            aggs,
          }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** Adds a pick; the same scope and metric again merges its aggregations into the existing one. */
export function addPick(picks: readonly MetricPick[], pick: MetricPick): MetricPick[] {
  const id = pickId(pick);
  const existing = picks.find((p) => pickId(p) === id);
  if (!existing) return [...picks, pick];
  return picks.map((p) => (p === existing ? { ...p, aggs: normaliseAggs([...p.aggs, ...pick.aggs]) } : p));
}

export function removePick(picks: readonly MetricPick[], id: string): MetricPick[] {
  return picks.filter((p) => pickId(p) !== id);
}

/** The `m` parameter: bad tokens dropped, duplicates merged, at most {@link MAX_PICKS}. */
export function parsePicks(raw: string | null | undefined): MetricPick[] {
  if (!raw) return [];
  let picks: MetricPick[] = [];
  for (const token of raw.split(',')) {
    const pick = token === '' ? undefined : parsePick(token.trim());
    if (pick) picks = addPick(picks, pick);
    if (picks.length >= MAX_PICKS) break;
  }
  return picks;
}

export function serializePicks(picks: readonly MetricPick[]): string | null {
  return picks.length === 0 ? null : picks.map(serializePick).join(',');
}

export const picksParam: SearchParam<MetricPick[]> = { parse: parsePicks, serialize: serializePicks };

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
    metrics: [...new Set(g.picks.map((p) => p.metric))].sort(),
    aggs: normaliseAggs(g.picks.flatMap((p) => p.aggs)),
  }));
}

/** The history series name of a pick's value (and aggregation). */
export function seriesName(metric: string, agg?: MetricAggregation): string {
  return agg ? `${metric}\u0000${agg}` : metric;
}
