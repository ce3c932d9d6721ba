import { useQueries } from '@tanstack/react-query';
import { lowWatermarkFromAggregates, lowWatermarkQueryOptions } from '../../api/metrics';
import { usePollInterval } from '../../api/polling';
import { useKept } from '../../lib/use-kept';

export interface VisibleWatermarks {
  /** Per vertex id: its low watermark, `null` when it has none, `undefined` while never read. */
  readonly values: ReadonlyMap<string, number | null | undefined>;
  /** Per vertex id: when its watermark was last read (epoch ms), 0 when never. */
  readonly readAt: ReadonlyMap<string, number>;
  /** Whether a read is under way: the view waits for this refresh's reads to end before it draws them, once. */
  readonly pending: boolean;
}

/**
 * Low watermarks of the given vertices only (the ones on screen), each Flink's minimum over the
 * vertex's subtasks (one small answer, whatever the parallelism). Of a live job, only those in
 * `readNow` are read (see read-in-turn.ts): each once when its turn comes, or, when `readNow` holds
 * every one of them, polled at the policy's live rate; the others keep their last answer (the query
 * cache's) and its time. Off-screen vertices cost nothing; `live: false` (a job that ended) reads
 * each once and stops.
 */
export function useVisibleWatermarks(
  jobId: string,
  vertexIds: readonly string[],
  readNow: ReadonlySet<string>,
  live: boolean,
): VisibleWatermarks {
  const interval = usePollInterval('live');
  const everyOne = vertexIds.every((id) => readNow.has(id));
  const results = useQueries({
    queries: vertexIds.map((id) => {
      const reading = !live || readNow.has(id);
      return {
        ...lowWatermarkQueryOptions(jobId, id),
        enabled: reading,
        // A turn that comes round reads again (enabling a stale query fetches it); a job that ended
        // is read once.
        staleTime: live ? 0 : Infinity,
        refetchInterval: live && everyOne ? interval : false,
        refetchIntervalInBackground: false,
      };
    }),
  });
  const pending = results.some((r) => r.isFetching);
  const read = useKept([jobId, ...vertexIds, ...results.flatMap((r) => [r.data, r.dataUpdatedAt])], () => {
    const values = new Map<string, number | null | undefined>();
    const readAt = new Map<string, number>();
    vertexIds.forEach((id, i) => {
      const result = results[i];
      const data = result?.data;
      values.set(id, data === undefined ? undefined : lowWatermarkFromAggregates(data));
      readAt.set(id, result?.dataUpdatedAt ?? 0);
    });
    return { values, readAt };
  });
  // Its own object: the maps above stay the same objects when only `pending` changes.
  return useKept([read, pending], () => ({ ...read, pending }));
}
