import { describe, expect, it } from 'vitest';
import { keepUnchangedJobs, type JobOverview, type JobsOverview } from './jobs';

const job = (jid: string, over: Partial<JobOverview> = {}): JobOverview => ({
  jid,
  name: `job ${jid}`,
  state: 'RUNNING',
  'start-time': 1,
  'end-time': -1,
  duration: 10,
  'last-modification': 1,
  tasks: {
    total: 2,
    created: 0,
    scheduled: 0,
    deploying: 0,
    running: 2,
    finished: 0,
    canceling: 0,
    canceled: 0,
    failed: 0,
    reconciling: 0,
    initializing: 0,
  },
  ...over,
});

/** A fresh copy, as a new answer parses (no object shared with `list`). */
const answer = (list: JobOverview[]): JobsOverview => JSON.parse(JSON.stringify({ jobs: list })) as JobsOverview;

describe('keepUnchangedJobs', () => {
  it('takes the first answer as it is', () => {
    const first = answer([job('a')]);
    expect(keepUnchangedJobs(undefined, first)).toBe(first);
  });

  it('keeps the last answer when nothing changed', () => {
    const before = answer([job('a'), job('b')]);
    expect(keepUnchangedJobs(before, answer([job('a'), job('b')]))).toBe(before);
  });

  it('keeps each unchanged job by its id, even reordered, and takes the changed ones', () => {
    const before = answer([job('a'), job('b'), job('c')]);
    const next = answer([
      job('c'),
      job('a', { 'last-modification': 2 }),
      job('b', { tasks: { ...job('b').tasks, failed: 1 } }),
    ]);
    const kept = keepUnchangedJobs(before, next) as JobsOverview;
    expect(kept).not.toBe(before);
    expect(kept.jobs.map((j) => j.jid)).toEqual(['c', 'a', 'b']);
    expect(kept.jobs[0]).toBe(before.jobs[2]);
    expect(kept.jobs[1]).toBe(next.jobs[1]);
    expect(kept.jobs[1]?.['last-modification']).toBe(2);
    expect(kept.jobs[2]?.tasks.failed).toBe(1);
  });

  it('sees a job added, a job gone and a key only one answer has', () => {
    const before = answer([job('a'), job('b')]);
    expect((keepUnchangedJobs(before, answer([job('a')])) as JobsOverview).jobs).toHaveLength(1);
    const added = keepUnchangedJobs(before, answer([job('a'), job('b'), job('c')])) as JobsOverview;
    expect(added.jobs.map((j) => j.jid)).toEqual(['a', 'b', 'c']);
    expect(added.jobs[0]).toBe(before.jobs[0]);
    const extra = answer([job('a'), job('b', { 'pending-operators': 1 })]);
    expect((keepUnchangedJobs(before, extra) as JobsOverview).jobs[1]).toBe(extra.jobs[1]);
  });

  it("keeps a running job whose only change is its age (Flink's duration), not an ended one's", () => {
    const ended = { state: 'FINISHED', 'end-time': 20, duration: 19 } as const;
    const before = answer([job('run'), job('done', ended)]);
    const older = answer([job('run', { duration: 3_000 }), job('done', ended)]);
    expect(keepUnchangedJobs(before, older)).toBe(before);
    const moved = answer([
      job('run', { duration: 3_000, state: 'RESTARTING' }),
      job('done', { ...ended, duration: 18 }),
    ]);
    const kept = keepUnchangedJobs(before, moved) as JobsOverview;
    expect(kept.jobs[0]?.state).toBe('RESTARTING');
    expect(kept.jobs[0]?.duration).toBe(3_000);
    expect(kept.jobs[1]).toBe(moved.jobs[1]);
    const justEnded = answer([job('run', { ...ended, duration: 3_000 }), job('done', ended)]);
    expect((keepUnchangedJobs(before, justEnded) as JobsOverview).jobs[0]?.['end-time']).toBe(20);
  });
});
