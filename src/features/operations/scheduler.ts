// Whether a running job can change its parallelism in place, decided from what Flink says: the
// job's `schedulerType` (Flink 2.x details) or, where the details have none (1.20), the answer to
// GET /jobs/:id/resource-requirements, which only the adaptive scheduler serves.

import { isFlinkApiError } from '../../api/errors';

export type RescaleSupport =
  | { readonly kind: 'adaptive' }
  /** Another scheduler: `scheduler` is Flink's name for it when the details gave one. */
  | { readonly kind: 'other'; readonly scheduler: string | undefined }
  | { readonly kind: 'unknown' };

/** The message Flink's DefaultScheduler answers the resource-requirements request with. */
const NOT_ADAPTIVE = /does not support changing the parallelism|only expected to work with the AdaptiveScheduler/i;

/**
 * @param schedulerType the job details' `schedulerType` (2.x: `Default`, `Adaptive`, `AdaptiveBatch`)
 * @param requirements the resource-requirements query's outcome, read only without a scheduler type
 */
export function rescaleSupportFrom(
  schedulerType: string | undefined,
  requirements: { readonly isSuccess: boolean; readonly error: unknown },
): RescaleSupport {
  if (schedulerType !== undefined) {
    return schedulerType === 'Adaptive' ? { kind: 'adaptive' } : { kind: 'other', scheduler: schedulerType };
  }
  if (requirements.isSuccess) return { kind: 'adaptive' };
  const error = requirements.error;
  if (isFlinkApiError(error) && error.flinkMessages.some((m) => NOT_ADAPTIVE.test(m))) {
    return { kind: 'other', scheduler: undefined };
  }
  return { kind: 'unknown' };
}

/** Why the job cannot be rescaled in place, and the setting that allows it. */
export function notAdaptiveExplanation(scheduler: string | undefined): string {
  const name =
    scheduler === 'AdaptiveBatch'
      ? 'the adaptive batch scheduler, which sets parallelism once per stage'
      : scheduler === undefined || scheduler === 'Default'
        ? 'the default scheduler'
        : `the ${scheduler} scheduler`;
  return (
    `This job runs on ${name}, which cannot change a running job's parallelism. Set ` +
    `jobmanager.scheduler: adaptive in the cluster's configuration to rescale jobs in place; until then, stop ` +
    `the job with a savepoint and resubmit it with another parallelism.`
  );
}
