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

export function isActive(state: string): boolean {
  return !['FINISHED', 'CANCELED', 'FAILED', 'SUSPENDED'].includes(state);
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
