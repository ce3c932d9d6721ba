import { useRef, useState, type ReactNode } from 'react';
import { OPERATION_TITLES, type OperationRecord } from './operations-store';
import './operations.css';

const STATE_TEXT = { running: 'In progress', completed: 'Completed', failed: 'Failed' } as const;
const STATE_TONE = { running: 'warn', completed: 'ok', failed: 'bad' } as const;

export function OperationStateBadge({ record }: { record: OperationRecord }): ReactNode {
  return <span className={`badge badge-${STATE_TONE[record.state]}`}>{STATE_TEXT[record.state]}</span>;
}

/** A value to paste elsewhere (a savepoint path): selectable text and a Copy button. */
export function CopyableText({ text, label }: { text: string; label: string }): ReactNode {
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied');
    } catch {
      inputRef.current?.select();
      setStatus('Selected: press Ctrl+C to copy');
    }
  };
  return (
    <span className="ops-copy">
      <input
        ref={inputRef}
        readOnly
        value={text}
        aria-label={label}
        className="ops-copy-text"
        onFocus={(e) => e.target.select()}
      />
      <button type="button" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`}>
        Copy
      </button>
      <span role="status" className="ops-copy-status">
        {status}
      </span>
    </span>
  );
}

/** Flink's full text of a failure, pre-wrapped; folded unless `open`. */
export function FailureDetail({ detail, open = false }: { detail: string; open?: boolean }): ReactNode {
  if (open) return <pre className="ops-pre">{detail}</pre>;
  return (
    <details className="ops-details">
      <summary>Flink&apos;s full message</summary>
      <pre className="ops-pre">{detail}</pre>
    </details>
  );
}

/** Progress while running, then the result (copyable where it is a path) or the failure. */
export function OperationResult({ record }: { record: OperationRecord }): ReactNode {
  if (record.state === 'running') {
    return (
      <span className="ops-running">
        <progress
          className="ops-progress"
          aria-label={`${OPERATION_TITLES[record.kind]}: progress`}
          {...(record.progress === undefined ? {} : { value: record.progress, max: 1 })}
        />
        <span>
          {record.note ?? 'In progress…'}
          {record.progress === undefined ? '' : ` ${Math.round(record.progress * 100)}%`}
        </span>
      </span>
    );
  }
  const outcome = record.outcome;
  if (!outcome) return null;
  if (!outcome.ok) {
    return (
      <div className="ops-failure">
        <p className="ops-failure-message">{outcome.message}</p>
        {outcome.detail !== undefined && <FailureDetail detail={outcome.detail} />}
      </div>
    );
  }
  if (outcome.result === undefined) return <span>Done</span>;
  return outcome.copyable ? (
    <CopyableText text={outcome.result} label="Savepoint location" />
  ) : (
    <span className="ops-result">{outcome.result}</span>
  );
}
