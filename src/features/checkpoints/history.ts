import { useCallback, useEffect, useSyncExternalStore } from 'react';
import * as v from 'valibot';
import { CheckpointStatsSchema, type CheckpointStats } from '../../api/checkpoints';
import { registerSnapshotPart } from '../../lib/snapshot-parts';

// Flink keeps only the last few checkpoints (`web.checkpoints.history`, 10 by default). The
// dashboard keeps every checkpoint it has seen while open, per job, at module level so leaving
// the tab (or the job) and coming back keeps the history. Bounded both ways: checkpoints per
// job (newest kept) and jobs per store (least recently used forgotten).

/** Checkpoints kept per job. */
export const HISTORY_CAP = 1000;
/** Jobs whose history is kept. */
export const HISTORY_JOBS = 20;

const EMPTY: readonly CheckpointStats[] = Object.freeze([]);

/** What a history entry keeps: Flink's per-vertex `tasks` map is dropped (details has it). */
function slim(entry: CheckpointStats): CheckpointStats {
  return Object.keys(entry.tasks).length === 0 ? entry : { ...entry, tasks: {} };
}

/**
 * Merges the server's latest history into what was seen before, by checkpoint id: the latest
 * answer wins (an IN_PROGRESS checkpoint becomes COMPLETED or FAILED), entries the server has
 * forgotten are kept. Newest (highest id) first, as Flink sends it; at most `cap` entries, the
 * oldest dropped. Returns `previous` itself when nothing changed, so subscribers do not re-render.
 */
export function mergeHistory(
  previous: readonly CheckpointStats[],
  latest: readonly CheckpointStats[],
  cap: number,
): readonly CheckpointStats[] {
  const limit = Math.max(0, Math.floor(cap));
  const byId = new Map<number, CheckpointStats>();
  for (const entry of previous) byId.set(entry.id, entry);
  let changed = false;
  for (const entry of latest) {
    const before = byId.get(entry.id);
    if (before && sameEntry(before, entry)) continue;
    byId.set(entry.id, slim(entry));
    changed = true;
  }
  if (!changed && previous.length <= limit && isNewestFirst(previous)) return previous;
  const merged = [...byId.values()].sort((a, b) => b.id - a.id);
  return merged.length > limit ? merged.slice(0, limit) : merged;
}

function isNewestFirst(entries: readonly CheckpointStats[]): boolean {
  for (let i = 1; i < entries.length; i++) {
    const prev = entries[i - 1];
    const cur = entries[i];
    if (prev && cur && prev.id <= cur.id) return false;
  }
  return true;
}

/** Fields that change while a checkpoint runs or ends. */
function sameEntry(a: CheckpointStats, b: CheckpointStats): boolean {
  return (
    a.status === b.status &&
    a.className === b.className &&
    a.num_acknowledged_subtasks === b.num_acknowledged_subtasks &&
    a.latest_ack_timestamp === b.latest_ack_timestamp &&
    a.end_to_end_duration === b.end_to_end_duration &&
    a.checkpointed_size === b.checkpointed_size &&
    a.state_size === b.state_size &&
    (a.className !== 'completed' || b.className !== 'completed' || a.discarded === b.discarded)
  );
}

export interface CheckpointHistoryStore {
  /** Merges a server answer into a job's history. */
  record: (jobId: string, latest: readonly CheckpointStats[]) => void;
  /** A job's history, newest first; the same array until something changes. */
  get: (jobId: string) => readonly CheckpointStats[];
  subscribe: (listener: () => void) => () => void;
  jobs: () => string[];
  clear: () => void;
}

export function createCheckpointHistoryStore(cap = HISTORY_CAP, maxJobs = HISTORY_JOBS): CheckpointHistoryStore {
  // A Map iterates in insertion order: re-inserting on use makes the first key the LRU.
  const histories = new Map<string, readonly CheckpointStats[]>();
  const listeners = new Set<() => void>();
  return {
    record(jobId, latest) {
      const before = histories.get(jobId) ?? EMPTY;
      const after = mergeHistory(before, latest, cap);
      histories.delete(jobId);
      histories.set(jobId, after);
      while (histories.size > Math.max(1, maxJobs)) {
        const oldest = histories.keys().next();
        if (oldest.done) break;
        histories.delete(oldest.value);
      }
      if (after !== before) for (const listener of listeners) listener();
    },
    get: (jobId) => histories.get(jobId) ?? EMPTY,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    jobs: () => [...histories.keys()],
    clear() {
      histories.clear();
      for (const listener of listeners) listener();
    },
  };
}

/** The one store of the app. */
export const checkpointHistory = createCheckpointHistoryStore();

// Snapshots carry the history seen while open (Flink itself keeps only the last few).
registerSnapshotPart('checkpoints', {
  dump: (jobId) => {
    const out: Record<string, readonly CheckpointStats[]> = {};
    for (const job of checkpointHistory.jobs())
      if (jobId === undefined || job === jobId) out[job] = checkpointHistory.get(job);
    return out;
  },
  restore: (data) => {
    const parsed = v.safeParse(v.record(v.string(), v.array(CheckpointStatsSchema)), data);
    if (!parsed.success) return;
    for (const [job, entries] of Object.entries(parsed.output)) checkpointHistory.record(job, entries);
  },
});

/**
 * A job's checkpoint history as seen while the dashboard was open: records each answer of
 * `GET /jobs/:id/checkpoints` (`latest`) and re-renders when the merged history changes.
 */
export function useCheckpointHistory(
  jobId: string,
  latest: readonly CheckpointStats[] | undefined,
  store: CheckpointHistoryStore = checkpointHistory,
): readonly CheckpointStats[] {
  useEffect(() => {
    if (latest) store.record(jobId, latest);
  }, [store, jobId, latest]);
  const getSnapshot = useCallback(() => store.get(jobId), [store, jobId]);
  const seen = useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
  // Before the effect ran for a new answer, show at least what the server just said.
  return latest && seen.length === 0 ? latest : seen;
}
