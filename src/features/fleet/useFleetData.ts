import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ClusterOverview } from '../../api/cluster';
import {
  fleetClusterConfigQueryOptions,
  fleetClusterJobsQueryOptions,
  fleetClusterOverviewQueryOptions,
  type FleetClusterRef,
} from '../../api/fleet';
import type { JobsOverview } from '../../api/jobs';
import type { WebConfig } from '../../api/webConfig';
import { useNow } from '../../lib/use-now';
import { setServerRefreshInterval } from '../../refresh/store';
import { useRefreshInterval } from '../../refresh/useRefreshInterval';
import { clusterFindings, reachabilityOf, type ClusterFinding, type Reachability } from './fleet-health';

/** A configured cluster as the fleet shows it. */
export interface FleetCluster extends FleetClusterRef {
  readonly name: string;
  readonly kind: 'jobmanager' | 'history';
}

export interface FleetClusterData {
  readonly cluster: FleetCluster;
  /** config.json `kind: "history"`, or its `/config` says `web-history`. */
  readonly history: boolean;
  readonly config: UseQueryResult<WebConfig>;
  /** Not asked of a History Server (it has no /overview). */
  readonly overview: UseQueryResult<ClusterOverview> | null;
  readonly jobs: UseQueryResult<JobsOverview>;
  readonly reachability: Reachability;
  /** When its newest answer came, 0 before the first. */
  readonly updatedAt: number;
  /** Worst first; one `ok` finding when nothing is wrong. */
  readonly findings: readonly ClusterFinding[];
}

const settledAt = (q: UseQueryResult<unknown> | null): number => (q ? Math.max(q.dataUpdatedAt, q.errorUpdatedAt) : 0);

/**
 * Every cluster's data for the fleet views, with at most 3 requests per cluster per refresh and
 * usually 2: `GET /config` once (then static), `GET /overview` and `GET /jobs/overview` polled (a
 * History Server: `GET /jobs/overview` once, no polling). Each cluster's queries are its own: one
 * that is down, slow or behind an expired session marks its own row and never delays the others.
 */
export function useFleetData(clusters: readonly FleetCluster[]): FleetClusterData[] {
  const interval = useRefreshInterval('live');
  const now = useNow();
  const configs = useQueries({
    queries: clusters.map((cluster) => ({
      ...fleetClusterConfigQueryOptions(cluster),
      // Static once answered; asked again at the live rate while it has not (a cluster that was down).
      refetchInterval: (query: { state: { data: unknown } }) => (query.state.data === undefined ? interval : false),
      refetchIntervalInBackground: false,
    })),
  });
  const history = clusters.map(
    (cluster, i) => cluster.kind === 'history' || configs[i]?.data?.features['web-history'] === true,
  );
  const overviews = useQueries({
    queries: clusters.map((cluster, i) => ({
      ...fleetClusterOverviewQueryOptions(cluster),
      // A History Server has no /overview; a cluster whose kind is not known yet is asked (a
      // JobManager answers it; a History Server's 404 stops once its /config says so).
      enabled: !history[i],
      refetchInterval: interval,
      refetchIntervalInBackground: false,
    })),
  });
  const jobs = useQueries({
    queries: clusters.map((cluster, i) => {
      // A JobManager kind that turns out to be a History Server waits for its /config: the key is
      // the same, only the polling differs.
      const options = fleetClusterJobsQueryOptions(cluster, history[i] === true);
      return {
        ...options,
        refetchInterval: history[i] ? (false as const) : interval,
        refetchIntervalInBackground: false,
      };
    }),
  });

  // The fleet's default rate: the shortest `refresh-interval` its live clusters' /config give
  // (the user's choice and config.json still win, as for one cluster).
  const serverDefaults = configs
    .map((c, i) => (history[i] ? undefined : c.data?.['refresh-interval']))
    .filter((ms): ms is number => ms !== undefined);
  const fleetDefault = serverDefaults.length ? Math.min(...serverDefaults) : undefined;
  useEffect(() => {
    if (fleetDefault !== undefined) setServerRefreshInterval(fleetDefault);
  }, [fleetDefault]);

  // Task managers when first seen, per cluster (derived during render, as the wall's tracker is).
  const [firstSeen, setFirstSeen] = useState<Readonly<Record<string, number>>>({});
  const newlySeen = clusters.filter((c, i) => firstSeen[c.id] === undefined && overviews[i]?.data !== undefined);
  if (newlySeen.length) {
    const next = { ...firstSeen };
    for (const c of newlySeen) {
      const tms = overviews[clusters.indexOf(c)]?.data?.taskmanagers;
      if (tms !== undefined) next[c.id] = tms;
    }
    setFirstSeen(next);
  }

  return clusters.map((cluster, i) => {
    const isHistory = history[i] === true;
    const config = configs[i] as UseQueryResult<WebConfig>;
    const overview = isHistory ? null : (overviews[i] as UseQueryResult<ClusterOverview>);
    const jobList = jobs[i] as UseQueryResult<JobsOverview>;
    // What says whether it answers: /overview for a JobManager (polled), the job list for a History Server.
    const main = overview ?? jobList;
    const reachability = reachabilityOf({
      failure: main.failureReason ?? main.error,
      hasData: main.data !== undefined,
      settledAt: settledAt(main),
      fetching: main.isFetching,
      intervalMs: isHistory ? false : interval,
      now,
    });
    const updatedAt = Math.max(overview?.dataUpdatedAt ?? 0, jobList.dataUpdatedAt);
    const findings = clusterFindings({
      reachability,
      overview: overview?.data,
      jobs: jobList.data?.jobs,
      firstTaskManagers: firstSeen[cluster.id],
      history: isHistory,
    });
    return { cluster, history: isHistory, config, overview, jobs: jobList, reachability, updatedAt, findings };
  });
}
