import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CheckpointStats } from '../../api/checkpoints';
import { createCheckpointHistoryStore, HISTORY_CAP, mergeHistory, useCheckpointHistory } from './history';
import { EVENT_TIME_JOB, FAILING_JOB, fixtures } from './test-fixtures';

const eventTime = fixtures.eventTimeStats.history;
const failing = fixtures.failingStats.history;

/** The recorded entries, renumbered: what Flink would send after `shift` more checkpoints. */
function shifted(entries: readonly CheckpointStats[], shift: number): CheckpointStats[] {
  return entries.map((e) => ({ ...e, id: e.id + shift }));
}

const ids = (entries: readonly CheckpointStats[]): number[] => entries.map((e) => e.id);

describe('mergeHistory', () => {
  it('takes the first answer as it is, newest first', () => {
    const merged = mergeHistory([], eventTime, HISTORY_CAP);
    expect(merged).toHaveLength(eventTime.length);
    expect(ids(merged)).toEqual([...ids(eventTime)].sort((a, b) => b - a));
  });

  it('keeps checkpoints the JobManager has forgotten and adds the new ones', () => {
    const first = mergeHistory([], eventTime, HISTORY_CAP);
    const later = shifted(eventTime, 4); // four new checkpoints: Flink drops the four oldest
    const merged = mergeHistory(first, later, HISTORY_CAP);
    expect(merged).toHaveLength(eventTime.length + 4);
    expect(ids(merged)[0]).toBe(Math.max(...ids(eventTime)) + 4);
    expect(ids(merged).at(-1)).toBe(Math.min(...ids(eventTime)));
    expect(new Set(ids(merged)).size).toBe(merged.length);
  });

  it('lets the latest answer win: an in-progress checkpoint becomes completed or failed', () => {
    const done = failing.find((e) => e.status === 'FAILED');
    expect(done).toBeDefined();
    if (!done) return;
    const running: CheckpointStats = {
      ...done,
      className: 'in_progress',
      status: 'IN_PROGRESS',
      num_acknowledged_subtasks: 1,
    };
    const before = mergeHistory([], [running], HISTORY_CAP);
    expect(before[0]?.status).toBe('IN_PROGRESS');
    const after = mergeHistory(before, [done], HISTORY_CAP);
    expect(after).toHaveLength(1);
    expect(after[0]?.status).toBe('FAILED');
    expect(after[0]?.className === 'failed' ? after[0].failure_message : undefined).toBe(
      'Checkpoint expired before completing.',
    );
  });

  it('is bounded: past the cap the oldest checkpoints go first', () => {
    let history: readonly CheckpointStats[] = [];
    // 130 polls, each with 10 entries and 10 new checkpoints: 1,300 distinct checkpoints.
    for (let poll = 0; poll < 130; poll++)
      history = mergeHistory(history, shifted(eventTime, poll * eventTime.length), HISTORY_CAP);
    expect(history).toHaveLength(HISTORY_CAP);
    const newest = Math.max(...ids(eventTime)) + 129 * eventTime.length;
    expect(history[0]?.id).toBe(newest);
    expect(history.at(-1)?.id).toBe(newest - HISTORY_CAP + 1);
    expect(mergeHistory(history, [], 5)).toHaveLength(5);
  });

  it('returns the same array when nothing changed, so nothing re-renders', () => {
    const first = mergeHistory([], eventTime, HISTORY_CAP);
    expect(mergeHistory(first, eventTime, HISTORY_CAP)).toBe(first);
    expect(mergeHistory(first, [], HISTORY_CAP)).toBe(first);
  });

  it('drops the per-vertex task map of entries (the details endpoint has it)', () => {
    const merged = mergeHistory([], [fixtures.failingDetails], HISTORY_CAP);
    expect(Object.keys(fixtures.failingDetails.tasks).length).toBeGreaterThan(0);
    expect(merged[0]?.tasks).toEqual({});
  });
});

describe('the checkpoint history store', () => {
  it('keeps histories per job, and forgets the least recently used job past its bound', () => {
    const store = createCheckpointHistoryStore(HISTORY_CAP, 2);
    store.record(EVENT_TIME_JOB, eventTime);
    store.record(FAILING_JOB, failing);
    store.record(EVENT_TIME_JOB, shifted(eventTime, 1));
    store.record('third-job', eventTime.slice(0, 1));
    expect(store.jobs().sort()).toEqual([EVENT_TIME_JOB, 'third-job'].sort());
    expect(store.get(EVENT_TIME_JOB)).toHaveLength(eventTime.length + 1);
    expect(store.get(FAILING_JOB)).toEqual([]);
  });

  it('survives unmounting: a remounted view shows everything seen before', () => {
    const store = createCheckpointHistoryStore();
    const initial: { latest: readonly CheckpointStats[] | undefined } = { latest: eventTime };
    const first = renderHook(({ latest }) => useCheckpointHistory(EVENT_TIME_JOB, latest, store), {
      initialProps: initial,
    });
    expect(first.result.current).toHaveLength(eventTime.length);
    act(() => first.rerender({ latest: shifted(eventTime, 3) }));
    expect(first.result.current).toHaveLength(eventTime.length + 3);
    first.unmount();

    // Back on the tab, before the first answer arrived: the history is still there.
    const again = renderHook(() => useCheckpointHistory(EVENT_TIME_JOB, undefined, store));
    expect(again.result.current).toHaveLength(eventTime.length + 3);
  });
});
