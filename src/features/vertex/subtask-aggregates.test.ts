import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../api/test-utils';
import type { SubtaskAttempt } from '../../api/subtasks';
import { VertexDetailsSchema } from '../../api/vertices';
import { aggregate } from '../../lib/aggregates';
import {
  accumulatedTime,
  formatShare,
  runningTime,
  shareOfRunning,
  slowestSubtask,
  timeInState,
  type AccumulatedKind,
} from './subtask-aggregates';

/** Flink's own aggregates of the same answer: metric -> min/median/max (longs: medians truncated). */
interface FlinkAggregated {
  metrics: Record<string, { min: number; median: number; max: number }>;
  'status-duration': Record<string, { min: number; median: number; max: number }>;
}

const KINDS: [AccumulatedKind, string][] = [
  ['busy', 'accumulated-busy-time'],
  ['backpressured', 'accumulated-backpressured-time'],
  ['idle', 'accumulated-idle-time'],
];

function subtask(
  overrides: Partial<Omit<SubtaskAttempt, 'metrics'>> & { metrics?: Partial<SubtaskAttempt['metrics']> } = {},
): SubtaskAttempt {
  const { metrics, ...rest } = overrides;
  return {
    subtask: 0,
    status: 'RUNNING',
    attempt: 0,
    endpoint: 'localhost:1',
    'start-time': 1_000,
    'end-time': -1,
    duration: 10_000,
    'taskmanager-id': 'tm',
    'status-duration': { CREATED: 1, SCHEDULED: 2, DEPLOYING: 3, INITIALIZING: 4, RUNNING: 10_000 },
    ...rest,
    metrics: {
      'read-bytes': 0,
      'read-bytes-complete': true,
      'write-bytes': 0,
      'write-bytes-complete': true,
      'read-records': 0,
      'read-records-complete': true,
      'write-records': 0,
      'write-records-complete': true,
      'accumulated-busy-time': 2_500,
      'accumulated-backpressured-time': 500,
      'accumulated-idle-time': 7_000,
      ...metrics,
    },
  };
}

describe.each(['2.3.0', '1.20.5'])('recorded vertex details of Flink %s', (version) => {
  const recorded = fixture(`flink-${version}/vertex-details`).json as { aggregated: FlinkAggregated };
  const details = v.parse(VertexDetailsSchema, recorded);
  const flink = recorded.aggregated;

  it('carries the time in the current state and the three accumulated times for every subtask', () => {
    expect(details.subtasks.length).toBeGreaterThan(1);
    for (const s of details.subtasks) {
      expect(timeInState(s, details.now)).toBe(s['status-duration']?.[s.status]);
      for (const [kind] of KINDS) expect(accumulatedTime(s, kind)).toBeGreaterThanOrEqual(0);
      expect(runningTime(s)).toBeGreaterThan(0);
    }
  });

  it("agrees with Flink's own min, median and max of the accumulated times", () => {
    for (const [kind, field] of KINDS) {
      const ours = aggregate(details.subtasks.map((s) => accumulatedTime(s, kind)));
      const theirs = flink.metrics[field];
      expect(ours?.min).toBe(theirs?.min);
      expect(ours?.max).toBe(theirs?.max);
      // Flink sends longs: its median of an even count is the mean of the middle two, truncated.
      expect(Math.trunc(ours?.median ?? Number.NaN)).toBe(theirs?.median);
    }
  });

  it("agrees with Flink's aggregate of the RUNNING time", () => {
    const ours = aggregate(details.subtasks.map(runningTime));
    expect([ours?.min, ours?.max, Math.trunc(ours?.median ?? Number.NaN)]).toEqual([
      flink['status-duration'].RUNNING?.min,
      flink['status-duration'].RUNNING?.max,
      flink['status-duration'].RUNNING?.median,
    ]);
  });

  it('marks as slowest the subtask holding the max busy time', () => {
    const busy = aggregate(details.subtasks.map((s) => accumulatedTime(s, 'busy')));
    const slowest = slowestSubtask(details.subtasks);
    expect(slowest).toBe(details.subtasks[busy?.maxAt[0] ?? -1]?.subtask);
    expect(accumulatedTime(details.subtasks.find((s) => s.subtask === slowest) as SubtaskAttempt, 'busy')).toBe(
      flink.metrics['accumulated-busy-time']?.max,
    );
  });

  it('gives shares of the running time that add up to about the whole', () => {
    for (const s of details.subtasks) {
      const total = KINDS.reduce((sum, [kind]) => sum + (shareOfRunning(s, kind) ?? 0), 0);
      expect(total).toBeGreaterThan(0.95);
      expect(total).toBeLessThanOrEqual(1.01);
    }
  });
});

