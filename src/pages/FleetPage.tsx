import type { ReactNode } from 'react';
import { useRuntimeConfig } from '../app/runtime-config-context';
import { clustersOf } from '../app/runtime-config';
import { links } from '../lib/paths';

/**
 * The fleet overview (`#/` and `#/fleet` when config.json lists `clusters`): for now the list of
 * the configured clusters, each a link into its own views.
 * TODO(helper-fleetview): the fleet overview replaces this body (reachability, versions, slots,
 * jobs of every cluster).
 */
export function FleetPage(): ReactNode {
  const config = useRuntimeConfig();
  const clusters = clustersOf(config);
  return (
    <div className="page">
      <h1>Fleet</h1>
      <p className="empty">fleet overview: see helper-fleetview</p>
      <ul>
        {clusters.map((cluster) => (
          <li key={cluster.id}>
            <a href={`#${links.inCluster(cluster.id, links.overview())}`}>{cluster.name}</a>
            {cluster.kind === 'history' ? ' (History Server)' : ''}
            {cluster.readOnly ? ' (read-only)' : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
