// How fresh the triage page's findings are, in words. With more running jobs than the page reads
// per refresh, a job's findings are as old as its last read: the page says how many jobs, checkpoint
// statistics and task managers were read so far and how old the oldest job read is, so a quiet
// table is never mistaken for a checked cluster.

import { formatDuration } from '../format';
import { isStale } from '../read-in-turn';
import { DETAILS_PER_REFRESH } from './schedule';

/** How much of the cluster the page has read, and how long ago (browser clock, ms). */
export interface TriageFreshness {
  /** Running jobs whose details were read, and the oldest of those reads. */
  readonly detailsRead: number;
  readonly oldestDetailsAt: number | null;
  /** Running jobs whose checkpoint statistics were read. */
  readonly checkpointsRead: number;
  /** Task managers whose metrics were read, of how many. */
  readonly taskManagersRead: number;
  readonly taskManagers: number;
  /** The time of the newest answer of the job list or of job details (the clock the ages are measured against). */
  readonly at: number;
  /** The refresh interval (ms), or false when not polling. */
  readonly interval: number | false;
}

const refreshes = (n: number): string => (n === 1 ? '1 refresh' : `${n} refreshes`);

/** The lines the page shows under its status: one per kind of read taken in turn. */
export function freshnessWords(f: TriageFreshness, running: number): string[] {
  const lines: string[] = [];
  const interval = f.interval === false ? null : f.interval;
  if (f.detailsRead < running) {
    lines.push(
      `Job details read for ${f.detailsRead} of ${running} running jobs so far, ` +
        `${Math.min(running, DETAILS_PER_REFRESH)} per refresh; the others have no findings yet.`,
    );
  } else if (f.oldestDetailsAt !== null) {
    const age = Math.max(0, f.at - f.oldestDetailsAt);
    lines.push(
      `Job details of all ${running} running jobs read, the oldest ${formatDuration(age)} ago` +
        (interval !== null && isStale(age, interval)
          ? `: older than the refresh (${formatDuration(interval)}), as ${DETAILS_PER_REFRESH} jobs are read per refresh.`
          : '.'),
    );
  }
  lines.push(
    f.checkpointsRead < running
      ? `Checkpoint statistics read for ${f.checkpointsRead} of ${running} running jobs so far, one job per refresh.`
      : `Checkpoint statistics of all ${running} running jobs read, one job per refresh: each up to ${refreshes(running)} old.`,
  );
  if (f.taskManagers > 0)
    lines.push(
      f.taskManagersRead < f.taskManagers
        ? `Heap, GC and CPU read for ${f.taskManagersRead} of ${f.taskManagers} task managers so far, one per refresh.`
        : `Heap, GC and CPU of all ${f.taskManagers} task managers read, one per refresh: each up to ${refreshes(f.taskManagers)} old.`,
    );
  return lines;
}
