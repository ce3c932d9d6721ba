import { useQueries, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { EndpointQueryOptions } from '../../api/endpoint-query';
import { usePollInterval } from '../../api/polling';
import { useKept } from '../../lib/use-kept';

export interface TurnReads<T> {
  /** Per id: its figure as last read, `undefined` while never read. */
  readonly values: ReadonlyMap<string, T | undefined>;
  /** Per id: when it was last read (epoch ms), 0 when never. */
  readonly readAt: ReadonlyMap<string, number>;
  /** Whether a read is under way: the view waits for this refresh's reads to end before it draws them, once. */
  readonly pending: boolean;
}

/** The figures as last built, with the scope they were read under. */
interface Kept<T> extends Omit<TurnReads<T>, 'pending'> {
  readonly scope: string;
}

/**
 * One figure per id of `ids` (the vertices on screen), read in turn (see read-in-turn.ts): of a
 * live job only those in `readNow` have a query, each read when its turn comes (or polled at the
 * policy's live rate when `readNow` holds them all); the others keep the figure they last read, as
 * this hook kept it or, for one it has not seen yet, as the query cache holds it. A job that
 * ended (`live: false`) reads each once and stops.
 *
 * A query only for the vertices read now: with every vertex on screen in the list (disabled but
 * for a few), each answer and each request that started cost a pass over all of their queries.
 */
export function useReadsInTurn<TData, T>(
  /** What the ids belong to (the job): figures kept under another scope are not shown. */
  scope: string,
  ids: readonly string[],
  readNow: ReadonlySet<string>,
  live: boolean,
  query: (id: string) => EndpointQueryOptions<TData, QueryKey>,
  decode: (data: TData) => T,
): TurnReads<T> {
  const client = useQueryClient();
  const interval = usePollInterval('live');
  const reading = live ? ids.filter((id) => readNow.has(id)) : ids;
  const everyOne = reading.length === ids.length;
  const results = useQueries({
    queries: reading.map((id) => ({
      ...query(id),
      // A turn that comes round reads again (a new observer of a stale query fetches it); a job
      // that ended is read once.
      staleTime: live ? 0 : Infinity,
      refetchInterval: live && everyOne ? interval : false,
      refetchIntervalInBackground: false,
    })),
  });
  const pending = results.some((r) => r.isFetching);
  const parts = [scope, ...ids, '|', ...reading, ...results.flatMap((r) => [r.data, r.dataUpdatedAt])];
  const reads = useKept<Kept<T>>(parts, (kept) => {
    const read = new Map(reading.map((id, i) => [id, results[i]]));
    const values = new Map<string, T | undefined>();
    const readAt = new Map<string, number>();
    for (const id of ids) {
      const result = read.get(id);
      if (result !== undefined) {
        values.set(id, result.data === undefined ? undefined : decode(result.data));
        readAt.set(id, result.dataUpdatedAt);
      } else if (kept?.scope === scope && kept.readAt.has(id)) {
        values.set(id, kept.values.get(id));
        readAt.set(id, kept.readAt.get(id) ?? 0);
      } else {
        const cached = client.getQueryState<TData>(query(id).queryKey);
        values.set(id, cached?.data === undefined ? undefined : decode(cached.data));
        readAt.set(id, cached?.dataUpdatedAt ?? 0);
      }
    }
    return { scope, values, readAt };
  });
  // Its own object only when `pending` changes: the maps stay the same objects.
  return useKept([reads, pending], () => ({ values: reads.values, readAt: reads.readAt, pending }));
}
