import { describe, expect, it } from 'vitest';
import { freshnessWords, type TriageFreshness } from './freshness';

const fresh = (extra: Partial<TriageFreshness> = {}): TriageFreshness => ({
  detailsRead: 100,
  oldestDetailsAt: 100_000,
  checkpointsRead: 100,
  taskManagersRead: 200,
  taskManagers: 200,
  at: 112_000,
  interval: 1000,
  ...extra,
});

describe('how fresh the triage page is, in words', () => {
  it('says how many jobs are read so far while some are not', () => {
    const lines = freshnessWords(fresh({ detailsRead: 24, checkpointsRead: 3, taskManagersRead: 3 }), 100);
    expect(lines).toEqual([
      'Job details read for 24 of 100 running jobs so far, 8 per refresh; the others have no findings yet.',
      'Checkpoint statistics read for 3 of 100 running jobs so far, one job per refresh.',
      'Heap, GC and CPU read for 3 of 200 task managers so far, one per refresh.',
    ]);
  });

  it('says how old the oldest job read is, and when it is older than the refresh', () => {
    const [details] = freshnessWords(fresh(), 100);
    expect(details).toBe(
      'Job details of all 100 running jobs read, the oldest 12s ago: older than the refresh (1.0s), as 8 jobs are read per refresh.',
    );
    const [few] = freshnessWords(fresh({ detailsRead: 6, oldestDetailsAt: 111_500, interval: 3000 }), 6);
    expect(few).toBe('Job details of all 6 running jobs read, the oldest 500ms ago.');
  });

  it('says how old checkpoint statistics and task manager metrics can be once all were read', () => {
    const lines = freshnessWords(fresh(), 100);
    expect(lines).toContain(
      'Checkpoint statistics of all 100 running jobs read, one job per refresh: each up to 100 refreshes old.',
    );
    expect(lines).toContain(
      'Heap, GC and CPU of all 200 task managers read, one per refresh: each up to 200 refreshes old.',
    );
  });
});
