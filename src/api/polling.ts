// Connects the API's hooks to the one refresh policy (src/refresh): the server's default
// interval comes from GET /config `refresh-interval`.

import {
  focusManager,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import { setHistoryMode, setServerRefreshInterval } from '../refresh/store';
import { isHistoryServer } from './history-server';
import { useRefreshInterval } from '../refresh/useRefreshInterval';
import type { RefreshKind } from '../refresh/policy';
import { webConfigQueryOptions } from './webConfig';

/**
 * How long an answer read in turn (fetched by a schedule, with no query observing it between its
 * turns) stays in the cache: a whole round of turns (100 jobs' checkpoints, 200 task managers'
 * heaps) takes far longer than react-query's default of 5 minutes without an observer.
 */
export const KEPT_BETWEEN_TURNS_MS = 60 * 60_000;

/** The refetch interval for a query of this kind, following /config and the user's choice. */
export function usePollInterval(kind: RefreshKind = 'live'): number | false {
  const { data: serverDefault } = useQuery({
    ...webConfigQueryOptions(),
    select: (config) => config['refresh-interval'],
  });
  const history = useHistoryServer();
  useEffect(() => {
    if (serverDefault !== undefined) setServerRefreshInterval(serverDefault);
  }, [serverDefault]);
  useEffect(() => {
    if (history) setHistoryMode(true);
  }, [history]);
  return useRefreshInterval(kind);
}

/**
 * Whether the server is Flink's History Server (config.json `kind: "history"`, or `GET /config`
 * `features.web-history`): archived jobs only, nothing changes, no actions.
 */
export function useHistoryServer(): boolean {
  const { data: webHistory } = useQuery({
    ...webConfigQueryOptions(),
    select: (config) => config.features['web-history'],
  });
  return webHistory === true || isHistoryServer();
}

/**
 * useQuery with the refresh policy applied: `refetchInterval` from the policy for the kind the
 * query declares (`meta.refresh`, set by jsonQuery / textQuery; `live` when none) unless the caller
 * knows better for its use (a list of metric names read once: `'static'`), and no polling while
 * the tab is hidden. Every component reads a GET endpoint through here.
 */
export function usePolledQuery<TQueryFnData, TQueryKey extends QueryKey>(
  options: UseQueryOptions<TQueryFnData, Error, TQueryFnData, TQueryKey>,
  kind: RefreshKind = options.meta?.refresh ?? 'live',
  /** Keep polling while the tab is hidden (a watcher that notifies, nothing on screen). */
  inBackground = false,
): UseQueryResult<TQueryFnData, Error> {
  const refetchInterval = usePollInterval(kind);
  return useQuery({
    staleTime: freshFor(refetchInterval),
    ...options,
    refetchInterval,
    refetchIntervalInBackground: inBackground,
  });
}

/**
 * How long a polled answer counts as fresh: half a refresh. A view that mounts next to one already
 * polling the same answer (a page's tab below its header, rendered once the first answer is in)
 * then uses it instead of sending the same request again; the polling itself does not wait for
 * staleness. With the refresh off, a view that mounts asks again.
 */
function freshFor(interval: number | false): number {
  return interval === false ? 0 : interval / 2;
}

/** usePolledQuery for endpoints that sample on demand: fast until `isReady(data)`. */
export function useSampledQuery<TQueryFnData, TQueryKey extends QueryKey>(
  options: UseQueryOptions<TQueryFnData, Error, TQueryFnData, TQueryKey>,
  isReady: (data: TQueryFnData) => boolean,
): UseQueryResult<TQueryFnData, Error> {
  const live = usePollInterval('live');
  const sampling = usePollInterval('sampling');
  return useQuery({
    ...options,
    refetchInterval: (query) => {
      const data = query.state.data;
      return data !== undefined && isReady(data) ? live : sampling;
    },
    refetchIntervalInBackground: false,
  });
}

/**
 * Asks for these queries again together, every `interval` ms while the tab is shown, for queries
 * that do not poll themselves (`refetchInterval: false`). React-query's own interval restarts each
 * query's timer from that query's last answer, so ten clusters' answers drift apart within a few
 * refreshes and a view that waits for a round of them (the fleet) gets no round, only answers one
 * by one. A request still on its way is left to finish, not sent again.
 */
export function useRefetchTogether(queryKeys: readonly QueryKey[], interval: number | false): void {
  const client = useQueryClient();
  // The keys as one value: a new array of the same keys each render must not restart the timer.
  const keys = JSON.stringify(queryKeys);
  useEffect(() => {
    if (interval === false) return;
    const each = JSON.parse(keys) as QueryKey[];
    const timer = setInterval(() => {
      if (!focusManager.isFocused()) return;
      for (const queryKey of each) {
        void client.refetchQueries({ queryKey, exact: true, type: 'active' }, { cancelRefetch: false });
      }
    }, interval);
    return () => clearInterval(timer);
  }, [client, keys, interval]);
}
