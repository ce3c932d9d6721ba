import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { usePollInterval } from '../../api/polling';
import { subtasksMetricsQueryOptions } from '../../api/metrics';
import { useKept } from '../../lib/use-kept';
import { readWindow } from './read-in-turn';
import { metricIdList, operatorFlows, operatorMetricIds, type OperatorFlows, type VertexRole } from './vertex-table';

/**
 * Records read by source operators and written by sink operators, which Flink's network counters
 * in the job details do not see.
 *
 * Request budget: at most READS_PER_REFRESH requests per refresh, for the source and sink vertices
 * whose rows are on screen (`GET /jobs/:jobid/vertices/:vertexid/subtasks/metrics?get=<total>,<rate>&agg=sum`,
 * both the total and the rate in one request, aggregated over subtasks by the JobManager, never
 * one per subtask): when more such rows are on screen, they are read in turn (`turn`, see
 * read-in-turn.ts) and each keeps its last figures between its turns. Nothing for inner vertices,
 * nothing for rows scrolled out of view, and one request then no polling for a job that ended
 * (`live: false`). On the wide demo job (one source, one sink) that is 0 extra requests with the
 * table off screen and 2 with it in view.
 *
 * The map returned is the same object for as long as no answer changed, so the table's rows are
 * not rebuilt when the view renders for another reason (a request starting or ending).
 */
export function useOperatorFlows(
  jobId: string,
  vertices: readonly { readonly id: string; readonly name: string; readonly role: VertexRole | undefined }[],
  onScreen: ReadonlySet<string>,
  live: boolean,
  turn = 0,
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
  const readNow = useMemo(
    () =>
      readWindow(
        wanted.map((vertex) => vertex.id),
        turn,
      ),
    [wanted, turn],
  );
  const everyOne = wanted.every((vertex) => readNow.has(vertex.id));
  const results = useQueries({
    queries: wanted.map((vertex) => ({
      ...subtasksMetricsQueryOptions(jobId, vertex.id, { get: vertex.get, agg: ['sum'] }),
      // A turn that comes round reads again (enabling a stale query fetches it); a job that ended
      // is read once.
      enabled: !live || readNow.has(vertex.id),
      staleTime: live ? 0 : Infinity,
      refetchInterval: live && everyOne ? interval : false,
      refetchIntervalInBackground: false,
    })),
  });
  return useKept(
    [jobId, ...wanted.flatMap((vertex) => [vertex.id, vertex.get.join(',')]), ...results.map((r) => r.data)],
    () => {
      const out = new Map<string, OperatorFlows>();
      wanted.forEach((vertex, i) => out.set(vertex.id, operatorFlows(vertex.ids, results[i]?.data)));
      return out;
    },
  );
}
