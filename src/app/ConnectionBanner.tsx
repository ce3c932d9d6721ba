import type { ReactNode } from 'react';
import type { ConnectionStatus } from './connection-health';
import { formatTimestamp } from '../lib/format';

const clock = (t: number): string => formatTimestamp(t).slice(11);

/**
 * One banner for the whole connection: unreachable JobManager or expired proxy session. In a
 * kiosk it is large, says since when the data on screen is stale, and offers no button: a kiosk
 * recovers (and, after an expired session, reloads) by itself.
 */
export function ConnectionBanner({ status, kiosk = false }: { status: ConnectionStatus; kiosk?: boolean }): ReactNode {
  if (status.state === 'ok') return null;
  const since = clock(status.since);
  const staleSince = clock(status.lastSuccessAt ?? status.since);
  if (status.state === 'session-expired') {
    if (kiosk) {
      return (
        <div className="connection-banner connection-expired connection-kiosk" role="alert">
          <strong>Session expired</strong>: data stale since {staleSince}. This screen reloads by itself when the proxy
          lets it in again.
        </div>
      );
    }
    return (
      <div className="connection-banner connection-expired" role="alert">
        <strong>Session expired</strong> (since {since}): the proxy in front of the JobManager asks you to sign in
        again. The data below is what was last received.{' '}
        <button type="button" onClick={() => window.location.reload()}>
          Reload to sign in
        </button>
      </div>
    );
  }
  if (kiosk) {
    return (
      <div className="connection-banner connection-down connection-kiosk" role="alert">
        <strong>Stale since {staleSince}</strong>: the JobManager is not answering. Retrying; this screen recovers by
        itself.
      </div>
    );
  }
  return (
    <div className="connection-banner connection-down" role="alert">
      <strong>The JobManager is unreachable</strong> since {since}. The data below is stale, as last received; the
      dashboard keeps retrying and recovers by itself when the JobManager answers again.
    </div>
  );
}
