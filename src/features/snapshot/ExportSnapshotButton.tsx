import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { activeSnapshot, serializeSnapshot } from '../../api/snapshot';
import { downloadBlob } from '../../lib/download';
import { formatBytes } from '../../lib/format';
import { snapshotFileName, takeSnapshot, type SnapshotRequest } from './export';
import './snapshot.css';

type ExportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'busy' }
  | { readonly phase: 'done'; readonly fileName: string; readonly bytes: number; readonly ms: number }
  | { readonly phase: 'failed'; readonly message: string };

/**
 * "Export snapshot": one JSON file with what the dashboard holds for the job (or the cluster),
 * see docs/snapshot-format.md. Hidden while a snapshot is shown: there is nothing new to record.
 */
export function ExportSnapshotButton(props: SnapshotRequest): ReactNode {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  if (activeSnapshot()) return null;
  const label = props.scope === 'job' ? 'Export snapshot of this job' : 'Export snapshot of the cluster';

  const run = async (): Promise<void> => {
    setState({ phase: 'busy' });
    const started = performance.now();
    try {
      const snapshot = await takeSnapshot(queryClient, props);
      const text = serializeSnapshot(snapshot);
      const fileName = snapshotFileName(snapshot);
      downloadBlob(text, fileName, {
        type: 'application/json',
        unsafe: /[^\w.-]/g,
        fallbackName: 'flink-snapshot.json',
      });
      const bytes = new Blob([text]).size;
      setState({ phase: 'done', fileName, bytes, ms: Math.round(performance.now() - started) });
    } catch (error) {
      setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="snapshot-export">
      <button type="button" aria-label={label} disabled={state.phase === 'busy'} onClick={() => void run()}>
        {state.phase === 'busy' ? 'Exporting snapshot…' : 'Export snapshot'}
      </button>
      {state.phase === 'done' && (
        <p className="snapshot-export-result" role="status">
          Snapshot saved as {state.fileName} ({formatBytes(state.bytes)}, {state.ms} ms)
        </p>
      )}
      {state.phase === 'failed' && (
        <p className="snapshot-export-result" role="alert">
          The snapshot could not be written: {state.message}
        </p>
      )}
    </div>
  );
}
