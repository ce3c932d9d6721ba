import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { useHistoryServer } from '../api/polling';
import { ClusterSwitcher } from './ClusterSwitcher';
import { ConnectionBanner } from './ConnectionBanner';
import type { ConnectionStatus } from './connection-health';
import { useClusterScope } from './cluster-context';
import { useKiosk } from './kiosk-context';
import type { KioskSettings } from './kiosk-mode';
import { RefreshControl } from './RefreshControl';
import { ThemeToggle } from './ThemeToggle';
import { useConnectionStatus } from './connection-health-context';
import { useRuntimeConfig } from './runtime-config-context';
import { FleetKioskBar, KioskFrame } from '../features/kiosk/KioskFrame';
import { JobNotifier } from '../features/notifications/JobNotifier';
import { OperationsIndicator } from '../features/operations/OperationsIndicator';
import { SnapshotBanner } from '../features/snapshot/SnapshotBanner';
import { endpoints } from '../api/endpoints';
import { links } from '../lib/paths';
import { useServes } from '../lib/use-served';
import styles from './Layout.module.css';

/**
 * A kiosk whose proxy session expired reloads itself once the proxy answers again (a query
 * succeeded): the reload picks up a fresh session, or shows the proxy's sign-in page.
 */
function useReloadAfterExpiredSession(connection: ConnectionStatus): void {
  const expired = useRef(false);
  useEffect(() => {
    if (connection.state === 'session-expired') expired.current = true;
    else if (connection.state === 'ok' && expired.current) {
      expired.current = false;
      window.location.reload();
    }
  }, [connection]);
}

/** Kiosk mode's shell: no navigation, no controls; the routed view, the kiosk bar, the banner. */
function KioskLayout({
  kiosk,
  clusterName,
  connection,
}: {
  kiosk: KioskSettings;
  clusterName: string;
  connection: ConnectionStatus;
}): ReactNode {
  useReloadAfterExpiredSession(connection);
  const fleet = useClusterScope();
  return (
    <div className="shell kiosk-shell">
      <ConnectionBanner status={connection} kiosk />
      <SnapshotBanner />
      <KioskFrame
        settings={kiosk}
        fleet={fleet ? { clusters: fleet.clusters, activeId: fleet.active?.id ?? null } : null}
        clusterName={clusterName}
        connected={connection.state === 'ok'}
      >
        <main id="main" tabIndex={-1} className={connection.state === 'ok' ? undefined : 'stale'}>
          <Outlet />
        </main>
      </KioskFrame>
    </div>
  );
}

/**
 * Flink's History Server serves archived jobs only: its shell links the jobs, says what it is, and
 * explains the pages whose data (task managers, job manager, metrics, jars) it does not have.
 */
function HistoryLayout({ clusterName, connection }: { clusterName: string; connection: ConnectionStatus }): ReactNode {
  const { pathname } = useLocation();
  const archived = pathname === links.overview() || pathname.startsWith(links.jobs());
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{clusterName}</span>
        <ClusterSwitcher />
        <nav aria-label="Main">
          <NavLink to={links.jobs()}>Jobs</NavLink>
        </nav>
        <div className="topbar-tools">
          <span className="history-badge" role="status">
            History Server: archived jobs
          </span>
        </div>
      </header>
      <ConnectionBanner status={connection} />
      <main id="main" tabIndex={-1} className={connection.state === 'ok' ? undefined : 'stale'}>
        {archived ? (
          <Outlet />
        ) : (
          <div className="page">
            <h1>Not in the archive</h1>
            <p className="empty">
              A History Server keeps the jobs that ended, as Flink archived them; it has no task managers, job manager,
              metrics, jars or operations. See the archived jobs under Jobs.
            </p>
          </div>
        )}
      </main>
    </div>
  );
}

/**
 * The header of the cluster and fleet shells: the brand, then the cluster switcher, the main
 * navigation and the tools, which fold into a menu on a phone (CSS decides when).
 */
