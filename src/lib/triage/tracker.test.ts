import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CheckpointingStatisticsSchema, type CheckpointingStatistics } from '../../api/checkpoints';
import { JobDetailsSchema, type JobDetails } from '../../api/jobs';
import backpressure1 from './fixtures/wall/backpressure-details-1.json';
import backpressure2 from './fixtures/wall/backpressure-details-2.json';
import failingCheckpoints1 from './fixtures/wall/failing-checkpoints-checkpoints-1.json';
import failingCheckpoints2 from './fixtures/wall/failing-checkpoints-checkpoints-2.json';
import failingDetails1 from './fixtures/wall/failing-checkpoints-details-1.json';
import failingDetails2 from './fixtures/wall/failing-checkpoints-details-2.json';
import flakyCheckpoints from './fixtures/wall/flaky-checkpoints-1.json';
import flakyDetails from './fixtures/wall/flaky-details-1.json';
import { classifyJobHealth } from './health';
import { advanceTracker, consecutiveFailures, EMPTY_HEALTH_TRACKER, healthInput } from './tracker';

// Fixtures recorded from the sandbox's demo jobs (src/lib/triage/fixtures/wall).
const details = (json: unknown): JobDetails => v.parse(JobDetailsSchema, json);
const checkpoints = (json: unknown): CheckpointingStatistics => v.parse(CheckpointingStatisticsSchema, json);

describe("the wall's tracker, on recorded answers", () => {
  it('sees the flaky job restarting from its first answer', () => {
    const d = details(flakyDetails);
    const tracker = advanceTracker(EMPTY_HEALTH_TRACKER, [
      { jid: d.jid, details: d, checkpoints: checkpoints(flakyCheckpoints) },
    ]);
    const input = healthInput(d.state, tracker.get(d.jid));
    expect(input.totalRestarts).toBe(77);
    expect(input.restarts?.count).toBe(1);
    expect(classifyJobHealth(input)).toEqual({
      level: 'warn',
      reasons: ['restarting: 1 restart in the last minute (77 in all)'],
    });
  });

  it('counts restarts seen between polls', () => {
    const d = details(flakyDetails);
    const c = checkpoints(flakyCheckpoints);
    let tracker = advanceTracker(EMPTY_HEALTH_TRACKER, [{ jid: d.jid, details: d, checkpoints: c }]);
    // Two more restarts, 35 s apart, as the flaky job does.
    for (const step of [1, 2]) {
      const later: JobDetails = {
        ...d,
        now: d.now + step * 35_000,
        timestamps: { ...d.timestamps, RESTARTING: d.now + step * 35_000 - 5000 },
      };
      const laterCheckpoints: CheckpointingStatistics = {
        ...c,
        counts: { ...c.counts, restored: c.counts.restored + step },
      };
      tracker = advanceTracker(tracker, [{ jid: d.jid, details: later, checkpoints: laterCheckpoints }]);
    }
    const health = classifyJobHealth(healthInput('RUNNING', tracker.get(d.jid)));
    expect(health.level).toBe('bad');
    expect(health.reasons[0]).toBe('restarting: 3 restarts in the last 2 min (79 in all)');
  });

  it("reads failed checkpoints from Flink's history, then from the counts", () => {
    const d1 = details(failingDetails1);
    let tracker = advanceTracker(EMPTY_HEALTH_TRACKER, [
      { jid: d1.jid, details: d1, checkpoints: checkpoints(failingCheckpoints1) },
    ]);
    let health = classifyJobHealth(healthInput('RUNNING', tracker.get(d1.jid)));
    expect(health.level).toBe('warn');
    expect(health.reasons).toEqual([expect.stringMatching(/^3 checkpoints failed in the last (minute|\d+ min)$/)]);
    const d2 = details(failingDetails2);
    tracker = advanceTracker(tracker, [{ jid: d2.jid, details: d2, checkpoints: checkpoints(failingCheckpoints2) }]);
    health = classifyJobHealth(healthInput('RUNNING', tracker.get(d2.jid)));
    expect(health.reasons[0]).toMatch(/^4 checkpoints failed/);
    expect(consecutiveFailures(checkpoints(failingCheckpoints2))).toBe(1);
  });

  it('finds the back-pressured vertex from two polls of the job details', () => {
    const first = details(backpressure1);
    const second = details(backpressure2);
    let tracker = advanceTracker(EMPTY_HEALTH_TRACKER, [{ jid: first.jid, details: first, checkpoints: undefined }]);
    expect(healthInput('RUNNING', tracker.get(first.jid)).backPressure).toBeNull();
    tracker = advanceTracker(tracker, [{ jid: second.jid, details: second, checkpoints: undefined }]);
    const health = classifyJobHealth(healthInput('RUNNING', tracker.get(second.jid)));
    expect(health.level).toBe('warn');
    expect(health.reasons).toEqual([
      expect.stringMatching(/^back-pressured 9\d% at Source: Fast event source.*; bottleneck: Slow enrichment/),
    ]);
  });

  it('keeps nothing for jobs that are not observed any more, and nothing new for the same answers', () => {
    const d = details(flakyDetails);
    const c = checkpoints(flakyCheckpoints);
    const tracker = advanceTracker(EMPTY_HEALTH_TRACKER, [{ jid: d.jid, details: d, checkpoints: c }]);
    expect(advanceTracker(tracker, [{ jid: d.jid, details: d, checkpoints: c }])).toBe(tracker);
    expect(advanceTracker(tracker, []).size).toBe(0);
  });
});
