import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { applicationsOverviewQueryOptions } from '../../api/applications';
import { checkpointingStatisticsQueryOptions } from '../../api/checkpoints';
import { clusterOverviewQueryOptions, type ClusterOverview } from '../../api/cluster';
import { isNotFound } from '../../api/errors';
import { jobDetailsQueryOptions, jobsOverviewQueryOptions, type JobOverview } from '../../api/jobs';
import { endpoints } from '../../api/endpoints';
import { usePolledQuery, usePollInterval } from '../../api/polling';
import { countApplications, type ApplicationCounts } from '../../lib/application-counts';
import { isActive, oldestFirst } from '../../lib/job-states';
import { useServes } from '../../lib/use-served';
import { classifyJobHealth, healthOrder, type JobHealth } from '../../lib/triage/health';
import {
  advanceTracker,
  EMPTY_HEALTH_TRACKER,
  healthInput,
  type HealthTracker,
  type JobObservation,
} from '../../lib/triage/tracker';
import type { RotationJob } from './rotation';

export interface JobTile extends JobHealth {
  readonly jid: string;
  readonly name: string;
  readonly state: string;
  readonly startTime: number;
}

export interface WallData {
  readonly jobs: UseQueryResult<{ jobs: JobOverview[] }>;
  readonly overview: UseQueryResult<ClusterOverview>;
  /** Every job, worst first. */
  readonly tiles: readonly JobTile[];
  readonly running: readonly RotationJob[];
  /** Running jobs with checkpoints that failed within the window. */
  readonly failingCheckpoints: readonly RotationJob[];
  /** Applications by state, where the cluster has them (Flink 2.3+); undefined otherwise. */
  readonly applications: ApplicationCounts | undefined;
}

/**
 * The wall's data, with few requests: `GET /jobs/overview` and `GET /overview`, and per job that
 * is not over its details (`GET /jobs/:id`, whose accumulated times give back pressure) and its
 * checkpoint counts (`GET /jobs/:id/checkpoints`, not polled again for a job without
 * checkpointing). No sampling endpoint, no per-vertex request. Each new answer advances the
 * tracker (restarts and failed checkpoints over the window, back pressure between polls).
 */
export function useWallData(): WallData {
  const jobs = usePolledQuery(jobsOverviewQueryOptions());
  const overview = usePolledQuery(clusterOverviewQueryOptions());
  // Flink 2.3+: one more request per poll, `GET /applications/overview`; none on older lines.
  const applicationsServed = useServes(endpoints.applicationsOverview).served === true;
  const applications = usePolledQuery({ ...applicationsOverviewQueryOptions(), enabled: applicationsServed });
  const interval = usePollInterval('live');
  const active = oldestFirst((jobs.data?.jobs ?? []).filter((j) => isActive(j.state)));

  const details = useQueries({
    queries: active.map((job) => ({
      ...jobDetailsQueryOptions(job.jid),
      refetchInterval: interval,
      refetchIntervalInBackground: false,
    })),
  });
  const checkpoints = useQueries({
    queries: active.map((job) => ({
      ...checkpointingStatisticsQueryOptions(job.jid),
      // A job without checkpointing answers 404: asked once, not polled.
      refetchInterval: (query: { state: { error: unknown } }) => (isNotFound(query.state.error) ? false : interval),
      refetchIntervalInBackground: false,
    })),
  });

  const observations: JobObservation[] = active.map((job, i) => ({
    jid: job.jid,
    details: details[i]?.data,
    checkpoints: checkpoints[i]?.data,
  }));

  // Advance the tracker when an answer is new (derived during render, as the job graph does).
  const [state, setState] = useState<{ sources: readonly unknown[]; tracker: HealthTracker }>({
    sources: [],
    tracker: EMPTY_HEALTH_TRACKER,
  });
  const sources = observations.flatMap((o) => [o.jid, o.details, o.checkpoints]);
  let tracker = state.tracker;
  if (sources.length !== state.sources.length || sources.some((s, i) => s !== state.sources[i])) {
    tracker = advanceTracker(state.tracker, observations);
    setState({ sources, tracker });
  }

  const tiles: JobTile[] = (jobs.data?.jobs ?? [])
    .map((job) => ({
      jid: job.jid,
      name: job.name,
      state: job.state,
      startTime: job['start-time'],
      ...classifyJobHealth(healthInput(job.state, tracker.get(job.jid))),
    }))
    .sort((a, b) => healthOrder(a, b));

  const running = active.map((j) => ({ jid: j.jid, name: j.name }));
  const failingCheckpoints = active
    .filter((j) => {
      const t = tracker.get(j.jid);
      return t !== undefined && t.failedCheckpoints.events.length > 0;
    })
    .map((j) => ({ jid: j.jid, name: j.name }));

  const applicationCounts =
    applicationsServed && applications.data ? countApplications(applications.data.applications) : undefined;
  return { jobs, overview, tiles, running, failingCheckpoints, applications: applicationCounts };
}
