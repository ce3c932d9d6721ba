// How often a job restarted, and how long it has run: pure helpers for the job header.

import type { JobDetails } from '../../api/jobs';
import type { MetricValues } from '../../api/metrics';

/**
 * The restart count. Flink 1.20 and 2.x report it as the job metric `numRestarts`
 * (`GET /jobs/:id/metrics?get=numRestarts`); lines before 1.20 also had `fullRestarts`. The job
 * details of 1.20 and 2.x carry no restart count, but a field is used if a line sends one.
 * Null when nothing says (a job the metric store no longer knows).
 */
export function restartCount(
  metrics: MetricValues | undefined,
  details?: Readonly<Record<string, unknown>>,
): number | null {
  for (const id of ['numRestarts', 'fullRestarts']) {
    const value = metrics?.find((m) => m.id === id)?.value;
    const n = value === undefined ? NaN : Number(value);
    if (Number.isFinite(n) && n >= 0) return Math.round(n);
  }
  for (const field of ['numRestarts', 'num-restarts', 'restarts']) {
    const value = details?.[field];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.round(value);
  }
  return null;
}

/**
 * The job's duration now: Flink's `duration` when the answer was made, plus the time since the
 * answer arrived while the job still runs. Uses no JobManager timestamp against the browser's
 * clock, so clock skew between them does not show.
 */
export function liveDuration(
  details: Pick<JobDetails, 'duration' | 'end-time'>,
  receivedAt: number,
  now: number,
): number {
  if (details['end-time'] > 0 || details.duration < 0) return details.duration;
  return details.duration + Math.max(0, now - receivedAt);
}
