import { useMemo, type ReactNode } from 'react';
import { taskManagerMetricsQueryOptions } from '../../api/metrics';
import { usePolledQuery } from '../../api/polling';
import { createHistoryStore, keepInSnapshots, useHistory } from '../../lib/history-store';
import { sampleFromMetricValues, useRecordMetricSample } from '../../charts/metrics/history';
import { chartMetricIds, taskManagerCharts } from '../../charts/metrics/jvm-charts';
import { MetricChartGrid } from '../../charts/metrics/MetricCharts';
import { QueryState } from '../../components/QueryState';

/** Task managers' JVM metrics seen while the dashboard is open: ~30 min at a 3 s refresh, 20 TMs. */
export const taskManagerHistory = createHistoryStore({ maxSamples: 600, maxKeys: 20 });
keepInSnapshots('task-manager-jvm', taskManagerHistory);

/**
 * Heap, non-heap, GC and network buffers of one task manager over time, sampled from its
 * metrics at each refresh into a history that survives leaving the page.
 */
export function TaskManagerCharts({ taskManagerId }: { taskManagerId: string }): ReactNode {
  // The list of available metric ids names the garbage collectors; it does not change.
  const available = usePolledQuery({ ...taskManagerMetricsQueryOptions(taskManagerId), staleTime: Infinity }, 'static');
  const specs = useMemo(() => taskManagerCharts(available.data?.map((m) => m.id) ?? []), [available.data]);
  const get = useMemo(() => chartMetricIds(specs), [specs]);
  const values = usePolledQuery({
    ...taskManagerMetricsQueryOptions(taskManagerId, { get }),
    enabled: available.data !== undefined,
  });
  const sample = useMemo(() => (values.data ? sampleFromMetricValues(values.data) : undefined), [values.data]);
  useRecordMetricSample(taskManagerHistory, taskManagerId, values.dataUpdatedAt, sample);
  const samples = useHistory(taskManagerHistory, taskManagerId);
  return (
    <QueryState query={available} what="the task manager's metrics">
      {() => (
        <>
          {values.isError && (
            <p className="panel-warning" role="status">
              Could not read the latest values: {values.error.message}
            </p>
          )}
          <MetricChartGrid specs={specs} samples={samples} subject={`task manager ${taskManagerId}`} />
        </>
      )}
    </QueryState>
  );
}
