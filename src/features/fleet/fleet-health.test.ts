import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ClusterOverviewSchema } from '../../api/cluster';
import { FlinkApiError } from '../../api/errors';
import { JobsOverviewSchema } from '../../api/jobs';
import { fixture } from '../../api/test-utils';
import { clusterFindings, jobsByState, reachabilityOf, SLOW_AFTER_MS } from './fleet-health';

const overview = v.parse(ClusterOverviewSchema, fixture('flink-2.3.0/overview').json);
const jobs = v.parse(JobsOverviewSchema, fixture('flink-2.3.0/jobs-overview').json).jobs;
const base = { failure: null, hasData: true, settledAt: 1000, fetching: false, intervalMs: 3000, now: 2000 } as const;

describe('reachabilityOf', () => {
  it('names a refused connection, an expired session and a slow answer', () => {
    const network = new FlinkApiError({ kind: 'network', endpoint: 'GET /overview', message: 'Failed to fetch' });
    expect(reachabilityOf({ ...base, failure: network })).toMatchObject({ kind: 'unreachable' });
    const expired = new FlinkApiError({ kind: 'session-expired', endpoint: 'GET /overview', status: 401 });
    expect(reachabilityOf({ ...base, failure: expired })).toMatchObject({ kind: 'session-expired' });
    const gateway = new FlinkApiError({ kind: 'http', endpoint: 'GET /overview', status: 502 });
    expect(reachabilityOf({ ...base, failure: gateway })).toMatchObject({ kind: 'unreachable' });
    const missing = new FlinkApiError({ kind: 'not-found', endpoint: 'GET /overview', status: 404 });
    expect(reachabilityOf({ ...base, failure: missing })).toMatchObject({ kind: 'error' });
    // Due at 4000 (answered at 1000, interval 3000): slow once it waited SLOW_AFTER_MS past that.
    expect(reachabilityOf({ ...base, fetching: true, now: 4000 + SLOW_AFTER_MS - 1 })).toEqual({ kind: 'ok' });
    expect(reachabilityOf({ ...base, fetching: true, now: 4000 + SLOW_AFTER_MS })).toEqual({
      kind: 'slow',
      waitingMs: SLOW_AFTER_MS,
    });
    expect(reachabilityOf({ ...base, hasData: false, settledAt: 0, fetching: true })).toEqual({ kind: 'loading' });
  });
});

describe('clusterFindings', () => {
  const ok = { kind: 'ok' } as const;
  it('puts an unreachable cluster first, then failing jobs, lost task managers and full slots', () => {
    const full = { ...overview, 'slots-available': 0, taskmanagers: 1 };
    const restarting = jobs.map((j, i) => (i === 0 ? { ...j, state: 'RESTARTING' as const } : j));
    const found = clusterFindings({
      reachability: { kind: 'unreachable', message: 'refused' },
      overview: full,
      jobs: restarting,
      firstTaskManagers: 2,
      history: false,
    });
    expect(found.map((f) => f.level)).toEqual(['bad', 'bad', 'warn', 'warn']);
    expect(found[0]?.text).toBe('unreachable: refused');
    expect(found[1]?.text).toBe('1 job failing or restarting');
    expect(found.map((f) => f.text)).toContain('1 task manager, 2 when first seen');
    expect(found.map((f) => f.text)).toContain('no free slots');
  });

  it("says nothing is wrong with a healthy cluster, and counts a History Server's jobs", () => {
    const running = jobs.filter((j) => j.state === 'RUNNING');
    const healthy = clusterFindings({
      reachability: ok,
      overview: { ...overview, 'slots-available': 1 },
      jobs: running,
      firstTaskManagers: overview.taskmanagers,
      history: false,
    });
    expect(healthy).toEqual([{ level: 'ok', text: 'no problem found' }]);
    const archive = clusterFindings({
      reachability: ok,
      overview: undefined,
      jobs,
      firstTaskManagers: undefined,
      history: true,
    });
    expect(archive).toEqual([{ level: 'ok', text: `${jobs.length} archived jobs` }]);
  });
});

describe('jobsByState', () => {
  it('counts the recorded jobs by state, running first', () => {
    const counts = jobsByState(jobs);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(jobs.length);
    expect(counts[0]?.state).toBe('RUNNING');
  });
});
