import { configureServerKind, isHistoryServer } from '../api/history-server';
import { configureApi } from '../api/settings';
import { clusterBase, links } from '../lib/paths';
import { setHistoryMode, setServerRefreshInterval } from '../refresh/store';
import type { ClusterConfig, RuntimeConfig } from './runtime-config';

// With `clusters` in config.json every cluster's views live under `#/c/<id>/...` (its router's
// basename), and the fleet's own pages outside any cluster (`#/`, `#/fleet`). Which of them a
// hash names, and what making a cluster the active one changes, is decided here.

/** What a location hash shows when config.json lists clusters. */
export type HashScope =
  | { readonly kind: 'cluster'; readonly cluster: ClusterConfig }
  | { readonly kind: 'fleet' }
  /** `#/c/<id>/...` with an id the config does not list. */
  | { readonly kind: 'unknown'; readonly id: string }
  /** A route from before clusters (`#/jobs/<id>/graph`): the same view in the first cluster. */
  | { readonly kind: 'redirect'; readonly hash: string };

/** The fleet's own routes (no cluster in them): the fleet overview and the fleet's health wall. */
export const FLEET_PATHS: readonly string[] = ['/', links.fleet(), links.wall()];

/** A hash's path and its query (`?kiosk`, filters), apart. */
function splitHash(hash: string): { path: string; query: string } {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)) || '/';
  return { path: path.startsWith('/') ? path : `/${path}`, query: q < 0 ? '' : raw.slice(q) };
}

const CLUSTER_PATH = /^\/c\/([^/]*)(\/.*)?$/;

/** The cluster that routes from before clusters open in: the first JobManager, else the first. */
export function defaultCluster(clusters: readonly ClusterConfig[]): ClusterConfig | undefined {
  return clusters.find((c) => c.kind === 'jobmanager') ?? clusters[0];
}

/** Which scope a location hash names, given the configured clusters. */
export function scopeOfHash(hash: string, clusters: readonly ClusterConfig[]): HashScope {
  const { path, query } = splitHash(hash);
  const match = CLUSTER_PATH.exec(path);
  if (match) {
    let id = match[1] ?? '';
    try {
      id = decodeURIComponent(id);
    } catch {
      // a malformed escape: not a configured id, shown as unknown
    }
    const cluster = clusters.find((c) => c.id === id);
    return cluster ? { kind: 'cluster', cluster } : { kind: 'unknown', id };
  }
  if (FLEET_PATHS.includes(path)) return { kind: 'fleet' };
  const first = defaultCluster(clusters);
  if (!first) return { kind: 'fleet' };
  return { kind: 'redirect', hash: `#${links.inCluster(first.id, path)}${query}` };
}

/** The same view (its section: jobs, task managers, ...) in another cluster, for the switcher. */
export function switchHash(hash: string, toClusterId: string): string {
  const { path } = splitHash(hash);
  const inner = CLUSTER_PATH.exec(path)?.[2] ?? '/';
  const section = inner.split('/')[1] ?? '';
  return `#${links.inCluster(toClusterId, section ? `/${section}` : '/')}`;
}

/** The config as the views of one cluster see it: its name, API, kind and read-only flag. */
export function configForCluster(config: RuntimeConfig, cluster: ClusterConfig): RuntimeConfig {
  return {
    ...config,
    clusterName: cluster.name,
    apiBase: cluster.apiBase,
    kind: cluster.kind,
    restVersionPrefix: cluster.restVersionPrefix,
    readOnly: cluster.readOnly || config.readOnly,
  };
}

/**
 * Makes a cluster the active one for the module-level pieces every view uses: the API client
 * (base URL, version prefix, read-only: the cluster's flag, or a kiosk's), the History Server
 * detection (kept per base URL: a History Server found once stays known), and the refresh
 * store's per-server state (History Server mode; the server's default interval, which the new
 * cluster's `/config` sets again).
 */
export function activateCluster(cluster: ClusterConfig, options: { forceReadOnly: boolean }): void {
  configureApi({
    baseUrl: cluster.apiBase,
    versionPrefix: cluster.restVersionPrefix ?? '',
    readOnly: cluster.readOnly || options.forceReadOnly,
  });
  configureServerKind(cluster.kind === 'history' ? 'history' : 'detect', cluster.apiBase);
  setHistoryMode(isHistoryServer(cluster.apiBase));
  setServerRefreshInterval(null);
}

/** The router basename of a cluster's views. */
export const basenameOf = (cluster: ClusterConfig): string => clusterBase(cluster.id);
