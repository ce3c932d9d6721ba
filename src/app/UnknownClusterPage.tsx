import type { ReactNode } from 'react';
import { links } from '../lib/paths';
import type { ClusterConfig } from './runtime-config';

/** `#/c/<id>/...` with an id config.json does not list: says so and links every known cluster. */
export function UnknownClusterPage({ id, clusters }: { id: string; clusters: readonly ClusterConfig[] }): ReactNode {
  return (
    <div className="shell">
      <main id="main" tabIndex={-1}>
        <div className="page">
          <h1>Unknown cluster</h1>
          <p>
            This dashboard has no cluster with the id <code>{id}</code> (config.json <code>clusters</code>). Its
            clusters are:
          </p>
          <ul>
            {clusters.map((cluster) => (
              <li key={cluster.id}>
                <a href={`#${links.inCluster(cluster.id, links.overview())}`}>{cluster.name}</a> (
                <code>{cluster.id}</code>)
              </li>
            ))}
          </ul>
          <p>
            <a href={`#${links.fleet()}`}>Fleet overview</a>
          </p>
        </div>
      </main>
    </div>
  );
}
