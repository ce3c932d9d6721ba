import { act, render } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  getRefreshState,
  setRefreshInterval,
  setRefreshOverride,
  setRefreshPaused,
  setServerRefreshInterval,
} from '../refresh/store';
import {
  backoffInterval,
  MAX_BACKOFF_MS,
  refreshOverrideFor,
  useRefreshController,
  type RefreshInputs,
} from './refresh-controller';
import type { ConnectionStatus } from './connection-health';

const base: RefreshInputs = {
  kioskIntervalMs: undefined,
  deploymentDefaultMs: null,
  userIntervalMs: null,
  paused: false,
  serverDefaultMs: 3000,
  downForMs: null,
};

describe('refreshOverrideFor', () => {
  it("leaves the JobManager's interval alone without a deployment default", () => {
    expect(refreshOverrideFor(base)).toBeNull();
  });

  it("puts the deployment default over the JobManager's, below the user's choice and pausing", () => {
    expect(refreshOverrideFor({ ...base, deploymentDefaultMs: 10_000 })).toEqual({
      intervalMs: 10_000,
      reason: 'deployment default',
    });
    expect(refreshOverrideFor({ ...base, deploymentDefaultMs: 10_000, userIntervalMs: 2000 })).toBeNull();
    expect(refreshOverrideFor({ ...base, deploymentDefaultMs: 10_000, paused: true })).toBeNull();
  });

  it('gives a kiosk its own rate, which pausing does not stop', () => {
    expect(refreshOverrideFor({ ...base, kioskIntervalMs: 10_000, paused: true })).toEqual({
      intervalMs: 10_000,
      reason: 'kiosk mode',
    });
    expect(refreshOverrideFor({ ...base, kioskIntervalMs: null, deploymentDefaultMs: 7000 })).toEqual({
      intervalMs: 7000,
      reason: 'kiosk mode',
    });
    expect(refreshOverrideFor({ ...base, kioskIntervalMs: null })).toEqual({ intervalMs: 3000, reason: 'kiosk mode' });
  });

  it('backs off in a kiosk while the connection is down', () => {
    const kiosk = { ...base, kioskIntervalMs: 3000 };
    expect(refreshOverrideFor({ ...kiosk, downForMs: 5000 })).toEqual({ intervalMs: 3000, reason: 'kiosk mode' });
    expect(refreshOverrideFor({ ...kiosk, downForMs: 13_000 })).toEqual({
      intervalMs: 6000,
      reason: 'backing off: no answer',
    });
    expect(refreshOverrideFor({ ...base, kioskIntervalMs: 10_000, downForMs: 10 * 60_000 })).toEqual({
      intervalMs: MAX_BACKOFF_MS,
      reason: 'backing off: no answer',
    });
  });

  it('keeps an attended page at its rate during an outage, so it recovers at once', () => {
    expect(refreshOverrideFor({ ...base, downForMs: 60_000 })).toBeNull();
    expect(refreshOverrideFor({ ...base, deploymentDefaultMs: 5000, downForMs: 60_000 })).toEqual({
      intervalMs: 5000,
      reason: 'deployment default',
    });
    expect(refreshOverrideFor({ ...base, paused: true, downForMs: 60_000 })).toBeNull();
  });
});

describe('backoffInterval', () => {
  it('doubles in steps up to the cap, and never goes below the normal rate', () => {
    expect([0, 11_999, 12_000, 24_000, 48_000, 96_000, 3_600_000].map((d) => backoffInterval(3000, d))).toEqual([
      3000, 3000, 6000, 12_000, 24_000, 30_000, 30_000,
    ]);
    expect(backoffInterval(60_000, 3_600_000)).toBe(60_000);
  });
});

function Controller(props: {
  kioskIntervalMs: number | null | undefined;
  deploymentDefaultMs: number | null;
  connection: ConnectionStatus;
}): null {
  useRefreshController(props);
  return null;
}

describe('useRefreshController', () => {
  beforeEach(() => {
    setRefreshOverride(null);
    setServerRefreshInterval(null);
  });

  it("keeps the store's override in line with the user's choices", () => {
    render(<Controller kioskIntervalMs={undefined} deploymentDefaultMs={15_000} connection={{ state: 'ok' }} />);
    expect(getRefreshState().override).toEqual({ intervalMs: 15_000, reason: 'deployment default' });
    act(() => setRefreshInterval(5000));
    expect(getRefreshState().override).toBeNull();
    act(() => setRefreshInterval(null));
    expect(getRefreshState().override?.intervalMs).toBe(15_000);
    act(() => setRefreshPaused(true));
    expect(getRefreshState().override).toBeNull();
  });
});
