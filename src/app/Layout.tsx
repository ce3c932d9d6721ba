import type { ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import { ConnectionBanner } from './ConnectionBanner';
import { RefreshControl } from './RefreshControl';
import { ThemeToggle } from './ThemeToggle';
import { useConnectionStatus } from './connection-health-context';
import { useRuntimeConfig } from './runtime-config-context';
import { OperationsIndicator } from '../features/operations/OperationsIndicator';
import { links } from '../lib/paths';

/** The shell: a header naming the cluster, the main navigation, and the routed page. */
export function Layout(): ReactNode {
  const config = useRuntimeConfig();
  const connection = useConnectionStatus();
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
          <NavLink to={links.jobs()}>Jobs</NavLink>
          <NavLink to={links.taskManagers()}>Task managers</NavLink>
          <NavLink to={links.jobManager()}>Job manager</NavLink>
          <NavLink to={links.metrics()}>Metrics</NavLink>
          <NavLink to={links.jars()}>Jars</NavLink>
          <NavLink to={links.operations()}>Operations</NavLink>
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
