// Metrics: the JobManager's, the TaskManagers', a job's, a vertex's and a subtask's, and the
// aggregated variants. Without `get` Flink lists the available metric ids; with `get` it
// returns their values (as strings); aggregated endpoints return min/max/sum/avg/skew numbers.

import { queryOptions } from '@tanstack/react-query';
import { requestJson } from './client';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { usePolledQuery } from './polling';
import type { MetricAggregation, SubtaskRanges } from './query';
import { AggregatedMetricsSchema, MetricValuesSchema, type AggregatedMetrics, type MetricValues } from './schemas';

export type { AggregatedMetrics, MetricValues } from './schemas';

export interface MetricsQuery {
  /** Metric ids to read; empty or absent lists the available ids. */
  readonly get?: readonly string[];
}

export interface AggregatedMetricsQuery extends MetricsQuery {
  readonly agg?: readonly MetricAggregation[];
}

function metricsQuery(query: MetricsQuery) {
  return { get: query.get };
}

function aggregatedQuery(query: AggregatedMetricsQuery) {
  return { get: query.get, agg: query.agg };
}

// ---- JobManager ------------------------------------------------------------------------------

export function fetchJobManagerMetrics(query: MetricsQuery = {}, signal?: AbortSignal): Promise<MetricValues> {
  return requestJson(endpoints.jobManagerMetrics, MetricValuesSchema, { query: metricsQuery(query), signal });
}

export function jobManagerMetricsQueryOptions(query: MetricsQuery = {}) {
  return queryOptions({
    queryKey: flinkKeys.jobmanagerMetrics(metricsQuery(query)),
    queryFn: ({ signal }) => fetchJobManagerMetrics(query, signal),
  });
}

export function useJobManagerMetrics(query: MetricsQuery = {}) {
  return usePolledQuery(jobManagerMetricsQueryOptions(query));
}

// ---- TaskManagers ----------------------------------------------------------------------------

export interface TaskManagersMetricsQuery extends AggregatedMetricsQuery {
  readonly taskmanagers?: readonly string[];
}

export function fetchTaskManagersMetrics(query: TaskManagersMetricsQuery = {}, signal?: AbortSignal): Promise<AggregatedMetrics> {
  return requestJson(endpoints.taskManagersMetrics, AggregatedMetricsSchema, {
    query: { ...aggregatedQuery(query), taskmanagers: query.taskmanagers },
    signal,
  });
}

export function taskManagersMetricsQueryOptions(query: TaskManagersMetricsQuery = {}) {
  return queryOptions({
    queryKey: flinkKeys.taskmanagersMetrics({ ...aggregatedQuery(query), taskmanagers: query.taskmanagers }),
    queryFn: ({ signal }) => fetchTaskManagersMetrics(query, signal),
  });
}

export function useTaskManagersMetrics(query: TaskManagersMetricsQuery = {}) {
  return usePolledQuery(taskManagersMetricsQueryOptions(query));
}

export function fetchTaskManagerMetrics(taskManagerId: string, query: MetricsQuery = {}, signal?: AbortSignal): Promise<MetricValues> {
  return requestJson(endpoints.taskManagerMetrics, MetricValuesSchema, {
    params: { taskmanagerid: taskManagerId },
    query: metricsQuery(query),
    signal,
  });
}

export function taskManagerMetricsQueryOptions(taskManagerId: string, query: MetricsQuery = {}) {
  return queryOptions({
    queryKey: flinkKeys.taskmanagerMetrics(taskManagerId, metricsQuery(query)),
    queryFn: ({ signal }) => fetchTaskManagerMetrics(taskManagerId, query, signal),
  });
}

export function useTaskManagerMetrics(taskManagerId: string, query: MetricsQuery = {}) {
  return usePolledQuery(taskManagerMetricsQueryOptions(taskManagerId, query));
}

// ---- jobs ------------------------------------------------------------------------------------

export interface JobsMetricsQuery extends AggregatedMetricsQuery {
  readonly jobs?: readonly string[];
}

export function fetchJobsMetrics(query: JobsMetricsQuery = {}, signal?: AbortSignal): Promise<AggregatedMetrics> {
  return requestJson(endpoints.jobsMetrics, AggregatedMetricsSchema, {
    query: { ...aggregatedQuery(query), jobs: query.jobs },
    signal,
  });
}

export function jobsMetricsQueryOptions(query: JobsMetricsQuery = {}) {
  return queryOptions({
    queryKey: flinkKeys.jobsMetrics({ ...aggregatedQuery(query), jobs: query.jobs }),
    queryFn: ({ signal }) => fetchJobsMetrics(query, signal),
  });
}

export function useJobsMetrics(query: JobsMetricsQuery = {}) {
  return usePolledQuery(jobsMetricsQueryOptions(query));
}

export function fetchJobMetrics(jobId: string, query: MetricsQuery = {}, signal?: AbortSignal): Promise<MetricValues> {
  return requestJson(endpoints.jobMetrics, MetricValuesSchema, { params: { jobid: jobId }, query: metricsQuery(query), signal });
}

