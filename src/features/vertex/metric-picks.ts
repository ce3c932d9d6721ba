import type { AggregatedMetrics, MetricValues } from '../../api/metrics';
import { METRIC_AGGREGATIONS, type MetricAggregation } from '../../api/query';
import { listParam, type SearchParam } from '../../lib/search-state';

// Metrics picked on a vertex's Metrics tab. A pick is either one subtask's metric, by the id
// Flink lists (`0.numRecordsInPerSecond`), or a metric aggregated over all subtasks
// (`avg(numRecordsInPerSecond)`, read from `/subtasks/metrics?get=…&agg=…`). In the URL they
// are a comma-separated list; Flink itself splits request values on commas, so an id holding
// a comma could never be asked for and is not pickable.

export type MetricPick =
  | { readonly kind: 'subtask'; readonly id: string; readonly subtask: number; readonly name: string }
  | { readonly kind: 'agg'; readonly name: string; readonly agg: MetricAggregation };

/** Most metrics charted at once. */
export const MAX_PICKS = 8;

const SUBTASK_ID = /^(\d+)\.(.+)$/s;
const AGG_PICK = /^(min|max|avg|sum|skew)\((.+)\)$/s;

/** The metric id's parts: `0.numRecordsIn` -> subtask 0, name `numRecordsIn`. */
export function splitMetricId(id: string): { subtask: number; name: string } | null {
  const match = SUBTASK_ID.exec(id);
  if (!match?.[1] || match[2] === undefined) return null;
  return { subtask: Number(match[1]), name: match[2] };
}

export function isPickable(id: string): boolean {
  return !id.includes(',') && splitMetricId(id) !== null;
}

export function parsePick(raw: string): MetricPick | null {
  if (raw.includes(',')) return null;
  const agg = AGG_PICK.exec(raw);
  if (agg?.[1] && agg[2]) {
    const kind = METRIC_AGGREGATIONS.find((a) => a === agg[1]);
    if (kind) return { kind: 'agg', name: agg[2], agg: kind };
  }
  const parts = splitMetricId(raw);
  return parts ? { kind: 'subtask', id: raw, ...parts } : null;
}

export function pickKey(pick: MetricPick): string {
  return pick.kind === 'agg' ? `${pick.agg}(${pick.name})` : pick.id;
}

/** What a person reads: `numRecordsIn, subtask 0` or `numRecordsIn, average over subtasks`. */
export function pickLabel(pick: MetricPick): string {
  return pick.kind === 'agg'
    ? `${pick.name}, ${AGG_WORDS[pick.agg]} over subtasks`
    : `${pick.name}, subtask ${pick.subtask}`;
}

export const AGG_WORDS: Record<MetricAggregation, string> = {
  min: 'minimum',
  max: 'maximum',
  avg: 'average',
  sum: 'sum',
  skew: 'skew',
};

/** The picks in the URL (`?metrics=0.numRecordsIn,avg(busyTimeMsPerSecond)`), deduplicated. */
export const picksParam: SearchParam<MetricPick[]> = (() => {
  const list = listParam((item) => parsePick(item) !== null);
  return {
    parse: (raw) => {
      const seen = new Set<string>();
      const picks: MetricPick[] = [];
      for (const item of list.parse(raw)) {
        const pick = parsePick(item);
        if (!pick || seen.has(pickKey(pick))) continue;
        seen.add(pickKey(pick));
        picks.push(pick);
      }
      return picks.slice(0, MAX_PICKS);
    },
    serialize: (picks) => list.serialize(picks.map(pickKey)),
  };
})();

/** Adds a pick (no duplicates, at most MAX_PICKS). */
export function addPick(picks: readonly MetricPick[], pick: MetricPick): MetricPick[] {
  if (picks.some((p) => pickKey(p) === pickKey(pick)) || picks.length >= MAX_PICKS) return [...picks];
  return [...picks, pick];
}

export function removePick(picks: readonly MetricPick[], key: string): MetricPick[] {
  return picks.filter((p) => pickKey(p) !== key);
}

/** Replaces a pick in place (changing how it is shown); a duplicate result is dropped. */
export function replacePick(picks: readonly MetricPick[], key: string, next: MetricPick): MetricPick[] {
  const out: MetricPick[] = [];
  for (const p of picks) {
    const candidate = pickKey(p) === key ? next : p;
    if (!out.some((o) => pickKey(o) === pickKey(candidate))) out.push(candidate);
  }
  return out;
}

/** The same metric shown another way: `subtask` keeps (or picks subtask 0), else aggregated. */
export function reshapePick(pick: MetricPick, shape: 'subtask' | MetricAggregation): MetricPick {
  if (shape === 'subtask') {
    if (pick.kind === 'subtask') return pick;
    return { kind: 'subtask', id: `0.${pick.name}`, subtask: 0, name: pick.name };
  }
  return { kind: 'agg', name: pick.name, agg: shape };
}

/** What to ask Flink for: ids for `/metrics?get=`, names and aggregations for `/subtasks/metrics`. */
export function pickRequests(picks: readonly MetricPick[]): {
  ids: string[];
  aggNames: string[];
  aggs: MetricAggregation[];
} {
  const ids = new Set<string>();
  const aggNames = new Set<string>();
  const aggs = new Set<MetricAggregation>();
  for (const p of picks) {
    if (p.kind === 'subtask') ids.add(p.id);
    else {
      aggNames.add(p.name);
      aggs.add(p.agg);
    }
  }
  return {
    ids: [...ids].sort(),
    aggNames: [...aggNames].sort(),
    aggs: METRIC_AGGREGATIONS.filter((a) => aggs.has(a)),
  };
}

/** A pick's latest value: a number when Flink sent one, the text of a non-numeric gauge, or undefined. */
export function pickValue(
  pick: MetricPick,
  values: MetricValues | undefined,
  aggregated: AggregatedMetrics | undefined,
): number | string | undefined {
  if (pick.kind === 'agg') {
    const entry = aggregated?.find((m) => m.id === pick.name);
    const value = entry?.[pick.agg];
    return typeof value === 'number' ? value : undefined;
  }
  const raw = values?.find((m) => m.id === pick.id)?.value;
  if (raw === undefined) return undefined;
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
}

/** Compact number for labels: 1234567 -> "1.23M", 0.0042 -> "0.0042". */
export function formatMetricNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e12) return `${(n / 1e12).toPrecision(3)}T`;
  if (abs >= 1e9) return `${(n / 1e9).toPrecision(3)}G`;
  if (abs >= 1e6) return `${(n / 1e6).toPrecision(3)}M`;
  if (abs >= 1e4) return `${(n / 1e3).toPrecision(3)}k`;
  if (abs === 0 || abs >= 1) return String(Math.round(n * 100) / 100);
  return n.toPrecision(2);
}
