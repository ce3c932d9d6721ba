import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { ThreadDump } from '../../api/jobmanager';
import { formatTimestamp } from '../../lib/format';
import { copyMessage, copyText } from './copy';
import { dumpText, filterThreads, groupByState, parseThreadDump, type ThreadEntry } from './thread-dump';
import './thread-dump.css';

interface ThreadDumpViewProps {
  dump: ThreadDump;
  /** When the dump was taken (epoch ms). */
  takenAt?: number;
  onRefresh?: () => void;
  refreshing?: boolean;
}

const STATE_CLASS: Record<string, string> = {
  BLOCKED: 'badge-bad',
  RUNNABLE: 'badge-ok',
  WAITING: 'badge-warn',
  TIMED_WAITING: 'badge-neutral',
};

/** A thread dump grouped by thread state, searchable, each thread and the whole dump copyable. */
/** Said next to the button before it runs: a dump stops the JVM at a safepoint. */
export const THREAD_DUMP_WARNING = 'Takes a thread dump: the JVM pauses briefly (can be seconds with many threads)';

export function ThreadDumpView({ dump, takenAt, onRefresh, refreshing = false }: ThreadDumpViewProps): ReactNode {
  const threads = useMemo(() => parseThreadDump(dump), [dump]);
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState(false);
  const [message, setMessage] = useState('');
  const visible = useMemo(() => filterThreads(threads, filter), [threads, filter]);
  const groups = useMemo(() => groupByState(visible), [visible]);
  // Without a clipboard, the dump is shown in a text box, selected, for Ctrl+C.
  const [manualCopy, setManualCopy] = useState<string | null>(null);

  const copyAll = async (): Promise<void> => {
    const text = dumpText(visible);
    const outcome = await copyText(text);
    setManualCopy(outcome === 'copied' ? null : text);
    setMessage(
      outcome === 'copied'
        ? copyMessage(outcome)
        : 'The clipboard is not available here: the dump is selected below, press Ctrl+C (⌘C) to copy it.',
    );
  };

  return (
    <div className="thread-dump">
      <div className="thread-dump-tools">
        <label className="table-filter">
          <span>Search threads</span>
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="Name, class, lock…"
          />
        </label>
        <span className="thread-dump-count">
          {visible.length === threads.length
            ? `${threads.length} threads`
            : `${visible.length} of ${threads.length} threads`}
          {takenAt ? `, taken ${formatTimestamp(takenAt)}` : ''}
        </span>
        <label className="log-check">
          <input type="checkbox" checked={expanded} onChange={(e) => setExpanded(e.target.checked)} />
          Show all stacks
        </label>
        <button type="button" onClick={() => void copyAll()} disabled={visible.length === 0}>
          Copy {visible.length === threads.length ? 'dump' : 'shown threads'}
        </button>
        {onRefresh && (
          <>
            <button
              type="button"
              onClick={onRefresh}
              disabled={refreshing}
              aria-describedby="thread-dump-pause-warning"
            >
              {refreshing ? 'Taking a dump…' : 'Take a new dump'}
            </button>
            <span id="thread-dump-pause-warning" className="thread-dump-warning">
              {THREAD_DUMP_WARNING}
            </span>
          </>
        )}
        <span role="status" className="thread-dump-message">
          {message}
        </span>
      </div>
      <nav className="thread-state-summary" aria-label="Threads by state">
        {groups.map((g) => (
          <button
            key={g.state}
            type="button"
            className="thread-state-jump"
            onClick={() => document.getElementById(`threads-${g.state}`)?.scrollIntoView()}
          >
            <span className={`badge ${STATE_CLASS[g.state] ?? 'badge-neutral'}`}>{g.state}</span> {g.threads.length}
          </button>
        ))}
      </nav>
      {manualCopy !== null && (
        <textarea
          className="thread-dump-manual"
          readOnly
          value={manualCopy}
          aria-label="Thread dump text to copy"
          ref={(el) => el?.select()}
          onBlur={() => setManualCopy(null)}
        />
      )}
      {groups.length === 0 && <p className="empty">No thread matches the search.</p>}
      {groups.map((g) => (
        <section key={g.state} className="thread-group" aria-labelledby={`threads-${g.state}`}>
          <h3 id={`threads-${g.state}`}>
            <span className={`badge ${STATE_CLASS[g.state] ?? 'badge-neutral'}`}>{g.state}</span> {g.threads.length}{' '}
            {g.threads.length === 1 ? 'thread' : 'threads'}
          </h3>
          <ul className="thread-list">
            {g.threads.map((t, i) => (
              <ThreadItem key={`${t.id ?? 'x'}-${i}`} thread={t} open={expanded} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ThreadItem({ thread, open }: { thread: ThreadEntry; open: boolean }): ReactNode {
  const [message, setMessage] = useState('');
  const stack = useRef<HTMLPreElement>(null);
  const copy = async (): Promise<void> => {
    setMessage(copyMessage(await copyText(thread.info, stack.current)));
  };
  return (
    <li className="thread">
      <details open={open || undefined}>
        <summary>
          <span className="thread-name">{thread.name}</span>
          {thread.id !== null && <span className="thread-id"> Id={thread.id}</span>}
        </summary>
        <div className="thread-body">
          <button
            type="button"
            className="thread-copy"
            onClick={() => void copy()}
            aria-label={`Copy the stack of ${thread.name}`}
          >
            Copy
          </button>
          <span role="status" className="thread-dump-message">
            {message}
          </span>
          <pre ref={stack} className="thread-stack">
            {thread.info}
          </pre>
        </div>
      </details>
    </li>
  );
}
