// A job's failure events from what the dashboard polls (job details, exception history,
// checkpoint statistics), and the bounded memory of them kept while open: Flink keeps only a few
// checkpoints and exceptions and only the LAST time the job entered each state, so the
// timeline remembers every event it saw, per job, at module level (as the checkpoint history
// does): leaving the tab and coming back keeps it. Bounded: events per job and jobs per store.

import type { CheckpointingStatistics } from '../../api/checkpoints';
import type { JobExceptions } from '../../api/exceptions';
import type { JobDetails } from '../../api/jobs';
import type { FailureKind, FailureMark } from '../../charts/failures/failure-options';
import { links } from '../../lib/paths';
import type { TaskManagerLoss } from '../../lib/task-manager-loss';

export interface FailureEvent extends FailureMark {
  /** Stable identity: the same event seen in two answers is kept once. */
  readonly id: string;
  /** The view with its detail (app path). */
  readonly link: string;
  /** Where it happened (task, task manager), for the table. */
  readonly where: string;
}

/** Events kept per job; the oldest go first. */
export const EVENTS_CAP = 500;
/** Jobs whose events are kept; the least recently used is forgotten. */
export const EVENTS_JOBS = 20;

const firstLine = (text: string): string => text.split('\n', 1)[0] ?? '';

/** Exception texts that say a task manager went away. */
const TM_LOST =
  /(TaskManager|TaskExecutor|task manager)[^\n]{0,200}?(lost|disconnected|heartbeat[^\n]*timed out|is no longer reachable)|Connection unexpectedly closed by remote task manager/i;

/** Every state the job entered (the last time for each), restarts on their own row. */
export function stateEvents(details: JobDetails): FailureEvent[] {
  const out: FailureEvent[] = [];
  for (const [state, at] of Object.entries(details.timestamps)) {
    if (!Number.isFinite(at) || at <= 0) continue;
    const restart = state === 'RESTARTING';
    out.push({
      id: `state:${state}:${at}`,
      kind: restart ? 'restart' : 'state',
      start: at,
      end: at,
      title: restart ? 'Restarting' : state,
      lines: [],
      where: 'job',
      link: links.job(details.jid, 'timeline'),
    });
  }
  return out;
}

export function exceptionEvents(jobId: string, exceptions: JobExceptions): FailureEvent[] {
  const out: FailureEvent[] = [];
  for (const entry of exceptions.exceptionHistory.entries) {
    const where = [entry.taskName, entry.taskManagerId ?? entry.endpoint].filter(Boolean).join(' on ');
    const message = firstLine(entry.stacktrace) || entry.exceptionName;
    out.push({
      id: `exception:${entry.timestamp}:${entry.exceptionName}:${entry.taskName ?? ''}`,
      kind: 'exception',
      start: entry.timestamp,
      end: entry.timestamp,
      title: message,
      lines: where ? [where] : [],
      where: where || 'global failure',
      link: links.exception(jobId, entry.timestamp),
    });
    const texts = [entry, ...entry.concurrentExceptions].map((e) => e.stacktrace);
    const lost = texts.map((t) => TM_LOST.exec(t)).find((m) => m !== null);
    if (lost) {
      const tm = entry.taskManagerId ?? null;
      out.push({
        id: `tm-lost:${entry.timestamp}:${tm ?? ''}`,
        kind: 'tm-lost',
        start: entry.timestamp,
        end: entry.timestamp,
        title: `Task manager lost${tm ? `: ${tm}` : ''}`,
        lines: [lost[0]],
        where: tm ?? 'a task manager',
        link: tm ? links.taskManager(tm) : links.exception(jobId, entry.timestamp),
      });
    }
  }
  return out;
}

/** Task managers that left the cluster's list while the dashboard watched it (lib/task-manager-loss). */
export function lossEvents(losses: readonly TaskManagerLoss[], since: number): FailureEvent[] {
  return losses
    .filter((l) => l.at >= since)
    .map((l) => ({
      id: `tm-lost:list:${l.id}:${l.at}`,
      kind: 'tm-lost' as const,
      start: l.at,
      end: l.at,
      title: `Task manager ${l.id} lost`,
      lines: ['left the task manager list while the dashboard was open'],
      where: l.id,
      link: links.taskManagers(),
    }));
}

export function checkpointEvents(jobId: string, checkpoints: CheckpointingStatistics): FailureEvent[] {
  const out: FailureEvent[] = [];
  for (const c of checkpoints.history) {
    if (c.status === 'IN_PROGRESS') continue;
    const savepoint = c.is_savepoint || /SAVEPOINT/i.test(String(c.checkpoint_type));
    const kind: FailureKind = savepoint
      ? 'savepoint'
      : c.status === 'FAILED'
        ? 'checkpoint-failed'
        : 'checkpoint-completed';
    const end = c.trigger_timestamp + Math.max(0, c.end_to_end_duration);
    const failure = 'failure_message' in c && typeof c.failure_message === 'string' ? c.failure_message : null;
    out.push({
      id: `checkpoint:${c.id}:${c.status}`,
      kind,
      start: c.trigger_timestamp,
      end: Number.isFinite(end) ? end : c.trigger_timestamp,
      title: `${savepoint ? 'Savepoint' : 'Checkpoint'} ${c.id} ${c.status.toLowerCase()}`,
      lines: failure ? [firstLine(failure)] : [],
      where: `${savepoint ? 'savepoint' : 'checkpoint'} ${c.id}`,
      link: links.checkpoint(jobId, c.id),
    });
  }
  return out;
}

/**
 * Merges new events into what was seen, by id, sorted by time; at most `cap`, the oldest
 * dropped. Returns `previous` itself when nothing is new.
 */
export function mergeEvents(
  previous: readonly FailureEvent[],
  latest: readonly FailureEvent[],
  cap = EVENTS_CAP,
): readonly FailureEvent[] {
  const ids = new Set(previous.map((e) => e.id));
  // A checkpoint that ended replaces nothing: its id carries its final status.
  const fresh = latest.filter((e) => !ids.has(e.id));
  if (fresh.length === 0) return previous;
  const merged = [...previous, ...fresh].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  return merged.length > cap ? merged.slice(merged.length - cap) : merged;
}

export interface FailureStore {
  record: (jobId: string, events: readonly FailureEvent[]) => void;
  get: (jobId: string) => readonly FailureEvent[];
  /** When this page first watched the job (epoch ms). */
  since: (jobId: string) => number | undefined;
  subscribe: (listener: () => void) => () => void;
}

const EMPTY: readonly FailureEvent[] = Object.freeze([]);

export function createFailureStore(cap = EVENTS_CAP, maxJobs = EVENTS_JOBS): FailureStore {
  const entries = new Map<string, { events: readonly FailureEvent[]; since: number }>();
  const listeners = new Set<() => void>();
  return {
    record(jobId, events) {
      const before = entries.get(jobId);
      const merged = mergeEvents(before?.events ?? EMPTY, events, cap);
      entries.delete(jobId);
      entries.set(jobId, { events: merged, since: before?.since ?? Date.now() });
      while (entries.size > maxJobs) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      if (merged !== before?.events) for (const l of listeners) l();
    },
    get: (jobId) => entries.get(jobId)?.events ?? EMPTY,
    since: (jobId) => entries.get(jobId)?.since,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The page's store: kept across tabs and jobs while the page is open. */
export const failureStore = createFailureStore();
