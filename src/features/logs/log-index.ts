// A log file held as one string, split once into an index of line start offsets (a typed array,
// a few bytes per line, no copy of the text), and searched with the engine's own string search.
// Lines are sliced out only when they are on screen. Measured on a generated 50 MB log (see
// log-index.test.ts): indexing and searching take tens of milliseconds, so both run in the
// render path without freezing the page.

export interface LogIndex {
  readonly text: string;
  /** Offset of the first character of each line; `starts[0]` is 0. */
  readonly starts: Uint32Array;
  readonly lineCount: number;
}

/** Longest part of a single line that is rendered; the rest is summarised (the download has it all). */
export const MAX_RENDERED_LINE = 10_000;

/** Splits `text` into lines at `\n` (a `\r` before it is dropped when a line is read). */
export function indexLines(text: string): LogIndex {
  let starts = new Uint32Array(Math.max(1024, Math.ceil(text.length / 80)));
  let count = 0;
  starts[count++] = 0;
  let newline = text.indexOf('\n');
  while (newline !== -1) {
    const next = newline + 1;
    if (next >= text.length) break; // a final newline does not start an empty last line
    if (count === starts.length) {
      const grown = new Uint32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = next;
    newline = text.indexOf('\n', next);
  }
  // An empty text has no lines at all.
  const lineCount = text.length === 0 ? 0 : count;
  return { text, starts: starts.subarray(0, lineCount), lineCount };
}

/** Offsets `[start, end)` of line `i` (0-based), without its line break. */
export function lineRange(index: LogIndex, i: number): [number, number] {
  const start = index.starts[i] ?? index.text.length;
  const nextStart = i + 1 < index.lineCount ? (index.starts[i + 1] ?? index.text.length) : index.text.length;
  let end = nextStart;
  if (end > start && index.text.charCodeAt(end - 1) === 10) end--;
  if (end > start && index.text.charCodeAt(end - 1) === 13) end--;
  return [start, end];
}

/** The text of line `i` (0-based). */
export function lineText(index: LogIndex, i: number): string {
  const [start, end] = lineRange(index, i);
  return index.text.slice(start, end);
}

/** The first index in a sorted array whose value is >= `value`. */
function lowerBound(sorted: Uint32Array, length: number, value: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The 0-based line holding the character at `offset`. */
export function lineOfOffset(index: LogIndex, offset: number): number {
  if (index.lineCount === 0) return 0;
  const i = lowerBound(index.starts, index.lineCount, offset + 1) - 1;
  return Math.max(0, Math.min(index.lineCount - 1, i));
}

export interface LogSearch {
  readonly query: string;
  readonly caseSensitive: boolean;
  /** Start offset of every match, ascending. */
  readonly offsets: Uint32Array;
  readonly count: number;
}

export const NO_SEARCH: LogSearch = { query: '', caseSensitive: false, offsets: new Uint32Array(0), count: 0 };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every occurrence of `query` in the log (literal text, not a pattern), as start offsets.
 * Matches do not overlap and never span a line break (the query has none: it is one line).
 */
export function searchLog(index: LogIndex, query: string, caseSensitive = false): LogSearch {
  const needle = query.replace(/[\r\n]+/g, '');
  if (needle === '' || index.lineCount === 0) return { ...NO_SEARCH, query: needle, caseSensitive };
  let offsets = new Uint32Array(256);
  let count = 0;
  const push = (at: number): void => {
    if (count === offsets.length) {
      const grown = new Uint32Array(offsets.length * 2);
      grown.set(offsets);
      offsets = grown;
    }
    offsets[count++] = at;
  };
  const { text } = index;
  if (caseSensitive) {
    let at = text.indexOf(needle);
    while (at !== -1) {
      push(at);
      at = text.indexOf(needle, at + needle.length);
    }
  } else {
    // A literal, case-insensitive pattern: the regexp engine scans without copying the text.
    const pattern = new RegExp(escapeRegExp(needle), 'gi');
    let match = pattern.exec(text);
    while (match !== null) {
      push(match.index);
      if (match[0].length === 0) pattern.lastIndex++;
      match = pattern.exec(text);
    }
  }
  return { query: needle, caseSensitive, offsets: offsets.slice(0, count), count };
}

/** The matches inside `[start, end)`, as `[from, to)` offsets relative to `start`. */
export function matchesBetween(search: LogSearch, start: number, end: number): [number, number][] {
  if (search.count === 0) return [];
  const out: [number, number][] = [];
  const length = search.query.length;
  for (let i = lowerBound(search.offsets, search.count, start); i < search.count; i++) {
    const at = search.offsets[i] ?? 0;
    if (at >= end) break;
    out.push([at - start, Math.min(at + length, end) - start]);
  }
  return out;
}

/** The index of the first match at or after line `line` (wrapping to the first), or -1. */
export function matchAtOrAfterLine(index: LogIndex, search: LogSearch, line: number): number {
  if (search.count === 0) return -1;
  const start = index.starts[Math.max(0, Math.min(line, index.lineCount - 1))] ?? 0;
  const i = lowerBound(search.offsets, search.count, start);
  return i < search.count ? i : 0;
}
