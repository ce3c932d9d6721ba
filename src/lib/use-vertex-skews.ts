import { useQueries } from '@tanstack/react-query';
import type { JobVertexSummary } from '../api/jobs';
import { recordsInSkewQueryOptions } from '../api/metrics';
import { usePollInterval } from '../api/polling';
import { needsSkewRequest, singleSubtaskFigures, skewFromAggregates, type SkewReading } from './data-skew';

export interface VertexSkews {
  /** Per vertex id: its figures, `null` when Flink has none, `undefined` while not known. */
  readonly readings: ReadonlyMap<string, SkewReading>;
  /** The first failed request's error (its vertex keeps its last figures, if any), and how many failed. */
  readonly error: Error | null;
  readonly failed: number;
}

/**
 * The data skew of the given vertices only (those on screen): one aggregated metrics request per
 * vertex with more than one subtask per refresh, at the policy's live rate; a one-subtask vertex
 * costs nothing (its figures come from the job details). `live: false` (a job that ended) fetches
 * once and stops polling.
 */
export function useVertexSkews(jobId: string, vertices: readonly JobVertexSummary[], live: boolean): VertexSkews {
  const interval = usePollInterval('live');
  const asked = vertices.filter(needsSkewRequest);
  const results = useQueries({
    queries: asked.map((vertex) => ({
      ...recordsInSkewQueryOptions(jobId, vertex.id),
      refetchInterval: live ? interval : false,
      refetchIntervalInBackground: false,
    })),
  });
  const readings = new Map<string, SkewReading>();
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
  });
  return { readings, error, failed };
}
