import { useQueries } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useKept } from '../../lib/use-kept';
import type { ClusterOverview } from '../../api/cluster';
import {
  fleetClusterConfigQueryOptions,
  fleetClusterJobsQueryOptions,
  fleetClusterOverviewQueryOptions,
  prepareFleetJobLists,
  type FleetClusterRef,
} from '../../api/fleet';
import type { JobOverview } from '../../api/jobs';
import { fleetKeys } from '../../api/keys';
import { useRefetchTogether } from '../../api/polling';
import { useNow } from '../../lib/use-now';
import { setServerRefreshInterval } from '../../refresh/store';
import { useRefreshInterval } from '../../refresh/useRefreshInterval';
import { clusterFindings, reachabilityOf, type ClusterFinding, type Reachability } from './fleet-health';
import { FLEET_NOTIFY_ON, useFleetRounds } from './use-fleet-rounds';
import { useGathered } from './use-gathered';

/** A configured cluster as the fleet shows it. */
export interface FleetCluster extends FleetClusterRef {
  readonly name: string;
  readonly kind: 'jobmanager' | 'history';
}

export interface FleetClusterData {
  readonly cluster: FleetCluster;
  /** config.json `kind: "history"`, or its `/config` says `web-history`. */
  readonly history: boolean;
  /** Its Flink version (its /overview's, else its /config's). */
  readonly version: string | undefined;
  /** Its newest /overview, applied once a round (`useGathered`); null on a History Server (it has none). */
  readonly overview: ClusterOverview | undefined | null;
  /** Its newest job list, applied once a round. */
  readonly jobs: readonly JobOverview[] | undefined;
  readonly reachability: Reachability;
  /** When its newest applied answer came, 0 before the first. */
  readonly updatedAt: number;
  /** Worst first; one `ok` finding when nothing is wrong. */
  readonly findings: readonly ClusterFinding[];
}

const settledAt = (q: { dataUpdatedAt: number; errorUpdatedAt: number }): number =>
  Math.max(q.dataUpdatedAt, q.errorUpdatedAt);

/**
 * Every cluster's data for the fleet views, with at most 3 requests per cluster per refresh and
 * usually 2: `GET /config` once (then static), `GET /overview` and `GET /jobs/overview` polled (a
 * History Server: `GET /jobs/overview` once, no polling). Each cluster's queries are its own: one
 * that is down, slow or behind an expired session marks its own row and never delays the others
 * for long: the answers of a refresh are applied together (`useGathered`), at most ROUND_CAP_MS
 * after the first of them, in one render (`useFleetRounds`). A cluster's data stays the same object
 * while what it shows is the same.
 */
