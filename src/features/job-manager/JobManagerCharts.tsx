import type { ReactNode } from 'react';
import { createHistoryStore, keepInSnapshots, useHistory } from '../../lib/history-store';
import { useRecordMetricSample } from '../../charts/metrics/history';
import type { ChartSpec } from '../../charts/metrics/jvm-charts';
import { MetricChartGrid } from '../../charts/metrics/MetricCharts';

/** The job manager's JVM metrics seen while the dashboard is open (~30 min at a 3 s refresh). */
export const jobManagerHistory = createHistoryStore({ maxSamples: 600, maxKeys: 1 });
keepInSnapshots('job-manager-jvm', jobManagerHistory);
const KEY = 'jobmanager';

/**
 * Heap, non-heap, threads and GC of the job manager over time: each answer of the tab's one
 * metrics request (`sample`, taken at `t`) is recorded into a history that survives leaving the page.
 */
export function JobManagerCharts({
  specs,
  sample,
  t,
}: {
  specs: readonly ChartSpec[];
  sample: Readonly<Record<string, number | null>> | undefined;
  t: number;
}): ReactNode {
  useRecordMetricSample(jobManagerHistory, KEY, t, sample);
  const samples = useHistory(jobManagerHistory, KEY);
  return <MetricChartGrid specs={specs} samples={samples} subject="the job manager" />;
}
