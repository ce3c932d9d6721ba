import type { ReactNode } from 'react';
import { urlWithSnapshot } from './storage';
import './snapshot.css';

/** The URL names a snapshot this browser no longer keeps (closed, or another browser's link). */
export function SnapshotUnavailablePage({ message }: { message: string }): ReactNode {
  return (
    <main className="snapshot-unavailable">
      <h1>Snapshot not available</h1>
      <p role="alert">{message}</p>
      <p>
        <a href={urlWithSnapshot(window.location, null, '#/')}>Open the live dashboard</a> (a snapshot file can be
        opened again from its overview page).
      </p>
    </main>
  );
}
