import { useMemo, type ReactNode } from 'react';
import { jobManagerConfigQueryOptions } from '../../api/jobmanager';
import { jobManagerMetricsQueryOptions } from '../../api/metrics';
import { usePolledQuery } from '../../api/polling';
import { sampleFromMetricValues } from '../../charts/metrics/history';
import { chartMetricIds, garbageCollectors, jobManagerCharts } from '../../charts/metrics/jvm-charts';
import { GarbageCollectorsTable, JvmMemoryTable, MemoryColumns, MemoryModel } from '../../components/MemoryPanel';
import { QueryState } from '../../components/QueryState';
import { userMessage } from '../../api/errors';
import { formatBytes } from '../../lib/format';
import { JobManagerCharts } from './JobManagerCharts';
import {
  garbageCollectorMetrics,
  JOB_MANAGER_MEMORY_METRICS,
  jobManagerGarbageCollectors,
  jobManagerMemoryModel,
  jobManagerMemoryRows,
} from './memory';

/**
 * The job manager's Metrics tab: its memory model (configured sizes), the JVM's memory pools and
 * garbage collectors now, and charts over time. One metrics request per refresh serves all of it
 * (`get=` the pools, the charts' series and the collectors); the list of metric ids (it names
 * the collectors) and the configuration are read once.
 */
export function JobManagerMetricsTab(): ReactNode {
  const available = usePolledQuery({ ...jobManagerMetricsQueryOptions(), staleTime: Infinity }, 'static');
  const config = usePolledQuery(jobManagerConfigQueryOptions());
  const { specs, collectors, chartIds, get } = useMemo(() => {
    const ids = available.data?.map((m) => m.id) ?? [];
    const specs = jobManagerCharts(ids);
    const collectors = garbageCollectors(ids);
    const chartIds = chartMetricIds(specs);
    const get = [
      ...new Set([...chartIds, ...JOB_MANAGER_MEMORY_METRICS, ...garbageCollectorMetrics(collectors)]),
    ].sort();
    return { specs, collectors, chartIds, get };
  }, [available.data]);
  const values = usePolledQuery({ ...jobManagerMetricsQueryOptions({ get }), enabled: available.data !== undefined });
  const sample = useMemo(() => (values.data ? sampleFromMetricValues(values.data) : undefined), [values.data]);
  const chartSample = useMemo(
    () => (sample ? Object.fromEntries(chartIds.map((id) => [id, sample[id] ?? null])) : undefined),
    [sample, chartIds],
  );
  const model = useMemo(() => (config.data ? jobManagerMemoryModel(config.data) : undefined), [config.data]);

  return (
    <QueryState query={available} what="the job manager's metrics">
      {() => (
        <>
          <section aria-labelledby="jm-memory">
            <h2 id="jm-memory">Memory</h2>
            <MemoryColumns>
              <div>
                <h3>Memory model</h3>
                {model ? (
                  <MemoryModel parts={model.parts} total={model.processSize}>
                    From the effective configuration (<code>jobmanager.memory.*</code>)
                    {model.processSize !== null && <>, total process memory {formatBytes(model.processSize)}</>}
                    {model.flinkSize !== null && <>, total Flink memory {formatBytes(model.flinkSize)}</>}
                    {model.overheadRange && (
                      <>
                        ; JVM overhead between {formatBytes(model.overheadRange.min)} and{' '}
                        {formatBytes(model.overheadRange.max)}
                      </>
                    )}
                    .
                  </MemoryModel>
                ) : config.isError ? (
                  <p className="panel-warning" role="status">
                    Could not read the configuration: {userMessage(config.error)}
                  </p>
                ) : (
                  <p className="panel-loading" aria-busy="true">
                    Loading the configuration…
                  </p>
                )}
              </div>
              <div>
                <h3>JVM memory now</h3>
                {values.isError && (
                  <p className="panel-warning" role="status">
                    Could not read the latest values: {userMessage(values.error)}
                  </p>
                )}
                {sample ? (
                  <>
                    <JvmMemoryTable rows={jobManagerMemoryRows(sample)} />
                    <h3>Garbage collectors</h3>
                    <GarbageCollectorsTable collectors={jobManagerGarbageCollectors(sample, collectors)} />
                  </>
                ) : (
                  !values.isError && (
                    <p className="panel-loading" aria-busy="true">
                      Loading the JVM&apos;s memory…
                    </p>
                  )
                )}
              </div>
            </MemoryColumns>
          </section>
          <section aria-labelledby="jm-charts">
            <h2 id="jm-charts">Over time</h2>
            <JobManagerCharts specs={specs} sample={chartSample} t={values.dataUpdatedAt} />
          </section>
        </>
      )}
    </QueryState>
  );
}
