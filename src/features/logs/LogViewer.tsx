import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { Toolbar } from '../../components/Toolbar';
import { downloadBlob, type DownloadOptions } from '../../lib/download';
import { formatBytes, formatCount } from '../../lib/format';
import { followAfterScroll, logKeyAction } from './follow';
import {
  indexLines,
  lineOfOffset,
  lineRange,
  matchAtOrAfterLine,
  matchesBetween,
  MAX_RENDERED_LINE,
  searchLog,
  type LogIndex,
  type LogSearch,
} from './log-index';
import './log-viewer.css';

/** Download saves the text as a plain-text file. */
const LOG_FILE: DownloadOptions = { type: 'text/plain;charset=utf-8', unsafe: /[/\\]/g, fallbackName: 'log.txt' };

/** Height of one unwrapped line in pixels; must match `.log-line` in log-viewer.css. */
export const LINE_HEIGHT = 18;

interface LogViewerProps {
  /** The whole file. Untrusted: it is only ever rendered as text. */
  text: string;
  /** Saved under this name by Download; also names the viewer for screen readers. */
  fileName: string;
  /** Follow the end of the file (the caller refetches it at the live rate). */
  follow?: boolean;
  onFollowChange?: (follow: boolean) => void;
  /**
   * The file is read from its end (the current log): scrolling back to the end follows it again.
   * Without it the file is read from the top and only the Follow box follows it.
   */
  tail?: boolean;
  onReload?: () => void;
  reloading?: boolean;
}

/**
 * A log viewer that stays smooth on a 50 MB file: the text is split once into a line index,
 * only the rows on screen are in the DOM (@tanstack/react-virtual), search runs over the whole
 * text and highlights matches, and lines are React text (markup in a log line stays literal).
 */
