// Jobs: the lists, one job's details, status, plan, configuration, accumulators, execution
// result, its JobManager view, resource requirements, cancel, rescale, client heartbeat and
// job submission.

import { mutationOptions, queryOptions, useMutation } from '@tanstack/react-query';
import * as v from 'valibot';
import { requestJson } from './client';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { runAsyncOperation, type AsyncOperationOutcome, type PollOptions } from './operations';
import { usePolledQuery } from './polling';
import {
  AsyncOperationStatusSchema,
  bool,
  ConfigEntriesSchema,
  EmptySchema,
  EnvironmentSchema,
  ExecutionStateSchema,
  int,
  IOMetricsSchema,
  JobStateSchema,
  LogUrlSchema,
  num,
  NumberRecord,
  PlanResponseSchema,
  PlanSchema,
  str,
  TriggerResponseSchema,
  UserAccumulatorSchema,
  type AsyncOperationStatus,
  type ConfigEntry,
  type Environment,
  type LogUrl,
  type PlanResponse,
} from './schemas';

export type { JobState } from './schemas';

/** Task counts per execution state; every state is present in 1.20 and 2.x. */
export const TaskCountsSchema = v.looseObject({
  total: int,
  created: int,
  scheduled: int,
  deploying: int,
  running: int,
  finished: int,
  canceling: int,
  canceled: int,
  failed: int,
  reconciling: int,
  initializing: int,
});
export type TaskCounts = v.InferOutput<typeof TaskCountsSchema>;

// ---- GET /jobs/overview ----------------------------------------------------------------------

export const JobOverviewSchema = v.looseObject({
  jid: str,
  name: str,
  state: JobStateSchema,
  'start-time': num,
  /** -1 while the job runs. */
  'end-time': num,
  duration: num,
  'last-modification': num,
  tasks: TaskCountsSchema,
  /** 2.x only (operators not yet turned into vertices, adaptive graphs); absent in 1.20. */
  'pending-operators': v.optional(int),
  /** 2.x only: `STREAMING` | `BATCH`; absent in 1.20 (which has `job-type` in the details only). */
  jobType: v.optional(str),
  /** 2.x only: `Default` | `Adaptive` | `AdaptiveBatch`; absent in 1.20. */
  schedulerType: v.optional(str),
});
export type JobOverview = v.InferOutput<typeof JobOverviewSchema>;

export const JobsOverviewSchema = v.looseObject({ jobs: v.array(JobOverviewSchema) });
export type JobsOverview = v.InferOutput<typeof JobsOverviewSchema>;

export function fetchJobsOverview(signal?: AbortSignal): Promise<JobsOverview> {
  return requestJson(endpoints.jobsOverview, JobsOverviewSchema, { signal });
}

export function jobsOverviewQueryOptions() {
  return queryOptions({ queryKey: flinkKeys.jobsOverview(), queryFn: ({ signal }) => fetchJobsOverview(signal) });
}

/** GET /jobs/overview, polled at the live rate. */
export function useJobsOverview() {
  return usePolledQuery(jobsOverviewQueryOptions());
}

// ---- GET /jobs -------------------------------------------------------------------------------

export const JobsStatusesSchema = v.looseObject({
  jobs: v.array(v.looseObject({ id: str, status: JobStateSchema })),
});
export type JobsStatuses = v.InferOutput<typeof JobsStatusesSchema>;

export function fetchJobsStatuses(signal?: AbortSignal): Promise<JobsStatuses> {
  return requestJson(endpoints.jobsStatuses, JobsStatusesSchema, { signal });
}

export function jobsStatusesQueryOptions() {
  return queryOptions({ queryKey: flinkKeys.jobsStatuses(), queryFn: ({ signal }) => fetchJobsStatuses(signal) });
}

export function useJobsStatuses() {
  return usePolledQuery(jobsStatusesQueryOptions());
}

// ---- GET /jobs/:jobid ------------------------------------------------------------------------

export const JobVertexSummarySchema = v.looseObject({
  id: str,
  name: str,
  parallelism: int,
  maxParallelism: int,
  status: ExecutionStateSchema,
  'start-time': num,
  'end-time': num,
  duration: num,
  tasks: NumberRecord,
  metrics: IOMetricsSchema,
  /** 1.20 and 2.x: the slot sharing group's id (hex). */
  slotSharingGroupId: v.optional(str),
});
export type JobVertexSummary = v.InferOutput<typeof JobVertexSummarySchema>;

