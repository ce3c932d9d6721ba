import { describe, expect, it } from 'vitest';
import { classifyJobHealth, healthOrder, windowLabel, type JobHealthInput } from './health';

const quiet: JobHealthInput = {
  state: 'RUNNING',
  restarts: { count: 0, spanMs: 600_000 },
  totalRestarts: 0,
  failedCheckpoints: { count: 0, spanMs: 600_000 },
  consecutiveFailedCheckpoints: 0,
  backPressure: null,
  watermarkLagMs: null,
};

describe('classifyJobHealth', () => {
  it('calls a quiet running job healthy, with nothing to say', () => {
    expect(classifyJobHealth(quiet)).toEqual({ level: 'ok', reasons: [] });
    expect(classifyJobHealth({ ...quiet, restarts: null, failedCheckpoints: null })).toEqual({
      level: 'ok',
      reasons: [],
    });
  });

  it('takes ended jobs off the scale', () => {
    expect(classifyJobHealth({ ...quiet, state: 'FINISHED' })).toEqual({ level: 'ended', reasons: ['finished'] });
    expect(classifyJobHealth({ ...quiet, state: 'CANCELED', restarts: { count: 5, spanMs: 600_000 } }).level).toBe(
      'ended',
    );
  });

  it('is red for failed, failing and restarting jobs', () => {
    expect(classifyJobHealth({ ...quiet, state: 'FAILED' })).toEqual({ level: 'bad', reasons: ['failed'] });
    expect(classifyJobHealth({ ...quiet, state: 'FAILING' }).level).toBe('bad');
    expect(classifyJobHealth({ ...quiet, state: 'RESTARTING' })).toEqual({ level: 'bad', reasons: ['restarting now'] });
  });

  it('says how often a job restarted within the window: amber for one or two, red from three', () => {
    expect(classifyJobHealth({ ...quiet, restarts: { count: 1, spanMs: 40_000 }, totalRestarts: 77 })).toEqual({
      level: 'warn',
      reasons: ['restarting: 1 restart in the last minute (77 in all)'],
    });
    expect(classifyJobHealth({ ...quiet, restarts: { count: 3, spanMs: 600_000 }, totalRestarts: 3 })).toEqual({
      level: 'bad',
      reasons: ['restarting: 3 restarts in the last 10 min'],
    });
  });

  it('counts failed checkpoints (amber) and a run of them (red)', () => {
    expect(classifyJobHealth({ ...quiet, failedCheckpoints: { count: 2, spanMs: 600_000 } })).toEqual({
      level: 'warn',
      reasons: ['2 checkpoints failed in the last 10 min'],
    });
    expect(
      classifyJobHealth({
        ...quiet,
        failedCheckpoints: { count: 4, spanMs: 600_000 },
        consecutiveFailedCheckpoints: 3,
      }),
    ).toEqual({
      level: 'bad',
      reasons: ['the last 3 checkpoints failed'],
    });
  });

  it("names the back-pressured vertex from Flink's HIGH level on", () => {
    expect(classifyJobHealth({ ...quiet, backPressure: { share: 0.4, vertex: 'Map' } })).toEqual({
      level: 'ok',
      reasons: [],
    });
    expect(classifyJobHealth({ ...quiet, backPressure: { share: 0.984, vertex: 'Source: events' } })).toEqual({
      level: 'warn',
      reasons: ['back-pressured 98% at Source: events'],
    });
  });

  it('flags lagging watermarks', () => {
    expect(classifyJobHealth({ ...quiet, watermarkLagMs: 90_000 })).toEqual({
      level: 'warn',
      reasons: ['watermark lagging 1m 30s behind'],
    });
    expect(classifyJobHealth({ ...quiet, watermarkLagMs: 11 * 60_000 }).level).toBe('bad');
  });

  it('puts the worst reason first', () => {
    const health = classifyJobHealth({
      ...quiet,
      backPressure: { share: 0.9, vertex: 'Sink' },
      failedCheckpoints: { count: 1, spanMs: 120_000 },
      restarts: { count: 4, spanMs: 600_000 },
    });
    expect(health.level).toBe('bad');
    expect(health.reasons).toEqual([
      'restarting: 4 restarts in the last 10 min',
      '1 checkpoint failed in the last 2 min',
      'back-pressured 90% at Sink',
    ]);
  });
});

describe('windowLabel and healthOrder', () => {
  it('says how much of the window the wall has seen', () => {
    expect(windowLabel(600_000)).toBe('in the last 10 min');
    expect(windowLabel(590_000)).toBe('in the last 10 min');
    expect(windowLabel(10_000)).toBe('in the last minute');
    expect(windowLabel(125_000)).toBe('in the last 3 min');
  });

  it('orders red, amber, green, ended, newest first within each', () => {
    const tiles = [
      { id: 'a', level: 'ok' as const, startTime: 1 },
      { id: 'b', level: 'ended' as const, startTime: 9 },
      { id: 'c', level: 'bad' as const, startTime: 1 },
      { id: 'd', level: 'ok' as const, startTime: 5 },
      { id: 'e', level: 'warn' as const, startTime: 1 },
    ];
    expect([...tiles].sort(healthOrder).map((t) => t.id)).toEqual(['c', 'e', 'd', 'a', 'b']);
  });
});
