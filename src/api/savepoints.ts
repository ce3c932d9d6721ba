// Savepoints: trigger (optionally cancelling the job), stop-with-savepoint, disposal, and
// their status. Savepoint and stop send a client-chosen trigger id (Flink accepts `triggerId`
// in the body), so retrying a request that may or may not have arrived never makes a second
// savepoint: Flink recognises the id and reports the first operation.

import { mutationOptions } from '@tanstack/react-query';
import { requestJson } from './client';
import { jsonQuery, requestOnce } from './endpoint-query';
import { endpoints } from './endpoints';
import { newTriggerId } from './ids';
import { flinkKeys } from './keys';
import { runAsyncOperation, type AsyncOperationOutcome, type PollOptions } from './operations';
import { AsyncOperationStatusSchema, TriggerResponseSchema, type AsyncOperationStatus } from './schemas';
import type { ClusterTarget } from './settings';

export type SavepointFormat = 'CANONICAL' | 'NATIVE';

export interface SavepointRequest {
  /** Where to write it; the cluster's `execution.checkpointing.savepoint-dir` when absent. */
  readonly targetDirectory?: string;
  /** Cancel the job once the savepoint completed. */
  readonly cancelJob?: boolean;
  readonly formatType?: SavepointFormat;
  /** Client-chosen trigger id (32 hex); random when absent. Reuse it to retry safely. */
  readonly triggerId?: string;
}

export interface StopRequest {
  readonly targetDirectory?: string;
  /** Emit MAX_WATERMARK first, flushing event-time timers (a final stop). */
  readonly drain?: boolean;
  readonly formatType?: SavepointFormat;
  readonly triggerId?: string;
}

/** POST /jobs/:jobid/savepoints; returns the trigger id (the one sent, echoed by Flink). */
export async function triggerSavepoint(
  jobId: string,
  request: SavepointRequest = {},
  signal?: AbortSignal,
): Promise<string> {
  const answer = await requestJson(endpoints.triggerSavepoint, TriggerResponseSchema, {
    params: { jobid: jobId },
    body: {
      'target-directory': request.targetDirectory,
      'cancel-job': request.cancelJob ?? false,
      formatType: request.formatType,
      triggerId: request.triggerId ?? newTriggerId(),
    },
    signal,
  });
  return answer['request-id'];
}

/** GET /jobs/:jobid/savepoints/:triggerid (also the status of stop-with-savepoint). */
export function savepointStatusQueryOptions(jobId: string, triggerId: string, cluster?: ClusterTarget) {
  return jsonQuery(flinkKeys.savepointStatus(jobId, triggerId), endpoints.savepointStatus, AsyncOperationStatusSchema, {
    params: { jobid: jobId, triggerid: triggerId },
    target: cluster,
  });
}

/** POST /jobs/:jobid/stop; returns the trigger id. */
export async function triggerStopWithSavepoint(
  jobId: string,
  request: StopRequest = {},
  signal?: AbortSignal,
): Promise<string> {
  const answer = await requestJson(endpoints.stopWithSavepoint, TriggerResponseSchema, {
    params: { jobid: jobId },
    body: {
      targetDirectory: request.targetDirectory,
      drain: request.drain ?? false,
      formatType: request.formatType,
      triggerId: request.triggerId ?? newTriggerId(),
    },
    signal,
  });
  return answer['request-id'];
}

export interface SavepointResult {
  /** The savepoint's path, e.g. `file:/.../savepoints/savepoint-1a2b3c-0123456789ab`. */
  readonly location: string | null;
}

function savepointResult(operation: AsyncOperationStatus['operation']): SavepointResult {
  return { location: operation?.location ?? null };
}

/** Takes a savepoint and waits for its location. Retries of the trigger reuse its trigger id. */
export function savepointNow(
  jobId: string,
  request: SavepointRequest = {},
  poll: PollOptions = {},
): Promise<AsyncOperationOutcome<SavepointResult>> {
  const triggerId = request.triggerId ?? newTriggerId();
  return runAsyncOperation({
    name: 'savepoint',
    trigger: (signal) => triggerSavepoint(jobId, { ...request, triggerId }, signal),
    status: (id, signal, cluster) => requestOnce(savepointStatusQueryOptions(jobId, id, cluster), signal),
    result: savepointResult,
    triggerRetries: 2,
    ...poll,
  });
}

/** Stops the job with a savepoint and waits for its location. */
export function stopWithSavepoint(
  jobId: string,
  request: StopRequest = {},
  poll: PollOptions = {},
): Promise<AsyncOperationOutcome<SavepointResult>> {
  const triggerId = request.triggerId ?? newTriggerId();
  return runAsyncOperation({
    name: 'stop-with-savepoint',
    trigger: (signal) => triggerStopWithSavepoint(jobId, { ...request, triggerId }, signal),
    status: (id, signal, cluster) => requestOnce(savepointStatusQueryOptions(jobId, id, cluster), signal),
    result: savepointResult,
    triggerRetries: 2,
    ...poll,
  });
}

// ---- disposal --------------------------------------------------------------------------------

/** POST /savepoint-disposal; returns the trigger id. */
export async function triggerSavepointDisposal(savepointPath: string, signal?: AbortSignal): Promise<string> {
  const answer = await requestJson(endpoints.disposeSavepoint, TriggerResponseSchema, {
    body: { 'savepoint-path': savepointPath },
    signal,
  });
  return answer['request-id'];
}

export function savepointDisposalStatusQueryOptions(triggerId: string, cluster?: ClusterTarget) {
  return jsonQuery(
    flinkKeys.savepointDisposalStatus(triggerId),
    endpoints.savepointDisposalStatus,
    AsyncOperationStatusSchema,
    {
      params: { triggerid: triggerId },
      target: cluster,
    },
  );
}

/** Disposes of a savepoint and waits until Flink deleted it. */
export function disposeSavepoint(savepointPath: string, poll: PollOptions = {}): Promise<AsyncOperationOutcome<null>> {
  return runAsyncOperation({
    name: 'savepoint disposal',
    trigger: (signal) => triggerSavepointDisposal(savepointPath, signal),
    status: (id, signal, cluster) => requestOnce(savepointDisposalStatusQueryOptions(id, cluster), signal),
    result: () => null,
    ...poll,
  });
}

// ---- mutations -------------------------------------------------------------------------------

export function savepointMutationOptions(jobId: string) {
  return mutationOptions({
    mutationKey: [...flinkKeys.job(jobId), 'savepoint'],
    mutationFn: (request: SavepointRequest = {}) => savepointNow(jobId, request),
    onSettled: async (_d, _e, request, _c, { client }) => {
      await client.invalidateQueries({ queryKey: flinkKeys.checkpoints(jobId) });
      if (request?.cancelJob) await client.invalidateQueries({ queryKey: flinkKeys.jobs() });
    },
  });
}

export function stopWithSavepointMutationOptions(jobId: string) {
  return mutationOptions({
    mutationKey: [...flinkKeys.job(jobId), 'stop'],
    mutationFn: (request: StopRequest = {}) => stopWithSavepoint(jobId, request),
    onSettled: async (_d, _e, _v, _c, { client }) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: flinkKeys.jobs() }),
        client.invalidateQueries({ queryKey: flinkKeys.overview() }),
      ]);
    },
  });
}

export function disposeSavepointMutationOptions() {
  return mutationOptions({
    mutationKey: [...flinkKeys.cluster(), 'savepoint-disposal'],
    mutationFn: (savepointPath: string) => disposeSavepoint(savepointPath),
  });
}