export const JobDetailsSchema = v.looseObject({
  jid: str,
  name: str,
  isStoppable: bool,
  state: JobStateSchema,
  'start-time': num,
  'end-time': num,
  duration: num,
  maxParallelism: num,
  now: num,
  timestamps: NumberRecord,
  vertices: v.array(JobVertexSummarySchema),
  'status-counts': NumberRecord,
  plan: PlanSchema,
  /** `STREAMING` | `BATCH`: 1.20 and 2.x. */
  'job-type': v.optional(v.picklist(['STREAMING', 'BATCH'])),
  /** 2.x only: operators not yet turned into vertices (adaptive graphs); absent in 1.20. */
  'pending-operators': v.optional(int),
  /** 2.x only: `Default` | `Adaptive` | `AdaptiveBatch`; absent in 1.20. */
  schedulerType: v.optional(str),
  /** 2.3+ only: the application the job belongs to (FLIP-549 applications); absent in 1.20. */
  'application-id': v.optional(str),
  /** 2.x, only for jobs with an adaptive stream graph; never sent by 1.20. Not relied upon. */
  'stream-graph': v.optional(v.unknown()),
});
export type JobDetails = v.InferOutput<typeof JobDetailsSchema>;

export function fetchJobDetails(jobId: string, signal?: AbortSignal): Promise<JobDetails> {
  return requestJson(endpoints.jobDetails, JobDetailsSchema, { params: { jobid: jobId }, signal });
}

export function jobDetailsQueryOptions(jobId: string) {
  return queryOptions({ queryKey: flinkKeys.jobDetails(jobId), queryFn: ({ signal }) => fetchJobDetails(jobId, signal) });
}

export function useJobDetails(jobId: string) {
  return usePolledQuery(jobDetailsQueryOptions(jobId));
}

// ---- GET /jobs/:jobid/status -----------------------------------------------------------------

export const JobStatusSchema = v.looseObject({ status: JobStateSchema });
export type JobStatus = v.InferOutput<typeof JobStatusSchema>;

export function fetchJobStatus(jobId: string, signal?: AbortSignal): Promise<JobStatus> {
  return requestJson(endpoints.jobStatus, JobStatusSchema, { params: { jobid: jobId }, signal });
}

export function jobStatusQueryOptions(jobId: string) {
  return queryOptions({ queryKey: flinkKeys.jobStatus(jobId), queryFn: ({ signal }) => fetchJobStatus(jobId, signal) });
}

export function useJobStatus(jobId: string) {
  return usePolledQuery(jobStatusQueryOptions(jobId));
}

// ---- GET /jobs/:jobid/plan -------------------------------------------------------------------

export function fetchJobPlan(jobId: string, signal?: AbortSignal): Promise<PlanResponse> {
  return requestJson(endpoints.jobPlan, PlanResponseSchema, { params: { jobid: jobId }, signal });
}

export function jobPlanQueryOptions(jobId: string) {
  return queryOptions({ queryKey: flinkKeys.jobPlan(jobId), queryFn: ({ signal }) => fetchJobPlan(jobId, signal) });
}

/** The plan does not change while a job runs. */
export function useJobPlan(jobId: string) {
  return usePolledQuery(jobPlanQueryOptions(jobId), 'static');
}

// ---- GET /jobs/:jobid/config -----------------------------------------------------------------

export const JobConfigSchema = v.looseObject({
  jid: str,
  name: str,
  'execution-config': v.optional(
    v.looseObject({
      'job-parallelism': v.optional(int),
      'object-reuse-mode': v.optional(bool),
      /** A description such as "Cluster level default restart strategy" (1.20 and 2.x). */
      'restart-strategy': v.optional(str),
      /** 1.20 only (`PIPELINED`, ...; the DataSet-era execution mode was removed in 2.0). */
      'execution-mode': v.optional(str),
      'user-config': v.optional(v.record(str, v.nullable(str))),
    }),
  ),
});
export type JobConfig = v.InferOutput<typeof JobConfigSchema>;

export function fetchJobConfig(jobId: string, signal?: AbortSignal): Promise<JobConfig> {
  return requestJson(endpoints.jobConfig, JobConfigSchema, { params: { jobid: jobId }, signal });
}

export function jobConfigQueryOptions(jobId: string) {
  return queryOptions({ queryKey: flinkKeys.jobConfig(jobId), queryFn: ({ signal }) => fetchJobConfig(jobId, signal) });
}

export function useJobConfig(jobId: string) {
  return usePolledQuery(jobConfigQueryOptions(jobId), 'static');
}

