import { createContext, useContext } from 'react';
import type { ClusterConfig } from './runtime-config';

/** With `clusters` in config.json: every cluster, and the one whose views are on screen. */
export interface ClusterScopeInfo {
  readonly clusters: readonly ClusterConfig[];
  /** null on the fleet's own pages. */
  readonly active: ClusterConfig | null;
}

/** null: config.json lists no clusters (one JobManager, routes without a cluster). */
export const ClusterScopeContext = createContext<ClusterScopeInfo | null>(null);

export function useClusterScope(): ClusterScopeInfo | null {
  return useContext(ClusterScopeContext);
}
