// Per-subtask times from the vertex details (`/jobs/:jobid/vertices/:vertexid`), which both Flink
// lines (1.20 and 2.x) send with `status-duration` and the accumulated busy / back-pressured /
// idle times in each subtask's `metrics`: no request beyond the details the tab already polls.

import { finiteNumber } from '../../api/schemas';
import type { SubtaskAttempt } from '../../api/subtasks';
import { isTerminal } from '../../lib/job-states';

/** The accumulated times Flink keeps per subtask (ms since the task started running). */
export type AccumulatedKind = 'busy' | 'backpressured' | 'idle';

const ACCUMULATED_FIELD = {
  busy: 'accumulated-busy-time',
  backpressured: 'accumulated-backpressured-time',
  idle: 'accumulated-idle-time',
} as const;

/**
 * How long the subtask has been in its current state (ms). Flink's `status-duration` has the
 * states up to RUNNING, the current one counted up to `now`; a finished, canceled or failed
 * subtask is timed from its `end-time` (the time Flink stamped that state) to the details' `now`.
 * Any other state (CANCELING, RECONCILING) has no timestamp in the answer: undefined.
 */
export function timeInState(subtask: SubtaskAttempt, now: number): number | undefined {
  const fromFlink = subtask['status-duration']?.[subtask.status];
  if (fromFlink !== undefined && fromFlink >= 0) return fromFlink;
  if (isTerminal(subtask.status) && subtask['end-time'] > 0 && now >= subtask['end-time']) {
    return now - subtask['end-time'];
  }
  return undefined;
}

/** The accumulated busy, back-pressured or idle time (ms); undefined when absent or unknown (Flink's "NaN"). */
export function accumulatedTime(subtask: SubtaskAttempt, kind: AccumulatedKind): number | undefined {
  const value = finiteNumber(subtask.metrics[ACCUMULATED_FIELD[kind]]);
  return value === null || value < 0 ? undefined : value;
}

/** How long the subtask has run (its RUNNING time in `status-duration`); undefined before it ran. */
export function runningTime(subtask: SubtaskAttempt): number | undefined {
  const ms = subtask['status-duration']?.RUNNING;
  return ms !== undefined && ms > 0 ? ms : undefined;
}

/** An accumulated time as a share (0..1) of the subtask's running time; undefined when either is unknown. */
export function shareOfRunning(subtask: SubtaskAttempt, kind: AccumulatedKind): number | undefined {
  const ms = accumulatedTime(subtask, kind);
  const running = runningTime(subtask);
  if (ms === undefined || running === undefined) return undefined;
  // The metrics are sampled a little before `now`: never more than the whole running time.
  return Math.min(1, ms / running);
}

/**
 * The slowest subtask: the one with the most accumulated busy time (ties: the lowest index);
 * undefined when no subtask reports a busy time above zero.
 */
export function slowestSubtask(subtasks: readonly SubtaskAttempt[]): number | undefined {
  let slowest: { index: number; busy: number } | undefined;
  for (const s of subtasks) {
    const busy = accumulatedTime(s, 'busy');
    if (busy === undefined || busy <= 0) continue;
    if (!slowest || busy > slowest.busy || (busy === slowest.busy && s.subtask < slowest.index)) {
      slowest = { index: s.subtask, busy };
    }
  }
  return slowest?.index;
}

/** "99.9%" of a 0..1 share. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