// ---- GET /jobs/:jobid/accumulators -----------------------------------------------------------

export const JobAccumulatorsSchema = v.looseObject({
  'job-accumulators': v.array(v.unknown()),
  'user-task-accumulators': v.array(UserAccumulatorSchema),
  'serialized-user-task-accumulators': v.optional(v.record(str, v.unknown())),
});
export type JobAccumulators = v.InferOutput<typeof JobAccumulatorsSchema>;

export interface JobAccumulatorsQuery {
  readonly includeSerializedValue?: boolean;
}

export function fetchJobAccumulators(jobId: string, query: JobAccumulatorsQuery = {}, signal?: AbortSignal): Promise<JobAccumulators> {
  return requestJson(endpoints.jobAccumulators, JobAccumulatorsSchema, {
    params: { jobid: jobId },
    query: { includeSerializedValue: query.includeSerializedValue },
    signal,
  });
}

export function jobAccumulatorsQueryOptions(jobId: string, query: JobAccumulatorsQuery = {}) {
  return queryOptions({
    queryKey: flinkKeys.jobAccumulators(jobId, { ...query }),
    queryFn: ({ signal }) => fetchJobAccumulators(jobId, query, signal),
  });
}

export function useJobAccumulators(jobId: string, query: JobAccumulatorsQuery = {}) {
  return usePolledQuery(jobAccumulatorsQueryOptions(jobId, query));
}

// ---- GET /jobs/:jobid/execution-result -------------------------------------------------------

/**
 * While the job runs: `{ status: { id: "IN_PROGRESS" } }`. Once it ended: the result, whose
 * JSON names come from Flink's JobResult serializer (`application-status`, `net-runtime`,
 * `accumulator-results`, `failure-cause`).
 */
export const JobExecutionResultSchema = v.looseObject({
  status: v.looseObject({ id: v.picklist(['IN_PROGRESS', 'COMPLETED']) }),
  'job-execution-result': v.optional(
    v.looseObject({
      id: str,
      'application-status': str,
      'net-runtime': num,
      'accumulator-results': v.optional(v.record(str, v.unknown())),
      'failure-cause': v.optional(v.unknown()),
      /** 2.3 only: name, application and times of the job; absent in 1.20. */
      name: v.optional(str),
      'application-id': v.optional(str),
      'start-time': v.optional(num),
      'end-time': v.optional(num),
    }),
  ),
});
export type JobExecutionResult = v.InferOutput<typeof JobExecutionResultSchema>;

export function fetchJobExecutionResult(jobId: string, signal?: AbortSignal): Promise<JobExecutionResult> {
  return requestJson(endpoints.jobExecutionResult, JobExecutionResultSchema, { params: { jobid: jobId }, signal });
}

export function jobExecutionResultQueryOptions(jobId: string) {
  return queryOptions({
    queryKey: flinkKeys.jobExecutionResult(jobId),
    queryFn: ({ signal }) => fetchJobExecutionResult(jobId, signal),
  });
}

export function useJobExecutionResult(jobId: string) {
  return usePolledQuery(jobExecutionResultQueryOptions(jobId));
}

// ---- the JobManager seen from one job --------------------------------------------------------

export function fetchJobJobManagerConfig(jobId: string, signal?: AbortSignal): Promise<ConfigEntry[]> {
  return requestJson(endpoints.jobJobManagerConfig, ConfigEntriesSchema, { params: { jobid: jobId }, signal });
}

export function jobJobManagerConfigQueryOptions(jobId: string) {
  return queryOptions({
    queryKey: flinkKeys.jobJobManagerConfig(jobId),
    queryFn: ({ signal }) => fetchJobJobManagerConfig(jobId, signal),
  });
}

export function useJobJobManagerConfig(jobId: string) {
  return usePolledQuery(jobJobManagerConfigQueryOptions(jobId), 'static');
}

export function fetchJobJobManagerEnvironment(jobId: string, signal?: AbortSignal): Promise<Environment> {
  return requestJson(endpoints.jobJobManagerEnvironment, EnvironmentSchema, { params: { jobid: jobId }, signal });
}

export function jobJobManagerEnvironmentQueryOptions(jobId: string) {
  return queryOptions({
    queryKey: flinkKeys.jobJobManagerEnvironment(jobId),
    queryFn: ({ signal }) => fetchJobJobManagerEnvironment(jobId, signal),
  });
}

export function useJobJobManagerEnvironment(jobId: string) {
  return usePolledQuery(jobJobManagerEnvironmentQueryOptions(jobId), 'static');
}

