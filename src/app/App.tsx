import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { RouterProvider } from 'react-router-dom';
import { ClusterScopeContext } from './cluster-context';
import {
  activateCluster,
  basenameOf,
  configForCluster,
  defaultCluster,
  scopeOfHash,
  type HashScope,
} from './cluster-scope';
import { ConnectionHealth } from './connection-health';
import { ConnectionHealthContext, useConnectionStatus } from './connection-health-context';
import { KioskContext } from './kiosk-context';
import { hashAsksForKiosk, type KioskSettings } from './kiosk-mode';
import { createQueryClient } from './query-client';
import { useRefreshController } from './refresh-controller';
import { createAppRouter, createFleetRouter } from './router';
import { RuntimeConfigContext } from './runtime-config-context';
import { clustersOf, type ClusterConfig, type RuntimeConfig } from './runtime-config';
import { UnknownClusterPage } from './UnknownClusterPage';

type AppRouter = ReturnType<typeof createAppRouter>;

/** Applies the deployment's default interval, kiosk mode's rate and the back-off while down. */
function RefreshController({ config, kiosk }: { config: RuntimeConfig; kiosk: KioskSettings | null }): null {
  const connection = useConnectionStatus();
  useRefreshController({
    kioskIntervalMs: kiosk ? kiosk.refreshIntervalMs : undefined,
    deploymentDefaultMs: config.refreshIntervalMs,
    connection,
  });
  return null;
}

/** What one cluster (or the fleet's own pages) keeps while another is on screen. */
interface ScopeState {
  readonly queryClient: QueryClient;
  readonly health: ConnectionHealth;
}

function newScopeState(): ScopeState {
  return { queryClient: createQueryClient(), health: new ConnectionHealth() };
}

/** The providers of one scope: its config, its connection health, its queries, its router. */
function ScopeTree({
  config,
  kiosk,
  scope,
  router,
}: {
  config: RuntimeConfig;
  kiosk: KioskSettings | null;
  scope: ScopeState;
  router: AppRouter;
}): ReactNode {
  const { health, queryClient } = scope;
  useEffect(() => health.follow(queryClient.getQueryCache()), [health, queryClient]);
  return (
    <RuntimeConfigContext.Provider value={config}>
      <KioskContext.Provider value={kiosk}>
        <ConnectionHealthContext.Provider value={health}>
          <RefreshController config={config} kiosk={kiosk} />
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </ConnectionHealthContext.Provider>
      </KioskContext.Provider>
    </RuntimeConfigContext.Provider>
  );
}

/** One JobManager (no `clusters` in config.json): routes without a cluster, as always. */
function SingleClusterApp({ config, kiosk }: { config: RuntimeConfig; kiosk: KioskSettings | null }): ReactNode {
  const [scope] = useState(newScopeState);
  const [router] = useState(() => createAppRouter());
  return <ScopeTree config={config} kiosk={kiosk} scope={scope} router={router} />;
}

/** The scope a hash shows, as a key: a change of key is a change of cluster. */
function keyOf(scope: HashScope): string {
  switch (scope.kind) {
    case 'cluster':
      return `cluster:${scope.cluster.id}`;
    case 'fleet':
      return 'fleet';
    case 'unknown':
      return `unknown:${scope.id}`;
    case 'redirect':
      return 'redirect';
  }
}

/** The scope on screen: what the hash named, its router (none for an unknown cluster). */
interface ActiveScope {
  readonly key: string;
  readonly scope: HashScope;
  readonly router: AppRouter | null;
}

/**
 * The scope of the page's hash, after sending a route from before clusters (`#/jobs/<id>`) to the
 * same view in the first cluster, in place of its history entry.
 */
function currentScope(clusters: readonly ClusterConfig[]): HashScope {
  const scope = scopeOfHash(window.location.hash, clusters);
  if (scope.kind !== 'redirect') return scope;
  // No hashchange: the caller activates the cluster itself.
  window.history.replaceState(window.history.state, '', scope.hash);
  return scopeOfHash(scope.hash, clusters);
}

