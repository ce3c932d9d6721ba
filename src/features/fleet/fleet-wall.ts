// Pure: the fleet's health wall as tiles, every one naming its cluster: per live cluster one
// cluster tile (its worst finding; red and alone when it does not answer) and one tile per job
// that is not over, health from its state (the fleet reads no per-job data); worst first.

import type { JobOverview } from '../../api/jobs';
import { isActive } from '../../lib/job-states';
import { classifyJobHealth, healthOrder, type HealthLevel } from '../../lib/triage/health';
import { healthInput } from '../../lib/triage/tracker';
import type { ClusterFinding, Reachability } from './fleet-health';

export interface FleetWallTile {
  readonly key: string;
  readonly clusterId: string;
  readonly clusterName: string;
  /** The job's id; undefined for a cluster's own tile. */
  readonly jid: string | undefined;
  readonly name: string;
  readonly state: string;
  readonly level: HealthLevel;
  readonly reasons: readonly string[];
  readonly startTime: number;
}

export interface FleetWallCluster {
  readonly clusterId: string;
  readonly clusterName: string;
  readonly history: boolean;
  readonly reachability: Reachability;
  readonly findings: readonly ClusterFinding[];
  readonly jobs: readonly JobOverview[] | undefined;
  readonly taskManagers: number | undefined;
  readonly slots: { readonly free: number; readonly total: number } | undefined;
}

export function fleetWallTiles(clusters: readonly FleetWallCluster[]): FleetWallTile[] {
  const tiles: FleetWallTile[] = [];
  for (const c of clusters) {
    if (c.history) continue; // an archive has nothing live to watch
    const down = c.reachability.kind === 'unreachable' || c.reachability.kind === 'session-expired';
    const worst = c.findings[0];
    const capacity =
      c.taskManagers !== undefined && c.slots
        ? `${c.taskManagers} task managers, ${c.slots.free} of ${c.slots.total} slots free`
        : undefined;
    tiles.push({
      key: `${c.clusterId}/cluster`,
      clusterId: c.clusterId,
      clusterName: c.clusterName,
      jid: undefined,
      name: c.clusterName,
      state: down ? (c.reachability.kind === 'unreachable' ? 'unreachable' : 'session expired') : 'cluster',
      level: worst?.level ?? 'ok',
      reasons: [
        ...c.findings.filter((f) => f.level !== 'ok').map((f) => f.text),
        ...(!down && capacity ? [capacity] : []),
      ],
      // The cluster's tile leads its level.
      startTime: Number.MAX_SAFE_INTEGER,
    });
    if (down) continue; // one red tile for a cluster that does not answer, not its stale jobs
    for (const job of c.jobs ?? []) {
      if (!isActive(job.state)) continue;
      tiles.push({
        key: `${c.clusterId}/${job.jid}`,
        clusterId: c.clusterId,
        clusterName: c.clusterName,
        jid: job.jid,
        name: job.name,
        state: job.state,
        startTime: job['start-time'],
        ...classifyJobHealth(healthInput(job.state, undefined)),
      });
    }
  }
  return tiles.sort(healthOrder);
}
