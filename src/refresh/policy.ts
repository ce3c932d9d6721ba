// The one refresh policy, as a pure function of the refresh state: how often a query of a given
// kind polls the JobManager. Nothing else in the app picks an interval.

/**
 * - `live`: data that changes while you look (jobs, metrics, checkpoints): the chosen interval.
 * - `sampling`: endpoints that sample on demand (back pressure while `status` is `deprecated`,
 *   flame graphs without data yet): polled quickly until their sample is ready.
 * - `static`: data that does not change while a page is open (configuration, plans, logs list):
 *   fetched once, refreshed only when invalidated or asked for.
 */
export type RefreshKind = 'live' | 'sampling' | 'static';

/** A forced rate (kiosk mode): wins over the user's choice and over pausing. */
export interface RefreshOverride {
  readonly intervalMs: number;
  /** Why, for a settings panel to explain it ("kiosk mode"). */
  readonly reason?: string;
}

export interface RefreshState {
  /** The user's chosen interval; null uses the server's (`GET /config` `refresh-interval`). */
  readonly userIntervalMs: number | null;
  readonly paused: boolean;
  readonly override: RefreshOverride | null;
  /** `refresh-interval` from `GET /config`, once known. */
  readonly serverDefaultMs: number | null;
  /** The server is Flink's History Server: its archive never changes, so nothing polls. */
  readonly history: boolean;
  /** Why nothing polls at all (an opened snapshot: its data never changes). */
  readonly frozen?: string;
}

/** Flink's own default for `web.refresh-interval`, used until `/config` answered. */
export const DEFAULT_REFRESH_MS = 3000;
/** How often a sampling endpoint is asked while its sample is not ready. */
export const SAMPLING_REFRESH_MS = 1000;
/** No interval polls faster than this, whatever a configuration says. */
export const MIN_REFRESH_MS = 500;

export function clampInterval(ms: number): number {
  return Number.isFinite(ms) ? Math.max(MIN_REFRESH_MS, Math.round(ms)) : DEFAULT_REFRESH_MS;
}

/** The effective interval for live data, or false when paused. */
export function liveInterval(state: RefreshState): number | false {
  if (state.history) return false;
  if (state.override) return clampInterval(state.override.intervalMs);
  if (state.paused) return false;
  return clampInterval(state.userIntervalMs ?? state.serverDefaultMs ?? DEFAULT_REFRESH_MS);
}

/** `refetchInterval` for a query of this kind: a number of milliseconds, or false (no polling). */
export function resolveRefreshInterval(state: RefreshState, kind: RefreshKind): number | false {
  if (kind === 'static' || state.frozen !== undefined) return false;
  const live = liveInterval(state);
  if (live === false) return false;
  return kind === 'sampling' ? Math.min(SAMPLING_REFRESH_MS, live) : live;
}