/**
 * Makes a scope the active one: the module-level client settings for its cluster (the fleet's own
 * pages use the first JobManager's, read-only: they act on no cluster) and a fresh router. The
 * router is made anew on each activation and disposed on the next, so no idle router keeps
 * following the hash into another cluster's URLs; the cluster's queries (its QueryClient, kept by
 * FleetApp) survive, so switching back shows its data at once.
 */
function activate(scope: HashScope, clusters: readonly ClusterConfig[], kiosk: KioskSettings | null): ActiveScope {
  const key = keyOf(scope);
  if (scope.kind === 'cluster') {
    activateCluster(scope.cluster, { forceReadOnly: kiosk !== null });
    return { key, scope, router: createAppRouter(basenameOf(scope.cluster)) };
  }
  if (scope.kind === 'fleet') {
    const first = defaultCluster(clusters);
    if (first) activateCluster(first, { forceReadOnly: true });
    return { key, scope, router: createFleetRouter() };
  }
  return { key, scope, router: null };
}

/**
 * Several clusters (`clusters` in config.json): the hash says which cluster's views are on screen
 * (`#/c/<id>/...`) or the fleet's own pages (`#/`, `#/fleet`). Each cluster has its own
 * QueryClient and connection health, so one cluster's errors and "unreachable" banner never show
 * on another's pages. A change of cluster first unmounts the old one's views (their queries stop
 * polling), then points the client at the new one and mounts its views.
 */
function FleetApp({ config, kiosk }: { config: RuntimeConfig; kiosk: KioskSettings | null }): ReactNode {
  const clusters = useMemo(() => clustersOf(config), [config]);
  const [states] = useState(() => new Map<string, ScopeState>());
  const [active, setActive] = useState<ActiveScope | null>(() => activate(currentScope(clusters), clusters, kiosk));
  const current = useRef<ActiveScope | null>(null);

  useEffect(() => {
    current.current ??= active;
  }, [active]);

  useEffect(() => {
    const onHashChange = (): void => {
      const scope = currentScope(clusters);
      const previous = current.current;
      if (previous !== null && keyOf(scope) === previous.key) return;
      // The old cluster's views go first, at once: no poll of theirs reaches the new cluster.
      flushSync(() => setActive(null));
      previous?.router?.dispose();
      const next = activate(scope, clusters, kiosk);
      current.current = next;
      setActive(next);
    };
    // popstate comes first (the active router hears it too): the switch happens before that
    // router could show its "no such page" for the other cluster's URL; hashchange then finds
    // the scope in place. A link's own navigation (pushState, inside the cluster) fires neither.
    window.addEventListener('popstate', onHashChange);
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('popstate', onHashChange);
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [clusters, kiosk]);

  if (active === null) return null;
  if (active.scope.kind === 'unknown') return <UnknownClusterPage id={active.scope.id} clusters={clusters} />;
  if (active.router === null) return null;
  let state = states.get(active.key);
  if (!state) {
    state = newScopeState();
    states.set(active.key, state);
  }
  const cluster = active.scope.kind === 'cluster' ? active.scope.cluster : null;
  const scopedConfig = cluster ? configForCluster(config, cluster) : config;
  return (
    <ClusterScopeContext.Provider value={{ clusters, active: cluster }}>
      <ScopeTree key={active.key} config={scopedConfig} kiosk={kiosk} scope={state} router={active.router} />
    </ClusterScopeContext.Provider>
  );
}

export function App({ config, kiosk = null }: { config: RuntimeConfig; kiosk?: KioskSettings | null }): ReactNode {
  // Kiosk mode is decided at start-up (read-only client, rate, theme): a link that asks for it
  // later (`#/?kiosk`) starts the page again.
  useEffect(() => {
    if (kiosk) return undefined;
    const onHashChange = (): void => {
      if (hashAsksForKiosk(window.location.hash)) window.location.reload();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [kiosk]);
  return config.clusters ? (
    <FleetApp config={config} kiosk={kiosk} />
  ) : (
    <SingleClusterApp config={config} kiosk={kiosk} />
  );
}
