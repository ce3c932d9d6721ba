// Jobs: the lists, one job's details, status and plan, cancel, client heartbeat and job
// submission. A job's configuration and results are in job-config.ts, its resource requirements
// and rescaling in job-scaling.ts.

import { mutationOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { readEarly, requestJson } from './client';
import { jsonQuery, type AnswerSharing } from './endpoint-query';
import { JobsOverviewSchema, keepUnchangedJobs } from './job-list';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import {
  bool,
  EmptySchema,
  ExecutionStateSchema,
  int,
  IOMetricsSchema,
  JobStateSchema,
  num,
  NumberRecord,
  PlanResponseSchema,
  PlanSchema,
  str,
} from './schemas';

export type { JobState } from './schemas';

export {
  isJobOverview,
  JobOverviewSchema,
  JobsOverviewSchema,
  keepUnchangedJobs,
  TaskCountsSchema,
  type JobOverview,
  type JobsOverview,
  type TaskCounts,
} from './job-list';

// ---- GET /jobs/overview ----------------------------------------------------------------------

/** For `jsonQuery`'s `sharing`: a job list (a thousand jobs on a big cluster). */
export const JOBS_SHARING: AnswerSharing = { structuralSharing: keepUnchangedJobs };

/** GET /jobs/overview, polled at the live rate. */
export function jobsOverviewQueryOptions() {
  return jsonQuery(flinkKeys.jobsOverview(), endpoints.jobsOverview, JobsOverviewSchema, {}, 'live', JOBS_SHARING);
}

// ---- GET /jobs -------------------------------------------------------------------------------

export const JobsStatusesSchema = v.looseObject({
  jobs: v.array(v.looseObject({ id: str, status: JobStateSchema })),
});
export type JobsStatuses = v.InferOutput<typeof JobsStatusesSchema>;

export function jobsStatusesQueryOptions() {
  return jsonQuery(flinkKeys.jobsStatuses(), endpoints.jobsStatuses, JobsStatusesSchema, {});
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

export function jobDetailsQueryOptions(jobId: string) {
  return jsonQuery(flinkKeys.jobDetails(jobId), endpoints.jobDetails, JobDetailsSchema, { params: { jobid: jobId } });
}

/** Asks for the job's details before the job page's code has loaded (a deep link; client.ts readEarly). */
export function readJobDetailsEarly(jobId: string): void {
  readEarly(endpoints.jobDetails, { params: { jobid: jobId } });
}

// ---- GET /jobs/:jobid/status -----------------------------------------------------------------

export const JobStatusSchema = v.looseObject({ status: JobStateSchema });
export type JobStatus = v.InferOutput<typeof JobStatusSchema>;

export function jobStatusQueryOptions(jobId: string) {
  return jsonQuery(flinkKeys.jobStatus(jobId), endpoints.jobStatus, JobStatusSchema, { params: { jobid: jobId } });
}

// ---- GET /jobs/:jobid/plan -------------------------------------------------------------------

/** The plan does not change while a job runs. */
export function jobPlanQueryOptions(jobId: string) {
  return jsonQuery(
    flinkKeys.jobPlan(jobId),
    endpoints.jobPlan,
    PlanResponseSchema,
    { params: { jobid: jobId } },
    'static',
  );
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

// ---- PATCH /jobs/:jobid/clientHeartbeat ------------------------------------------------------

/** Reports that a client still watches the job (for jobs submitted with client-side timeouts). */
export async function sendClientHeartbeat(
  jobId: string,
  expiredTimestamp: number,
  signal?: AbortSignal,
): Promise<void> {
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