/**
 * GET /jobs/:jobid/jobmanager/log-url: only answered where a log URL pattern is configured
 * (`historyserver.log.jobmanager.url-pattern`, mainly the HistoryServer); elsewhere Flink
 * answers 404, which arrives as a `not-found` error.
 */
export function fetchJobJobManagerLogUrl(jobId: string, signal?: AbortSignal): Promise<LogUrl> {
  return requestJson(endpoints.jobJobManagerLogUrl, LogUrlSchema, { params: { jobid: jobId }, signal });
}

export function jobJobManagerLogUrlQueryOptions(jobId: string) {
  return queryOptions({
    queryKey: flinkKeys.jobJobManagerLogUrl(jobId),
    queryFn: ({ signal }) => fetchJobJobManagerLogUrl(jobId, signal),
  });
}

export function useJobJobManagerLogUrl(jobId: string) {
  return usePolledQuery(jobJobManagerLogUrlQueryOptions(jobId), 'static');
}

/** GET /jobs/:jobid/taskmanagers/:taskmanagerid/log-url: as the JobManager's, pattern needed. */
export function fetchJobTaskManagerLogUrl(jobId: string, taskManagerId: string, signal?: AbortSignal): Promise<LogUrl> {
  return requestJson(endpoints.jobTaskManagerLogUrl, LogUrlSchema, {
    params: { jobid: jobId, taskmanagerid: taskManagerId },
    signal,
  });
}

export function jobTaskManagerLogUrlQueryOptions(jobId: string, taskManagerId: string) {
  return queryOptions({
    queryKey: flinkKeys.jobTaskManagerLogUrl(jobId, taskManagerId),
    queryFn: ({ signal }) => fetchJobTaskManagerLogUrl(jobId, taskManagerId, signal),
  });
}

export function useJobTaskManagerLogUrl(jobId: string, taskManagerId: string) {
  return usePolledQuery(jobTaskManagerLogUrlQueryOptions(jobId, taskManagerId), 'static');
}

// ---- resource requirements -------------------------------------------------------------------

export const VertexResourceRequirementsSchema = v.looseObject({
  parallelism: v.looseObject({ lowerBound: int, upperBound: int }),
});
/** Vertex id -> its parallelism bounds. */
export const JobResourceRequirementsSchema = v.record(str, VertexResourceRequirementsSchema);
export type JobResourceRequirements = v.InferOutput<typeof JobResourceRequirementsSchema>;

export function fetchJobResourceRequirements(jobId: string, signal?: AbortSignal): Promise<JobResourceRequirements> {
  return requestJson(endpoints.jobResourceRequirements, JobResourceRequirementsSchema, { params: { jobid: jobId }, signal });
}

export function jobResourceRequirementsQueryOptions(jobId: string) {
  return queryOptions({
    queryKey: flinkKeys.jobResourceRequirements(jobId),
    queryFn: ({ signal }) => fetchJobResourceRequirements(jobId, signal),
  });
}

export function useJobResourceRequirements(jobId: string) {
  return usePolledQuery(jobResourceRequirementsQueryOptions(jobId));
}

export type JobResourceRequirementsUpdate = Readonly<
  Record<string, { readonly parallelism: { readonly lowerBound: number; readonly upperBound: number } }>
>;

/**
 * PUT /jobs/:jobid/resource-requirements. Only the adaptive scheduler applies new
 * requirements; other schedulers refuse, and Flink's message arrives in the error.
 */
export async function updateJobResourceRequirements(
  jobId: string,
  requirements: JobResourceRequirementsUpdate,
  signal?: AbortSignal,
): Promise<void> {
  await requestJson(endpoints.updateJobResourceRequirements, EmptySchema, {
    params: { jobid: jobId },
    body: requirements,
    signal,
  });
}

export function updateJobResourceRequirementsMutationOptions(jobId: string) {
  return mutationOptions({
    mutationKey: [...flinkKeys.job(jobId), 'update-resource-requirements'],
    mutationFn: (requirements: JobResourceRequirementsUpdate) => updateJobResourceRequirements(jobId, requirements),
    onSuccess: (_d, _v, _c, { client }) => client.invalidateQueries({ queryKey: flinkKeys.job(jobId) }),
  });
}

export function useUpdateJobResourceRequirements(jobId: string) {
  return useMutation(updateJobResourceRequirementsMutationOptions(jobId));
}

// ---- PATCH /jobs/:jobid (cancel) -------------------------------------------------------------

