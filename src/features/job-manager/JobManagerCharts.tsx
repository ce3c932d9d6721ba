import { useMemo, type ReactNode } from 'react';
import { jobManagerMetricsQueryOptions } from '../../api/metrics';
import { usePolledQuery } from '../../api/polling';
import { createHistoryStore, keepInSnapshots, useHistory } from '../../lib/history-store';
import { sampleFromMetricValues, useRecordMetricSample } from '../../charts/metrics/history';
import { chartMetricIds, jobManagerCharts } from '../../charts/metrics/jvm-charts';
import { MetricChartGrid } from '../../charts/metrics/MetricCharts';
import { QueryState } from '../../components/QueryState';

/** The job manager's JVM metrics seen while the dashboard is open (~30 min at a 3 s refresh). */
export const jobManagerHistory = createHistoryStore({ maxSamples: 600, maxKeys: 1 });
keepInSnapshots('job-manager-jvm', jobManagerHistory);
const KEY = 'jobmanager';

/** Heap, non-heap, threads and GC of the job manager over time, sampled at each refresh. */
export function JobManagerCharts(): ReactNode {
  const available = usePolledQuery({ ...jobManagerMetricsQueryOptions(), staleTime: Infinity }, 'static');
  const specs = useMemo(() => jobManagerCharts(available.data?.map((m) => m.id) ?? []), [available.data]);
  const get = useMemo(() => chartMetricIds(specs), [specs]);
  const values = usePolledQuery({ ...jobManagerMetricsQueryOptions({ get }), enabled: available.data !== undefined });
  const sample = useMemo(() => (values.data ? sampleFromMetricValues(values.data) : undefined), [values.data]);
  useRecordMetricSample(jobManagerHistory, KEY, values.dataUpdatedAt, sample);
  const samples = useHistory(jobManagerHistory, KEY);
  return (
    <QueryState query={available} what="the job manager's metrics">
      {() => (
        <>
          {values.isError && (
            <p className="panel-warning" role="status">
              Could not read the latest values: {values.error.message}
            </p>
          )}
          <MetricChartGrid specs={specs} samples={samples} subject="the job manager" />
        </>
      )}
    </QueryState>
  );
}
