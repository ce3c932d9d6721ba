import { describe, expect, it } from 'vitest';
import { failureHint, parseDuration, runningRun, sortRuns } from './profiler-runs';

describe('profiler runs', () => {
  it('accepts whole seconds from 1 to 300', () => {
    expect(parseDuration('10')).toBe(10);
    expect(parseDuration(' 300 ')).toBe(300);
    expect(parseDuration('0')).toBeNull();
    expect(parseDuration('301')).toBeNull();
    expect(parseDuration('2.5')).toBeNull();
    expect(parseDuration('')).toBeNull();
  });

  const run = (status: 'RUNNING' | 'FINISHED' | 'FAILED', triggerTime: number) => ({
    status,
    mode: 'ITIMER',
    triggerTime,
    duration: 5,
  });

  it('sorts newest first and finds the running run', () => {
    const runs = [run('FINISHED', 1), run('RUNNING', 3), run('FAILED', 2)];
    expect(sortRuns(runs).map((r) => r.triggerTime)).toEqual([3, 2, 1]);
    expect(runningRun(runs)?.triggerTime).toBe(3);
    expect(runningRun([run('FINISHED', 1)])).toBeUndefined();
  });

  it('explains the failures seen on real clusters', () => {
    // Messages as Flink 2.3.0 answered them in the sandbox.
    expect(failureHint('Stop profiler failed. java.io.IOException: No such file or directory')).toMatch(
      /rest\.profiling\.dir/,
    );
    expect(failureHint('Start profiler failed. java.lang.IllegalStateException: Profiler already started')).toMatch(
      /earlier run/,
    );
    expect(failureHint('JobManager is still under profiling.')).toMatch(/one profiling run at a time/);
    expect(failureHint('[ERROR] Perf events unavailable')).toMatch(/ITIMER/);
    expect(failureHint('Profiling Successful')).toBeUndefined();
  });
});
