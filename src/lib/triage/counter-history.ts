// How many times a cumulative counter (restarts, failed checkpoints) went up within a recent
// window, from successive polls. Bounded: events older than the window are dropped, and at most
// MAX_EVENTS are kept whatever happens.

export const MAX_EVENTS = 64;

export interface CounterEvent {
  /** When the increase was seen (JobManager clock, ms). */
  readonly at: number;
  /** By how much the counter went up. */
  readonly n: number;
}

export interface CounterHistory {
  readonly events: readonly CounterEvent[];
  /** The counter's last value, or null before the first poll. */
  readonly last: number | null;
  /** Since when the history is complete: every increase after this time is in `events`. */
  readonly since: number | null;
}

export const EMPTY_HISTORY: CounterHistory = Object.freeze({ events: [], last: null, since: null });

/** What the first answer itself tells of the past, so a wall that just started is not blind. */
export interface CounterSeed {
  /** Increases the answer dates (the job's last restart, the failed checkpoints in Flink's history). */
  readonly known: readonly CounterEvent[];
  /** Since when `known` is every increase there was (the last restart, the oldest checkpoint kept). */
  readonly completeSince: number;
}

/** The history after one more poll of the counter (`count`, at JobManager time `at`). */
export function advanceCounter(
  history: CounterHistory,
  count: number | null,
  at: number,
  windowMs: number,
  seed: CounterSeed = { known: [], completeSince: at },
): CounterHistory {
  if (count === null || !Number.isFinite(count)) return prune(history, at, windowMs);
  if (history.last === null) {
    const seeded = seed.known.filter((e) => e.n > 0 && e.at <= at && e.at >= at - windowMs).sort((a, b) => a.at - b.at);
    const since = Math.min(at, seed.completeSince, ...seeded.map((e) => e.at));
    return prune({ events: seeded, last: count, since }, at, windowMs);
  }
  let events = history.events;
  if (count > history.last) events = [...events, { at, n: count - history.last }];
  // A counter that went down belongs to a new run (a resubmitted job): no increase to count.
  return prune({ events, last: count, since: history.since ?? at }, at, windowMs);
}

function prune(history: CounterHistory, at: number, windowMs: number): CounterHistory {
  const from = at - windowMs;
  let events = history.events;
  if (events.length > 0 && (events[0]?.at ?? at) < from) events = events.filter((e) => e.at >= from);
  if (events.length > MAX_EVENTS) events = events.slice(events.length - MAX_EVENTS);
  return events === history.events ? history : { ...history, events };
}

export interface WindowCount {
  /** Increases within the window (or within the time the history covers, when shorter). */
  readonly count: number;
  /** The time the count covers: the window, or less while the history is younger. */
  readonly spanMs: number;
}

export function countInWindow(history: CounterHistory, now: number, windowMs: number): WindowCount {
  const from = now - windowMs;
  let count = 0;
  for (const e of history.events) if (e.at >= from) count += e.n;
  const spanMs = history.since === null ? 0 : Math.min(windowMs, Math.max(0, now - history.since));
  return { count, spanMs };
}
