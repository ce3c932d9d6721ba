// One vertex's subtasks: their attempts (speculative execution included), accumulators per
// subtask and per attempt, and the times each subtask entered its execution states.

import * as v from 'valibot';
import { jsonQuery } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import {
  ExecutionStateSchema,
  hasNoDroppedKey,
  int,
  isArrayOf,
  IOMetricsSchema,
  isInt,
  isIOMetrics,
  isNum,
  isNumberRecord,
  isObject,
  isStr,
  largeArray,
  num,
  NumberRecord,
  optionally,
  str,
  UserAccumulatorSchema,
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

const EXECUTION_STATES: ReadonlySet<unknown> = new Set(ExecutionStateSchema.options);

/** What `SubtaskAttemptSchema` accepts and outputs unchanged (for `largeArray`). */
export function isSubtaskAttempt(x: unknown): x is SubtaskAttempt {
  if (!isObject(x) || !hasNoDroppedKey(x)) return false;
  const others = x['other-concurrent-attempts'];
  return (
    isInt(x.subtask) &&
    EXECUTION_STATES.has(x.status) &&
    isInt(x.attempt) &&
    isStr(x.endpoint) &&
    optionally(isStr)(x.host) &&
    isNum(x['start-time']) &&
    isNum(x['end-time']) &&
    isNum(x.duration) &&
    isIOMetrics(x.metrics) &&
    isStr(x['taskmanager-id']) &&
    optionally(isNumberRecord)(x['status-duration']) &&
    (others === undefined || isArrayOf(others, isSubtaskAttempt))
  );
}

/** A vertex's subtasks (one per subtask: thousands on a wide vertex, decoded on every refresh). */
export const SubtaskAttemptsSchema = largeArray(SubtaskAttemptSchema, isSubtaskAttempt);

export function subtaskDetailsQueryOptions(jobId: string, vertexId: string, subtaskIndex: number) {
  return jsonQuery(
    flinkKeys.subtaskDetails(jobId, vertexId, subtaskIndex),
    endpoints.subtaskDetails,
    SubtaskAttemptSchema,
    {
      params: { jobid: jobId, vertexid: vertexId, subtaskindex: subtaskIndex },
    },
  );
}

export function subtaskAttemptQueryOptions(jobId: string, vertexId: string, subtaskIndex: number, attempt: number) {
  return jsonQuery(
    flinkKeys.subtaskAttempt(jobId, vertexId, subtaskIndex, attempt),
    endpoints.subtaskAttempt,
    SubtaskAttemptSchema,
    {
      params: { jobid: jobId, vertexid: vertexId, subtaskindex: subtaskIndex, attempt },
    },
  );
}

// ---- accumulators ----------------------------------------------------------------------------

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

export function subtasksAccumulatorsQueryOptions(jobId: string, vertexId: string) {
  return jsonQuery(
    flinkKeys.subtasksAccumulators(jobId, vertexId),
    endpoints.subtasksAccumulators,
    SubtasksAccumulatorsSchema,
    {
      params: { jobid: jobId, vertexid: vertexId },
    },
  );
}

export const SubtaskAttemptAccumulatorsSchema = v.looseObject({
  subtask: int,
  attempt: int,
  id: str,
  'user-accumulators': v.array(UserAccumulatorSchema),
});
export type SubtaskAttemptAccumulators = v.InferOutput<typeof SubtaskAttemptAccumulatorsSchema>;

export function subtaskAttemptAccumulatorsQueryOptions(
  jobId: string,
  vertexId: string,
  subtaskIndex: number,
  attempt: number,
) {
  return jsonQuery(
    flinkKeys.subtaskAttemptAccumulators(jobId, vertexId, subtaskIndex, attempt),
    endpoints.subtaskAttemptAccumulators,
    SubtaskAttemptAccumulatorsSchema,
    { params: { jobid: jobId, vertexid: vertexId, subtaskindex: subtaskIndex, attempt } },
  );
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

export function subtaskTimesQueryOptions(jobId: string, vertexId: string) {
  return jsonQuery(flinkKeys.vertexSubtaskTimes(jobId, vertexId), endpoints.subtaskTimes, SubtaskTimesSchema, {
    params: { jobid: jobId, vertexid: vertexId },
  });
}
