// The cluster as a whole: GET /config, GET /overview, DELETE /cluster.

import { mutationOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { requestJson } from './client';
import { jsonQuery } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { EmptySchema, int, str } from './schemas';

/** GET /config: refresh interval, time zone, Flink version and the enabled web features. */
export { webConfigQueryOptions, WebConfigSchema, type WebConfig } from './webConfig';

// ---- GET /overview ---------------------------------------------------------------------------

export const ClusterOverviewSchema = v.looseObject({
  taskmanagers: int,
  'slots-total': int,
  'slots-available': int,
  'jobs-running': int,
  'jobs-finished': int,
  'jobs-cancelled': int,
  'jobs-failed': int,
  'flink-version': str,
  'flink-commit': str,
  /** 1.20 and 2.x (blocklist, FLIP-224); optional for older lines. */
  'taskmanagers-blocked': v.optional(int),
  /** 1.20 and 2.x; optional for older lines. */
  'slots-free-and-blocked': v.optional(int),
});
export type ClusterOverview = v.InferOutput<typeof ClusterOverviewSchema>;

/** GET /overview: task managers, slots and job counts, polled at the live rate. */
export function clusterOverviewQueryOptions() {
  return jsonQuery(flinkKeys.overview(), endpoints.clusterOverview, ClusterOverviewSchema, {});
}

// ---- DELETE /cluster -------------------------------------------------------------------------

/** Shuts the whole cluster down (JobManager and, in a session cluster, its TaskManagers). */
export async function shutdownCluster(signal?: AbortSignal): Promise<void> {
  await requestJson(endpoints.shutdownCluster, EmptySchema, { signal });
}

export function shutdownClusterMutationOptions() {
  return mutationOptions({
    mutationKey: [...flinkKeys.cluster(), 'shutdown'],
    mutationFn: () => shutdownCluster(),
    onSuccess: (_data, _vars, _ctx, { client }) => client.invalidateQueries({ queryKey: flinkKeys.cluster() }),
  });
}
