import { describe, expect, it } from 'vitest';
import {
  DETAILS_KEPT_FOR_OLDEST,
  DETAILS_PER_REFRESH,
  HOT_VERTICES,
  planTurn,
  TM_LIST_EVERY,
  type ScheduleJob,
  type ScheduleVertex,
  type TriageRead,
} from './schedule';

const job = (i: number, extra: Partial<ScheduleJob> = {}): ScheduleJob => ({
  jid: `job${i}`,
  hasDetails: true,
  hasCheckpoints: true,
  sinkId: `sink${i}`,
  hasWatermark: true,
  ...extra,
});
const tms = [
  { id: 'tm-a', hasMetrics: true },
  { id: 'tm-b', hasMetrics: true },
];

describe('the triage schedule', () => {
  it('the overview panel adds at most one read every other refresh, with 10 running jobs', () => {
    const jobs = Array.from({ length: 10 }, (_, i) => job(i));
    const reads: TriageRead[][] = [];
    for (let n = 1; n <= 200; n++) reads.push(planTurn({ n, mode: 'panel', jobs, taskManagers: tms }));
    expect(Math.max(...reads.map((r) => r.length))).toBe(1);
    expect(reads.flat().length).toBe(100);
    // Every job's details come round within 2 x 4/2 x 10 = 40 refreshes; each task manager and checkpoint too.
    const window = reads.slice(0, 40).flat();
    for (const j of jobs) expect(window).toContainEqual({ kind: 'details', jid: j.jid });
    const wider = reads.slice(0, 80).flat();
    for (const j of jobs) expect(wider).toContainEqual({ kind: 'checkpoints', jid: j.jid });
    for (const t of tms) expect(wider).toContainEqual({ kind: 'tm-metrics', tmId: t.id });
    expect(wider.some((r) => r.kind === 'watermark')).toBe(true);
    // The panel never reads the task manager list (the overview polls it) nor per subtask.
    expect(reads.flat().some((r) => r.kind === 'tm-list' || r.kind.startsWith('busy'))).toBe(false);
  });

  it('the panel reads jobs never read before first', () => {
    const jobs = [job(0), job(1, { hasDetails: false }), job(2, { hasDetails: false })];
    expect(planTurn({ n: 2, mode: 'panel', jobs, taskManagers: tms })).toEqual([{ kind: 'details', jid: 'job1' }]);
    expect(planTurn({ n: 3, mode: 'panel', jobs, taskManagers: tms })).toEqual([]);
  });

  it("the triage page reads every job's details while there are few, and at most 4 more per refresh", () => {
    const jobs = Array.from({ length: DETAILS_PER_REFRESH }, (_, i) => job(i, { detailsReadOn: 1 }));
    const vertices: ScheduleVertex[] = Array.from({ length: 6 }, (_, i) => ({
      jid: 'job0',
      vertexId: `v${i}`,
      parallelism: 4,
      max: i * 100,
    }));
    for (let n = 1; n <= 60; n++) {
      const plan = planTurn({ n, mode: 'page', jobs, taskManagers: tms, vertices });
      expect(plan.filter((r) => r.kind === 'details').map((r) => ('jid' in r ? r.jid : ''))).toEqual(
        jobs.map((j) => j.jid),
      );
      const extra = plan.filter((r) => r.kind !== 'tm-list' && r.kind !== 'details');
      expect(extra.length).toBeLessThanOrEqual(4);
      expect(plan.some((r) => r.kind === 'tm-list')).toBe(n % TM_LIST_EVERY === 0);
      expect(plan.filter((r) => r.kind.startsWith('busy'))).toHaveLength(1);
    }
  });

  it('busy reads: the busiest subtask of each vertex in turn, the subtasks of the hottest few every other turn', () => {
    const vertices: ScheduleVertex[] = [
      { jid: 'j', vertexId: 'cold', parallelism: 2, max: 1 },
      { jid: 'j', vertexId: 'hot', parallelism: 4, max: 900 },
      { jid: 'j', vertexId: 'new', parallelism: 3, max: null },
      { jid: 'j', vertexId: 'warm', parallelism: 2, max: 300 },
      { jid: 'j', vertexId: 'mild', parallelism: 2, max: 200 },
    ];
    const busy = (n: number) =>
      planTurn({ n, mode: 'page', jobs: [], taskManagers: [], vertices }).find((r) => r.kind.startsWith('busy'));
    // A vertex never read goes first.
    expect(busy(2)).toEqual({ kind: 'busy-max', jid: 'j', vertexId: 'new' });
    const named = [3, 5, 7, 9].map((n) => busy(n));
    for (const r of named) expect(r?.kind).toBe('busy-subtasks');
    const ids = new Set(named.map((r) => (r?.kind === 'busy-subtasks' ? r.vertexId : '')));
    expect(ids).toEqual(new Set(['hot', 'warm', 'mild']));
    expect(ids.size).toBe(HOT_VERTICES);
  });

  it('skips jobs without checkpoints and sinks without a watermark', () => {
    const jobs = [job(0, { checkpointsGone: true, noWatermark: true }), job(1, { sinkId: null })];
    const plan = planTurn({ n: 4, mode: 'page', jobs, taskManagers: [] }).filter((r) => r.kind !== 'details');
    expect(plan).toEqual([{ kind: 'checkpoints', jid: 'job1' }]);
  });

  /** Runs the page's schedule for `refreshes` turns; `changed(jid, n)` says whether a job's list entry moved. */
  function simulate(
    count: number,
    refreshes: number,
    changed: (jid: string, n: number) => boolean,
    /** Gaps between reads are counted from this refresh on (after the first round). */
    from = 0,
  ) {
    const readOn = new Map<string, number>();
    const perRefresh: number[] = [];
    const gaps = new Map<string, number>();
    for (let n = 1; n <= refreshes; n++) {
      const jobs = Array.from({ length: count }, (_, i) => {
        const jid = `job${i}`;
        const last = readOn.get(jid);
        return job(i, { hasDetails: last !== undefined, detailsReadOn: last ?? null, changed: changed(jid, n) });
      });
      const plan = planTurn({ n, mode: 'page', jobs, taskManagers: tms });
      perRefresh.push(plan.length);
      for (const r of plan) {
        if (r.kind !== 'details') continue;
        const last = readOn.get(r.jid);
        if (last !== undefined && last >= from) gaps.set(r.jid, Math.max(gaps.get(r.jid) ?? 0, n - last));
        readOn.set(r.jid, n);
      }
    }
    return { readOn, perRefresh, gaps };
  }

  it("the page's requests per refresh do not grow with the number of running jobs", () => {
    for (const count of [100, 1000]) {
      const { perRefresh, readOn } = simulate(count, 30, () => false);
      // The details budget, 4 reads in turn and the task manager list every 10th refresh.
      expect(Math.max(...perRefresh)).toBeLessThanOrEqual(DETAILS_PER_REFRESH + 4 + 1);
      expect(readOn.size).toBe(Math.min(count, 30 * DETAILS_PER_REFRESH));
    }
  });

  it("with 100 running jobs every job's details come round within 100 / budget refreshes", () => {
    const { readOn, gaps } = simulate(100, 60, () => false);
    expect(readOn.size).toBe(100);
    const round = Math.ceil(100 / DETAILS_PER_REFRESH);
    for (const gap of gaps.values()) expect(gap).toBeLessThanOrEqual(round);
  });

  it('jobs never read go first, then jobs whose list entry changed, the least recently read of the others', () => {
    const jobs = Array.from({ length: 20 }, (_, i) => job(i, { detailsReadOn: 10 + i, changed: i === 15 || i === 17 }));
    const unread = job(20, { hasDetails: false, detailsReadOn: null });
    const plan = planTurn({ n: 40, mode: 'page', jobs: [...jobs, unread], taskManagers: tms });
    const details = plan.flatMap((r) => (r.kind === 'details' ? [r.jid] : []));
    expect(details).toHaveLength(DETAILS_PER_REFRESH);
    expect(details.slice(0, 3)).toEqual(['job20', 'job15', 'job17']);
    // The rest: the least recently read.
    expect(details.slice(3)).toEqual(['job0', 'job1', 'job2', 'job3', 'job4']);
  });

  it('jobs that change on every refresh cannot starve the others', () => {
    // 20 of 100 jobs change on every refresh: they take the changed places, the rest still come round.
    const busy = (jid: string): boolean => Number(jid.slice(3)) < 20;
    // Counted once the first reads (8 a refresh) and the first round of the quiet jobs (2 a refresh) are over.
    const settled = Math.ceil(100 / DETAILS_PER_REFRESH) + Math.ceil(80 / DETAILS_KEPT_FOR_OLDEST);
    const { gaps } = simulate(100, 300, (jid) => busy(jid), settled);
    const quiet = [...gaps].filter(([jid]) => !busy(jid)).map(([, gap]) => gap);
    expect(quiet).toHaveLength(80);
    // The places kept for the oldest go round the 80 quiet jobs.
    for (const gap of quiet) expect(gap).toBeLessThanOrEqual(Math.ceil(80 / DETAILS_KEPT_FOR_OLDEST));
    for (const [jid, gap] of gaps) if (busy(jid)) expect(gap).toBeLessThanOrEqual(Math.ceil(20 / 6) + 1);
  });
});
