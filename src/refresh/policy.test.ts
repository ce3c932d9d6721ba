import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REFRESH_MS,
  MIN_REFRESH_MS,
  resolveRefreshInterval,
  SAMPLING_REFRESH_MS,
  type RefreshState,
} from './policy';

const base: RefreshState = {
  userIntervalMs: null,
  paused: false,
  override: null,
  serverDefaultMs: null,
  history: false,
};

describe('the refresh policy', () => {
  it("uses Flink's default until /config answered, then the server's, then the user's", () => {
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

  it('never polls a History Server, whatever else says', () => {
    const history = { ...base, history: true, serverDefaultMs: 10_000, override: { intervalMs: 1000 } };
    expect(resolveRefreshInterval(history, 'live')).toBe(false);
    expect(resolveRefreshInterval(history, 'sampling')).toBe(false);
  });
});
