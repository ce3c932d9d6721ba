import { useEffect } from 'react';
import type { HistoryStore } from '../../lib/history-store';
import type { TimePoint } from '../time-series/time-series-option';

// Metric values into the bounded history stores of lib/history-store: parsing Flink's string
// values, recording polled answers once, and rates of cumulative counters.

/**
 * Records one answer of a polled query into a history: `t` is the query's `dataUpdatedAt`, so a
 * cached answer seen again on remount is not recorded twice.
 */
export function useRecordMetricSample(
  store: HistoryStore,
  key: string,
  t: number,
  values: Readonly<Record<string, number | null>> | undefined,
): void {
  useEffect(() => {
    if (values !== undefined && t > 0) store.record(key, t, values);
  }, [store, key, t, values]);
}

/** Flink's metric values are strings: numbers become numbers, anything else (a path, "n/a") null. */
export function parseMetricValue(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value == null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** `[{id, value}]` (a `get` answer) -> `{ id: number | null }`. */
export function sampleFromMetricValues(
  metrics: readonly { readonly id: string; readonly value?: string | undefined }[],
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const m of metrics) out[m.id] = parseMetricValue(m.value);
  return out;
}

/**
 * A cumulative counter (GC time, GC count) as a rate per second between consecutive samples.
 * A counter that went down (the process restarted) or a gap gives a gap, never a negative rate.
 */
export function ratePoints(points: readonly TimePoint[]): [number, number | null][] {
  const out: [number, number | null][] = [];
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1];
    const cur = points[i];
    if (!prev || !cur) continue;
    const [t0, v0] = prev;
    const [t1, v1] = cur;
    const dt = (t1 - t0) / 1000;
    out.push([t1, v0 === null || v1 === null || dt <= 0 || v1 < v0 ? null : (v1 - v0) / dt]);
  }
  return out;
}
