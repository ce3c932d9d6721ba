import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createHistoryStore, seriesPoints, useHistory } from './history-store';

describe('the history store', () => {
  it('keeps at most maxSamples per key, dropping the oldest', () => {
    const store = createHistoryStore({ maxSamples: 3, maxKeys: 5 });
    for (let t = 1; t <= 5; t++) store.record('job/v', t, { a: t * 10 });
    expect(store.get('job/v').map((s) => s.t)).toEqual([3, 4, 5]);
  });

  it('ignores a sample that is not newer than the last one (the same answer seen again)', () => {
    const store = createHistoryStore({ maxSamples: 10, maxKeys: 5 });
    store.record('k', 100, { a: 1 });
    store.record('k', 100, { a: 2 });
    store.record('k', 50, { a: 3 });
    expect(store.get('k')).toEqual([{ t: 100, values: { a: 1 } }]);
  });

  it('forgets the least recently recorded key beyond maxKeys', () => {
    const store = createHistoryStore({ maxSamples: 10, maxKeys: 2 });
    store.record('a', 1, { x: 1 });
    store.record('b', 1, { x: 1 });
    store.record('a', 2, { x: 2 }); // a is now the most recent
    store.record('c', 1, { x: 1 });
    expect(store.keys()).toEqual(['a', 'c']);
    expect(store.get('b')).toEqual([]);
  });

  it('returns the same array until something is recorded, and notifies listeners', () => {
    const store = createHistoryStore({ maxSamples: 10, maxKeys: 2 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.record('k', 1, { a: 1 });
    const first = store.get('k');
    expect(store.get('k')).toBe(first);
    store.record('k', 2, { a: 2 });
    expect(store.get('k')).not.toBe(first);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('builds one series from the samples that carry it, keeping null gaps', () => {
    const store = createHistoryStore({ maxSamples: 10, maxKeys: 2 });
    store.record('k', 1, { a: 1 });
    store.record('k', 2, { b: 5 });
    store.record('k', 3, { a: null, b: 6 });
    expect(seriesPoints(store.get('k'), 'a')).toEqual([
      [1, 1],
      [3, null],
    ]);
    expect(seriesPoints(store.get('k'), 'b')).toEqual([
      [2, 5],
      [3, 6],
    ]);
  });

  it('useHistory re-renders on a new sample and survives unmount (module-level memory)', () => {
    const store = createHistoryStore({ maxSamples: 10, maxKeys: 2 });
    const first = renderHook(() => useHistory(store, 'k'));
    expect(first.result.current).toEqual([]);
    act(() => store.record('k', 1, { a: 1 }));
    expect(first.result.current).toHaveLength(1);
    first.unmount();
    const again = renderHook(() => useHistory(store, 'k'));
    expect(again.result.current).toHaveLength(1);
  });
});
