import { useCallback, useEffect, useSyncExternalStore } from 'react';

// Short in-memory histories of metric values seen while the dashboard was open (a task manager's
// heap, a picked metric). They live at module level, so leaving a page and coming back keeps the
// line; they are bounded both ways: samples per key (oldest dropped) and keys per store (the least
// recently used key forgotten). This is not react-query cache: nothing here is refetched.

/** One observation: a time (epoch ms) and a value per series; null draws a gap. */
export interface MetricSample {
  readonly t: number;
  readonly values: Readonly<Record<string, number | null>>;
}

export interface MetricHistoryLimits {
  /** Most samples kept per key. */
  readonly maxSamples: number;
  /** Most keys kept; the least recently used goes first. */
  readonly maxKeys: number;
}

export interface MetricHistoryStore {
  /** Adds a sample unless one at the same or a later time is already there (remounts, cache hits). */
  record: (key: string, t: number, values: Readonly<Record<string, number | null>>) => void;
  /** The samples of a key, oldest first; the same array until something is recorded for it. */
  get: (key: string) => readonly MetricSample[];
  subscribe: (listener: () => void) => () => void;
  keys: () => string[];
  clear: () => void;
}

const EMPTY: readonly MetricSample[] = Object.freeze([]);

export function createMetricHistory(limits: MetricHistoryLimits): MetricHistoryStore {
  const maxSamples = Math.max(1, Math.floor(limits.maxSamples));
  const maxKeys = Math.max(1, Math.floor(limits.maxKeys));
  // A Map iterates in insertion order: re-inserting a key on use makes the first key the LRU.
  const entries = new Map<string, readonly MetricSample[]>();
  const listeners = new Set<() => void>();

  return {
    record(key, t, values) {
      if (!Number.isFinite(t)) return;
      const current = entries.get(key) ?? EMPTY;
      const last = current[current.length - 1];
      if (last && t <= last.t) return;
      const appended = [...current, { t, values: { ...values } }];
      const next = appended.length > maxSamples ? appended.slice(appended.length - maxSamples) : appended;
      entries.delete(key);
      entries.set(key, next);
      while (entries.size > maxKeys) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      for (const listener of listeners) listener();
    },
    get: (key) => entries.get(key) ?? EMPTY,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    keys: () => [...entries.keys()],
    clear() {
      entries.clear();
      for (const listener of listeners) listener();
    },
  };
}

/** The samples of one key, re-rendering when one is recorded. */
export function useMetricHistory(store: MetricHistoryStore, key: string): readonly MetricSample[] {
  const getSnapshot = useCallback(() => store.get(key), [store, key]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}

/**
 * Records one answer of a polled query into a history: `t` is the query's `dataUpdatedAt`, so a
 * cached answer seen again on remount is not recorded twice.
 */
export function useRecordMetricSample(
  store: MetricHistoryStore,
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
export function sampleFromMetricValues(metrics: readonly { readonly id: string; readonly value?: string | undefined }[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const m of metrics) out[m.id] = parseMetricValue(m.value);
  return out;
}

/** The points of one series, as `[time, value]`, from the samples that carry it. */
export function seriesPoints(samples: readonly MetricSample[], name: string): [number, number | null][] {
  const points: [number, number | null][] = [];
  for (const sample of samples) {
    if (Object.hasOwn(sample.values, name)) points.push([sample.t, sample.values[name] ?? null]);
  }
  return points;
}

/**
 * A cumulative counter (GC time, GC count) as a rate per second between consecutive samples.
 * A counter that went down (the process restarted) or a gap gives a gap, never a negative rate.
 */
export function ratePoints(points: readonly (readonly [number, number | null])[]): [number, number | null][] {
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