function Topbar({
  brand,
  nav,
  tools,
}: {
  brand: string;
  /** The navigation links; each closes the phone menu when followed. */
  nav: (closeMenu: () => void) => ReactNode;
  tools: ReactNode;
}): ReactNode {
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const closeMenu = (): void => setMenuOpen(false);
  return (
    <header className="topbar">
      <span className="brand">{brand}</span>
      <button
        type="button"
        className={styles.menuButton}
        aria-expanded={menuOpen}
        aria-controls={menuId}
        onClick={() => setMenuOpen((open) => !open)}
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      <div id={menuId} className={`${styles.menu}${menuOpen ? ` ${styles.open}` : ''}`}>
        <ClusterSwitcher onNavigate={closeMenu} />
        <nav aria-label="Main">{nav(closeMenu)}</nav>
        <div className="topbar-tools">{tools}</div>
      </div>
    </header>
  );
}

/** The shell: a header naming the cluster, the main navigation, and the routed page. */
export function Layout(): ReactNode {
  const config = useRuntimeConfig();
  const connection = useConnectionStatus();
  const kiosk = useKiosk();
  const history = useHistoryServer();
  // Flink 2.3+: decided from /config's version, before any request to the applications.
  const applications = useServes(endpoints.applicationsOverview).served === true;
  if (history && !kiosk) return <HistoryLayout clusterName={config.clusterName} connection={connection} />;
  if (kiosk) return <KioskLayout kiosk={kiosk} clusterName={config.clusterName} connection={connection} />;
  return (
    <div className="shell">
      {/* Routes live in the hash, so the skip link moves focus itself instead of navigating to #main. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <Topbar
        brand={config.clusterName}
        nav={(closeMenu) => (
          <>
            <NavLink to={links.overview()} end onClick={closeMenu}>
              Overview
            </NavLink>
            {applications && (
              <NavLink to={links.applications()} onClick={closeMenu}>
                Applications
              </NavLink>
            )}
            <NavLink to={links.jobs()} onClick={closeMenu}>
              Jobs
            </NavLink>
            <NavLink to={links.triage()} onClick={closeMenu}>
              Triage
            </NavLink>
            <NavLink to={links.taskManagers()} onClick={closeMenu}>
              Task managers
            </NavLink>
            <NavLink to={links.jobManager()} onClick={closeMenu}>
              Job manager
            </NavLink>
            <NavLink to={links.metrics()} onClick={closeMenu}>
              Metrics
            </NavLink>
            <NavLink to={links.jars()} onClick={closeMenu}>
              Jars
            </NavLink>
            <NavLink to={links.operations()} onClick={closeMenu}>
              Operations
            </NavLink>
            <NavLink to={links.wall()} onClick={closeMenu}>
              Health wall
            </NavLink>
          </>
        )}
        tools={
          <>
            <OperationsIndicator />
            <RefreshControl />
            <ThemeToggle />
          </>
        }
      />
      <ConnectionBanner status={connection} />
      <SnapshotBanner />
      <JobNotifier />
      <main id="main" tabIndex={-1} className={connection.state === 'ok' ? undefined : 'stale'}>
        <Outlet />
      </main>
    </div>
  );
}

/**
 * The fleet's shell (config.json lists `clusters`, the hash names none): the fleet's name, the
 * cluster switcher, refresh and theme. No connection banner: each cluster's reachability is its
 * own, shown by the fleet views per cluster.
 */
export function FleetLayout(): ReactNode {
  const config = useRuntimeConfig();
  const kiosk = useKiosk();
  const fleet = useClusterScope();
  if (kiosk) {
    return (
      <div className="shell kiosk-shell">
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
        <FleetKioskBar settings={kiosk} clusters={fleet?.clusters ?? []} />
      </div>
    );
  }
  return (
    <div className="shell">
      <Topbar
        brand={config.clusterName === 'Flink' ? 'Flink fleet' : config.clusterName}
        nav={(closeMenu) => (
          <NavLink to={links.fleet()} onClick={closeMenu}>
            Fleet overview
          </NavLink>
        )}
        tools={
          <>
            <RefreshControl />
            <ThemeToggle />
          </>
        }
      />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
