import { describe, expect, it } from 'vitest';
import { FlinkApiError } from './errors';
import { applyJobListReply, JobListKeeper, type HeldList, type JobListReply } from './job-list-delta';
import type { JobsOverview } from './job-list';
import { readJobList } from './job-list-reader';
import { fixture } from './test-utils';

const recorded = fixture('flink-2.3.0/jobs-overview').json as JobsOverview;
const at = { endpoint: 'GET /jobs/overview', url: 'http://jm/jobs/overview', status: 200 };
const text = (jobs: JobsOverview['jobs']): string => JSON.stringify({ ...recorded, jobs });
const running = recorded.jobs.filter((j) => j['end-time'] < 0);

/** The page's side of one list: what it holds after each reply. */
function page(): { read: (keeper: JobListKeeper, body: string) => { reply: JobListReply; held: HeldList } } {
  let held: HeldList | undefined;
  return {
    read: (keeper, body) => {
      const reply = keeper.read('prod', body, at, held?.token ?? null);
      const next = applyJobListReply(held, reply);
      if (!next) throw new Error('no list');
      held = next;
      return { reply, held: next };
    },
  };
}

describe('the job-list worker protocol (JobListKeeper, applyJobListReply)', () => {
  it('sends the whole list first, then only the jobs that changed, and the page rebuilds the same list', () => {
    expect(running.length).toBeGreaterThan(1);
    const keeper = new JobListKeeper();
    const p = page();
    const first = p.read(keeper, text(recorded.jobs));
    expect(first.reply.kind).toBe('full');
    expect(first.held.value).toEqual(recorded);

    const [moved, ...rest] = recorded.jobs;
    if (!moved) throw new Error('empty fixture');
    const newer = [...rest.reverse(), { ...moved, state: 'RESTARTING' as const, 'last-modification': 99 }];
    const second = p.read(keeper, text(newer));
    expect(second.reply.kind).toBe('changes');
    if (second.reply.kind !== 'changes') return;
    expect(second.reply.changed.map((j) => j.jid)).toEqual([moved.jid]);
    expect(second.held.value.jobs.map((j) => j.jid)).toEqual(newer.map((j) => j.jid));
    expect(second.held.value).toEqual({ ...recorded, jobs: newer });
    // The jobs that did not change are the page's own objects of the answer before.
    const before = new Set(first.held.value.jobs);
    expect(second.held.value.jobs.filter((j) => before.has(j))).toHaveLength(newer.length - 1);
  });

  it("answers 'same' when only running jobs' ages grew, and the page keeps its list", () => {
    const keeper = new JobListKeeper();
    const p = page();
    const first = p.read(keeper, text(recorded.jobs));
    const older = recorded.jobs.map((j) => (j['end-time'] < 0 ? { ...j, duration: j.duration + 5_000 } : j));
    const again = p.read(keeper, text(older));
    expect(again.reply.kind).toBe('same');
    expect(again.held).toBe(first.held);
  });

  it('sends the whole list to a page that holds another one, and refuses changes that do not fit', () => {
    const keeper = new JobListKeeper();
    keeper.read('prod', text(recorded.jobs), at, null);
    const other = keeper.read('prod', text(recorded.jobs.slice(1)), at, 12345);
    expect(other.kind).toBe('full');
    const changes: JobListReply = { kind: 'changes', token: 9, changed: [], order: ['not-held'], rest: {} };
    expect(applyJobListReply({ token: 8, value: recorded }, changes)).toBeUndefined();
    expect(applyJobListReply({ token: 8, value: recorded }, { kind: 'same', token: 7 })).toBeUndefined();
  });

  it("reports an answer that is not JSON, or not a job list, as the page's own decoding does", () => {
    const keeper = new JobListKeeper();
    const html = keeper.read('prod', '<html><body>Sign in</body></html>', at, null);
    expect(() => applyJobListReply(undefined, html)).toThrow(FlinkApiError);
    expect(html.kind === 'error' && html.error.kind).toBe('not-json');
    const shape = keeper.read('prod', JSON.stringify({ jobs: [{ jid: 1 }] }), at, null);
    expect(shape.kind === 'error' && shape.error.kind).toBe('bad-shape');
    expect(shape.kind === 'error' && shape.error.issues?.[0]).toMatch(/^jobs\[0\]/);
  });
});

describe('readJobList without a worker (the unit tests have none)', () => {
  it('decodes each list on the page, keeping unchanged jobs, and throws what the answer is', async () => {
    const first = await readJobList('page-prod', text(recorded.jobs), at);
    expect(first).toEqual(recorded);
    const again = await readJobList('page-prod', text(recorded.jobs), at);
    expect(again.jobs.every((job, i) => job === first.jobs[i])).toBe(true);
    await expect(readJobList('page-prod', 'not json', at)).rejects.toMatchObject({ kind: 'not-json' });
    // Bytes (as the page hands them to the worker) read as their UTF-8 text.
    const bytes = new TextEncoder().encode(text(recorded.jobs)).buffer;
    expect(await readJobList('page-bytes', bytes, at)).toEqual(recorded);
  });
});
