// Task managers lost while a page is open: one that was in `/taskmanagers` and is not in the next
// answer. Flink's list forgets a task manager once its heartbeat timed out, so the dashboard has
// to remember it. The triage engine (a finding) and the failure timeline (a mark) read the same
// module-level memory, fed by whichever view reads the list. Pure diff + a small bounded store.

export interface TaskManagerLoss {
  readonly id: string;
  /** When the list first lacked it (the caller's clock: the JobManager's where known). */
  readonly at: number;
}

export interface TaskManagerWatch {
  /** The ids of the last list seen; null before the first. */
  readonly known: ReadonlySet<string> | null;
  /** Losses seen, oldest first; one that comes back is dropped. */
  readonly lost: readonly TaskManagerLoss[];
}

export const MAX_LOSSES = 20;

export const EMPTY_WATCH: TaskManagerWatch = Object.freeze({ known: null, lost: Object.freeze([]) });

/** The watch after one more answer of the task manager list (ids, seen at `at`). Same object when nothing changed. */
export function diffTaskManagers(
  previous: TaskManagerWatch,
  ids: readonly string[],
  at: number,
  cap = MAX_LOSSES,
): TaskManagerWatch {
  const now = new Set(ids);
  if (previous.known === null) return { known: now, lost: previous.lost };
  const gone = [...previous.known].filter((id) => !now.has(id));
  const back = previous.lost.some((l) => now.has(l.id));
  const sameIds = gone.length === 0 && now.size === previous.known.size;
  if (sameIds && !back) return previous;
  let lost = back ? previous.lost.filter((l) => !now.has(l.id)) : previous.lost;
  if (gone.length > 0) lost = [...lost, ...gone.map((id) => ({ id, at }))];
  if (lost.length > cap) lost = lost.slice(lost.length - cap);
  return { known: now, lost };
}

export interface TaskManagerLossStore {
  observe: (ids: readonly string[], at: number) => void;
  get: () => readonly TaskManagerLoss[];
  subscribe: (listener: () => void) => () => void;
}

export function createTaskManagerLossStore(): TaskManagerLossStore {
  let watch = EMPTY_WATCH;
  const listeners = new Set<() => void>();
  return {
    observe: (ids, at) => {
      const next = diffTaskManagers(watch, ids, at);
      if (next === watch) return;
      const changed = next.lost !== watch.lost;
      watch = next;
      if (changed) for (const l of listeners) l();
    },
    get: () => watch.lost,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What this browser tab has seen of the cluster's task managers. */
export const taskManagerLosses = createTaskManagerLossStore();
