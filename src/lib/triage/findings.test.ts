import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CheckpointingStatisticsSchema } from '../../api/checkpoints';
import { JobDetailsSchema } from '../../api/jobs';
import { MetricValuesSchema } from '../../api/schemas';
import { backPressureChains, bottleneckWords } from './bottleneck';
import { advanceSince, isProblem, triageFindings, type TriageJob } from './findings';
import { advanceTracker, EMPTY_HEALTH_TRACKER } from './tracker';
import { restartedAround, subtaskBusyIds, subtaskBusyOf, taskManagerReading } from './use-triage-data';

// Fixtures recorded from the sandbox's demo jobs on both Flink lines (src/lib/triage/fixtures).
const lines = {
  '2.3.0': import.meta.glob<unknown>('./fixtures/2.3.0/*.json', { eager: true, import: 'default' }),
  '1.20.5': import.meta.glob<unknown>('./fixtures/1.20.5/*.json', { eager: true, import: 'default' }),
};
const HOUR = 60 * 60_000;

describe.each(Object.entries(lines))('the triage engine on Flink %s', (version, files) => {
  const file = (name: string): unknown => files[`./fixtures/${version}/${name}.json`];
  const details = (name: string) => v.parse(JobDetailsSchema, file(name));
  const checkpoints = (name: string) => v.parse(CheckpointingStatisticsSchema, file(name));

  it('names the slow operator as the bottleneck of the back-pressured demo job, not its source', () => {
    const d1 = details('backpressure-details-1');
    const d2 = details('backpressure-details-2');
    let tracker = advanceTracker(EMPTY_HEALTH_TRACKER, [{ jid: d1.jid, details: d1, checkpoints: undefined }], HOUR);
    tracker = advanceTracker(tracker, [{ jid: d2.jid, details: d2, checkpoints: undefined }], HOUR);
    const track = tracker.get(d2.jid);
    expect(track).toBeDefined();
    const chains = backPressureChains(d2, track?.rates.rates ?? new Map());
    expect(chains).toHaveLength(1);
    expect(chains[0]?.vertexName).toMatch(/^Source: Fast event source/);
    expect(chains[0]?.bottleneck?.name).toBe('Slow enrichment');
    expect(chains[0]?.kind).toBe('operator');

    const findings = triageFindings({ now: d2.now, jobs: [{ jid: d2.jid, name: d2.name, track }], taskManagers: [] });
    const bp = findings.find((f) => f.kind === 'back-pressure');
    expect(bp?.detail).toMatch(/^bottleneck: Slow enrichment \(busy \d+%\)/);
    expect(bp?.link).toBe(`/jobs/${d2.jid}/vertices/${chains[0]?.vertexId}/backpressure`);
    expect(findings.find((f) => f.kind === 'busy')?.subject).toBe('Slow enrichment');
  });

  it('ranks the flaky job among the restarts and the failing-checkpoints job among the checkpoint findings', () => {
    const flaky = details('flaky-details');
    const failing = checkpoints('failing-checkpoints-checkpoints');
    const tracker = advanceTracker(
      EMPTY_HEALTH_TRACKER,
      [
        { jid: flaky.jid, details: flaky, checkpoints: checkpoints('flaky-checkpoints') },
        { jid: 'failing', details: { ...flaky, jid: 'failing', timestamps: {} }, checkpoints: failing },
      ],
      HOUR,
    );
    const jobs: TriageJob[] = [
      { jid: flaky.jid, name: flaky.name, track: tracker.get(flaky.jid) },
      { jid: 'failing', name: 'Demo: checkpoints that sometimes fail', track: tracker.get('failing') },
    ];
    const findings = triageFindings({ now: flaky.now, jobs, taskManagers: [] });
    const restarts = findings.filter((f) => f.kind === 'restarts');
    expect(restarts.map((f) => f.jobName)).toContain('Demo: flaky job');
    expect(restarts[0]?.link).toBe(`/jobs/${flaky.jid}/exceptions`);
    const failed = findings.find((f) => f.kind === 'checkpoint-failed' && f.jobId === 'failing');
    const lastFailed = failing.history.filter((c) => c.status === 'FAILED').sort((a, b) => b.id - a.id)[0];
    expect(failed?.link).toBe(`/jobs/failing/checkpoints/${lastFailed?.id}`);
    expect(failed && isProblem(failed)).toBe(true);
    expect(findings.some((f) => f.kind === 'checkpoint-slow')).toBe(true);
  });

  it('measures watermark lag at the sink of the event-time job, and task manager heap, GC and CPU', () => {
    const et = details('event-time-details');
    const wm = v.parse(
      v.array(v.looseObject({ id: v.string(), min: v.number() })),
      file('event-time-sink-watermark'),
    )[0];
    const sink = et.vertices[et.vertices.length - 1];
    const tm = taskManagerReading('tm-1', v.parse(MetricValuesSchema, file('taskmanager-metrics')));
    const findings = triageFindings({
      now: et.now,
      jobs: [
        {
          jid: et.jid,
          name: et.name,
          track: undefined,
          sinkWatermark: { vertexId: sink?.id ?? '', vertexName: sink?.name ?? '', watermark: wm?.min ?? NaN },
        },
      ],
      taskManagers: [tm],
    });
    const lag = findings.find((f) => f.kind === 'watermark-lag');
    expect(lag?.value).toBeGreaterThanOrEqual(0);
    expect(lag?.link).toBe(`/jobs/${et.jid}/vertices/${sink?.id}/watermarks`);
    expect(findings.filter((f) => f.jobId === null).map((f) => f.kind)).toEqual(['heap', 'gc', 'cpu']);
    expect(findings.find((f) => f.kind === 'heap')?.link).toBe('/taskmanagers/tm-1/metrics');
  });
});

