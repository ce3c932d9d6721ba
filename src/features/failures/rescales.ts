import { useMemo } from 'react';
import type { JobDetails } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import { jobRescalesHistoryQueryOptions, type Rescale } from '../../api/rescales';
import { links } from '../../lib/paths';
import type { FailureEvent } from './events';

const NONE: readonly FailureEvent[] = Object.freeze([]);

/**
 * One event per rescale of the job's history (Flink 2.3, adaptive scheduler): a band from its
 * start to its end (or a point while it runs), linked to its detail in the Rescales tab.
 */
export function rescaleEvents(jobId: string, history: readonly Rescale[]): FailureEvent[] {
  const out: FailureEvent[] = [];
  for (const rescale of history) {
    const start = rescale.startTimestampInMillis;
    if (start === null || start === undefined || !Number.isFinite(start) || start <= 0) continue;
    const end = rescale.endTimestampInMillis ?? start;
    const outcome = rescale.terminalState ?? 'in progress';
    out.push({
      id: `rescale:${rescale.rescaleUuid}`,
      kind: 'rescale',
      start,
      end: Math.max(start, end),
      title: `Rescale ${outcome.toLowerCase()}`,
      lines: [rescale.triggerCause, rescale.terminatedReason].filter((l): l is string => Boolean(l)),
      where: 'job',
      link: `${links.job(jobId, 'rescales')}?rescale=${encodeURIComponent(rescale.rescaleUuid)}`,
    });
  }
  return out;
}

/**
 * The job's rescales, for the failure timeline: read only for a job on the adaptive scheduler
 * (2.3's `schedulerType`; 1.20 has neither the field nor the history, and asks nothing).
 */
export function useRescaleEvents(jobId: string, details: JobDetails): readonly FailureEvent[] {
  const adaptive = details.schedulerType === 'Adaptive';
  const history = usePolledQuery({ ...jobRescalesHistoryQueryOptions(jobId), enabled: adaptive });
  return useMemo(
    () => (adaptive && history.data ? rescaleEvents(jobId, history.data) : NONE),
    [adaptive, history.data, jobId],
  );
}
