import { useEffect, useState } from 'react';
import { DEFAULT_REFRESH_MS, type RefreshOverride } from '../refresh/policy';
import { getRefreshState, setRefreshOverride } from '../refresh/store';
import { useRefreshState } from '../refresh/useRefreshInterval';
import type { ConnectionStatus } from './connection-health';

// What the app (not the user) asks of the one refresh policy in src/refresh, through its one
// seam, `setRefreshOverride`:
//   - the deployment's default interval (config.json `refreshIntervalMs`) wins over the
//     JobManager's `refresh-interval` but not over the user's own choice, nor over pausing;
//   - a kiosk polls at its own rate, always (nobody is there to resume it), and while the
//     JobManager (or the proxy) does not answer it backs off, step by step, to at most
//     MAX_BACKOFF_MS, returning to its rate with the first answer. An attended page keeps its
//     rate during an outage: someone is watching and wants the recovery at once (React Query
//     already spaces the retries of each failed poll).

/** The slowest a backing-off poll gets (unless the normal rate is slower still). */
export const MAX_BACKOFF_MS = 30_000;

/**
 * The interval while the connection has been down for `downForMs`: the normal rate for the first
 * four intervals, then doubling each time the outage lasted four more, up to MAX_BACKOFF_MS.
 * Discrete steps, so react-query's timers are reset only a few times during an outage.
 */
export function backoffInterval(baseMs: number, downForMs: number): number {
  const cap = Math.max(baseMs, MAX_BACKOFF_MS);
  let interval = baseMs;
  while (interval < cap && downForMs >= interval * 4) interval *= 2;
  return Math.min(interval, cap);
}

export interface RefreshInputs {
  /** Kiosk mode's interval (null: the deployment's, then the JobManager's), or undefined when not a kiosk. */
  readonly kioskIntervalMs: number | null | undefined;
  /** config.json `refreshIntervalMs`. */
  readonly deploymentDefaultMs: number | null;
  readonly userIntervalMs: number | null;
  readonly paused: boolean;
  readonly serverDefaultMs: number | null;
  /** How long the connection has been down, or null while it works (used by a kiosk). */
  readonly downForMs: number | null;
}

/** The override the app sets on the refresh policy: null leaves it to the user and the JobManager. */
export function refreshOverrideFor(input: RefreshInputs): RefreshOverride | null {
  const kiosk = input.kioskIntervalMs !== undefined;
  if (!kiosk && input.paused) return null;
  const base = kiosk
    ? (input.kioskIntervalMs ?? input.deploymentDefaultMs ?? input.serverDefaultMs ?? DEFAULT_REFRESH_MS)
    : (input.userIntervalMs ?? input.deploymentDefaultMs ?? input.serverDefaultMs ?? DEFAULT_REFRESH_MS);
  if (kiosk && input.downForMs !== null) {
    const backedOff = backoffInterval(base, input.downForMs);
    if (backedOff > base) return { intervalMs: backedOff, reason: 'backing off: no answer' };
  }
  if (kiosk) return { intervalMs: base, reason: 'kiosk mode' };
  if (input.userIntervalMs === null && input.deploymentDefaultMs !== null) {
    return { intervalMs: input.deploymentDefaultMs, reason: 'deployment default' };
  }
  return null;
}

function sameOverride(a: RefreshOverride | null, b: RefreshOverride | null): boolean {
  return a === b || (a !== null && b !== null && a.intervalMs === b.intervalMs && a.reason === b.reason);
}

/** How often the back-off is recomputed during an outage. */
const OUTAGE_TICK_MS = 2000;

/** How long the connection has been down, ticking while it is (no timer while it works). */
function useDownFor(connection: ConnectionStatus): number | null {
  const since = connection.state === 'ok' ? null : connection.since;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return undefined;
    const timer = setInterval(() => setNow(Date.now()), OUTAGE_TICK_MS);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? null : Math.max(0, now - since);
}

/** Keeps the refresh override in line with the deployment, kiosk mode and the connection. */
export function useRefreshController(options: {
  kioskIntervalMs: number | null | undefined;
  deploymentDefaultMs: number | null;
  connection: ConnectionStatus;
}): void {
  const state = useRefreshState();
  const downForMs = useDownFor(options.connection);
  const wanted = refreshOverrideFor({
    kioskIntervalMs: options.kioskIntervalMs,
    deploymentDefaultMs: options.deploymentDefaultMs,
    userIntervalMs: state.userIntervalMs,
    paused: state.paused,
    serverDefaultMs: state.serverDefaultMs,
    downForMs,
  });
  const intervalMs = wanted?.intervalMs;
  const reason = wanted?.reason;
  useEffect(() => {
    const next = intervalMs === undefined ? null : { intervalMs, reason };
    if (!sameOverride(getRefreshState().override, next)) setRefreshOverride(next);
  }, [intervalMs, reason]);
}