/** PATCH /jobs/:jobid?mode=cancel: cancels the job (Flink answers 202 and cancels it). */
export async function cancelJob(jobId: string, signal?: AbortSignal): Promise<void> {
  await requestJson(endpoints.cancelJob, EmptySchema, { params: { jobid: jobId }, query: { mode: 'cancel' }, signal });
}

export function cancelJobMutationOptions(jobId: string) {
  return mutationOptions({
    mutationKey: [...flinkKeys.job(jobId), 'cancel'],
    mutationFn: () => cancelJob(jobId),
    onSuccess: async (_d, _v, _c, { client }) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: flinkKeys.job(jobId) }),
        client.invalidateQueries({ queryKey: flinkKeys.jobsOverview() }),
        client.invalidateQueries({ queryKey: flinkKeys.overview() }),
      ]);
    },
  });
}

export function useCancelJob(jobId: string) {
  return useMutation(cancelJobMutationOptions(jobId));
}

// ---- rescaling -------------------------------------------------------------------------------

/**
 * PATCH /jobs/:jobid/rescaling?parallelism=n. Flink 1.x and 2.x disable this endpoint
 * ("Rescaling is temporarily disabled. See FLINK-12312."): it answers 503 with that message,
 * which arrives as an `http` error carrying it. Use resource requirements instead.
 */
export async function triggerRescaling(jobId: string, parallelism: number, signal?: AbortSignal): Promise<string> {
  const answer = await requestJson(endpoints.rescaleJob, TriggerResponseSchema, {
    params: { jobid: jobId },
    query: { parallelism },
    signal,
  });
  return answer['request-id'];
}

export function fetchRescalingStatus(jobId: string, triggerId: string, signal?: AbortSignal): Promise<AsyncOperationStatus> {
  return requestJson(endpoints.rescaleStatus, AsyncOperationStatusSchema, {
    params: { jobid: jobId, triggerid: triggerId },
    signal,
  });
}

/** Rescales and waits for the outcome. */
export function rescaleJob(jobId: string, parallelism: number, poll: PollOptions = {}): Promise<AsyncOperationOutcome<null>> {
  return runAsyncOperation({
    name: 'rescaling',
    trigger: (signal) => triggerRescaling(jobId, parallelism, signal),
    status: (triggerId, signal) => fetchRescalingStatus(jobId, triggerId, signal),
    result: () => null,
    ...poll,
  });
}

export function rescaleJobMutationOptions(jobId: string) {
  return mutationOptions({
    mutationKey: [...flinkKeys.job(jobId), 'rescale'],
    mutationFn: (parallelism: number) => rescaleJob(jobId, parallelism),
    onSettled: (_d, _e, _v, _c, { client }) => client.invalidateQueries({ queryKey: flinkKeys.job(jobId) }),
  });
}

export function useRescaleJob(jobId: string) {
  return useMutation(rescaleJobMutationOptions(jobId));
}

// ---- PATCH /jobs/:jobid/clientHeartbeat ------------------------------------------------------

/** Reports that a client still watches the job (for jobs submitted with client-side timeouts). */
export async function sendClientHeartbeat(jobId: string, expiredTimestamp: number, signal?: AbortSignal): Promise<void> {
  await requestJson(endpoints.clientHeartbeat, EmptySchema, {
    params: { jobid: jobId },
    body: { expiredTimestamp },
    signal,
  });
}

// ---- POST /jobs (job submission) -------------------------------------------------------------

/** The JSON `request` part of a job submission (what Flink's own client sends). */
export interface JobSubmitRequest {
  readonly jobGraphFileName?: string;
  readonly jobJarFileNames?: readonly string[];
  readonly jobArtifactFileNames?: readonly { readonly entryName: string; readonly fileName: string }[];
}

export const JobSubmitResponseSchema = v.looseObject({ jobUrl: str });
export type JobSubmitResponse = v.InferOutput<typeof JobSubmitResponseSchema>;

/**
 * POST /jobs: multipart with the serialized JobGraph, jars and artifacts plus the JSON
 * `request`. Meant for Flink's own client; the dashboard submits through jars (jars.ts).
 */
export function submitJob(
  request: JobSubmitRequest,
  files: readonly { readonly name: string; readonly content: Blob }[] = [],
  signal?: AbortSignal,
): Promise<JobSubmitResponse> {
  const form = new FormData();
  form.append('request', new Blob([JSON.stringify(request)], { type: 'application/json' }));
  for (const file of files) form.append('file', file.content, file.name);
  return requestJson(endpoints.submitJob, JobSubmitResponseSchema, { body: form, signal });
}
