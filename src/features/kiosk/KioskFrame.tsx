import { useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { formatTimestamp } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { currentStop, nextStop, rotationStops, secondsLeft, type KioskViewKind, type RotationStop } from './rotation';
import { useWallData } from './useWallData';
import { WallDataContext } from './wall-context';
import './kiosk.css';

export interface KioskFrameSettings {
  readonly rotateSeconds: number;
  readonly views: readonly KioskViewKind[];
  /** Kept on every route the kiosk moves to (`?kiosk` when the hash carried it). */
  readonly hashQuery: string;
}

interface KioskFrameProps {
  readonly settings: KioskFrameSettings;
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
  readonly updatedAt: number;
}

/**
 * The one strip a kiosk shows besides the view: the cluster, the view, when the data was last
 * updated and when the next view comes. Ticks on the shared clock; it alone re-renders each
 * second. It also drives the rotation (replacing the history entry: no history grows).
 */
function KioskBar({ settings, clusterName, connected, stops, updatedAt }: KioskBarProps): ReactNode {
  const now = useNow();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [shown, setShown] = useState({ path: pathname, since: now });
  let since = shown.since;
  if (shown.path !== pathname) {
    since = now;
    setShown({ path: pathname, since: now });
  }
  const rotating = settings.rotateSeconds > 0 && stops.length > 1;
  const left = secondsLeft(settings.rotateSeconds, since, now);
  const next = nextStop(stops, pathname);
  const due = rotating && connected && left === 0 && next.path !== pathname;
  useEffect(() => {
    if (due) void navigate(`${next.path}${settings.hashQuery}`, { replace: true });
  }, [due, navigate, next.path, settings.hashQuery]);

  const here = currentStop(stops, pathname);
  return (
    <footer className="kiosk-bar">
      <span className="kiosk-bar-cluster">{clusterName}</span>
      <span className="kiosk-bar-view">{here?.label ?? 'Kiosk'}</span>
      <span className="kiosk-bar-next" data-testid="kiosk-countdown">
        {!rotating ? null : connected ? (
          <>
            Next: {next.label} in {left} s
          </>
        ) : (
          'Rotation paused while stale'
        )}
      </span>
      <span className={`kiosk-bar-updated ${connected ? '' : 'kiosk-bar-stale'}`} data-testid="kiosk-updated">
        {updatedAt <= 0
          ? 'Waiting for data'
          : connected
            ? `Updated ${ago(now - updatedAt)}`
            : `Stale since ${clock(updatedAt)}`}
      </span>
      <span className="kiosk-bar-clock">{clock(now)}</span>
    </footer>
  );
}

/**
 * Kiosk mode's frame around the routed view: polls the wall's data on every view (one request
 * set, shared with the wall), shows the kiosk bar, and rotates the views.
 */
export function KioskFrame({ settings, clusterName, connected, children }: KioskFrameProps): ReactNode {
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
      />
    </WallDataContext.Provider>
  );
}