export function LogViewer({
  text,
  fileName,
  follow = false,
  onFollowChange,
  tail = false,
  onReload,
  reloading = false,
}: LogViewerProps): ReactNode {
  const index = useMemo(() => indexLines(text), [text]);
  const [query, setQuery] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const deferredQuery = useDeferredValue(query);
  const search = useMemo(() => searchLog(index, deferredQuery, caseSensitive), [index, deferredQuery, caseSensitive]);
  const [wrap, setWrap] = useState(false);
  const [jumpText, setJumpText] = useState('');
  const [markedLine, setMarkedLine] = useState<number | null>(null);
  // The current match, remembered per query so a refetched (followed) file keeps the position.
  const searchKey = `${caseSensitive ? 'c' : 'i'}:${search.query}`;
  const [cursor, setCursor] = useState<{ key: string; match: number } | null>(null);
  const current = search.count === 0 ? -1 : cursor?.key === searchKey ? Math.min(cursor.match, search.count - 1) : 0;

  const scrollRef = useRef<HTMLDivElement>(null);
  // The app is not compiled with React Compiler; this component reads the virtualizer on every
  // render (it re-renders on scroll), which is what the rule warns a compiler could not memoize.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: index.lineCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 12,
  });

  // Wrapped rows have their own heights: measure again when wrapping changes.
  useEffect(() => {
    virtualizer.measure();
  }, [wrap, virtualizer]);

  // A new query (or a step through matches) scrolls its match into view.
  const scrolledTo = useRef<string>('');
  useEffect(() => {
    if (current < 0) return;
    const at = search.offsets[current];
    if (at === undefined) return;
    const target = `${searchKey}#${current}`;
    if (scrolledTo.current === target) return;
    scrolledTo.current = target;
    virtualizer.scrollToIndex(lineOfOffset(index, at), { align: 'center' });
  }, [current, search, searchKey, index, virtualizer]);

  // Following: stay at the end as the file grows.
  useEffect(() => {
    if (follow && index.lineCount > 0) virtualizer.scrollToIndex(index.lineCount - 1, { align: 'end' });
  }, [follow, index, virtualizer]);

  // Scrolling up stops following; scrolling back to the end of a tail follows again.
  const lastTop = useRef(0);
  const onScroll = (): void => {
    const element = scrollRef.current;
    if (!element) return;
    const next = followAfterScroll(follow, lastTop.current, element, tail);
    lastTop.current = element.scrollTop;
    if (next !== follow) onFollowChange?.(next);
  };

  const goTop = (): void => {
    if (follow) onFollowChange?.(false);
    virtualizer.scrollToIndex(0, { align: 'start' });
  };
  const goEnd = (): void => {
    if (index.lineCount === 0) return;
    if (tail && !follow) onFollowChange?.(true);
    virtualizer.scrollToIndex(index.lineCount - 1, { align: 'end' });
  };
  // Home / g: the top; End / G: the end. Not while typing in a field of the toolbar.
  const onViewerKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target instanceof HTMLElement && event.target.closest('input, select, textarea, button')) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const action = logKeyAction(event.key, event.shiftKey);
    if (action === null) return;
    event.preventDefault();
    if (action === 'top') goTop();
    else goEnd();
  };

  const step = (delta: number): void => {
    if (search.count === 0) return;
    const from = current < 0 ? 0 : current;
    setCursor({ key: searchKey, match: (from + delta + search.count) % search.count });
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  const jump = (): void => {
    const line = Number.parseInt(jumpText, 10);
    if (!Number.isFinite(line) || index.lineCount === 0) return;
    const target = Math.max(1, Math.min(index.lineCount, line)) - 1;
    setMarkedLine(target);
    if (follow) onFollowChange?.(false);
    virtualizer.scrollToIndex(target, { align: 'center' });
  };

  const searchFromHere = (): void => {
    // Start from the first match at or after the top line on screen.
    const top = virtualizer.getVirtualItems()[0]?.index ?? 0;
    const match = matchAtOrAfterLine(index, search, top);
    if (match >= 0) setCursor({ key: searchKey, match });
  };

  const ids = useId();
  const currentOffset = current >= 0 ? search.offsets[current] : undefined;
  const items = virtualizer.getVirtualItems();
  const gutter = `${String(index.lineCount).length + 1}ch`;

  return (
    <div className="log-viewer" onKeyDown={onViewerKey}>
      <Toolbar gap="6px 10px" role="toolbar" aria-label={`Log tools for ${fileName}`}>
        <label className="log-search">
          <span className="visually-hidden">Search the log</span>
          <input
            type="search"
            value={query}
            placeholder="Search the log"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
            aria-describedby={`${ids}-count`}
          />
        </label>
        <button type="button" onClick={() => step(-1)} disabled={search.count === 0} aria-label="Previous match">
          ↑
        </button>
        <button type="button" onClick={() => step(1)} disabled={search.count === 0} aria-label="Next match">
          ↓
        </button>
        <button
          type="button"
          onClick={searchFromHere}
          disabled={search.count === 0}
          title="First match from the top of the view"
        >
          From here
        </button>
        <span id={`${ids}-count`} className="log-count" role="status">
          {search.query === ''
            ? ''
            : search.count === 0
              ? 'No matches'
              : `${formatCount(current + 1)} of ${formatCount(search.count)} matches`}
        </span>
        <label className="log-check">
          <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} />
          Match case
        </label>
        <form
          className="log-jump"
          onSubmit={(e) => {
            e.preventDefault();
            jump();
          }}
        >
          <label>
            <span>Line</span>
            <input
              type="number"
              min={1}
              max={Math.max(1, index.lineCount)}
              value={jumpText}
              onChange={(e) => setJumpText(e.target.value)}
            />
          </label>
          <button type="submit">Go</button>
        </form>
        <button type="button" onClick={goTop} disabled={index.lineCount === 0} title="Go to the top (Home or g)">
          Top
        </button>
        <button type="button" onClick={goEnd} disabled={index.lineCount === 0} title="Go to the end (End or G)">
          End
        </button>
        <label className="log-check">
          <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} />
          Wrap lines
        </label>
        {onFollowChange && (
          <label className="log-check">
            <input type="checkbox" checked={follow} onChange={(e) => onFollowChange(e.target.checked)} />
            Follow
          </label>
        )}
        {onReload && (
          <button type="button" onClick={onReload} disabled={reloading}>
            {reloading ? 'Reloading…' : 'Reload'}
          </button>
        )}
        <button type="button" onClick={() => downloadBlob(text, fileName, LOG_FILE)} disabled={text.length === 0}>
          Download
        </button>
        <span className="log-size">
          {formatCount(index.lineCount)} lines · {formatBytes(text.length)}
        </span>
      </Toolbar>
      {index.lineCount === 0 ? (
        <p className="empty">The file is empty.</p>
      ) : (
        <div
          ref={scrollRef}
          className={`log-lines${wrap ? ' log-wrap' : ''}`}
          role="region"
          aria-label={`Contents of ${fileName}`}
          aria-keyshortcuts="Home End g G"
          tabIndex={0}
          onScroll={onScroll}
        >
          <div className="log-lines-inner" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => (
              <LogLine
                key={item.key}
                index={index}
                line={item.index}
                search={search}
                currentOffset={currentOffset}
                marked={markedLine === item.index}
                gutter={gutter}
                top={item.start}
                measure={wrap ? virtualizer.measureElement : undefined}
              />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

interface LogLineProps {
  index: LogIndex;
  line: number;
  search: LogSearch;
  currentOffset: number | undefined;
  marked: boolean;
  gutter: string;
  top: number;
  measure: ((element: Element | null) => void) | undefined;
}

function LogLine({ index, line, search, currentOffset, marked, gutter, top, measure }: LogLineProps): ReactNode {
  const [start, end] = lineRange(index, line);
  const shownEnd = Math.min(end, start + MAX_RENDERED_LINE);
  const matches = matchesBetween(search, start, shownEnd);
  const parts: ReactNode[] = [];
  let pos = 0;
  for (const [from, to] of matches) {
    if (from > pos) parts.push(index.text.slice(start + pos, start + from));
    const isCurrent = currentOffset === start + from;
    parts.push(
      <mark key={from} className={isCurrent ? 'log-match log-match-current' : 'log-match'}>
        {index.text.slice(start + from, start + to)}
      </mark>,
    );
    pos = to;
  }
  if (pos < shownEnd - start) parts.push(index.text.slice(start + pos, shownEnd));
  return (
    <div
      ref={measure}
      data-index={line}
      className={`log-line${marked ? ' log-line-marked' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <span className="log-ln" style={{ width: gutter }} aria-hidden="true">
        {line + 1}
      </span>
      <span className="log-text">
        {parts}
        {end > shownEnd && (
          <span className="log-cut">
            {' '}
            … {formatCount(end - shownEnd)} more characters (download the file to see them)
          </span>
        )}
      </span>
    </div>
  );
}
