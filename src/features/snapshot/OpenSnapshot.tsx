import { useId, useState, type DragEvent, type ReactNode } from 'react';
import { checkSnapshotSize, MAX_SNAPSHOT_BYTES, parseSnapshot } from '../../api/snapshot';
import { formatBytes } from '../../lib/format';
import { links } from '../../lib/paths';
import { storeSnapshot, urlWithSnapshot } from './storage';
import './snapshot.css';

/** A file to a stored snapshot and the page that shows it, or the sentence that says why not. */
async function openFile(file: File): Promise<string | undefined> {
  const tooLarge = checkSnapshotSize(file.size);
  if (tooLarge) return tooLarge;
  let text: string;
  try {
    text = await file.text();
  } catch {
    return 'The file could not be read.';
  }
  const parsed = parseSnapshot(text);
  if (!parsed.ok) return parsed.message;
  let id: string;
  try {
    id = await storeSnapshot(text);
  } catch {
    return "The browser's storage refused the snapshot (private window, or no space left).";
  }
  const job = parsed.snapshot.job;
  window.location.assign(urlWithSnapshot(window.location, id, `#${job ? links.job(job.id) : links.overview()}`));
  return undefined;
}

/**
 * "Open snapshot": a file picker and a drop zone. A valid file is kept in the browser's storage
 * and the page starts again showing it (see storage.ts); a bad one gets one clear sentence.
 */
export function OpenSnapshot(): ReactNode {
  const inputId = useId();
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const open = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setBusy(true);
    setMessage(undefined);
    const problem = await openFile(file);
    setBusy(false);
    if (problem) setMessage(`${file.name}: ${problem}`);
  };
  const onDrop = (event: DragEvent<HTMLElement>): void => {
    event.preventDefault();
    setOver(false);
    void open(event.dataTransfer.files[0]);
  };

  return (
    <section
      className={over ? 'snapshot-open snapshot-open-over' : 'snapshot-open'}
      aria-labelledby={`${inputId}-heading`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2 id={`${inputId}-heading`}>Open snapshot</h2>
      <p>
        Drop a snapshot file here, or choose one (up to {formatBytes(MAX_SNAPSHOT_BYTES)}). It opens read-only, without
        a JobManager.
      </p>
      <label htmlFor={inputId}>Snapshot file</label>{' '}
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        disabled={busy}
        onChange={(event) => {
          void open(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {busy && <p aria-busy="true">Reading the snapshot…</p>}
      {message !== undefined && (
        <p className="panel-error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
