// React bindings of the refresh policy.

import { useSyncExternalStore } from 'react';
import { liveInterval, resolveRefreshInterval, type RefreshKind, type RefreshState } from './policy';
import { getRefreshState, setRefreshInterval, setRefreshPaused, subscribeRefresh } from './store';

export function useRefreshState(): RefreshState {
  return useSyncExternalStore(subscribeRefresh, getRefreshState, getRefreshState);
}

/**
 * The `refetchInterval` for a query of this kind: milliseconds, or false when nothing should
 * poll. Queries pass it on unchanged; pages never pick interval numbers themselves. Polling
 * stops while the tab is hidden because the queries keep `refetchIntervalInBackground: false`.
 */
export function useRefreshInterval(kind: RefreshKind = 'live'): number | false {
  return resolveRefreshInterval(useRefreshState(), kind);
}

/** For a refresh control in the header: the effective interval and the ways to change it. */
export function useRefreshControls() {
  const state = useRefreshState();
  return {
    intervalMs: liveInterval(state),
    userIntervalMs: state.userIntervalMs,
    serverDefaultMs: state.serverDefaultMs,
    paused: state.paused,
    /** Set when kiosk mode (or another override) forces the rate; the controls are then moot. */
    override: state.override,
    setIntervalMs: setRefreshInterval,
    setPaused: setRefreshPaused,
  };
}
