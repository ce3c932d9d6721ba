import type { ReactNode } from 'react';
import { links } from '../lib/paths';
import { useClusterScope } from './cluster-context';
import { switchHash } from './cluster-scope';
import styles from './Layout.module.css';

/**
 * The header's cluster switcher (only with `clusters` in config.json): a select of every cluster,
 * which opens the same section (jobs, task managers, ...) in the one picked, and a link to the
 * fleet overview. A hash change, not a router navigation: each cluster has its own router.
 */
export function ClusterSwitcher({ onNavigate }: { onNavigate?: () => void }): ReactNode {
  const scope = useClusterScope();
  if (!scope) return null;
  const { clusters, active } = scope;
  return (
    <div className={styles.switcher}>
      <select
        aria-label="Cluster"
        value={active?.id ?? ''}
        onChange={(event) => {
          const id = event.target.value;
          if (!id) return;
          onNavigate?.();
          window.location.hash = switchHash(window.location.hash, id);
        }}
      >
        {active === null && (
          <option value="" disabled>
            Choose a cluster
          </option>
        )}
        {clusters.map((cluster) => (
          <option key={cluster.id} value={cluster.id}>
            {cluster.name}
            {cluster.kind === 'history' ? ' (History Server)' : ''}
          </option>
        ))}
      </select>
      {active !== null && (
        <a href={`#${links.fleet()}`} onClick={onNavigate}>
          Fleet overview
        </a>
      )}
    </div>
  );
}
