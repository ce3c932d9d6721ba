import { useCallback, useSyncExternalStore } from 'react';
import * as v from 'valibot';
import { keyConcernsJob, registerSnapshotPart } from './snapshot-parts';

// Short in-memory histories of values seen while a page was open (back-pressure ratios, a task
// manager's heap, picked metrics). They live at module level so leaving a tab or the page and coming back keeps the
// line; they are bounded in both directions: samples per key and keys per store (the least
// recently used key goes first). Not react-query cache: nothing here is refetched.

/** One observation: a time (epoch ms) and a value per series; null draws a gap. */
export interface HistorySample {
  readonly t: number;
  readonly values: Readonly<Record<string, number | null>>;
}

export interface HistoryStoreLimits {
  /** Most samples kept per key; older ones are dropped. */
  readonly maxSamples: number;
  /** Most keys kept; the least recently used is forgotten. */
  readonly maxKeys: number;
}

export interface HistoryStore {
  /** Adds a sample unless one at the same or a later time is already there. */
  record: (key: string, t: number, values: Readonly<Record<string, number | null>>) => void;
  /** The samples of a key, oldest first; the same array until something is recorded. */
  get: (key: string) => readonly HistorySample[];
  subscribe: (listener: () => void) => () => void;
  keys: () => string[];
  clear: () => void;
}

const EMPTY: readonly HistorySample[] = Object.freeze([]);

export function createHistoryStore(limits: HistoryStoreLimits): HistoryStore {
  const maxSamples = Math.max(1, Math.floor(limits.maxSamples));
  const maxKeys = Math.max(1, Math.floor(limits.maxKeys));
  // A Map iterates in insertion order: re-inserting a key on use makes the first key the LRU.
  const entries = new Map<string, readonly HistorySample[]>();
  const listeners = new Set<() => void>();

  const touch = (key: string, samples: readonly HistorySample[]): void => {
    entries.delete(key);
    entries.set(key, samples);
    while (entries.size > maxKeys) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
  };

  return {
    record(key, t, values) {
      if (!Number.isFinite(t)) return;
      const current = entries.get(key) ?? EMPTY;
      const last = current[current.length - 1];
      if (last && t <= last.t) return; // the same sample seen again (remount, refetch)
      const next = [...current, { t, values: { ...values } }];
      touch(key, next.length > maxSamples ? next.slice(next.length - maxSamples) : next);
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

/** The points of one series: samples that carry it, as `[time, value]`. */
export function seriesPoints(samples: readonly HistorySample[], name: string): [number, number | null][] {
  const points: [number, number | null][] = [];
  for (const sample of samples) {
    if (Object.hasOwn(sample.values, name)) points.push([sample.t, sample.values[name] ?? null]);
  }
  return points;
}

/** The samples of one key, re-rendering when a sample is recorded. */
export function useHistory(store: HistoryStore, key: string): readonly HistorySample[] {
  const getSnapshot = useCallback(() => store.get(key), [store, key]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}

const SnapshotSamplesSchema = v.record(
  v.string(),
  v.array(v.object({ t: v.pipe(v.number(), v.finite()), values: v.record(v.string(), v.nullable(v.number())) })),
);

/** Makes a history store part of snapshots under `name` (see lib/snapshot-parts). */
export function keepInSnapshots(name: string, store: HistoryStore): void {
  registerSnapshotPart(name, {
    dump: (jobId) => {
      const out: Record<string, readonly HistorySample[]> = {};
      for (const key of store.keys()) if (keyConcernsJob(key, jobId)) out[key] = store.get(key);
      return out;
    },
    restore: (data) => {
      const parsed = v.safeParse(SnapshotSamplesSchema, data);
      if (!parsed.success) return;
      for (const [key, samples] of Object.entries(parsed.output))
        for (const sample of samples) store.record(key, sample.t, sample.values);
    },
  });
}
