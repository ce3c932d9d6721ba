import type { ReactNode } from 'react';
import type { ConnectionStatus } from './connection-health';
import { formatTimestamp } from '../lib/format';

/** One banner for the whole connection: unreachable JobManager or expired proxy session. */
export function ConnectionBanner({ status }: { status: ConnectionStatus }): ReactNode {
  if (status.state === 'ok') return null;
  const since = formatTimestamp(status.since).slice(11);
  if (status.state === 'session-expired') {
    return (
      <div className="connection-banner connection-expired" role="alert">
        <strong>Session expired</strong> (since {since}): the proxy in front of the JobManager asks you to sign in again.
        The data below is what was last received.{' '}
        <button type="button" onClick={() => window.location.reload()}>
          Reload to sign in
        </button>
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
