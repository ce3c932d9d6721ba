import { useRef, useState, type ReactNode } from 'react';

type CopyState = 'idle' | 'copied' | 'unavailable';

/**
 * A stack trace: collapsed by default, monospace with its whitespace kept, and a Copy button.
 * Where the clipboard API is missing or refused (insecure origin, permissions), the trace is
 * opened and selected so the usual copy shortcut works, and a message says so.
 */
export function StackTrace({
  trace,
  label = 'Stack trace',
  open = false,
}: {
  trace: string;
  label?: string;
  open?: boolean;
}): ReactNode {
  const [state, setState] = useState<CopyState>('idle');
  const details = useRef<HTMLDetailsElement>(null);
  const pre = useRef<HTMLPreElement>(null);

  const selectTrace = (): void => {
    if (details.current) details.current.open = true;
    const node = pre.current;
    const selection = typeof window.getSelection === 'function' ? window.getSelection() : null;
    if (!node || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const copy = async (): Promise<void> => {
    const clipboard = typeof navigator === 'undefined' ? undefined : (navigator.clipboard as Clipboard | undefined);
    if (!clipboard || typeof clipboard.writeText !== 'function') {
      setState('unavailable');
      selectTrace();
      return;
    }
    try {
      await clipboard.writeText(trace);
      setState('copied');
    } catch {
      setState('unavailable');
      selectTrace();
    }
  };

  return (
    <div className="stack-trace">
      <details ref={details} open={open}>
        <summary>{label}</summary>
        <pre ref={pre} className="stack-trace-text" tabIndex={0}>
          {trace}
        </pre>
      </details>
      <div className="stack-trace-actions">
        <button type="button" onClick={() => void copy()}>
          Copy {label.toLowerCase()}
        </button>
        <span role="status" className="copy-status">
          {state === 'copied'
            ? 'Copied.'
            : state === 'unavailable'
              ? 'Copying is not available here: the trace is selected, press Ctrl+C (⌘C) to copy it.'
              : ''}
        </span>
      </div>
    </div>
  );
}
