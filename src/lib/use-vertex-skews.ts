import { useQueries } from '@tanstack/react-query';
import type { JobVertexSummary } from '../api/jobs';
import { recordsInSkewQueryOptions } from '../api/metrics';
import { usePollInterval } from '../api/polling';
import { needsSkewRequest, singleSubtaskFigures, skewFromAggregates, type SkewReading } from './data-skew';
import { useKept } from './use-kept';

export interface VertexSkews {
  /** Per vertex id: its figures, `null` when Flink has none, `undefined` while not known. */
  readonly readings: ReadonlyMap<string, SkewReading>;
  /** Per vertex id read by request: when its figures were last read (epoch ms), 0 when never. */
  readonly readAt: ReadonlyMap<string, number>;
  /** The first failed request's error (its vertex keeps its last figures, if any), and how many failed. */
  readonly error: Error | null;
  readonly failed: number;
  /** Whether a read is under way (a view may wait for the reads of a refresh to end and draw them once). */
  readonly pending: boolean;
}

/**
 * The data skew of the given vertices only (those on screen): one aggregated metrics request per
 * vertex with more than one subtask per refresh, at the policy's live rate; a one-subtask vertex
 * costs nothing (its figures come from the job details). `live: false` (a job that ended) fetches
 * once and stops polling.
 *
 * `readNow`, when given, bounds the requests of a live job: only those vertices are read (each once
 * when it is enabled, or polled when `readNow` holds every vertex); the others keep their last
 * figures and `readAt` says how old they are.
 */
export function useVertexSkews(
  jobId: string,
  vertices: readonly JobVertexSummary[],
  live: boolean,
  readNow?: ReadonlySet<string>,
): VertexSkews {
  const interval = usePollInterval('live');
  const asked = vertices.filter(needsSkewRequest);
  const everyOne = readNow === undefined || asked.every((v) => readNow.has(v.id));
  const results = useQueries({
    queries: asked.map((vertex) => {
      const reading = !live || readNow === undefined || readNow.has(vertex.id);
      return {
        ...recordsInSkewQueryOptions(jobId, vertex.id),
        ...(readNow === undefined ? {} : { enabled: reading, staleTime: live ? 0 : Infinity }),
        refetchInterval: live && everyOne ? interval : false,
        refetchIntervalInBackground: false,
      };
    }),
  });
  const pending = results.some((r) => r.isFetching);
  const read = useKept([jobId, vertices, ...results.flatMap((r) => [r.data, r.dataUpdatedAt, r.error])], () => {
    const readings = new Map<string, SkewReading>();
    const readAt = new Map<string, number>();
    let error: Error | null = null;
    let failed = 0;
    for (const vertex of vertices) {
      if (!needsSkewRequest(vertex)) readings.set(vertex.id, singleSubtaskFigures(vertex));
    }
    asked.forEach((vertex, i) => {
      const result = results[i];
      if (result?.isError) {
        failed += 1;
        error ??= result.error;
      }
      const data = result?.data;
      readings.set(vertex.id, data === undefined ? undefined : skewFromAggregates(data));
      readAt.set(vertex.id, result?.dataUpdatedAt ?? 0);
    });
    return { readings, readAt, error, failed };
  });
  // Its own object: the maps above stay the same objects when only `pending` changes.
  return useKept([read, pending], () => ({ ...read, pending }));
}