describe('timeInState', () => {
  it("reads the current state's entry of status-duration", () => {
    expect(timeInState(subtask({ status: 'DEPLOYING' }), 0)).toBe(3);
    expect(timeInState(subtask(), 0)).toBe(10_000);
  });
  it('times a finished, canceled or failed subtask from its end time to now', () => {
    expect(timeInState(subtask({ status: 'FINISHED', 'end-time': 5_000 }), 9_000)).toBe(4_000);
    expect(timeInState(subtask({ status: 'CANCELED', 'end-time': 5_000 }), 5_000)).toBe(0);
  });
  it('is unknown where Flink gives no timestamp for the state', () => {
    expect(timeInState(subtask({ status: 'CANCELING' }), 9_000)).toBeUndefined();
    expect(timeInState(subtask({ status: 'FINISHED', 'end-time': -1 }), 9_000)).toBeUndefined();
    expect(timeInState(subtask({ status: 'RUNNING', 'status-duration': undefined }), 9_000)).toBeUndefined();
  });
});

describe('accumulated times and shares', () => {
  it('reads each kind, and its share of the running time', () => {
    const s = subtask();
    expect(KINDS.map(([kind]) => accumulatedTime(s, kind))).toEqual([2_500, 500, 7_000]);
    expect(KINDS.map(([kind]) => shareOfRunning(s, kind))).toEqual([0.25, 0.05, 0.7]);
    expect(formatShare(0.25)).toBe('25.0%');
  });
  it('skips an unknown busy time (Flink sends the string "NaN") and missing fields', () => {
    const s = subtask({ metrics: { 'accumulated-busy-time': 'NaN', 'accumulated-idle-time': undefined } });
    expect(accumulatedTime(s, 'busy')).toBeUndefined();
    expect(accumulatedTime(s, 'idle')).toBeUndefined();
    expect(shareOfRunning(s, 'busy')).toBeUndefined();
  });
  it('has no share before the subtask ran, and never more than the whole', () => {
    expect(shareOfRunning(subtask({ 'status-duration': { CREATED: 5 } }), 'idle')).toBeUndefined();
    expect(shareOfRunning(subtask({ metrics: { 'accumulated-idle-time': 10_050 } }), 'idle')).toBe(1);
  });
});

describe('slowestSubtask', () => {
  it('is the subtask with the most busy time, ties to the lowest index', () => {
    const rows = [
      subtask({ subtask: 0, metrics: { 'accumulated-busy-time': 10 } }),
      subtask({ subtask: 2, metrics: { 'accumulated-busy-time': 90 } }),
      subtask({ subtask: 1, metrics: { 'accumulated-busy-time': 90 } }),
      subtask({ subtask: 3, metrics: { 'accumulated-busy-time': 'NaN' } }),
    ];
    expect(slowestSubtask(rows)).toBe(1);
  });
  it('is undefined when no subtask was busy or none says', () => {
    expect(slowestSubtask([])).toBeUndefined();
    expect(slowestSubtask([subtask({ metrics: { 'accumulated-busy-time': 0 } })])).toBeUndefined();
    expect(slowestSubtask([subtask({ metrics: { 'accumulated-busy-time': undefined } })])).toBeUndefined();
  });
});
