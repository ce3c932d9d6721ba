import type { ThreadDump } from '../../api/jobmanager';
import { filterByWords } from '../../lib/word-filter';

// Thread dumps as Flink sends them: `threadInfos[]` of `threadName` and `stringifiedThreadInfo`,
// the latter starting `"<name>" [daemon] [prio=N] Id=N <STATE> [on <lock>] ...` then the stack.
// Thread names are untrusted (a job can name a thread after its operator, markup and line
// breaks included), so the state is read after the quoted name, not by a loose search.

export const THREAD_STATES = [
  'BLOCKED',
  'RUNNABLE',
  'WAITING',
  'TIMED_WAITING',
  'NEW',
  'TERMINATED',
  'UNKNOWN',
] as const;
export type ThreadState = (typeof THREAD_STATES)[number];

export interface ThreadEntry {
  readonly name: string;
  readonly state: ThreadState;
  /** Java's thread id, when the header carries it. */
  readonly id: number | null;
  /** The whole stringified info (header and stack), as Flink sent it. */
  readonly info: string;
}

export interface ThreadGroup {
  readonly state: ThreadState;
  readonly threads: readonly ThreadEntry[];
}

const HEADER = /^(?:\s+daemon)?(?:\s+prio=\d+)?\s+Id=(\d+)\s+(NEW|RUNNABLE|BLOCKED|WAITING|TIMED_WAITING|TERMINATED)\b/;
const ANY_STATE = /\bId=(\d+)\s+(NEW|RUNNABLE|BLOCKED|WAITING|TIMED_WAITING|TERMINATED)\b/;

/** Reads the thread state (and id) from one stringified thread info. */
export function parseThreadHeader(threadName: string, info: string): { state: ThreadState; id: number | null } {
  const quoted = `"${threadName}"`;
  const rest = info.startsWith(quoted) ? info.slice(quoted.length) : undefined;
  const match = (rest !== undefined ? HEADER.exec(rest) : null) ?? ANY_STATE.exec(info);
  if (!match) return { state: 'UNKNOWN', id: null };
  return { state: match[2] as ThreadState, id: Number(match[1]) };
}

export function parseThreadDump(dump: ThreadDump): ThreadEntry[] {
  return dump.threadInfos.map((t) => {
    const { state, id } = parseThreadHeader(t.threadName, t.stringifiedThreadInfo);
    return { name: t.threadName, state, id, info: t.stringifiedThreadInfo };
  });
}

/** Threads whose name or stack contains every word of the filter (case-insensitive). */
export function filterThreads(threads: readonly ThreadEntry[], filter: string): ThreadEntry[] {
  return filterByWords(threads, filter, (t) => `${t.name}\n${t.info}`);
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Threads grouped by state, the states that most often explain a hang first; empty groups left out. */
export function groupByState(threads: readonly ThreadEntry[]): ThreadGroup[] {
  return THREAD_STATES.map((state) => ({
    state,
    threads: threads.filter((t) => t.state === state).sort((a, b) => byName.compare(a.name, b.name)),
  })).filter((g) => g.threads.length > 0);
}

/** The dump as one text, as `jstack` would print it, for copying. */
export function dumpText(threads: readonly ThreadEntry[]): string {
  return threads.map((t) => t.info.replace(/\s+$/, '')).join('\n\n') + '\n';
}
