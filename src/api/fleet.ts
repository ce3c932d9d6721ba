// The fleet views read several clusters at once: per cluster GET /config (once: its Flink
// version and whether it is a History Server), GET /overview and GET /jobs/overview, each sent
// to that cluster (`target`) and keyed under it (fleetKeys), so one cluster's answers, errors and
// refreshes never touch another's. A History Server has no /overview (404) and an archive that
// never changes: its job list is read once.

import { ClusterOverviewSchema } from './cluster';
import { jsonQuery } from './endpoint-query';
import { endpoints } from './endpoints';
import { readJobList, startJobListWorker } from './job-list-reader';
import { JOBS_SHARING, JobsOverviewSchema } from './jobs';
import { fleetKeys } from './keys';
import type { ClusterTarget } from './settings';
import { WebConfigSchema } from './webConfig';

/** What the fleet needs to know of a configured cluster to reach it. */
export interface FleetClusterRef {
  readonly id: string;
  /** Its REST API, relative to the page (`api/prod/`) or absolute. */
  readonly apiBase: string;
  readonly restVersionPrefix: string | null;
}

export function clusterTarget(cluster: FleetClusterRef): ClusterTarget {
  return { baseUrl: cluster.apiBase, versionPrefix: cluster.restVersionPrefix ?? '' };
}

/** GET /config of one cluster: static (read once per cluster). */
export function fleetClusterConfigQueryOptions(cluster: FleetClusterRef) {
  return {
    ...jsonQuery(
      fleetKeys.config(cluster.id),
      endpoints.webConfig,
      WebConfigSchema,
      { target: clusterTarget(cluster) },
      'static',
    ),
    staleTime: Infinity,
  };
}

/** GET /overview of one cluster (task managers, slots, jobs by state, Flink version): live. */
export function fleetClusterOverviewQueryOptions(cluster: FleetClusterRef) {
  return jsonQuery(fleetKeys.overview(cluster.id), endpoints.clusterOverview, ClusterOverviewSchema, {
    target: clusterTarget(cluster),
  });
}

/**
 * GET /jobs/overview of one cluster: live on a JobManager; `static` on a History Server (its
 * archive does not change while the page is open: read once, then from the cache).
 */
export function fleetClusterJobsQueryOptions(cluster: FleetClusterRef, history: boolean) {
  const options = jsonQuery(
    fleetKeys.jobsOverview(cluster.id),
    endpoints.jobsOverview,
    JobsOverviewSchema,
    { target: clusterTarget(cluster) },
    history ? 'static' : 'live',
    JOBS_SHARING,
    // Ten clusters' thousand-job lists a refresh: decoded in a worker (job-list-delta.ts).
    (text, at) => readJobList(cluster.id, text, at),
  );
  return history ? { ...options, staleTime: Infinity } : options;
}

/** Readies the decoding of the clusters' job lists (its worker) before their first answers come. */
export function prepareFleetJobLists(): void {
  startJobListWorker();
}
