import { useState, type ReactNode } from 'react';
import { activeSnapshot } from '../../api/snapshot';
import { formatTimestamp } from '../../lib/format';
import { deleteStoredSnapshot, snapshotIdOf, urlWithSnapshot } from './storage';
import './snapshot.css';

/** Back to the live dashboard: the stored snapshot is deleted and the marker leaves the URL. */
async function closeSnapshot(): Promise<void> {
  const id = snapshotIdOf(window.location);
  if (id) await deleteStoredSnapshot(id).catch(() => undefined);
  window.location.assign(urlWithSnapshot(window.location, null, '#/'));
}

/** While a snapshot is shown: what it is (job, cluster, when taken) and "Close snapshot". */
export function SnapshotBanner(): ReactNode {
  const snapshot = activeSnapshot();
  const [closing, setClosing] = useState(false);
  if (!snapshot) return null;
  const version = snapshot.cluster.flinkVersion ? ` (Flink ${snapshot.cluster.flinkVersion})` : '';
  return (
    <div className="snapshot-banner" role="region" aria-label="Snapshot">
      <p>
        {snapshot.job ? (
          <>
            Snapshot of job <strong>{snapshot.job.name}</strong> on cluster <strong>{snapshot.cluster.name}</strong>
          </>
        ) : (
          <>
            Snapshot of cluster <strong>{snapshot.cluster.name}</strong>
          </>
        )}
        {version}, taken {formatTimestamp(snapshot.takenAt)}. Read-only: no JobManager is asked.
      </p>
      <button
        type="button"
        disabled={closing}
        onClick={() => {
          setClosing(true);
          void closeSnapshot();
        }}
      >
        Close snapshot
      </button>
    </div>
  );
}
