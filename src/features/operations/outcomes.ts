// Turning the API's results into tracked outcomes, and following a job to its end.

import { applicationDetailsQueryOptions, isApplicationTerminal } from '../../api/applications';
import { requestOnce } from '../../api/endpoint-query';
import { isRetryable } from '../../api/errors';
import { jobStatusQueryOptions } from '../../api/jobs';
import { DEFAULT_POLL_INTERVAL_MS, sleep, type AsyncOperationOutcome } from '../../api/operations';
import { isActive } from '../../lib/job-states';
import { describeOperationFailure } from './action-errors';
import type { TrackedOutcome } from './operations-store';

type Success = Omit<Extract<TrackedOutcome, { ok: true }>, 'ok'>;

/** An asynchronous operation's outcome (completed with a result, or Flink's failure cause). */
export function fromAsyncOutcome<R>(
  outcome: AsyncOperationOutcome<R>,
  describe: (result: R) => Success,
): TrackedOutcome {
  if (outcome.status === 'failed') return { ok: false, ...describeOperationFailure(outcome.failure) };
  return { ok: true, ...describe(outcome.result) };
}

export interface FollowJobOptions {
  readonly onState?: (state: string) => void;
  readonly pollIntervalMs?: number;
  readonly deadlineMs?: number;
}

/**
 * Polls a job's status until it reached a final state (CANCELED, FINISHED, FAILED, SUSPENDED) and
 * returns it; returns the last state seen when the deadline passed first.
 */
export async function followJobToEnd(
  jobId: string,
  options: FollowJobOptions = {},
): Promise<{ state: string; final: boolean }> {
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const deadline = Date.now() + (options.deadlineMs ?? 2 * 60_000);
  let state = 'UNKNOWN';
  for (;;) {
    try {
      state = (await requestOnce(jobStatusQueryOptions(jobId))).status;
      options.onState?.(state);
      if (!isActive(state)) return { state, final: true };
    } catch (error) {
      // A blip while polling (network, 503) may pass; anything else ends the wait.
      if (!isRetryable(error)) throw error;
    }
    if (Date.now() + pollIntervalMs > deadline) return { state, final: false };
    await sleep(pollIntervalMs, undefined, 'job status');
  }
}

/**
 * Polls an application (Flink 2.3) until it reached a final state (CANCELED, FINISHED, FAILED) and
 * returns it; returns the last state seen when the deadline passed first.
 */
export async function followApplicationToEnd(
  applicationId: string,
  options: FollowJobOptions = {},
): Promise<{ state: string; final: boolean }> {
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const deadline = Date.now() + (options.deadlineMs ?? 2 * 60_000);
  let state = 'UNKNOWN';
  for (;;) {
    try {
      const status = (await requestOnce(applicationDetailsQueryOptions(applicationId))).status;
      state = status;
      options.onState?.(state);
      if (isApplicationTerminal(status)) return { state, final: true };
    } catch (error) {
      if (!isRetryable(error)) throw error;
    }
    if (Date.now() + pollIntervalMs > deadline) return { state, final: false };
    await sleep(pollIntervalMs, undefined, 'application status');
  }
}
