import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import {
  jobManagerMetricsQueryOptions,
  jobMetricsQueryOptions,
  jobsMetricsQueryOptions,
  subtasksMetricsQueryOptions,
  taskManagerMetricsQueryOptions,
  taskManagersMetricsQueryOptions,
  vertexMetricsQueryOptions,
  type AggregatedMetrics,
  type MetricValues,
} from '../../api/metrics';
import { usePolledQuery } from '../../api/polling';
import type { MetricAggregation } from '../../api/query';
import { createHistoryStore, keepInSnapshots } from '../../lib/history-store';
import { parseMetricValue, sampleFromMetricValues, useRecordMetricSample } from '../../charts/metrics/history';
import { seriesName, type ScopeGroup } from '../../lib/metric-picks';

/** Picked metrics seen while the dashboard is open: ~30 min at a 3 s refresh, 32 scopes. */
export const explorerHistory = createHistoryStore({ maxSamples: 600, maxKeys: 32 });
keepInSnapshots('metrics-explorer', explorerHistory);

/** An aggregated answer as history values: one series per metric and aggregation. */
export function sampleFromAggregated(
  metrics: AggregatedMetrics,
  aggs: readonly MetricAggregation[],
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const m of metrics) {
    for (const agg of aggs) out[seriesName(m.id, agg)] = parseMetricValue(m[agg]);
  }
  return out;
}

export interface SamplerStatus {
  readonly error: Error | null;
  readonly loading: boolean;
  /** Metrics asked for that the answer did not carry (Flink omits unknown ids). */
  readonly missing: readonly string[];
}

function useRecord<T extends MetricValues | AggregatedMetrics>(
  group: ScopeGroup,
  query: UseQueryResult<T>,
  toSample: (data: T) => Record<string, number | null>,
): SamplerStatus {
  const { data } = query;
  const sample = useMemo(() => (data ? toSample(data) : undefined), [data, toSample]);
  useRecordMetricSample(explorerHistory, group.key, query.dataUpdatedAt, sample);
  const missing = useMemo(() => {
    if (!data) return [];
    const present = new Set(data.map((m) => m.id));
    return group.metrics.filter((m) => !present.has(m));
  }, [data, group.metrics]);
  return { error: query.isError ? query.error : null, loading: query.isPending, missing };
}

type Report = (status: SamplerStatus) => ReactNode;

const valuesSample = (data: MetricValues) => sampleFromMetricValues(data);

function JmSampler({ group, children }: { group: ScopeGroup; children: Report }): ReactNode {
  return children(
    useRecord(group, usePolledQuery(jobManagerMetricsQueryOptions({ get: group.metrics })), valuesSample),
  );
}

function TmSampler({
  group,
  taskManagerId,
  children,
}: {
  group: ScopeGroup;
  taskManagerId: string;
  children: Report;
}): ReactNode {
  return children(
    useRecord(
      group,
      usePolledQuery(taskManagerMetricsQueryOptions(taskManagerId, { get: group.metrics })),
      valuesSample,
    ),
  );
}

function JobSampler({ group, jobId, children }: { group: ScopeGroup; jobId: string; children: Report }): ReactNode {
  return children(
    useRecord(group, usePolledQuery(jobMetricsQueryOptions(jobId, { get: group.metrics })), valuesSample),
  );
}

function VertexSampler({
  group,
  jobId,
  vertexId,
  children,
}: {
  group: ScopeGroup;
  jobId: string;
  vertexId: string;
  children: Report;
}): ReactNode {
  return children(
    useRecord(group, usePolledQuery(vertexMetricsQueryOptions(jobId, vertexId, { get: group.metrics })), valuesSample),
  );
}

/** `aggs` comes from a memoised group, so the function changes only with the picks. */
function useAggregatedSample(aggs: readonly MetricAggregation[]) {
  return useMemo(() => (data: AggregatedMetrics) => sampleFromAggregated(data, aggs), [aggs]);
}

function TmsSampler({ group, children }: { group: ScopeGroup; children: Report }): ReactNode {
  const toSample = useAggregatedSample(group.aggs);
  return children(
    useRecord(
      group,
      usePolledQuery(taskManagersMetricsQueryOptions({ get: group.metrics, agg: group.aggs })),
      toSample,
    ),
  );
}

function JobsSampler({ group, children }: { group: ScopeGroup; children: Report }): ReactNode {
  const toSample = useAggregatedSample(group.aggs);
  return children(
    useRecord(group, usePolledQuery(jobsMetricsQueryOptions({ get: group.metrics, agg: group.aggs })), toSample),
  );
}

function SubtasksSampler({ group, children }: { group: ScopeGroup; children: Report }): ReactNode {
  const toSample = useAggregatedSample(group.aggs);
  const scope = group.scope.kind === 'subtasks' ? group.scope : undefined;
  const query = usePolledQuery(
    subtasksMetricsQueryOptions(scope?.jobId ?? '', scope?.vertexId ?? '', {
      get: group.metrics,
      agg: group.aggs,
      subtasks: scope?.subtasks ?? undefined,
    }),
  );
  return children(useRecord(group, query, toSample));
}

/**
 * Polls one scope's picked metrics at the live rate and records each answer into the explorer's
 * history; `children` renders what came of it (errors, metrics Flink does not know).
 */
export function ScopeSampler({ group, children }: { group: ScopeGroup; children: Report }): ReactNode {
  const { scope } = group;
  switch (scope.kind) {
    case 'jm':
      return <JmSampler group={group}>{children}</JmSampler>;
    case 'tm':
      return (
        <TmSampler group={group} taskManagerId={scope.taskManagerId}>
          {children}
        </TmSampler>
      );
    case 'tms':
      return <TmsSampler group={group}>{children}</TmsSampler>;
    case 'jobs':
      return <JobsSampler group={group}>{children}</JobsSampler>;
    case 'job':
      return (
        <JobSampler group={group} jobId={scope.jobId}>
          {children}
        </JobSampler>
      );
    case 'vertex':
      return (
        <VertexSampler group={group} jobId={scope.jobId} vertexId={scope.vertexId}>
          {children}
        </VertexSampler>
      );
    case 'subtasks':
      return <SubtasksSampler group={group}>{children}</SubtasksSampler>;
  }
}
