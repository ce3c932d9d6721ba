import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REFRESH_MS, MIN_REFRESH_MS, resolveRefreshInterval, SAMPLING_REFRESH_MS, type RefreshState } from './policy';
import {
  getRefreshState,
  REFRESH_STORAGE_KEY,
  resetRefreshStore,
  setRefreshInterval,
  setRefreshOverride,
  setRefreshPaused,
  setServerRefreshInterval,
} from './store';
import { useRefreshControls, useRefreshInterval } from './useRefreshInterval';

const base: RefreshState = { userIntervalMs: null, paused: false, override: null, serverDefaultMs: null };

describe('the refresh policy', () => {
  it('uses Flink\'s default until /config answered, then the server\'s, then the user\'s', () => {
    expect(resolveRefreshInterval(base, 'live')).toBe(DEFAULT_REFRESH_MS);
    expect(resolveRefreshInterval({ ...base, serverDefaultMs: 10_000 }, 'live')).toBe(10_000);
    expect(resolveRefreshInterval({ ...base, serverDefaultMs: 10_000, userIntervalMs: 5000 }, 'live')).toBe(5000);
  });

  it('does not poll static data, and polls sampling endpoints quickly', () => {
    expect(resolveRefreshInterval(base, 'static')).toBe(false);
    expect(resolveRefreshInterval({ ...base, serverDefaultMs: 10_000 }, 'sampling')).toBe(SAMPLING_REFRESH_MS);
    // Never slower than live data.
    expect(resolveRefreshInterval({ ...base, userIntervalMs: 600 }, 'sampling')).toBe(600);
  });

  it('pausing stops everything; a kiosk override wins over pausing', () => {
    expect(resolveRefreshInterval({ ...base, paused: true }, 'live')).toBe(false);
    expect(resolveRefreshInterval({ ...base, paused: true }, 'sampling')).toBe(false);
    expect(resolveRefreshInterval({ ...base, paused: true, override: { intervalMs: 30_000 } }, 'live')).toBe(30_000);
  });

  it('clamps silly intervals', () => {
    expect(resolveRefreshInterval({ ...base, userIntervalMs: 1 }, 'live')).toBe(MIN_REFRESH_MS);
  });
});

describe('the refresh store and hooks', () => {
  beforeEach(() => {
    localStorage.clear();
    resetRefreshStore();
    setRefreshOverride(null);
    setServerRefreshInterval(null);
  });
  afterEach(() => localStorage.clear());

  it('persists the user\'s interval and pause to localStorage, and reads them back', () => {
    setRefreshInterval(7000);
    setRefreshPaused(true);
    expect(JSON.parse(localStorage.getItem(REFRESH_STORAGE_KEY) ?? '{}')).toEqual({ intervalMs: 7000, paused: true });
    resetRefreshStore();
    expect(getRefreshState()).toMatchObject({ userIntervalMs: 7000, paused: true });
  });

  it('ignores a corrupt stored value', () => {
    localStorage.setItem(REFRESH_STORAGE_KEY, '{"intervalMs":"fast"');
    resetRefreshStore();
    expect(getRefreshState()).toMatchObject({ userIntervalMs: null, paused: false });
  });

  it('useRefreshInterval follows the store', () => {
    const { result } = renderHook(() => ({ live: useRefreshInterval('live'), sampling: useRefreshInterval('sampling'), controls: useRefreshControls() }));
    expect(result.current.live).toBe(DEFAULT_REFRESH_MS);
    act(() => setServerRefreshInterval(4000));
    expect(result.current.live).toBe(4000);
    act(() => result.current.controls.setIntervalMs(15_000));
    expect(result.current.live).toBe(15_000);
    expect(result.current.sampling).toBe(SAMPLING_REFRESH_MS);
    act(() => result.current.controls.setPaused(true));
    expect(result.current.live).toBe(false);
    expect(result.current.controls.paused).toBe(true);
    act(() => setRefreshOverride({ intervalMs: 60_000, reason: 'kiosk' }));
    expect(result.current.live).toBe(60_000);
    expect(result.current.controls.override?.reason).toBe('kiosk');
  });
});
