// Scaling one job: its resource requirements (read and update, adaptive scheduler) and the
// rescaling operation (disabled in Flink 1.x and 2.x).

import { mutationOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { requestJson } from './client';
import { jsonQuery, requestOnce } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { runAsyncOperation, type AsyncOperationOutcome, type PollOptions } from './operations';
import { AsyncOperationStatusSchema, EmptySchema, int, str, TriggerResponseSchema } from './schemas';
import type { ClusterTarget } from './settings';

// ---- resource requirements -------------------------------------------------------------------

export const VertexResourceRequirementsSchema = v.looseObject({
  parallelism: v.looseObject({ lowerBound: int, upperBound: int }),
});
/** Vertex id -> its parallelism bounds. */
export const JobResourceRequirementsSchema = v.record(str, VertexResourceRequirementsSchema);
export type JobResourceRequirements = v.InferOutput<typeof JobResourceRequirementsSchema>;

export function jobResourceRequirementsQueryOptions(jobId: string) {
  return jsonQuery(
    flinkKeys.jobResourceRequirements(jobId),
    endpoints.jobResourceRequirements,
    JobResourceRequirementsSchema,
    {
      params: { jobid: jobId },
    },
  );
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

/**
 * Rescales a job on the adaptive scheduler the way Flink 1.18+ allows: every vertex's upper bound
 * becomes `parallelism` (its lower bound is kept, lowered to it when higher), and the scheduler
 * moves the job there as slots allow. Answers the requirements sent.
 */
export async function rescaleWithRequirements(
  jobId: string,
  parallelism: number,
  signal?: AbortSignal,
): Promise<JobResourceRequirementsUpdate> {
  const current = await requestOnce(jobResourceRequirementsQueryOptions(jobId), signal);
  const update: Record<string, { parallelism: { lowerBound: number; upperBound: number } }> = {};
  for (const [vertexId, { parallelism: bounds }] of Object.entries(current)) {
    update[vertexId] = {
      parallelism: { lowerBound: Math.min(bounds.lowerBound, parallelism), upperBound: parallelism },
    };
  }
  await updateJobResourceRequirements(jobId, update, signal);
  return update;
}

export function rescaleWithRequirementsMutationOptions(jobId: string) {
  return mutationOptions({
    mutationKey: [...flinkKeys.job(jobId), 'rescale-with-requirements'],
    mutationFn: (parallelism: number) => rescaleWithRequirements(jobId, parallelism),
    onSuccess: (_d, _v, _c, { client }) => client.invalidateQueries({ queryKey: flinkKeys.job(jobId) }),
  });
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

export function rescalingStatusQueryOptions(jobId: string, triggerId: string, cluster?: ClusterTarget) {
  return jsonQuery(flinkKeys.jobRescaleStatus(jobId, triggerId), endpoints.rescaleStatus, AsyncOperationStatusSchema, {
    params: { jobid: jobId, triggerid: triggerId },
    target: cluster,
  });
}

/** Rescales and waits for the outcome. */
export function rescaleJob(
  jobId: string,
  parallelism: number,
  poll: PollOptions = {},
): Promise<AsyncOperationOutcome<null>> {
  return runAsyncOperation({
    name: 'rescaling',
    trigger: (signal) => triggerRescaling(jobId, parallelism, signal),
    status: (triggerId, signal, cluster) => requestOnce(rescalingStatusQueryOptions(jobId, triggerId, cluster), signal),
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