describe.each(Object.entries(lines))('busiest subtasks and lost task managers on Flink %s', (version, files) => {
  const file = (name: string): unknown => files[`./fixtures/${version}/${name}.json`];
  const details = (name: string) => v.parse(JobDetailsSchema, file(name));

  it('ranks the single subtask of the slow operator from the job details, linked to that subtask', () => {
    const d1 = details('backpressure-details-1');
    const d2 = details('backpressure-details-2');
    let tracker = advanceTracker(EMPTY_HEALTH_TRACKER, [{ jid: d1.jid, details: d1, checkpoints: undefined }], HOUR);
    tracker = advanceTracker(tracker, [{ jid: d2.jid, details: d2, checkpoints: undefined }], HOUR);
    const findings = triageFindings({
      now: d2.now,
      jobs: [{ jid: d2.jid, name: d2.name, track: tracker.get(d2.jid) }],
      taskManagers: [],
    });
    const slow = d2.vertices.find((x) => x.name === 'Slow enrichment');
    const top = findings.filter((f) => f.kind === 'busy-subtask')[0];
    expect(top?.subject).toBe('Slow enrichment, subtask 0');
    expect(top?.link).toBe(`/jobs/${d2.jid}/vertices/${slow?.id}/subtasks?subtask=0`);
    expect(top?.detail).toBe('its only subtask');
  });

  it('reads the per-subtask busy time Flink answers for a vertex with several subtasks', () => {
    const et = details('event-time-details');
    const answer = v.parse(MetricValuesSchema, file('event-time-subtask-busy'));
    const max = v.parse(v.array(v.looseObject({ id: v.string(), max: v.number() })), file('event-time-busy-max'))[0];
    const readings = subtaskBusyOf(answer);
    expect(readings.map((r) => r.index)).toEqual([0, 1]);
    expect(answer.map((m) => m.id)).toEqual(subtaskBusyIds(2));
    expect(readings.every((r) => r.msPerSecond >= 0 && r.msPerSecond <= 1000)).toBe(true);
    expect(max?.max).toBeGreaterThanOrEqual(0);
    // As recorded (a few ms per second), below the floor: nothing ranked.
    const vertex = et.vertices.find((x) => answer.length > 0 && x.parallelism === 2) ?? et.vertices[0];
    const track = advanceTracker(EMPTY_HEALTH_TRACKER, [{ jid: et.jid, details: et, checkpoints: undefined }]).get(
      et.jid,
    );
    const input = (subtasks: { index: number; msPerSecond: number }[]) =>
      triageFindings({
        now: et.now,
        jobs: [{ jid: et.jid, name: et.name, track, subtaskBusy: [{ vertexId: vertex?.id ?? '', subtasks }] }],
        taskManagers: [],
      }).filter((f) => f.kind === 'busy-subtask');
    expect(input(readings)).toEqual([]);
    // A hot subtask 1: ranked first, with its index, value and a link that picks it.
    const ranked = input([
      { index: 0, msPerSecond: 300 },
      { index: 1, msPerSecond: 950 },
    ]);
    expect(ranked.map((f) => f.valueText)).toEqual(['95% busy', '30% busy']);
    expect(ranked[0]?.subject).toBe(`${vertex?.name}, subtask 1`);
    expect(ranked[0]?.detail).toBe('the busiest of 2 subtasks');
    expect(ranked[0]?.link).toBe(`/jobs/${et.jid}/vertices/${vertex?.id}/subtasks?subtask=1`);
  });

  it('says when a task manager was lost and which jobs restarted around then', () => {
    const flaky = details('flaky-details');
    const restartedAt = flaky.timestamps.RESTARTING ?? 0;
    expect(restartedAt).toBeGreaterThan(0);
    const lostAt = restartedAt + 20_000;
    const named = restartedAround(lostAt, [{ name: flaky.name, details: flaky }]);
    expect(named).toEqual([flaky.name]);
    expect(restartedAround(restartedAt + 10 * 60_000, [{ name: flaky.name, details: flaky }])).toEqual([]);
    const findings = triageFindings({
      now: lostAt + 1000,
      jobs: [],
      taskManagers: [],
      lostTaskManagers: [{ id: 'tm-x', at: lostAt, restartedJobs: named }],
    });
    expect(findings[0]?.kind).toBe('tm-lost');
    expect(findings[0]?.level).toBe('bad');
    expect(findings[0]?.valueText).toMatch(/^lost at /);
    expect(findings[0]?.detail).toBe(`restarted around then: ${flaky.name}`);
    // An hour later it is no longer "now".
    expect(
      triageFindings({
        now: lostAt + 2 * HOUR,
        jobs: [],
        taskManagers: [],
        lostTaskManagers: [{ id: 'tm-x', at: lostAt, restartedJobs: [] }],
      }),
    ).toEqual([]);
  });
});

describe('bottleneck words', () => {
  it('says when the cause is a sink or outside Flink', () => {
    const chain = {
      vertexId: 'a',
      vertexName: 'Source',
      backPressured: 0.9,
      alsoBackPressured: [],
      kind: 'sink' as const,
      bottleneck: { id: 'b', name: 'Sink: db', busy: 0.95 },
    };
    expect(bottleneckWords(chain)).toBe('bottleneck: Sink: db (busy 95%), a sink: the system it writes to may be slow');
    expect(bottleneckWords({ ...chain, kind: 'outside', bottleneck: null })).toMatch(/^bottleneck: outside Flink/);
  });
});

describe('since when a finding holds', () => {
  it('keeps the first time a key was seen and forgets keys that went away', () => {
    const f = { key: 'k' } as Parameters<typeof advanceSince>[1][number];
    const first = advanceSince(new Map(), [f], 1000);
    expect(first.get('k')).toBe(1000);
    expect(advanceSince(first, [f], 2000)).toBe(first);
    expect(advanceSince(first, [], 3000).size).toBe(0);
  });
});
