// Checkpoints: statistics, configuration, details of one checkpoint and of one vertex in it,
// and triggering a checkpoint (an asynchronous operation).

import { mutationOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { requestJson } from './client';
import { jsonQuery, requestOnce } from './endpoint-query';
import { endpoints } from './endpoints';
import { newTriggerId } from './ids';
import { flinkKeys } from './keys';
import { runAsyncOperation, type AsyncOperationOutcome, type PollOptions } from './operations';
import {
  AsyncOperationStatusSchema,
  bool,
  double,
  hasNoDroppedKey,
  int,
  isInt,
  isNum,
  isObject,
  isStr,
  largeArray,
  num,
  optionally,
  str,
  TriggerResponseSchema,
} from './schemas';
import type { ClusterTarget } from './settings';

export const CheckpointStatusSchema = v.picklist(['IN_PROGRESS', 'COMPLETED', 'FAILED']);
export type CheckpointStatus = v.InferOutput<typeof CheckpointStatusSchema>;

/** min/max/avg are longs; percentiles are doubles, "NaN" when there are too few samples. */
const StatsSummarySchema = v.looseObject({
  min: num,
  max: num,
  avg: num,
  p50: v.optional(double),
  p90: v.optional(double),
  p95: v.optional(double),
  p99: v.optional(double),
  p999: v.optional(double),
});
export type StatsSummary = v.InferOutput<typeof StatsSummarySchema>;

/** Per-vertex statistics inside one checkpoint. */
export const TaskCheckpointStatsSchema = v.looseObject({
  id: num,
  status: CheckpointStatusSchema,
  latest_ack_timestamp: num,
  checkpointed_size: num,
  state_size: num,
  end_to_end_duration: num,
  alignment_buffered: num,
  processed_data: num,
  persisted_data: num,
  num_subtasks: int,
  num_acknowledged_subtasks: int,
});
export type TaskCheckpointStats = v.InferOutput<typeof TaskCheckpointStatsSchema>;

const CHECKPOINT_STATUSES: ReadonlySet<unknown> = new Set(CheckpointStatusSchema.options);

/** The numeric fields a checkpoint and a vertex in it share (`num`, `int` for the counts). */
function hasTaskCheckpointFields(x: Record<string, unknown>): boolean {
  return (
    isNum(x.id) &&
    CHECKPOINT_STATUSES.has(x.status) &&
    isNum(x.latest_ack_timestamp) &&
    isNum(x.checkpointed_size) &&
    isNum(x.state_size) &&
    isNum(x.end_to_end_duration) &&
    isNum(x.alignment_buffered) &&
    isNum(x.processed_data) &&
    isNum(x.persisted_data) &&
    isInt(x.num_subtasks) &&
    isInt(x.num_acknowledged_subtasks)
  );
}

/** What `TaskCheckpointStatsSchema` accepts and outputs unchanged. */
export function isTaskCheckpointStats(x: unknown): x is TaskCheckpointStats {
  return isObject(x) && hasNoDroppedKey(x) && hasTaskCheckpointFields(x);
}

const CheckpointStatsFields = {
  id: num,
  status: CheckpointStatusSchema,
  is_savepoint: bool,
  trigger_timestamp: num,
  latest_ack_timestamp: num,
  checkpointed_size: num,
  state_size: num,
  end_to_end_duration: num,
  alignment_buffered: num,
  processed_data: num,
  persisted_data: num,
  num_subtasks: int,
  num_acknowledged_subtasks: int,
  /** `CHECKPOINT` | `UNALIGNED_CHECKPOINT` | `SAVEPOINT` | `SYNC_SAVEPOINT` (1.20, 2.x). */
  checkpoint_type: str,
  /** `CANONICAL` | `NATIVE` for savepoints; null for checkpoints. */
  savepointFormat: v.optional(v.nullable(str)),
  /** Vertex id -> its statistics (present in details and in history entries). */
  tasks: v.optional(v.record(str, TaskCheckpointStatsSchema), {}),
};

/** One checkpoint; `className` says which of the three shapes it is. */
export const CheckpointStatsSchema = v.variant('className', [
  v.looseObject({
    className: v.literal('completed'),
    ...CheckpointStatsFields,
    external_path: v.optional(v.nullable(str)),
    discarded: bool,
  }),
  v.looseObject({
    className: v.literal('failed'),
    ...CheckpointStatsFields,
    failure_timestamp: num,
    failure_message: v.optional(v.nullable(str)),
  }),
  v.looseObject({ className: v.literal('in_progress'), ...CheckpointStatsFields }),
]);
export type CheckpointStats = v.InferOutput<typeof CheckpointStatsSchema>;

const isNullableStr = optionally((x: unknown): x is string | null => x === null || isStr(x));

/** `tasks` as the record schema keeps it: present (absent, it becomes `{}`), every entry a vertex's statistics. */
function isTasks(x: unknown): boolean {
  if (!isObject(x) || !hasNoDroppedKey(x)) return false;
  for (const key in x) if (!isTaskCheckpointStats(x[key])) return false;
  return true;
}

/**
 * What `CheckpointStatsSchema` accepts and outputs unchanged (for `largeArray`): a history of
 * 1,000 checkpoints (`web.checkpoints.history`) decoded entry by entry cost a first open of the
 * Checkpoints tab more main-thread time than drawing it.
 */
export function isCheckpointStats(x: unknown): x is CheckpointStats {
  if (!isObject(x) || !hasNoDroppedKey(x)) return false;
  const common =
    hasTaskCheckpointFields(x) &&
    typeof x.is_savepoint === 'boolean' &&
    isNum(x.trigger_timestamp) &&
    isStr(x.checkpoint_type) &&
    isNullableStr(x.savepointFormat) &&
    isTasks(x.tasks);
  if (!common) return false;
  if (x.className === 'completed') return isNullableStr(x.external_path) && typeof x.discarded === 'boolean';
  if (x.className === 'failed') return isNum(x.failure_timestamp) && isNullableStr(x.failure_message);
  return x.className === 'in_progress';
}

export const CheckpointingStatisticsSchema = v.looseObject({
  counts: v.looseObject({ restored: num, total: num, in_progress: num, completed: num, failed: num }),
  summary: v.looseObject({
    checkpointed_size: StatsSummarySchema,
    state_size: StatsSummarySchema,
    end_to_end_duration: StatsSummarySchema,
    alignment_buffered: StatsSummarySchema,
    processed_data: StatsSummarySchema,
    persisted_data: StatsSummarySchema,
  }),
  latest: v.looseObject({
    completed: v.nullish(CheckpointStatsSchema),
    savepoint: v.nullish(CheckpointStatsSchema),
    failed: v.nullish(CheckpointStatsSchema),
    restored: v.nullish(
      v.looseObject({
        id: num,
        restore_timestamp: num,
        is_savepoint: bool,
        external_path: v.optional(v.nullable(str)),
      }),
    ),
  }),
  history: largeArray(CheckpointStatsSchema, isCheckpointStats),
});
export type CheckpointingStatistics = v.InferOutput<typeof CheckpointingStatisticsSchema>;

export function checkpointingStatisticsQueryOptions(jobId: string) {
  return jsonQuery(flinkKeys.checkpointStats(jobId), endpoints.checkpoints, CheckpointingStatisticsSchema, {
    params: { jobid: jobId },
  });
}

// ---- configuration ---------------------------------------------------------------------------

export const CheckpointConfigSchema = v.looseObject({
  mode: v.picklist(['exactly_once', 'at_least_once', 'EXACTLY_ONCE', 'AT_LEAST_ONCE']),
  interval: num,
  timeout: num,
  min_pause: num,
  max_concurrent: num,
  externalization: v.looseObject({ enabled: bool, delete_on_cancellation: bool }),
  /** The state backend's name: 1.20 and 2.x. */
  state_backend: v.optional(str),
  checkpoint_storage: v.optional(str),
  unaligned_checkpoints: bool,
  tolerable_failed_checkpoints: int,
  aligned_checkpoint_timeout: v.optional(num),
  checkpoints_after_tasks_finish: v.optional(bool),
  state_changelog_enabled: v.optional(bool),
  changelog_periodic_materialization_interval: v.optional(num),
  changelog_storage: v.optional(str),
});
export type CheckpointConfig = v.InferOutput<typeof CheckpointConfigSchema>;

export function checkpointConfigQueryOptions(jobId: string) {
  return jsonQuery(
    flinkKeys.checkpointConfig(jobId),
    endpoints.checkpointConfig,
    CheckpointConfigSchema,
    { params: { jobid: jobId } },
    'static',
  );
}

// ---- one checkpoint --------------------------------------------------------------------------

export function checkpointDetailsQueryOptions(jobId: string, checkpointId: number) {
  return jsonQuery(
    flinkKeys.checkpointDetails(jobId, checkpointId),
    endpoints.checkpointDetails,
    CheckpointStatsSchema,
    {
      params: { jobid: jobId, checkpointid: checkpointId },
    },
  );
}

/** One subtask in one checkpoint: `className` `completed` or `pending` (pending or failed). */
const SubtaskCheckpointStatsSchema = v.variant('className', [
  v.looseObject({
    className: v.literal('completed'),
    status: str,
    index: int,
    ack_timestamp: num,
    end_to_end_duration: num,
    checkpointed_size: num,
    state_size: num,
    checkpoint: v.looseObject({ sync: num, async: num }),
    alignment: v.looseObject({ buffered: v.optional(num), processed: num, persisted: num, duration: num }),
    start_delay: num,
    unaligned_checkpoint: bool,
    aborted: bool,
  }),
  v.looseObject({ className: v.literal('pending'), status: str, index: int }),
]);
export type SubtaskCheckpointStats = v.InferOutput<typeof SubtaskCheckpointStatsSchema>;

export const CheckpointSubtasksSchema = v.looseObject({
  ...TaskCheckpointStatsSchema.entries,
  summary: v.looseObject({
    checkpointed_size: StatsSummarySchema,
    state_size: StatsSummarySchema,
    end_to_end_duration: StatsSummarySchema,
    checkpoint_duration: v.looseObject({ sync: StatsSummarySchema, async: StatsSummarySchema }),
    alignment: v.looseObject({
      buffered: v.optional(StatsSummarySchema),
      processed: StatsSummarySchema,
      persisted: StatsSummarySchema,
      duration: StatsSummarySchema,
    }),
    start_delay: StatsSummarySchema,
  }),
  subtasks: v.array(SubtaskCheckpointStatsSchema),
});
export type CheckpointSubtasks = v.InferOutput<typeof CheckpointSubtasksSchema>;

export function checkpointSubtasksQueryOptions(jobId: string, checkpointId: number, vertexId: string) {
  return jsonQuery(
    flinkKeys.checkpointSubtasks(jobId, checkpointId, vertexId),
    endpoints.checkpointSubtasks,
    CheckpointSubtasksSchema,
    {
      params: { jobid: jobId, checkpointid: checkpointId, vertexid: vertexId },
    },
  );
}

// ---- triggering a checkpoint -----------------------------------------------------------------

export interface TriggerCheckpointRequest {
  /** `CONFIGURED` (default), `FULL`; `INCREMENTAL` is not supported by Flink yet (FLINK-33723). */
  readonly checkpointType?: 'CONFIGURED' | 'FULL';
  /** A client-chosen id, so a retried trigger is recognised; random when absent. */
  readonly triggerId?: string;
}

export async function triggerCheckpoint(
  jobId: string,
  request: TriggerCheckpointRequest = {},
  signal?: AbortSignal,
): Promise<string> {
  const answer = await requestJson(endpoints.triggerCheckpoint, TriggerResponseSchema, {
    params: { jobid: jobId },
    body: { checkpointType: request.checkpointType, triggerId: request.triggerId ?? newTriggerId() },
    signal,
  });
  return answer['request-id'];
}

export function checkpointTriggerStatusQueryOptions(jobId: string, triggerId: string, cluster?: ClusterTarget) {
  return jsonQuery(
    flinkKeys.checkpointTriggerStatus(jobId, triggerId),
    endpoints.checkpointTriggerStatus,
    AsyncOperationStatusSchema,
    {
      params: { jobid: jobId, triggerid: triggerId },
      target: cluster,
    },
  );
}

/** Triggers a checkpoint and waits for it; the result is the checkpoint id. */
export function checkpointNow(
  jobId: string,
  request: TriggerCheckpointRequest = {},
  poll: PollOptions = {},
): Promise<AsyncOperationOutcome<number | null>> {
  const triggerId = request.triggerId ?? newTriggerId();
  return runAsyncOperation({
    name: 'checkpoint',
    trigger: (signal) => triggerCheckpoint(jobId, { ...request, triggerId }, signal),
    status: (id, signal, cluster) => requestOnce(checkpointTriggerStatusQueryOptions(jobId, id, cluster), signal),
    result: (operation) => operation?.checkpointId ?? null,
    triggerRetries: 2,
    ...poll,
  });
}

export function checkpointNowMutationOptions(jobId: string) {
  return mutationOptions({
    mutationKey: [...flinkKeys.checkpoints(jobId), 'trigger'],
    mutationFn: (request: TriggerCheckpointRequest = {}) => checkpointNow(jobId, request),
    onSettled: (_d, _e, _v, _c, { client }) => client.invalidateQueries({ queryKey: flinkKeys.checkpoints(jobId) }),
  });
}
