import type { ExecutionState, JobState } from '../api/schemas';

// Which jobs an on-call engineer needs first: the ones in trouble, then the running ones, then
// the rest, newest first within each group.

export interface OrderableJob {
  state: string;
  'start-time': number;
}

const URGENCY: Record<string, number> = {
  FAILING: 0,
  RESTARTING: 0,
  FAILED: 1,
  CANCELLING: 2,
  RUNNING: 3,
  INITIALIZING: 3,
  CREATED: 3,
  RECONCILING: 3,
  SUSPENDED: 4,
};

/**
 * The states after which a job (or a subtask: execution states share these names) changes no
 * more: its timeline ends, its graph needs no live watermarks, operations on it are over.
 */
export const TERMINAL_STATES: ReadonlySet<JobState | ExecutionState> = new Set<JobState | ExecutionState>([
  'FINISHED',
  'CANCELED',
  'FAILED',
  'SUSPENDED',
]);

/** Whether a job or subtask in this state changes no more; unknown states count as live. */
export function isTerminal(state: string): boolean {
  return (TERMINAL_STATES as ReadonlySet<string>).has(state);
}

export function isActive(state: string): boolean {
  return !isTerminal(state);
}

export function byUrgency<T extends OrderableJob>(jobs: readonly T[]): T[] {
  return [...jobs].sort(
    (a, b) => (URGENCY[a.state] ?? 5) - (URGENCY[b.state] ?? 5) || b['start-time'] - a['start-time'],
  );
}

/** Counts jobs by state for the summary, including the states /overview does not count. */
export function countByState(jobs: readonly OrderableJob[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const job of jobs) counts[job.state] = (counts[job.state] ?? 0) + 1;
  return counts;
}

/**
 * Jobs oldest first, for anything that walks them by position (the kiosk's rotation, the triage
 * reads taken in turn). Flink's `/jobs/overview` lists jobs in a different order in each answer:
 * walked in that order, a rotation jumped about and a round robin read some jobs twice and others
 * not at all.
 */
export function oldestFirst<J extends { readonly jid: string; readonly 'start-time': number }>(
  jobs: readonly J[],
): J[] {
  return [...jobs].sort((a, b) => a['start-time'] - b['start-time'] || a.jid.localeCompare(b.jid));
}
