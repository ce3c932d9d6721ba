import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { usePollInterval } from '../../api/polling';
import { subtasksMetricsQueryOptions } from '../../api/metrics';
import { metricIdList, operatorFlows, operatorMetricIds, type OperatorFlows, type VertexRole } from './vertex-table';

/**
 * Records read by source operators and written by sink operators, which Flink's network counters
 * in the job details do not see.
 *
 * Request budget: at most ONE request per refresh per source or sink vertex whose row is on
 * screen (`GET /jobs/:jobid/vertices/:vertexid/subtasks/metrics?get=<total>,<rate>&agg=sum`,
 * both the total and the rate in one request, aggregated over subtasks by the JobManager, never
 * one per subtask); nothing for inner vertices, nothing for rows scrolled out of view, and one
 * request then no polling for a job that ended (`live: false`). On the wide demo job (one source,
 * one sink) that is 0 extra requests with the table off screen and 2 with it in view.
 */
export function useOperatorFlows(
  jobId: string,
  vertices: readonly { readonly id: string; readonly name: string; readonly role: VertexRole | undefined }[],
  onScreen: ReadonlySet<string>,
  live: boolean,
): ReadonlyMap<string, OperatorFlows> {
  const interval = usePollInterval('live');
  const wanted = useMemo(
    () =>
      vertices
        .filter((vertex) => onScreen.has(vertex.id) && (vertex.role?.source || vertex.role?.sink))
        .map((vertex) => {
          const ids = operatorMetricIds(vertex.name, vertex.role ?? { source: false, sink: false });
          return { id: vertex.id, ids, get: metricIdList(ids) };
        })
        .filter((vertex) => vertex.get.length > 0),
    [vertices, onScreen],
  );
  const results = useQueries({
    queries: wanted.map((vertex) => ({
      ...subtasksMetricsQueryOptions(jobId, vertex.id, { get: vertex.get, agg: ['sum'] }),
      refetchInterval: live ? interval : false,
      refetchIntervalInBackground: false,
    })),
  });
  const out = new Map<string, OperatorFlows>();
  wanted.forEach((vertex, i) => out.set(vertex.id, operatorFlows(vertex.ids, results[i]?.data)));
  return out;
}
