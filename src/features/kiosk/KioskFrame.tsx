import { useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { formatTimestamp } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import {
  currentStop,
  FLEET_WALL_STOP,
  nextClusterStop,
  nextStop,
  rotationStops,
  secondsLeft,
  type KioskViewKind,
  type RotationCluster,
  type RotationStop,
} from './rotation';
import { useWallData } from './useWallData';
import { WallDataContext } from './wall-context';
import './kiosk.css';

export interface KioskFrameSettings {
  readonly rotateSeconds: number;
  readonly views: readonly KioskViewKind[];
  /** Kept on every route the kiosk moves to (`?kiosk` when the hash carried it). */
  readonly hashQuery: string;
}

/** With several clusters: all of them, and the one on screen (null on the fleet's wall). */
export interface KioskFleet {
  readonly clusters: readonly RotationCluster[];
  readonly activeId: string | null;
}

interface KioskFrameProps {
  readonly settings: KioskFrameSettings;
  /** null: one cluster, whose rotation goes round for ever. */
  readonly fleet: KioskFleet | null;
  readonly clusterName: string;
  /** Whether the JobManager answers; the rotation holds still while it does not. */
  readonly connected: boolean;
  readonly children: ReactNode;
}

const clock = (t: number): string => formatTimestamp(t).slice(11);

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s ago` : `${Math.floor(s / 60)} min ${s % 60} s ago`;
}

interface KioskBarProps {
  readonly settings: KioskFrameSettings;
  readonly clusterName: string;
  readonly connected: boolean;
  readonly stops: readonly RotationStop[];
  /** When the data on screen was fetched; null where the view keeps its own times (the fleet's wall). */
  readonly updatedAt: number | null;
  readonly fleet: KioskFleet | null;
}

/**
 * The one strip a kiosk shows besides the view: the cluster, the view, when the data was last
 * updated and when the next view comes. Ticks on the shared clock; it alone re-renders each
 * second. It also drives the rotation (replacing the history entry: no history grows). With
 * several clusters, the end of this cluster's rotation leads to the next cluster (a new hash
 * outside this router: the app switches cluster), and so does a cluster that does not answer,
 * so one dead cluster never holds the fleet's wall display still.
 */
function KioskBar({ settings, clusterName, connected, stops, updatedAt, fleet }: KioskBarProps): ReactNode {
  const now = useNow();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [shown, setShown] = useState({ path: pathname, since: now });
  let since = shown.since;
  if (shown.path !== pathname) {
    since = now;
    setShown({ path: pathname, since: now });
  }
  const at = stops.findIndex((s) => s.path === pathname);
  const leaving = fleet !== null && (!connected || at === stops.length - 1);
  const next = leaving ? nextClusterStop(fleet.clusters, fleet.activeId) : nextStop(stops, pathname);
  const rotating = settings.rotateSeconds > 0 && (fleet !== null || stops.length > 1);
  const left = secondsLeft(settings.rotateSeconds, since, now);
  const due = rotating && (connected || leaving) && left === 0 && (leaving || next.path !== pathname);
  useEffect(() => {
    if (!due) return;
    if (leaving) window.location.replace(`#${next.path}${settings.hashQuery}`);
    else void navigate(`${next.path}${settings.hashQuery}`, { replace: true });
  }, [due, leaving, navigate, next.path, settings.hashQuery]);

  const here = currentStop(stops, pathname);
  return (
    <footer className="kiosk-bar">
      <span className="kiosk-bar-cluster">{clusterName}</span>
      <span className="kiosk-bar-view">{here?.label ?? 'Kiosk'}</span>
      <span className="kiosk-bar-next" data-testid="kiosk-countdown">
        {!rotating ? null : connected || leaving ? (
          <>
            Next: {next.label} in {left} s
          </>
        ) : (
          'Rotation paused while stale'
        )}
      </span>
      {updatedAt === null ? null : (
        <span className={`kiosk-bar-updated ${connected ? '' : 'kiosk-bar-stale'}`} data-testid="kiosk-updated">
          {updatedAt <= 0
            ? 'Waiting for data'
            : connected
              ? `Updated ${ago(now - updatedAt)}`
              : `Stale since ${clock(updatedAt)}`}
        </span>
      )}
      <span className="kiosk-bar-clock">{clock(now)}</span>
    </footer>
  );
}

/**
 * The kiosk bar on the fleet's own wall (several clusters, none on screen): its countdown leads to
 * the first live cluster's rotation. The wall's tiles say how fresh each cluster's data is.
 */
export function FleetKioskBar({
  settings,
  clusters,
}: {
  settings: KioskFrameSettings;
  clusters: readonly RotationCluster[];
}): ReactNode {
  return (
    <KioskBar
      settings={settings}
      clusterName="Fleet"
      connected
      stops={[FLEET_WALL_STOP]}
      updatedAt={null}
      fleet={{ clusters, activeId: null }}
    />
  );
}

/**
 * Kiosk mode's frame around the routed view: polls the wall's data on every view (one request
 * set, shared with the wall), shows the kiosk bar, and rotates the views.
 */
export function KioskFrame({ settings, fleet, clusterName, connected, children }: KioskFrameProps): ReactNode {
  const wall = useWallData();
  const stops = rotationStops(settings.views, wall.running, wall.failingCheckpoints);
  const updatedAt = Math.max(wall.jobs.dataUpdatedAt, wall.overview.dataUpdatedAt);
  return (
    <WallDataContext.Provider value={wall}>
      {children}
      <KioskBar
        settings={settings}
        clusterName={clusterName}
        connected={connected}
        stops={stops}
        updatedAt={updatedAt}
        fleet={fleet}
      />
    </WallDataContext.Provider>
  );
}
