import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { isFleetKey } from '../../api/keys';
import { ROUND_CAP_MS } from './use-gathered';

/**
 * The fleet's queries' `notifyOnChangeProps`: no change of one of them re-renders by itself.
 * Thirty queries (three per cluster) each re-rendering as its request goes out and as it is
 * answered re-rendered the whole fleet page about 40 times a refresh (counted on the bench's
 * 10-cluster fleet); `useFleetRounds` re-renders it once a round instead.
 */
export const FLEET_NOTIFY_ON: never[] = [];

interface RoundStore {
  readonly subscribe: (onChange: () => void) => () => void;
  readonly getSnapshot: () => number;
  /** Whether the newest round was cut by the cap: requests of it are still on their way. */
  readonly cut: () => boolean;
}

/**
 * The fleet's rounds, counted: one more each time the last of the fleet's requests on their way
 * is answered (or fails), once `capMs` after a round's first request went out while some are still
 * on their way (a slow cluster holds the others back this long at most), and at once when an
 * attempt fails (a retry follows: its row says so now).
 */
export function fleetRoundStore(client: QueryClient, capMs: number): RoundStore {
  let rounds = 0;
  let cut = false;
  return {
    subscribe: (onChange) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const next = (byCap: boolean): void => {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        cut = byCap;
        rounds += 1;
        onChange();
      };
      const unsubscribe = client.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || !isFleetKey(event.query.queryKey as readonly unknown[])) return;
        const action = event.action.type;
        if (action === 'fetch') {
          timer ??= setTimeout(() => next(true), capMs);
        } else if (action === 'failed') {
          next(false);
        } else if (action === 'success' || action === 'error') {
          if (client.isFetching({ predicate: (query) => isFleetKey(query.queryKey) }) === 0) next(false);
        }
      });
      return () => {
        unsubscribe();
        if (timer !== undefined) clearTimeout(timer);
      };
    },
    getSnapshot: () => rounds,
    cut: () => cut,
  };
}

/**
 * Re-renders the caller once per round of the fleet's answers (see fleetRoundStore), for views
 * whose fleet queries do not re-render on their own (`FLEET_NOTIFY_ON`). True when the round it
 * renders was cut by the cap: what came so far is to be shown without waiting for the rest.
 */
export function useFleetRounds(capMs: number = ROUND_CAP_MS): boolean {
  const client = useQueryClient();
  const store = useMemo(() => fleetRoundStore(client, capMs), [client, capMs]);
  useSyncExternalStore(store.subscribe, store.getSnapshot);
  return store.cut();
}
