// A small external store for the refresh settings, persisted to localStorage (the user's
// interval and pause), read by React through useSyncExternalStore.

import { clampInterval, type RefreshOverride, type RefreshState } from './policy';

export const REFRESH_STORAGE_KEY = 'flink-dashboard:refresh';

const INITIAL: RefreshState = Object.freeze({
  userIntervalMs: null,
  paused: false,
  override: null,
  serverDefaultMs: null,
  history: false,
});

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled (privacy settings, sandboxed frame)
  }
}

function load(): RefreshState {
  const raw = storage()?.getItem(REFRESH_STORAGE_KEY);
  if (!raw) return INITIAL;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return INITIAL;
    const { intervalMs, paused } = parsed as { intervalMs?: unknown; paused?: unknown };
    return {
      ...INITIAL,
      userIntervalMs: typeof intervalMs === 'number' && Number.isFinite(intervalMs) ? clampInterval(intervalMs) : null,
      paused: paused === true,
    };
  } catch {
    return INITIAL;
  }
}

function save(state: RefreshState): void {
  try {
    storage()?.setItem(REFRESH_STORAGE_KEY, JSON.stringify({ intervalMs: state.userIntervalMs, paused: state.paused }));
  } catch {
    // quota or disabled storage: the setting lasts for this page only
  }
}

let state: RefreshState = load();
const listeners = new Set<() => void>();

function update(next: RefreshState, persist: boolean): void {
  if (
    next.userIntervalMs === state.userIntervalMs &&
    next.paused === state.paused &&
    next.override === state.override &&
    next.serverDefaultMs === state.serverDefaultMs &&
    next.history === state.history &&
    next.frozen === state.frozen
  ) {
    return;
  }
  state = next;
  if (persist) save(state);
  for (const l of listeners) l();
}

export function subscribeRefresh(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changed the setting: follow it.
  const onStorage = (event: StorageEvent) => {
    if (event.key === REFRESH_STORAGE_KEY) {
      const loaded = load();
      update({ ...state, userIntervalMs: loaded.userIntervalMs, paused: loaded.paused }, false);
    }
  };
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}

export function getRefreshState(): RefreshState {
  return state;
}

/** The user's interval in milliseconds; null goes back to the server's default. */
export function setRefreshInterval(ms: number | null): void {
  update({ ...state, userIntervalMs: ms === null ? null : clampInterval(ms) }, true);
}

export function setRefreshPaused(paused: boolean): void {
  update({ ...state, paused }, true);
}

/** Kiosk mode's seam: force a rate (or null to give control back to the user). Not persisted. */
export function setRefreshOverride(override: RefreshOverride | null): void {
  update({ ...state, override }, false);
}

/** Stops all polling for the page's life (an opened snapshot). Not persisted. */
export function freezeRefresh(reason: string): void {
  update({ ...state, frozen: reason }, false);
}

/** Records `GET /config` `refresh-interval` (done by the API hooks once /config answered). */
export function setServerRefreshInterval(ms: number | null): void {
  update({ ...state, serverDefaultMs: ms === null || !Number.isFinite(ms) || ms <= 0 ? null : ms }, false);
}

/** A History Server (config.json `kind`, or `GET /config` `web-history`): no polling at all. */
export function setHistoryMode(history: boolean): void {
  update({ ...state, history }, false);
}

/** Back to the state read from storage (tests). */
export function resetRefreshStore(): void {
  state = load();
  for (const l of listeners) l();
}
