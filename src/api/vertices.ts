// A job's vertices (tasks): details, accumulators, the TaskManager breakdown and watermarks.
// Subtasks and their attempts are in subtasks.ts; back pressure and flame graphs, which Flink
// samples on demand, in vertex-sampling.ts.

import * as v from 'valibot';
import { jsonQuery, LARGE_ANSWER } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import {
  ExecutionStateSchema,
  int,
  IOMetricsSchema,
  MetricValuesSchema,
  num,
  NumberRecord,
  str,
  UserAccumulatorSchema,
  type MetricValues,
} from './schemas';
import { SubtaskAttemptsSchema } from './subtasks';

// ---- GET /jobs/:jobid/vertices/:vertexid -----------------------------------------------------

export const VertexDetailsSchema = v.looseObject({
  id: str,
  name: str,
  parallelism: int,
  maxParallelism: int,
  now: num,
  subtasks: SubtaskAttemptsSchema,
  /** Aggregates over subtasks (1.17+): metric -> min/max/avg/sum/median/p25/p75/p95. */
  aggregated: v.optional(v.unknown()),
});
export type VertexDetails = v.InferOutput<typeof VertexDetailsSchema>;

export function vertexDetailsQueryOptions(jobId: string, vertexId: string) {
  return jsonQuery(
    flinkKeys.vertexDetails(jobId, vertexId),
    endpoints.vertexDetails,
    VertexDetailsSchema,
    { params: { jobid: jobId, vertexid: vertexId } },
    'live',
    LARGE_ANSWER,
  );
}

// ---- accumulators ----------------------------------------------------------------------------

export const VertexAccumulatorsSchema = v.looseObject({
  id: str,
  'user-accumulators': v.array(UserAccumulatorSchema),
});
export type VertexAccumulators = v.InferOutput<typeof VertexAccumulatorsSchema>;

export function vertexAccumulatorsQueryOptions(jobId: string, vertexId: string) {
  return jsonQuery(
    flinkKeys.vertexAccumulators(jobId, vertexId),
    endpoints.vertexAccumulators,
    VertexAccumulatorsSchema,
    {
      params: { jobid: jobId, vertexid: vertexId },
    },
  );
}

// ---- per TaskManager -------------------------------------------------------------------------

export const VertexTaskManagersSchema = v.looseObject({
  id: str,
  name: str,
  now: num,
  taskmanagers: v.array(
    v.looseObject({
      endpoint: str,
      /** 1.20 only: deprecated alias of `endpoint`, removed in 2.0. */
      host: v.optional(str),
      'taskmanager-id': str,
      status: ExecutionStateSchema,
      'start-time': num,
      'end-time': num,
      duration: num,
      metrics: IOMetricsSchema,
      'status-counts': NumberRecord,
      aggregated: v.optional(v.unknown()),
    }),
  ),
});
export type VertexTaskManagers = v.InferOutput<typeof VertexTaskManagersSchema>;

export function vertexTaskManagersQueryOptions(jobId: string, vertexId: string) {
  return jsonQuery(
    flinkKeys.vertexTaskManagers(jobId, vertexId),
    endpoints.vertexTaskManagers,
    VertexTaskManagersSchema,
    {
      params: { jobid: jobId, vertexid: vertexId },
    },
  );
}

// ---- watermarks ------------------------------------------------------------------------------

/** `[{ id: "<subtask>.currentInputWatermark", value: "<ms>" }]`; Long.MIN_VALUE means none yet. */
export function watermarksQueryOptions(jobId: string, vertexId: string) {
  return jsonQuery(
    flinkKeys.vertexWatermarks(jobId, vertexId),
    endpoints.vertexWatermarks,
    MetricValuesSchema,
    { params: { jobid: jobId, vertexid: vertexId } },
    'live',
    LARGE_ANSWER,
  );
}

/** Watermarks by subtask index; a watermark below -2^62 (Long.MIN_VALUE) counts as none. */
export function watermarksBySubtask(metrics: MetricValues): Map<number, number | null> {
  const out = new Map<number, number | null>();
  for (const m of metrics) {
    const match = /^(\d+)\.currentInputWatermark$/.exec(m.id);
    if (!match || m.value === undefined) continue;
    const value = Number(m.value);
    out.set(Number(match[1]), Number.isFinite(value) && value > -(2 ** 62) ? value : null);
  }
  return out;
}
