// Metrics: the JobManager's, the TaskManagers', a job's, a vertex's and a subtask's, and the
// aggregated variants. Without `get` Flink lists the available metric ids; with `get` it
// returns their values (as strings); aggregated endpoints return min/max/sum/avg/skew numbers.

import { jsonQuery } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
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

export function jobManagerMetricsQueryOptions(query: MetricsQuery = {}) {
  const values = metricsQuery(query);
  return jsonQuery(flinkKeys.jobmanagerMetrics(values), endpoints.jobManagerMetrics, MetricValuesSchema, {
    query: values,
  });
}

// ---- TaskManagers ----------------------------------------------------------------------------

export interface TaskManagersMetricsQuery extends AggregatedMetricsQuery {
  readonly taskmanagers?: readonly string[];
}

export function taskManagersMetricsQueryOptions(query: TaskManagersMetricsQuery = {}) {
  const values = { ...aggregatedQuery(query), taskmanagers: query.taskmanagers };
  return jsonQuery(flinkKeys.taskmanagersMetrics(values), endpoints.taskManagersMetrics, AggregatedMetricsSchema, {
    query: values,
  });
}

export function taskManagerMetricsQueryOptions(taskManagerId: string, query: MetricsQuery = {}) {
  const values = metricsQuery(query);
  return jsonQuery(
    flinkKeys.taskmanagerMetrics(taskManagerId, values),
    endpoints.taskManagerMetrics,
    MetricValuesSchema,
    {
      params: { taskmanagerid: taskManagerId },
      query: values,
    },
  );
}

// ---- jobs ------------------------------------------------------------------------------------

export interface JobsMetricsQuery extends AggregatedMetricsQuery {
  readonly jobs?: readonly string[];
}

export function jobsMetricsQueryOptions(query: JobsMetricsQuery = {}) {
  const values = { ...aggregatedQuery(query), jobs: query.jobs };
  return jsonQuery(flinkKeys.jobsMetrics(values), endpoints.jobsMetrics, AggregatedMetricsSchema, { query: values });
}

export function jobMetricsQueryOptions(jobId: string, query: MetricsQuery = {}) {
  const values = metricsQuery(query);
  return jsonQuery(flinkKeys.jobMetrics(jobId, values), endpoints.jobMetrics, MetricValuesSchema, {
    params: { jobid: jobId },
    query: values,
  });
}

// ---- vertices and subtasks -------------------------------------------------------------------

export function vertexMetricsQueryOptions(jobId: string, vertexId: string, query: MetricsQuery = {}) {
  const values = metricsQuery(query);
  return jsonQuery(flinkKeys.vertexMetrics(jobId, vertexId, values), endpoints.vertexMetrics, MetricValuesSchema, {
    params: { jobid: jobId, vertexid: vertexId },
    query: values,
  });
}

/** Metrics of operators running on the JobManager (e.g. FLIP-27 source coordinators). */
export function jmOperatorMetricsQueryOptions(jobId: string, vertexId: string, query: MetricsQuery = {}) {
  const values = metricsQuery(query);
  return jsonQuery(
    flinkKeys.vertexJmOperatorMetrics(jobId, vertexId, values),
    endpoints.vertexJmOperatorMetrics,
    MetricValuesSchema,
    {
      params: { jobid: jobId, vertexid: vertexId },
      query: values,
    },
  );
}

export interface SubtasksMetricsQuery extends AggregatedMetricsQuery {
  /** Built with `subtaskRanges(...)`, e.g. `0,2,4-7`. */
  readonly subtasks?: SubtaskRanges;
}

export function subtasksMetricsQueryOptions(jobId: string, vertexId: string, query: SubtasksMetricsQuery = {}) {
  const values = { ...aggregatedQuery(query), subtasks: query.subtasks };
  return jsonQuery(
    flinkKeys.subtasksMetrics(jobId, vertexId, values),
    endpoints.subtasksMetrics,
    AggregatedMetricsSchema,
    {
      params: { jobid: jobId, vertexid: vertexId },
      query: values,
    },
  );
}

/**
 * A vertex's records received per subtask, aggregated by Flink over its subtasks: min, max, avg
 * and Flink's data skew (1.20 and 2.x serve `skew`). One request per vertex, never per subtask;
 * the data skew tab and the job graph share its cache entry.
 */
export function recordsInSkewQueryOptions(jobId: string, vertexId: string) {
  return subtasksMetricsQueryOptions(jobId, vertexId, { get: ['numRecordsIn'], agg: ['min', 'max', 'avg', 'skew'] });
}

/**
 * A vertex's low watermark in one small answer: Flink's minimum over its subtasks'
 * `currentInputWatermark`. The `/watermarks` list carries every subtask's value, so it grows
 * with the parallelism (about 20 KB per vertex at 512); this answer does not. A view that
 * shows each subtask's watermark still reads `/watermarks`.
 */
export function lowWatermarkQueryOptions(jobId: string, vertexId: string) {
  return subtasksMetricsQueryOptions(jobId, vertexId, { get: [CURRENT_INPUT_WATERMARK], agg: ['min'] });
}

const CURRENT_INPUT_WATERMARK = 'currentInputWatermark';

/**
 * The low watermark from `lowWatermarkQueryOptions`' answer: `null` when the vertex has none
 * (no subtask reports one yet, e.g. a source, or one subtask is still at Long.MIN_VALUE, which
 * Flink's minimum then returns), else epoch ms.
 */
export function lowWatermarkFromAggregates(aggregates: AggregatedMetrics): number | null {
  const min = aggregates.find((m) => m.id === CURRENT_INPUT_WATERMARK)?.min;
  return min !== undefined && Number.isFinite(min) && min > -(2 ** 62) ? min : null;
}

export function subtaskMetricsQueryOptions(
  jobId: string,
  vertexId: string,
  subtaskIndex: number,
  query: MetricsQuery = {},
) {
  const values = metricsQuery(query);
  return jsonQuery(
    flinkKeys.subtaskMetrics(jobId, vertexId, subtaskIndex, values),
    endpoints.subtaskMetrics,
    MetricValuesSchema,
    {
      params: { jobid: jobId, vertexid: vertexId, subtaskindex: subtaskIndex },
      query: values,
    },
  );
}

/** Reads a metric value by id from a `get` answer. */
export function metricValue(metrics: MetricValues, id: string): string | undefined {
  return metrics.find((m) => m.id === id)?.value;
}