export function jobMetricsQueryOptions(jobId: string, query: MetricsQuery = {}) {
  return queryOptions({
    queryKey: flinkKeys.jobMetrics(jobId, metricsQuery(query)),
    queryFn: ({ signal }) => fetchJobMetrics(jobId, query, signal),
  });
}

export function useJobMetrics(jobId: string, query: MetricsQuery = {}) {
  return usePolledQuery(jobMetricsQueryOptions(jobId, query));
}

// ---- vertices and subtasks -------------------------------------------------------------------

export function fetchVertexMetrics(jobId: string, vertexId: string, query: MetricsQuery = {}, signal?: AbortSignal): Promise<MetricValues> {
  return requestJson(endpoints.vertexMetrics, MetricValuesSchema, {
    params: { jobid: jobId, vertexid: vertexId },
    query: metricsQuery(query),
    signal,
  });
}

export function vertexMetricsQueryOptions(jobId: string, vertexId: string, query: MetricsQuery = {}) {
  return queryOptions({
    queryKey: flinkKeys.vertexMetrics(jobId, vertexId, metricsQuery(query)),
    queryFn: ({ signal }) => fetchVertexMetrics(jobId, vertexId, query, signal),
  });
}

export function useVertexMetrics(jobId: string, vertexId: string, query: MetricsQuery = {}) {
  return usePolledQuery(vertexMetricsQueryOptions(jobId, vertexId, query));
}

/** Metrics of operators running on the JobManager (e.g. FLIP-27 source coordinators). */
export function fetchJmOperatorMetrics(jobId: string, vertexId: string, query: MetricsQuery = {}, signal?: AbortSignal): Promise<MetricValues> {
  return requestJson(endpoints.vertexJmOperatorMetrics, MetricValuesSchema, {
    params: { jobid: jobId, vertexid: vertexId },
    query: metricsQuery(query),
    signal,
  });
}

export function jmOperatorMetricsQueryOptions(jobId: string, vertexId: string, query: MetricsQuery = {}) {
  return queryOptions({
    queryKey: flinkKeys.vertexJmOperatorMetrics(jobId, vertexId, metricsQuery(query)),
    queryFn: ({ signal }) => fetchJmOperatorMetrics(jobId, vertexId, query, signal),
  });
}

export function useJmOperatorMetrics(jobId: string, vertexId: string, query: MetricsQuery = {}) {
  return usePolledQuery(jmOperatorMetricsQueryOptions(jobId, vertexId, query));
}

export interface SubtasksMetricsQuery extends AggregatedMetricsQuery {
  /** Built with `subtaskRanges(...)`, e.g. `0,2,4-7`. */
  readonly subtasks?: SubtaskRanges;
}

export function fetchSubtasksMetrics(
  jobId: string,
  vertexId: string,
  query: SubtasksMetricsQuery = {},
  signal?: AbortSignal,
): Promise<AggregatedMetrics> {
  return requestJson(endpoints.subtasksMetrics, AggregatedMetricsSchema, {
    params: { jobid: jobId, vertexid: vertexId },
    query: { ...aggregatedQuery(query), subtasks: query.subtasks },
    signal,
  });
}

export function subtasksMetricsQueryOptions(jobId: string, vertexId: string, query: SubtasksMetricsQuery = {}) {
  return queryOptions({
    queryKey: flinkKeys.subtasksMetrics(jobId, vertexId, { ...aggregatedQuery(query), subtasks: query.subtasks }),
    queryFn: ({ signal }) => fetchSubtasksMetrics(jobId, vertexId, query, signal),
  });
}

export function useSubtasksMetrics(jobId: string, vertexId: string, query: SubtasksMetricsQuery = {}) {
  return usePolledQuery(subtasksMetricsQueryOptions(jobId, vertexId, query));
}

export function fetchSubtaskMetrics(
  jobId: string,
  vertexId: string,
  subtaskIndex: number,
  query: MetricsQuery = {},
  signal?: AbortSignal,
): Promise<MetricValues> {
  return requestJson(endpoints.subtaskMetrics, MetricValuesSchema, {
    params: { jobid: jobId, vertexid: vertexId, subtaskindex: subtaskIndex },
    query: metricsQuery(query),
    signal,
  });
}

export function subtaskMetricsQueryOptions(jobId: string, vertexId: string, subtaskIndex: number, query: MetricsQuery = {}) {
  return queryOptions({
    queryKey: flinkKeys.subtaskMetrics(jobId, vertexId, subtaskIndex, metricsQuery(query)),
    queryFn: ({ signal }) => fetchSubtaskMetrics(jobId, vertexId, subtaskIndex, query, signal),
  });
}

export function useSubtaskMetrics(jobId: string, vertexId: string, subtaskIndex: number, query: MetricsQuery = {}) {
  return usePolledQuery(subtaskMetricsQueryOptions(jobId, vertexId, subtaskIndex, query));
}

/** Reads a metric value by id from a `get` answer. */
export function metricValue(metrics: MetricValues, id: string): string | undefined {
  return metrics.find((m) => m.id === id)?.value;
}
