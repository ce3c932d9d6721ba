import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REFRESH_MS, SAMPLING_REFRESH_MS } from './policy';
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

describe('the refresh store and hooks', () => {
  beforeEach(() => {
    setRefreshOverride(null);
    setServerRefreshInterval(null);
  });

  it("persists the user's interval and pause to localStorage, and reads them back", () => {
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
    const { result } = renderHook(() => ({
      live: useRefreshInterval('live'),
      sampling: useRefreshInterval('sampling'),
      controls: useRefreshControls(),
    }));
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
