import { lowWatermarkFromAggregates, lowWatermarkQueryOptions } from '../../api/metrics';
import { useReadsInTurn, type TurnReads } from './useReadsInTurn';

/** Per vertex id: its low watermark, `null` when it has none, `undefined` while never read; when read (0: never). */
export type VisibleWatermarks = TurnReads<number | null>;

/**
 * Low watermarks of the given vertices only (the ones on screen), each Flink's minimum over the
 * vertex's subtasks (one small answer, whatever the parallelism), read in turn (see
 * useReadsInTurn): off-screen vertices cost nothing; `live: false` (a job that ended) reads each
 * once and stops.
 */
export function useVisibleWatermarks(
  jobId: string,
  vertexIds: readonly string[],
  readNow: ReadonlySet<string>,
  live: boolean,
): VisibleWatermarks {
  return useReadsInTurn(
    jobId,
    vertexIds,
    readNow,
    live,
    (id) => lowWatermarkQueryOptions(jobId, id),
    lowWatermarkFromAggregates,
  );
}
