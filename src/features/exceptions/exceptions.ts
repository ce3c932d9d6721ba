import type { ExceptionInfo, RootExceptionInfo } from '../../api/exceptions';

// Flink's exception history turned into what someone on call reads: each failure with its
// headline, its innermost cause and where it happened; the exceptions that happened with it
// grouped under it (identical ones counted once); and failures that keep coming back.

export interface ExceptionView {
  key: string;
  timestamp: number;
  exceptionName: string;
  /** The first line of the trace: `java.lang.X: what happened`. */
  headline: string;
  /** The innermost `Caused by:` of the trace, when there is one. */
  rootCause: string | undefined;
  taskName: string | undefined;
  endpoint: string | undefined;
  taskManagerId: string | undefined;
  labels: [string, string][];
  stacktrace: string;
}

/** Concurrent exceptions with the same headline, counted once. */
export interface ConcurrentGroup {
  key: string;
  headline: string;
  rootCause: string | undefined;
  exceptions: ExceptionView[];
}

export interface RootExceptionView extends ExceptionView {
  concurrent: ConcurrentGroup[];
  concurrentCount: number;
}

/** The first non-empty line of a trace (the exception and its message). */
export function headlineOf(stacktrace: string, fallback: string): string {
  const line = stacktrace.split(/\r?\n/).find((l) => l.trim() !== '');
  return line?.trim() ?? fallback;
}

/** The innermost cause: the last `Caused by: ...` line, without the prefix. */
export function rootCauseOf(stacktrace: string): string | undefined {
  let cause: string | undefined;
  for (const line of stacktrace.split(/\r?\n/)) {
    const m = /^\s*Caused by:\s*(.*)$/.exec(line);
    if (m?.[1] !== undefined) cause = m[1].trim();
  }
  return cause;
}

function toView(info: ExceptionInfo, key: string): ExceptionView {
  return {
    key,
    timestamp: info.timestamp,
    exceptionName: info.exceptionName,
    headline: headlineOf(info.stacktrace, info.exceptionName),
    rootCause: rootCauseOf(info.stacktrace),
    taskName: info.taskName ?? undefined,
    endpoint: info.endpoint ?? undefined,
    taskManagerId: info.taskManagerId ?? undefined,
    labels: Object.entries(info.failureLabels).sort(([a], [b]) => a.localeCompare(b)),
    stacktrace: info.stacktrace,
  };
}

/** Root exceptions, newest first, each with its concurrent exceptions grouped by headline. */
export function groupExceptions(entries: readonly RootExceptionInfo[]): RootExceptionView[] {
  return entries
    .map((entry, i) => {
      const key = `${entry.timestamp}-${i}`;
      const groups = new Map<string, ConcurrentGroup>();
      entry.concurrentExceptions.forEach((c, j) => {
        const view = toView(c, `${key}-${j}`);
        const groupKey = `${view.headline}\u0000${view.rootCause ?? ''}`;
        const group = groups.get(groupKey);
        if (group) group.exceptions.push(view);
        else
          groups.set(groupKey, {
            key: `${key}-g${groups.size}`,
            headline: view.headline,
            rootCause: view.rootCause,
            exceptions: [view],
          });
      });
      return {
        ...toView(entry, key),
        concurrent: [...groups.values()].sort((a, b) => b.exceptions.length - a.exceptions.length),
        concurrentCount: entry.concurrentExceptions.length,
      };
    })
    .sort((a, b) => b.timestamp - a.timestamp);
}

/** The failure labels seen in the history, `key:value`, with how many root exceptions carry each. */
export function labelCounts(views: readonly RootExceptionView[]): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of views)
    for (const [k, val] of v.labels) counts.set(`${k}:${val}`, (counts.get(`${k}:${val}`) ?? 0) + 1);
  return [...counts.entries()]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * `key:value` strings to Flink's label filter. Returns undefined for none; entries without a
 * colon, with an empty key, or with a comma (Flink's list separator) are refused.
 */
export function labelFilter(labels: readonly string[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const label of labels) {
    const parsed = parseLabel(label);
    if (parsed) out[parsed[0]] = parsed[1];
  }
  return Object.keys(out).length ? out : undefined;
}

export function parseLabel(text: string): [string, string] | undefined {
  const i = text.indexOf(':');
  if (i <= 0 || text.includes(',')) return undefined;
  const key = text.slice(0, i).trim();
  const value = text.slice(i + 1).trim();
  return key ? [key, value] : undefined;
}

/** A failure that keeps coming back: same exception and message once numbers are ignored. */
export interface RecurringCause {
  key: string;
  /** The headline with numbers replaced by `N`. */
  pattern: string;
  count: number;
  first: number;
  last: number;
  tasks: string[];
}

/** Strips what changes between repetitions: numbers (record ids, attempts, ports). */
export function causePattern(headline: string): string {
  return headline.replace(/\d+/g, 'N');
}

/** Root exceptions grouped by pattern, most frequent first. */
export function recurringCauses(views: readonly RootExceptionView[]): RecurringCause[] {
  const groups = new Map<string, RecurringCause>();
  for (const v of views) {
    const pattern = causePattern(v.headline);
    const task = v.taskName?.replace(/ - execution #\d+$/, '') ?? 'global failure';
    const group = groups.get(pattern);
    if (group) {
      group.count += 1;
      group.first = Math.min(group.first, v.timestamp);
      group.last = Math.max(group.last, v.timestamp);
      if (!group.tasks.includes(task)) group.tasks.push(task);
    } else {
      groups.set(pattern, { key: pattern, pattern, count: 1, first: v.timestamp, last: v.timestamp, tasks: [task] });
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.last - a.last);
}

/** Text a filter box searches in one root exception (and its concurrent ones). */
export function searchText(view: RootExceptionView): string {
  const parts = [
    view.headline,
    view.rootCause ?? '',
    view.taskName ?? '',
    view.endpoint ?? '',
    view.taskManagerId ?? '',
    view.exceptionName,
  ];
  for (const [k, val] of view.labels) parts.push(`${k}:${val}`);
  for (const g of view.concurrent) for (const c of g.exceptions) parts.push(c.headline, c.taskName ?? '');
  return parts.join('\n').toLowerCase();
}
