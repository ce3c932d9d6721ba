import type { JobDetails } from '../../api/jobs';
import { jobMetricsQueryOptions } from '../../api/metrics';
import { usePolledQuery } from '../../api/polling';
import { restartCount } from './restarts';

const RESTART_METRICS = { get: ['numRestarts'] } as const;

/** The job's restart count from its `numRestarts` metric (one small request per refresh). */
export function useRestartCount(jobId: string, details: JobDetails | undefined): number | null {
  const metrics = usePolledQuery(jobMetricsQueryOptions(jobId, RESTART_METRICS));
  return restartCount(metrics.data, details);
}
