import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import { ConnectionBanner } from './ConnectionBanner';
import type { ConnectionStatus } from './connection-health';
import { useKiosk } from './kiosk-context';
import type { KioskSettings } from './kiosk-mode';
import { RefreshControl } from './RefreshControl';
import { ThemeToggle } from './ThemeToggle';
import { useConnectionStatus } from './connection-health-context';
import { useRuntimeConfig } from './runtime-config-context';
import { KioskFrame } from '../features/kiosk/KioskFrame';
import { OperationsIndicator } from '../features/operations/OperationsIndicator';
import { endpoints } from '../api/endpoints';
import { links } from '../lib/paths';
import { useServes } from '../lib/use-served';

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
  return (
    <div className="shell kiosk-shell">
      <ConnectionBanner status={connection} kiosk />
      <KioskFrame settings={kiosk} clusterName={clusterName} connected={connection.state === 'ok'}>
        <main id="main" tabIndex={-1} className={connection.state === 'ok' ? undefined : 'stale'}>
          <Outlet />
        </main>
      </KioskFrame>
    </div>
  );
}

/** The shell: a header naming the cluster, the main navigation, and the routed page. */
export function Layout(): ReactNode {
  const config = useRuntimeConfig();
  const connection = useConnectionStatus();
  const kiosk = useKiosk();
  // Flink 2.3+: decided from /config's version, before any request to the applications.
  const applications = useServes(endpoints.applicationsOverview).served === true;
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
      <header className="topbar">
        <span className="brand">{config.clusterName}</span>
        <nav aria-label="Main">
          <NavLink to={links.overview()} end>
            Overview
          </NavLink>
          {applications && <NavLink to={links.applications()}>Applications</NavLink>}
          <NavLink to={links.jobs()}>Jobs</NavLink>
          <NavLink to={links.taskManagers()}>Task managers</NavLink>
          <NavLink to={links.jobManager()}>Job manager</NavLink>
          <NavLink to={links.metrics()}>Metrics</NavLink>
          <NavLink to={links.jars()}>Jars</NavLink>
          <NavLink to={links.operations()}>Operations</NavLink>
          <NavLink to={links.wall()}>Health wall</NavLink>
        </nav>
        <div className="topbar-tools">
          <OperationsIndicator />
          <RefreshControl />
          <ThemeToggle />
        </div>
      </header>
      <ConnectionBanner status={connection} />
      <main id="main" tabIndex={-1} className={connection.state === 'ok' ? undefined : 'stale'}>
        <Outlet />
      </main>
    </div>
  );
}
