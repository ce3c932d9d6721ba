import { describe, expect, it } from 'vitest';
import {
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

  it('the triage page reads at most 4 more per refresh, the task manager list every 10th', () => {
    const jobs = Array.from({ length: 12 }, (_, i) => job(i));
    const vertices: ScheduleVertex[] = Array.from({ length: 6 }, (_, i) => ({
      jid: 'job0',
      vertexId: `v${i}`,
      parallelism: 4,
      max: i * 100,
    }));
    expect(planTurn({ n: 1, mode: 'page', jobs, taskManagers: tms, vertices })).toEqual([]);
    for (let n = 2; n <= 60; n++) {
      const plan = planTurn({ n, mode: 'page', jobs, taskManagers: tms, vertices });
      const extra = plan.filter((r) => r.kind !== 'tm-list');
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
    const plan = planTurn({ n: 4, mode: 'page', jobs, taskManagers: [] });
    expect(plan).toEqual([{ kind: 'checkpoints', jid: 'job1' }]);
  });
});
