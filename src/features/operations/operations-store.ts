// Every operation started in this browser tab (savepoints, stops, checkpoints, cancellations,
// jar uploads and runs, data set deletions, savepoint disposals ...), kept at module level so the
// list survives navigation, and followed to its end by the store itself: the promise an operation
// runs belongs to the store, not to the component that started it, so leaving the page does not
// stop following it.
//
// Other features reach the store through the page (they must not import this feature): the page
// passes `trackOperation` down as a prop typed structurally by the feature (see jars/ports.ts).

import type { ActionSpec, RunContext, TrackedOutcome } from '../../lib/action-ports';
import { describeActionError } from './action-errors';

export type { RunContext, TrackedOutcome } from '../../lib/action-ports';

export type OperationKind =
  | 'savepoint'
  | 'stop-with-savepoint'
  | 'checkpoint'
  | 'cancel'
  | 'application-cancel'
  | 'rescale'
  | 'resource-requirements'
  | 'jar-upload'
  | 'jar-run'
  | 'jar-run-application'
  | 'jar-delete'
  | 'dataset-deletion'
  | 'savepoint-disposal'
  | 'cluster-shutdown';

export const OPERATION_TITLES: Readonly<Record<OperationKind, string>> = {
  savepoint: 'Savepoint',
  'stop-with-savepoint': 'Stop with savepoint',
  checkpoint: 'Checkpoint',
  cancel: 'Cancel job',
  'application-cancel': 'Cancel application',
  rescale: 'Rescale',
  'resource-requirements': 'Resource requirements',
  'jar-upload': 'Upload jar',
  'jar-run': 'Run jar',
  'jar-run-application': 'Run jar as application',
  'jar-delete': 'Delete jar',
  'dataset-deletion': 'Delete data set',
  'savepoint-disposal': 'Dispose savepoint',
  'cluster-shutdown': 'Shut down cluster',
};

export type OperationState = 'running' | 'completed' | 'failed';

export type OperationSpec = ActionSpec<OperationKind>;

export interface OperationRecord extends OperationSpec {
  readonly id: number;
  readonly startedAt: number;
  readonly state: OperationState;
  /** 0..1 while running, when the operation knows (uploads); undefined when it does not. */
  readonly progress?: number;
  /** A short status while running ("triggered", "waiting for CANCELED"). */
  readonly note?: string;
  readonly settledAt?: number;
  readonly outcome?: TrackedOutcome;
}

export type OperationRun = (context: RunContext) => Promise<TrackedOutcome>;

/** How many operations the store keeps; the oldest settled ones go first. */
export const MAX_OPERATIONS = 50;

export interface OperationsSnapshot {
  /** Newest first. */
  readonly records: readonly OperationRecord[];
  /** Operations with an id up to this one were shown on the operations page. */
  readonly seenUpTo: number;
}

let snapshot: OperationsSnapshot = { records: [], seenUpTo: 0 };
let nextId = 1;
const listeners = new Set<() => void>();

function setSnapshot(next: OperationsSnapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

function update(id: number, change: (record: OperationRecord) => OperationRecord): void {
  if (!snapshot.records.some((r) => r.id === id)) return; // dropped by the bound
  setSnapshot({ ...snapshot, records: bound(snapshot.records.map((r) => (r.id === id ? change(r) : r))) });
}

/** Drops the oldest settled operations beyond the bound; running ones are never dropped. */
export function bound(list: readonly OperationRecord[], max = MAX_OPERATIONS): readonly OperationRecord[] {
  let excess = list.length - max;
  if (excess <= 0) return list;
  const drop = new Set<number>();
  // `list` is newest first: walk from the oldest end.
  for (let i = list.length - 1; i >= 0 && excess > 0; i--) {
    const record = list[i];
    if (record && record.state !== 'running') {
      drop.add(record.id);
      excess--;
    }
  }
  return list.filter((r) => !drop.has(r.id));
}

/**
 * Adds an operation and follows it: runs `run` and records how it ended. Errors thrown by `run`
 * become failures with a readable message (a 403 says "not allowed here", not a stack trace).
 * Resolves with the outcome; never rejects.
 */
export function trackOperation(
  spec: OperationSpec,
  run: OperationRun,
  now: () => number = Date.now,
): Promise<TrackedOutcome> {
  const id = nextId++;
  const record: OperationRecord = { ...spec, id, startedAt: now(), state: 'running' };
  setSnapshot({ ...snapshot, records: bound([record, ...snapshot.records]) });
  const context: RunContext = {
    progress: (fraction) => update(id, (r) => ({ ...r, progress: Math.min(1, Math.max(0, fraction)) })),
    note: (text) => update(id, (r) => ({ ...r, note: text })),
  };
  const settle = (outcome: TrackedOutcome): TrackedOutcome => {
    update(id, (r) => {
      return {
        ...r,
        note: undefined,
        progress: undefined,
        state: outcome.ok ? 'completed' : 'failed',
        settledAt: now(),
        outcome,
        ...(outcome.ok && outcome.jobId && !r.jobId ? { jobId: outcome.jobId } : {}),
      };
    });
    return outcome;
  };
  // An async wrapper turns a synchronous throw into a rejection like any other.
  const started = (async () => run(context))();
  return started.then(settle, (error: unknown) => settle({ ok: false, ...describeActionError(error) }));
}

export function getOperations(): OperationsSnapshot {
  return snapshot;
}

export function subscribeOperations(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Failed operations the operations page has not shown yet. */
export function unseenFailures(state: OperationsSnapshot = snapshot): number {
  return state.records.filter((r) => r.id > state.seenUpTo && r.state === 'failed').length;
}

/** Marks every operation so far as seen (the operations page shows them all). */
export function markOperationsSeen(): void {
  const newest = snapshot.records[0]?.id ?? 0;
  if (newest > snapshot.seenUpTo) setSnapshot({ ...snapshot, seenUpTo: newest });
}

/** Empties the store (tests). */
export function resetOperationsStore(): void {
  nextId = 1;
  setSnapshot({ records: [], seenUpTo: 0 });
}
