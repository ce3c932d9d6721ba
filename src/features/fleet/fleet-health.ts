// Pure: what the fleet says of each cluster, from the two or three answers it reads per cluster
// (GET /config once, GET /overview and GET /jobs/overview per refresh): whether it answers, and
// its worst health finding in words.

import type { ClusterOverview } from '../../api/cluster';
import { connectionFailure, userMessage } from '../../api/errors';
import type { JobOverview } from '../../api/jobs';
import type { HealthLevel } from '../../lib/triage/health';

/** A request still unanswered this long after it was due marks its cluster slow. */
export const SLOW_AFTER_MS = 5000;

export type Reachability =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ok' }
  | { readonly kind: 'slow'; readonly waitingMs: number }
  | { readonly kind: 'unreachable'; readonly message: string }
  | { readonly kind: 'session-expired'; readonly message: string }
  /** It answers, but not what was asked (a 404, a wrong shape): the cluster is up, the row says what. */
  | { readonly kind: 'error'; readonly message: string };

export interface ReachabilityInput {
  /** The newest failure of the cluster's main request (react-query's `failureReason`, set on the first failed attempt). */
  readonly failure: unknown;
  readonly hasData: boolean;
  /** When the main request last settled (answer or error), 0 before. */
  readonly settledAt: number;
  readonly fetching: boolean;
  /** The poll interval, or false when nothing polls. */
  readonly intervalMs: number | false;
  readonly now: number;
}

export function reachabilityOf(input: ReachabilityInput): Reachability {
  const { failure } = input;
  if (failure) {
    const down = connectionFailure(failure);
    if (down === 'session-expired') return { kind: 'session-expired', message: userMessage(failure) };
    if (down === 'unreachable') return { kind: 'unreachable', message: userMessage(failure) };
    return { kind: 'error', message: userMessage(failure) };
  }
  if (input.fetching && input.settledAt > 0) {
    // The next request was sent `intervalMs` after the last answer: how long it has waited since.
    const waitingMs = input.now - input.settledAt - (input.intervalMs === false ? 0 : input.intervalMs);
    if (waitingMs >= SLOW_AFTER_MS) return { kind: 'slow', waitingMs };
  }
  if (!input.hasData) return input.fetching || input.settledAt === 0 ? { kind: 'loading' } : { kind: 'ok' };
  return { kind: 'ok' };
}

export const REACHABILITY_WORDS: Record<Reachability['kind'], string> = {
  loading: 'Connecting',
  ok: 'Reachable',
  slow: 'Slow',
  unreachable: 'Unreachable',
  'session-expired': 'Session expired',
  error: 'Error',
};

export interface ClusterFinding {
  readonly level: Exclude<HealthLevel, 'ended'>;
  readonly text: string;
}

export interface ClusterHealthInput {
  readonly reachability: Reachability;
  /** Absent on a History Server (it has no /overview) and before the first answer. */
  readonly overview: ClusterOverview | undefined;
  readonly jobs: readonly JobOverview[] | undefined;
  /** The task managers when the fleet first saw this cluster, if it did. */
  readonly firstTaskManagers: number | undefined;
  readonly history: boolean;
}

const RANK = { ok: 0, warn: 1, bad: 2 } as const;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Every finding of one cluster, worst first; one `ok` finding when nothing is wrong. */
export function clusterFindings(input: ClusterHealthInput): ClusterFinding[] {
  const { reachability: r, overview, jobs } = input;
  const found: ClusterFinding[] = [];
  if (r.kind === 'unreachable') found.push({ level: 'bad', text: `unreachable: ${r.message}` });
  if (r.kind === 'session-expired') found.push({ level: 'bad', text: `session expired: ${r.message}` });
  if (r.kind === 'error') found.push({ level: 'warn', text: r.message });
  if (r.kind === 'slow') found.push({ level: 'warn', text: `slow: no answer for ${Math.round(r.waitingMs / 1000)} s` });

  if (jobs) {
    const count = (state: string): number => jobsByState(jobs).find((c) => c.state === state)?.count ?? 0;
    const restarting = count('RESTARTING') + count('FAILING');
    if (restarting > 0) found.push({ level: 'bad', text: `${plural(restarting, 'job')} failing or restarting` });
    const suspended = count('SUSPENDED');
    if (suspended > 0) found.push({ level: 'bad', text: `${plural(suspended, 'job')} suspended` });
  }
  if (overview && !input.history) {
    if (overview.taskmanagers === 0) found.push({ level: 'bad', text: 'no task manager' });
    else if (input.firstTaskManagers !== undefined && overview.taskmanagers < input.firstTaskManagers) {
      found.push({
        level: 'warn',
        text: `${plural(overview.taskmanagers, 'task manager')}, ${input.firstTaskManagers} when first seen`,
      });
    }
    if (overview['slots-total'] > 0 && overview['slots-available'] === 0)
      found.push({ level: 'warn', text: 'no free slots' });
  }
  const ordered = found.map((f, i) => ({ f, i })).sort((a, b) => RANK[b.f.level] - RANK[a.f.level] || a.i - b.i);
  if (ordered.length) return ordered.map((o) => o.f);
  if (input.history) return [{ level: 'ok', text: jobs ? `${plural(jobs.length, 'archived job')}` : 'archive' }];
  return [{ level: 'ok', text: 'no problem found' }];
}

/** Jobs by state, for a row ("4 running, 1 failed"): the states present, in a fixed order. */
const STATE_ORDER = [
  'RUNNING',
  'RESTARTING',
  'FAILING',
  'CREATED',
  'INITIALIZING',
  'RECONCILING',
  'SUSPENDED',
  'CANCELLING',
  'FAILED',
  'CANCELED',
  'FINISHED',
];

const byStateOf = new WeakMap<readonly JobOverview[], readonly { state: string; count: number }[]>();

/** Counted once per answer (the fleet renders on every request of a round; a list holds a thousand jobs). */
export function jobsByState(jobs: readonly JobOverview[]): readonly { state: string; count: number }[] {
  let counted = byStateOf.get(jobs);
  if (counted === undefined) {
    counted = countByState(jobs);
    byStateOf.set(jobs, counted);
  }
  return counted;
}

function countByState(jobs: readonly JobOverview[]): { state: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const job of jobs) counts.set(job.state, (counts.get(job.state) ?? 0) + 1);
  const rank = (s: string): number => {
    const i = STATE_ORDER.indexOf(s);
    return i < 0 ? STATE_ORDER.length : i;
  };
  return [...counts].map(([state, count]) => ({ state, count })).sort((a, b) => rank(a.state) - rank(b.state));
}
