// Typed query-parameter values for Flink's REST API, and their serialisation.

import { FlinkApiError } from './errors';

/** A query value: lists become Flink's comma-separated lists; `undefined` drops the parameter. */
export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** Aggregations of `/jobs/metrics`, `/taskmanagers/metrics`, `.../subtasks/metrics`. */
export const METRIC_AGGREGATIONS = ['min', 'max', 'sum', 'avg', 'skew'] as const;
export type MetricAggregation = (typeof METRIC_AGGREGATIONS)[number];

/** Flame graph types of `/jobs/:jobid/vertices/:vertexid/flamegraph`. */
export const FLAME_GRAPH_TYPES = ['FULL', 'ON_CPU', 'OFF_CPU'] as const;
export type FlameGraphType = (typeof FLAME_GRAPH_TYPES)[number];

declare const subtaskRangesBrand: unique symbol;
/** Flink's subtask range syntax, e.g. `1,3,5-9`, only made by {@link subtaskRanges}. */
export type SubtaskRanges = string & { readonly [subtaskRangesBrand]: true };

/** One subtask index, or an inclusive range of them. */
export type SubtaskSelection =
  number | readonly [from: number, to: number] | { readonly from: number; readonly to: number };

function checkIndex(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new FlinkApiError({
      kind: 'invalid-request',
      endpoint: 'subtaskRanges',
      message: `a subtask index must be a non-negative integer, got ${String(n)}`,
    });
  }
}

function toRange(s: SubtaskSelection): [number, number] {
  if (typeof s === 'number') return [s, s];
  if ('from' in s) return [s.from, s.to];
  return [s[0], s[1]];
}

function isList(value: QueryValue): value is readonly (string | number)[] {
  return Array.isArray(value);
}

/**
 * Builds Flink's subtask selection from indices and inclusive ranges:
 * `subtaskRanges(1, 3, [5, 9])` is `'1,3,5-9'`. Overlapping and adjacent ranges are merged and
 * the result is sorted, so equal selections give equal strings (and equal query keys).
 */
export function subtaskRanges(...selections: readonly SubtaskSelection[]): SubtaskRanges {
  const ranges: [number, number][] = selections.map((s) => {
    const [from, to] = toRange(s);
    checkIndex(from);
    checkIndex(to);
    if (from > to) {
      throw new FlinkApiError({
        kind: 'invalid-request',
        endpoint: 'subtaskRanges',
        message: `a subtask range must not run backwards: ${from}-${to}`,
      });
    }
    return [from, to];
  });
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(',') as SubtaskRanges;
}

/** Reads Flink's subtask selection syntax back into sorted indices (for tests and links). */
export function parseSubtaskRanges(text: string): number[] {
  const out = new Set<number>();
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new Error(`not a subtask range: ${part}`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    for (let i = from; i <= to; i++) out.add(i);
  }
  return [...out].sort((a, b) => a - b);
}

/** `key:value` pairs of `failureLabelFilter`; each pair is one repeated list item. */
export function failureLabelFilter(labels: Readonly<Record<string, string>>): string[] {
  return Object.entries(labels).map(([k, v]) => `${k}:${v}`);
}

/**
 * Serialises query parameters the way Flink's router reads them: each value percent-encoded,
 * list items joined with a literal comma. Flink splits every query value on commas, so a list
 * item containing one cannot be expressed and is refused (send such values in a JSON body).
 */
export function serializeQuery(query: QueryParams | undefined, endpoint: string): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const list = isList(value);
    const items: readonly (string | number | boolean)[] = isList(value) ? value : [value];
    if (list && items.length === 0) continue;
    const encoded = items.map((item) => {
      if (typeof item === 'number' && !Number.isFinite(item)) {
        throw new FlinkApiError({
          kind: 'invalid-request',
          endpoint,
          message: `query parameter ${key} is not a finite number`,
        });
      }
      const text = String(item);
      if (list && text.includes(',')) {
        throw new FlinkApiError({
          kind: 'invalid-request',
          endpoint,
          message: `query parameter ${key}: list item "${text}" contains a comma, which Flink's list syntax cannot carry`,
        });
      }
      // Flink splits every query value on commas (all its query parameters are lists), so a
      // comma is a separator whether or not it is percent-encoded: keep it readable.
      return encodeURIComponent(text).replace(/%2C/gi, ',');
    });
    parts.push(`${encodeURIComponent(key)}=${encoded.join(',')}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
