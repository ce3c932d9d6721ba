import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ALERT_SETTINGS,
  failedStreak,
  observeJob,
  parseAlertSettings,
  toggleWatched,
  type JobWatchState,
} from './job-alerts';

const ID = '0123456789abcdef0123456789abcdef';
const N = { failedCheckpoints: 3 };

describe('alert settings', () => {
  it('are off with nothing watched by default, and survive bad storage', () => {
    expect(parseAlertSettings(null)).toEqual(DEFAULT_ALERT_SETTINGS);
    expect(parseAlertSettings('{bad')).toEqual(DEFAULT_ALERT_SETTINGS);
    expect(
      parseAlertSettings(
        JSON.stringify({ enabled: true, failedCheckpoints: 0, watched: [{ id: ID, name: 'a' }, { id: '../x' }, 7] }),
      ),
    ).toEqual({ enabled: true, failedCheckpoints: 1, watched: [{ id: ID, name: 'a' }] });
  });

  it('watch and unwatch a job', () => {
    const on = toggleWatched(DEFAULT_ALERT_SETTINGS, { id: ID, name: 'a' });
    expect(on.watched).toEqual([{ id: ID, name: 'a' }]);
    expect(toggleWatched(on, { id: ID, name: 'a' }).watched).toEqual([]);
  });
});

describe('observeJob', () => {
  it('takes the first poll as the baseline', () => {
    const { next, alerts } = observeJob(undefined, { state: 'RUNNING', restarts: 12 }, N, 'Flaky');
    expect(alerts).toEqual([]);
    expect(next).toMatchObject({ state: 'RUNNING', restarts: 12 });
  });

  it('notices a restart from the restart count, once', () => {
    const base = observeJob(undefined, { state: 'RUNNING', restarts: 12 }, N, 'Flaky').next;
    const { next, alerts } = observeJob(base, { state: 'RUNNING', restarts: 13 }, N, 'Flaky');
    expect(alerts.map((a) => [a.kind, a.title])).toEqual([['restarted', 'Flaky restarted']]);
    expect(observeJob(next, { state: 'RUNNING', restarts: 13 }, N, 'Flaky').alerts).toEqual([]);
  });

  it('notices a restart from the state when no count is known, and a failure', () => {
    const base: JobWatchState = { state: 'RUNNING', streak: 0 };
    expect(observeJob(base, { state: 'RESTARTING', restarts: null }, N, 'j').alerts[0]?.kind).toBe('restarted');
    expect(observeJob(base, { state: 'FAILED' }, N, 'j').alerts.map((a) => a.kind)).toEqual(['failed']);
    expect(observeJob({ ...base, state: 'FAILED' }, { state: 'FAILED' }, N, 'j').alerts).toEqual([]);
  });

  it('notifies once when N checkpoints in a row failed', () => {
    const cp = (completed: number, failed: number, history: string[]) => ({
      checkpoints: { completed, failed, history },
    });
    let state = observeJob(undefined, cp(5, 1, ['FAILED', 'COMPLETED']), N, 'j').next;
    expect(state.streak).toBe(1);
    let step = observeJob(state, cp(5, 2, ['FAILED', 'FAILED', 'COMPLETED']), N, 'j');
    expect(step.alerts).toEqual([]);
    step = observeJob(step.next, cp(5, 3, ['IN_PROGRESS', 'FAILED', 'FAILED', 'FAILED', 'COMPLETED']), N, 'j');
    expect(step.alerts.map((a) => a.title)).toEqual(['j: 3 failed checkpoints in a row']);
    state = step.next;
    expect(observeJob(state, cp(5, 4, ['FAILED', 'FAILED', 'FAILED', 'FAILED', 'COMPLETED']), N, 'j').alerts).toEqual(
      [],
    );
    // A completed checkpoint ends the run.
    expect(observeJob(state, cp(6, 3, ['COMPLETED', 'FAILED']), N, 'j').next.streak).toBe(0);
  });

  it('counts a run longer than the history Flink keeps', () => {
    const prev: JobWatchState = { completed: 5, failed: 10, streak: 10 };
    expect(failedStreak(prev, { completed: 5, failed: 12, history: Array(10).fill('FAILED') })).toBe(12);
  });
});
