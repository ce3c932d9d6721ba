// A job's rescales on the adaptive scheduler (Flink 2.3+, FLIP-495): counts, history, one
// rescale's details, duration statistics and the scheduler's rescale settings. Flink 1.20 does not
// serve these endpoints; 2.3 answers 404 for jobs on other schedulers, so callers ask only for a
// job whose details say `schedulerType: "Adaptive"`.

import * as v from 'valibot';
import { jsonQuery } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { double, int, num, str } from './schemas';

const nullableNum = v.nullish(num);

export const RescalesCountsSchema = v.looseObject({
  ignored: int,
  inProgress: int,
  completed: int,
  failed: int,
});

/** One vertex of a rescale: its parallelism before and after, and what the scheduler wanted. */
export const RescaleVertexSchema = v.looseObject({
  jobVertexId: str,
  jobVertexName: str,
  slotSharingGroupName: v.nullish(str),
  desiredParallelism: v.nullish(int),
  sufficientParallelism: v.nullish(int),
  preRescaleParallelism: v.nullish(int),
  postRescaleParallelism: v.nullish(int),
});
export type RescaleVertex = v.InferOutput<typeof RescaleVertexSchema>;

export const RescaleSlotsSchema = v.looseObject({
  slotSharingGroupName: v.nullish(str),
  desiredSlots: v.nullish(int),
  minimalRequiredSlots: v.nullish(int),
  preRescaleSlots: v.nullish(int),
  postRescaleSlots: v.nullish(int),
});

export const SchedulerStateSchema = v.looseObject({
  state: str,
  enterTimestampInMillis: nullableNum,
  leaveTimestampInMillis: nullableNum,
  durationInMillis: nullableNum,
  stringifiedException: v.nullish(str),
});

/**
 * One rescale. In the history and the overview `vertices`, `slots` and `schedulerStates` are
 * empty; the details endpoint fills them.
 */
export const RescaleSchema = v.looseObject({
  rescaleUuid: str,
  resourceRequirementsUuid: v.nullish(str),
  rescaleAttemptId: v.nullish(int),
  vertices: v.nullish(v.record(str, RescaleVertexSchema), {}),
  slots: v.nullish(v.record(str, RescaleSlotsSchema), {}),
  schedulerStates: v.nullish(v.array(SchedulerStateSchema), []),
  startTimestampInMillis: nullableNum,
  endTimestampInMillis: nullableNum,
  /** `COMPLETED` | `FAILED` | `IGNORED`; null while in progress. */
  terminalState: v.nullish(str),
  /** `INITIAL_SCHEDULE` | `UPDATE_REQUIREMENT` | `NEW_RESOURCE_AVAILABLE` | `RECOVERABLE_FAILOVER` ... */
  triggerCause: v.nullish(str),
  terminatedReason: v.nullish(str),
});
export type Rescale = v.InferOutput<typeof RescaleSchema>;

export const RescalesOverviewSchema = v.looseObject({
  rescalesCounts: RescalesCountsSchema,
  latest: v.nullish(
    v.looseObject({
      completed: v.nullish(RescaleSchema),
      failed: v.nullish(RescaleSchema),
      ignored: v.nullish(RescaleSchema),
    }),
  ),
});
export type RescalesOverview = v.InferOutput<typeof RescalesOverviewSchema>;

export const RescalesHistorySchema = v.array(RescaleSchema);

/** Duration statistics in ms; percentiles are Java doubles ("NaN" with no sample). */
export const DurationStatsSchema = v.looseObject({
  min: num,
  max: num,
  avg: num,
  p50: double,
  p90: double,
  p95: double,
  p99: double,
  p999: double,
});
export type DurationStats = v.InferOutput<typeof DurationStatsSchema>;

export const RescalesSummarySchema = v.looseObject({
  rescalesCounts: RescalesCountsSchema,
  rescalesDurationStatsInMillis: v.nullish(DurationStatsSchema),
  completedRescalesDurationStatsInMillis: v.nullish(DurationStatsSchema),
  ignoredRescalesDurationStatsInMillis: v.nullish(DurationStatsSchema),
  failedRescalesDurationStatsInMillis: v.nullish(DurationStatsSchema),
});
export type RescalesSummary = v.InferOutput<typeof RescalesSummarySchema>;

/** The adaptive scheduler's rescale settings; `rescaleHistoryMax` 0 means no history is kept. */
export const RescalesConfigSchema = v.looseObject({
  rescaleHistoryMax: int,
  schedulerExecutionMode: v.nullish(str),
  submissionResourceWaitTimeoutInMillis: nullableNum,
  submissionResourceStabilizationTimeoutInMillis: nullableNum,
  slotIdleTimeoutInMillis: nullableNum,
  executingCooldownTimeoutInMillis: nullableNum,
  executingResourceStabilizationTimeoutInMillis: nullableNum,
  maximumDelayForTriggeringRescaleInMillis: nullableNum,
  rescaleOnFailedCheckpointCount: v.nullish(int),
});
export type RescalesConfig = v.InferOutput<typeof RescalesConfigSchema>;

export function jobRescalesOverviewQueryOptions(jobId: string) {
  return jsonQuery(flinkKeys.jobRescalesOverview(jobId), endpoints.jobRescalesOverview, RescalesOverviewSchema, {
    params: { jobid: jobId },
  });
}

export function jobRescalesHistoryQueryOptions(jobId: string) {
  return jsonQuery(flinkKeys.jobRescalesHistory(jobId), endpoints.jobRescalesHistory, RescalesHistorySchema, {
    params: { jobid: jobId },
  });
}

export function jobRescalesSummaryQueryOptions(jobId: string) {
  return jsonQuery(flinkKeys.jobRescalesSummary(jobId), endpoints.jobRescalesSummary, RescalesSummarySchema, {
    params: { jobid: jobId },
  });
}

export function jobRescalesConfigQueryOptions(jobId: string) {
  return jsonQuery(
    flinkKeys.jobRescalesConfig(jobId),
    endpoints.jobRescalesConfig,
    RescalesConfigSchema,
    { params: { jobid: jobId } },
    'static',
  );
}

export function jobRescaleDetailsQueryOptions(jobId: string, rescaleId: string) {
  return jsonQuery(flinkKeys.jobRescaleDetails(jobId, rescaleId), endpoints.jobRescaleDetails, RescaleSchema, {
    params: { jobid: jobId, rescaleuuid: rescaleId },
  });
}
