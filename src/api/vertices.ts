// A job's vertices (tasks): details with subtasks, accumulators, back pressure, flame graphs,
// subtask times, TaskManager breakdown, watermarks, subtask attempts.

import { queryOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { requestJson } from './client';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { usePolledQuery, useSampledQuery } from './polling';
import type { FlameGraphType } from './query';
import {
  double,
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

// ---- subtask attempts ------------------------------------------------------------------------

const SubtaskAttemptFields = {
  subtask: int,
  status: ExecutionStateSchema,
  attempt: int,
  /** `host:port` of the TaskManager (1.20 and 2.x). */
  endpoint: str,
  /** 1.20 only: the deprecated alias of `endpoint`, removed in 2.0. */
  host: v.optional(str),
  'start-time': num,
  'end-time': num,
  duration: num,
  metrics: IOMetricsSchema,
  'taskmanager-id': str,
  /** Time spent in each execution state (ms). */
  'status-duration': v.optional(NumberRecord),
};

const SubtaskAttemptBaseSchema = v.looseObject(SubtaskAttemptFields);

export interface SubtaskAttempt extends v.InferOutput<typeof SubtaskAttemptBaseSchema> {
  'other-concurrent-attempts'?: SubtaskAttempt[] | undefined;
}
export const SubtaskAttemptSchema: v.GenericSchema<unknown, SubtaskAttempt> = v.looseObject({
  ...SubtaskAttemptBaseSchema.entries,
  /** Speculative execution: attempts running at the same time as this one (1.16+). */
  'other-concurrent-attempts': v.optional(v.array(v.lazy(() => SubtaskAttemptSchema))),
});

// ---- GET /jobs/:jobid/vertices/:vertexid -----------------------------------------------------

export const VertexDetailsSchema = v.looseObject({
  id: str,
  name: str,
  parallelism: int,
  maxParallelism: int,
  now: num,
  subtasks: v.array(SubtaskAttemptSchema),
  /** Aggregates over subtasks (1.17+): metric -> min/max/avg/sum/median/p25/p75/p95. */
  aggregated: v.optional(v.unknown()),
});
export type VertexDetails = v.InferOutput<typeof VertexDetailsSchema>;

export function fetchVertexDetails(jobId: string, vertexId: string, signal?: AbortSignal): Promise<VertexDetails> {
  return requestJson(endpoints.vertexDetails, VertexDetailsSchema, { params: { jobid: jobId, vertexid: vertexId }, signal });
}

export function vertexDetailsQueryOptions(jobId: string, vertexId: string) {
  return queryOptions({
    queryKey: flinkKeys.vertexDetails(jobId, vertexId),
    queryFn: ({ signal }) => fetchVertexDetails(jobId, vertexId, signal),
  });
}

export function useVertexDetails(jobId: string, vertexId: string) {
  return usePolledQuery(vertexDetailsQueryOptions(jobId, vertexId));
}

// ---- subtasks --------------------------------------------------------------------------------

export function fetchSubtaskDetails(jobId: string, vertexId: string, subtaskIndex: number, signal?: AbortSignal): Promise<SubtaskAttempt> {
  return requestJson(endpoints.subtaskDetails, SubtaskAttemptSchema, {
    params: { jobid: jobId, vertexid: vertexId, subtaskindex: subtaskIndex },
    signal,
  });
}

export function subtaskDetailsQueryOptions(jobId: string, vertexId: string, subtaskIndex: number) {
  return queryOptions({
    queryKey: flinkKeys.subtaskDetails(jobId, vertexId, subtaskIndex),
    queryFn: ({ signal }) => fetchSubtaskDetails(jobId, vertexId, subtaskIndex, signal),
  });
}

export function useSubtaskDetails(jobId: string, vertexId: string, subtaskIndex: number) {
  return usePolledQuery(subtaskDetailsQueryOptions(jobId, vertexId, subtaskIndex));
}

export function fetchSubtaskAttempt(
  jobId: string,
  vertexId: string,
  subtaskIndex: number,
  attempt: number,
  signal?: AbortSignal,
): Promise<SubtaskAttempt> {
  return requestJson(endpoints.subtaskAttempt, SubtaskAttemptSchema, {
    params: { jobid: jobId, vertexid: vertexId, subtaskindex: subtaskIndex, attempt },
    signal,
  });
}

export function subtaskAttemptQueryOptions(jobId: string, vertexId: string, subtaskIndex: number, attempt: number) {
  return queryOptions({
    queryKey: flinkKeys.subtaskAttempt(jobId, vertexId, subtaskIndex, attempt),
    queryFn: ({ signal }) => fetchSubtaskAttempt(jobId, vertexId, subtaskIndex, attempt, signal),
  });
}

export function useSubtaskAttempt(jobId: string, vertexId: string, subtaskIndex: number, attempt: number) {
  return usePolledQuery(subtaskAttemptQueryOptions(jobId, vertexId, subtaskIndex, attempt));
}

// ---- accumulators ----------------------------------------------------------------------------

export const VertexAccumulatorsSchema = v.looseObject({
  id: str,
  'user-accumulators': v.array(UserAccumulatorSchema),
});
export type VertexAccumulators = v.InferOutput<typeof VertexAccumulatorsSchema>;

export function fetchVertexAccumulators(jobId: string, vertexId: string, signal?: AbortSignal): Promise<VertexAccumulators> {
  return requestJson(endpoints.vertexAccumulators, VertexAccumulatorsSchema, { params: { jobid: jobId, vertexid: vertexId }, signal });
}

export function vertexAccumulatorsQueryOptions(jobId: string, vertexId: string) {
  return queryOptions({
    queryKey: flinkKeys.vertexAccumulators(jobId, vertexId),
    queryFn: ({ signal }) => fetchVertexAccumulators(jobId, vertexId, signal),
  });
}

export function useVertexAccumulators(jobId: string, vertexId: string) {
  return usePolledQuery(vertexAccumulatorsQueryOptions(jobId, vertexId));
}

export const SubtasksAccumulatorsSchema = v.looseObject({
  id: str,
  parallelism: int,
  subtasks: v.array(
    v.looseObject({
      subtask: int,
      attempt: int,
      endpoint: str,
      /** 1.20 only: deprecated alias of `endpoint`, removed in 2.0. */
      host: v.optional(str),
      'user-accumulators': v.array(UserAccumulatorSchema),
    }),
  ),
});
export type SubtasksAccumulators = v.InferOutput<typeof SubtasksAccumulatorsSchema>;

export function fetchSubtasksAccumulators(jobId: string, vertexId: string, signal?: AbortSignal): Promise<SubtasksAccumulators> {
  return requestJson(endpoints.subtasksAccumulators, SubtasksAccumulatorsSchema, { params: { jobid: jobId, vertexid: vertexId }, signal });
}

export function subtasksAccumulatorsQueryOptions(jobId: string, vertexId: string) {
  return queryOptions({
    queryKey: flinkKeys.subtasksAccumulators(jobId, vertexId),
    queryFn: ({ signal }) => fetchSubtasksAccumulators(jobId, vertexId, signal),
  });
}

export function useSubtasksAccumulators(jobId: string, vertexId: string) {
  return usePolledQuery(subtasksAccumulatorsQueryOptions(jobId, vertexId));
}

export const SubtaskAttemptAccumulatorsSchema = v.looseObject({
  subtask: int,
  attempt: int,
  id: str,
  'user-accumulators': v.array(UserAccumulatorSchema),
});
export type SubtaskAttemptAccumulators = v.InferOutput<typeof SubtaskAttemptAccumulatorsSchema>;

export function fetchSubtaskAttemptAccumulators(
  jobId: string,
  vertexId: string,
  subtaskIndex: number,
  attempt: number,
  signal?: AbortSignal,
): Promise<SubtaskAttemptAccumulators> {
  return requestJson(endpoints.subtaskAttemptAccumulators, SubtaskAttemptAccumulatorsSchema, {
    params: { jobid: jobId, vertexid: vertexId, subtaskindex: subtaskIndex, attempt },
    signal,
  });
}

export function subtaskAttemptAccumulatorsQueryOptions(jobId: string, vertexId: string, subtaskIndex: number, attempt: number) {
  return queryOptions({
    queryKey: flinkKeys.subtaskAttemptAccumulators(jobId, vertexId, subtaskIndex, attempt),
    queryFn: ({ signal }) => fetchSubtaskAttemptAccumulators(jobId, vertexId, subtaskIndex, attempt, signal),
  });
}

export function useSubtaskAttemptAccumulators(jobId: string, vertexId: string, subtaskIndex: number, attempt: number) {
  return usePolledQuery(subtaskAttemptAccumulatorsQueryOptions(jobId, vertexId, subtaskIndex, attempt));
}

// ---- back pressure ---------------------------------------------------------------------------

export const BackPressureLevelSchema = v.picklist(['ok', 'low', 'high']);
export type BackPressureLevel = v.InferOutput<typeof BackPressureLevelSchema>;

export interface SubtaskBackPressure {
  subtask: number;
  /** Only when several attempts ran (speculative execution). */
  'attempt-number'?: number | undefined;
  backpressureLevel: BackPressureLevel;
  ratio: number;
  idleRatio: number;
  busyRatio: number;
  'other-concurrent-attempts'?: SubtaskBackPressure[] | undefined;
  [extra: string]: unknown;
}
export const SubtaskBackPressureSchema: v.GenericSchema<unknown, SubtaskBackPressure> = v.looseObject({
  subtask: int,
  'attempt-number': v.optional(int),
  backpressureLevel: BackPressureLevelSchema,
  ratio: double,
  idleRatio: double,
  busyRatio: double,
  'other-concurrent-attempts': v.optional(v.array(v.lazy(() => SubtaskBackPressureSchema))),
});

/**
 * Back pressure is computed from task metrics. `status: "deprecated"` (with nothing else)
 * means the metrics have not been fetched yet: ask again shortly. `status: "ok"` carries the
 * level, the time of the sample and the subtasks. Same in 1.20 and 2.x.
 */
export const BackPressureSchema = v.variant('status', [
  v.looseObject({ status: v.literal('deprecated') }),
  v.looseObject({
    status: v.literal('ok'),
    backpressureLevel: BackPressureLevelSchema,
    'end-timestamp': num,
    subtasks: v.array(SubtaskBackPressureSchema),
  }),
]);
export type BackPressure = v.InferOutput<typeof BackPressureSchema>;

export function isBackPressureReady(data: BackPressure): boolean {
  return data.status === 'ok';
}

export function fetchBackPressure(jobId: string, vertexId: string, signal?: AbortSignal): Promise<BackPressure> {
  return requestJson(endpoints.vertexBackPressure, BackPressureSchema, { params: { jobid: jobId, vertexid: vertexId }, signal });
}

export function backPressureQueryOptions(jobId: string, vertexId: string) {
  return queryOptions({
    queryKey: flinkKeys.vertexBackPressure(jobId, vertexId),
    queryFn: ({ signal }) => fetchBackPressure(jobId, vertexId, signal),
  });
}

/** Polled at the sampling rate until Flink has metrics for it, then at the live rate. */
export function useBackPressure(jobId: string, vertexId: string) {
  return useSampledQuery(backPressureQueryOptions(jobId, vertexId), isBackPressureReady);
}

// ---- flame graph -----------------------------------------------------------------------------

export interface FlameGraphNode {
  name: string;
  value: number;
  children: FlameGraphNode[];
  [extra: string]: unknown;
}
export const FlameGraphNodeSchema: v.GenericSchema<unknown, FlameGraphNode> = v.looseObject({
  name: str,
  value: num,
  children: v.array(v.lazy(() => FlameGraphNodeSchema)),
});

/**
 * `endTimestamp` is the time of the sample, or a marker: -1 the task has ended, -2 flame
 * graphs are disabled (`rest.flamegraph.enabled`), -3 sampling started but no sample yet.
 * `data` is present only with a real sample. Same in 1.20 and 2.x.
 */
export const FlameGraphSchema = v.looseObject({
  endTimestamp: num,
  data: v.optional(FlameGraphNodeSchema),
});
export type FlameGraph = v.InferOutput<typeof FlameGraphSchema>;

export type FlameGraphState = 'ready' | 'terminated' | 'disabled' | 'waiting';

export function flameGraphState(graph: FlameGraph): FlameGraphState {
  if (graph.data && graph.endTimestamp >= 0) return 'ready';
  if (graph.endTimestamp === -1) return 'terminated';
  if (graph.endTimestamp === -2) return 'disabled';
  return 'waiting';
}

/** Ready, or never going to be: stop polling fast. */
export function isFlameGraphSettled(graph: FlameGraph): boolean {
  return flameGraphState(graph) !== 'waiting';
}

export interface FlameGraphQuery {
  readonly type?: FlameGraphType;
  /** One subtask only (1.17+); all subtasks when absent. */
  readonly subtaskIndex?: number;
}

function flameGraphQuery(query: FlameGraphQuery) {
  return { type: query.type, subtaskindex: query.subtaskIndex };
}

export function fetchFlameGraph(jobId: string, vertexId: string, query: FlameGraphQuery = {}, signal?: AbortSignal): Promise<FlameGraph> {
  return requestJson(endpoints.vertexFlameGraph, FlameGraphSchema, {
    params: { jobid: jobId, vertexid: vertexId },
    query: flameGraphQuery(query),
    signal,
  });
}

export function flameGraphQueryOptions(jobId: string, vertexId: string, query: FlameGraphQuery = {}) {
  return queryOptions({
    queryKey: flinkKeys.vertexFlameGraph(jobId, vertexId, flameGraphQuery(query)),
    queryFn: ({ signal }) => fetchFlameGraph(jobId, vertexId, query, signal),
  });
}

/** Polled at the sampling rate while Flink is still sampling, then at the live rate. */
export function useFlameGraph(jobId: string, vertexId: string, query: FlameGraphQuery = {}) {
  return useSampledQuery(flameGraphQueryOptions(jobId, vertexId, query), isFlameGraphSettled);
}

// ---- subtask times ---------------------------------------------------------------------------

export const SubtaskTimesSchema = v.looseObject({
  id: str,
  name: str,
  now: num,
  subtasks: v.array(
    v.looseObject({
      subtask: int,
      /** `host:port` (1.20 and 2.x); 1.20 also sends the deprecated alias `host`. */
      endpoint: str,
      host: v.optional(str),
      duration: num,
      /** Execution state -> time it was entered. */
      timestamps: NumberRecord,
    }),
  ),
});
export type SubtaskTimes = v.InferOutput<typeof SubtaskTimesSchema>;

export function fetchSubtaskTimes(jobId: string, vertexId: string, signal?: AbortSignal): Promise<SubtaskTimes> {
  return requestJson(endpoints.subtaskTimes, SubtaskTimesSchema, { params: { jobid: jobId, vertexid: vertexId }, signal });
}

export function subtaskTimesQueryOptions(jobId: string, vertexId: string) {
  return queryOptions({
    queryKey: flinkKeys.vertexSubtaskTimes(jobId, vertexId),
    queryFn: ({ signal }) => fetchSubtaskTimes(jobId, vertexId, signal),
  });
}

export function useSubtaskTimes(jobId: string, vertexId: string) {
  return usePolledQuery(subtaskTimesQueryOptions(jobId, vertexId));
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

export function fetchVertexTaskManagers(jobId: string, vertexId: string, signal?: AbortSignal): Promise<VertexTaskManagers> {
  return requestJson(endpoints.vertexTaskManagers, VertexTaskManagersSchema, { params: { jobid: jobId, vertexid: vertexId }, signal });
}

export function vertexTaskManagersQueryOptions(jobId: string, vertexId: string) {
  return queryOptions({
    queryKey: flinkKeys.vertexTaskManagers(jobId, vertexId),
    queryFn: ({ signal }) => fetchVertexTaskManagers(jobId, vertexId, signal),
  });
}

export function useVertexTaskManagers(jobId: string, vertexId: string) {
  return usePolledQuery(vertexTaskManagersQueryOptions(jobId, vertexId));
}

// ---- watermarks ------------------------------------------------------------------------------

/** `[{ id: "<subtask>.currentInputWatermark", value: "<ms>" }]`; Long.MIN_VALUE means none yet. */
export function fetchWatermarks(jobId: string, vertexId: string, signal?: AbortSignal): Promise<MetricValues> {
  return requestJson(endpoints.vertexWatermarks, MetricValuesSchema, { params: { jobid: jobId, vertexid: vertexId }, signal });
}

export function watermarksQueryOptions(jobId: string, vertexId: string) {
  return queryOptions({
    queryKey: flinkKeys.vertexWatermarks(jobId, vertexId),
    queryFn: ({ signal }) => fetchWatermarks(jobId, vertexId, signal),
  });
}

export function useWatermarks(jobId: string, vertexId: string) {
  return usePolledQuery(watermarksQueryOptions(jobId, vertexId));
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
