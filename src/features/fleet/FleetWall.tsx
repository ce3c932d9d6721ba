import type { ReactNode } from 'react';
import { WallTile } from '../../components/WallTile';
import { links } from '../../lib/paths';
import { fleetWallTiles } from './fleet-wall';
import { useFleetData, type FleetCluster } from './useFleetData';
import './fleet.css';

/**
 * The fleet's health wall (`#/kiosk` in the fleet): the wall's tiles for every live cluster, each
 * naming its cluster; a cluster that does not answer is one red tile. Reads what the fleet
 * overview reads (the same queries and cache), nothing per job.
 */
export function FleetWall({
  clusters,
  interactive,
}: {
  clusters: readonly FleetCluster[];
  interactive: boolean;
}): ReactNode {
  const fleet = useFleetData(clusters);
  const tiles = fleetWallTiles(
    fleet.map((c) => ({
      clusterId: c.cluster.id,
      clusterName: c.cluster.name,
      history: c.history,
      reachability: c.reachability,
      findings: c.findings,
      jobs: c.jobs,
      taskManagers: c.overview?.taskmanagers,
      slots: c.overview ? { free: c.overview['slots-available'], total: c.overview['slots-total'] } : undefined,
    })),
  );
  return (
    <div className="page kiosk-wall fleet-wall">
      <h1>Fleet health wall</h1>
      <ul className="wall-tiles" aria-label="Clusters and jobs">
        {tiles.map((t) => (
          <WallTile
            key={t.key}
            level={t.level}
            state={t.state}
            name={t.name}
            reasons={t.reasons}
            cluster={t.clusterName}
            href={
              interactive
                ? `#${links.inCluster(t.clusterId, t.jid === undefined ? links.overview() : links.job(t.jid))}`
                : undefined
            }
          />
        ))}
      </ul>
    </div>
  );
}