export function useFleetData(clusters: readonly FleetCluster[]): FleetClusterData[] {
  const interval = useRefreshInterval('live');
  const now = useNow();
  // The queries below re-render nothing by themselves: this does, once a round of answers is in.
  const roundCut = useFleetRounds();
  // Its worker loads while the first requests travel.
  useEffect(() => prepareFleetJobLists(), []);
  const configs = useQueries({
    queries: clusters.map((cluster) => ({
      ...fleetClusterConfigQueryOptions(cluster),
      // Static once answered; asked again at the live rate while it has not (a cluster that was down).
      refetchInterval: (query: { state: { data: unknown } }) => (query.state.data === undefined ? interval : false),
      refetchIntervalInBackground: false,
      notifyOnChangeProps: FLEET_NOTIFY_ON,
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
      notifyOnChangeProps: FLEET_NOTIFY_ON,
    })),
  });
  const jobs = useQueries({
    queries: clusters.map((cluster, i) => {
      // A JobManager kind that turns out to be a History Server waits for its /config: the key is
      // the same, only the polling differs.
      const options = fleetClusterJobsQueryOptions(cluster, history[i] === true);
      return { ...options, notifyOnChangeProps: FLEET_NOTIFY_ON };
    }),
  });
  // Each live cluster's /overview and job list, asked again together (a History Server's list is
  // read once): a round's answers then come in together, and the page renders once a round.
  useRefetchTogether(
    clusters.flatMap((cluster, i) =>
      history[i] ? [] : [fleetKeys.overview(cluster.id), fleetKeys.jobsOverview(cluster.id)],
    ),
    interval,
  );

  // The fleet's default rate: the shortest `refresh-interval` its live clusters' /config give
  // (the user's choice and config.json still win, as for one cluster).
  const serverDefaults = configs
    .map((c, i) => (history[i] ? undefined : c.data?.['refresh-interval']))
    .filter((ms): ms is number => ms !== undefined);
  const fleetDefault = serverDefaults.length ? Math.min(...serverDefaults) : undefined;
  useEffect(() => {
    if (fleetDefault !== undefined) setServerRefreshInterval(fleetDefault);
  }, [fleetDefault]);

  // The answers of a refresh, applied together: per cluster its /overview, its job list and when
  // the newer of them came.
  const settled = roundCut || (!overviews.some((q) => q.isFetching) && !jobs.some((q) => q.isFetching));
  const answers = useGathered(
    clusters.flatMap((_, i) => {
      const overview = overviews[i];
      const jobList = jobs[i];
      return [
        overview?.data,
        jobList?.data,
        Math.max(history[i] ? 0 : (overview?.dataUpdatedAt ?? 0), jobList?.dataUpdatedAt ?? 0),
      ];
    }),
    settled,
  );
  const overviewOf = (i: number): ClusterOverview | undefined => answers[i * 3] as ClusterOverview | undefined;
  const jobsOf = (i: number): readonly JobOverview[] | undefined =>
    (answers[i * 3 + 1] as { jobs: readonly JobOverview[] } | undefined)?.jobs;

  // Task managers when first seen, per cluster (derived during render, as the wall's tracker is).
  const [firstSeen, setFirstSeen] = useState<Readonly<Record<string, number>>>({});
  const newlySeen = clusters.filter((c, i) => firstSeen[c.id] === undefined && overviewOf(i) !== undefined);
  if (newlySeen.length) {
    const next = { ...firstSeen };
    for (const c of newlySeen) {
      const tms = overviewOf(clusters.indexOf(c))?.taskmanagers;
      if (tms !== undefined) next[c.id] = tms;
    }
    setFirstSeen(next);
  }

  const built = clusters.map((cluster, i): FleetClusterData => {
    const isHistory = history[i] === true;
    const overviewQuery = overviews[i];
    const jobsQuery = jobs[i];
    // What says whether it answers: /overview for a JobManager (polled), the job list for a History
    // Server. Read as it is now, not as gathered: a failure or a wait shows at once.
    const main = isHistory ? jobsQuery : overviewQuery;
    const reachability = reachabilityOf({
      failure: main ? (main.failureReason ?? main.error) : null,
      hasData: main?.data !== undefined,
      settledAt: main ? settledAt(main) : 0,
      fetching: main?.isFetching ?? false,
      intervalMs: isHistory ? false : interval,
      now,
    });
    const overview = isHistory ? null : overviewOf(i);
    const jobList = jobsOf(i);
    const findings = clusterFindings({
      reachability,
      overview: overview ?? undefined,
      jobs: jobList,
      firstTaskManagers: firstSeen[cluster.id],
      history: isHistory,
    });
    return {
      cluster,
      history: isHistory,
      version: overview?.['flink-version'] ?? configs[i]?.data?.['flink-version'],
      overview,
      jobs: jobList,
      reachability,
      updatedAt: answers[i * 3 + 2] as number,
      findings,
    };
  });
  const kept = built.map(keptData);
  return useKept(kept, () => kept);
}

const lastData = new WeakMap<FleetCluster, FleetClusterData>();

/**
 * A cluster's data as it was when nothing it shows changed (the fleet renders on every request of
 * every cluster, and each second for the clock): the clusters table then re-renders only the rows
 * that changed, and the whole list stays the same when none did. Kept per configured cluster: the
 * same content is the same object whichever view built it.
 */
function keptData(built: FleetClusterData): FleetClusterData {
  const before = lastData.get(built.cluster);
  if (before !== undefined && sameClusterData(before, built)) return before;
  lastData.set(built.cluster, built);
  return built;
}

function sameClusterData(a: FleetClusterData, b: FleetClusterData): boolean {
  return (
    a.cluster === b.cluster &&
    a.history === b.history &&
    a.version === b.version &&
    a.overview === b.overview &&
    a.jobs === b.jobs &&
    a.updatedAt === b.updatedAt &&
    sameReachability(a.reachability, b.reachability) &&
    a.findings.length === b.findings.length &&
    a.findings.every((f, i) => f.level === b.findings[i]?.level && f.text === b.findings[i]?.text)
  );
}

function sameReachability(a: Reachability, b: Reachability): boolean {
  if (a.kind !== b.kind) return false;
  if ('message' in a && 'message' in b) return a.message === b.message;
  if (a.kind === 'slow' && b.kind === 'slow') return a.waitingMs === b.waitingMs;
  return true;
}
