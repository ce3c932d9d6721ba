// Reading in turn. Where a view would need one request per item on every refresh (a vertex's
// watermark, a task manager's heap, a job's details), the requests would grow with the cluster: so
// it reads a few items a refresh instead, in turn, keeps each item's last figure between its turns,
// and says how old a figure is once it is older than a refresh. The views differ in how many they
// read and which come first; the rules they share are here, once: the orders items are taken in,
// and when a figure is old enough to say its age.

/** A figure older than this many refresh intervals says how old it is... */
const STALE_AFTER_INTERVALS = 1.5;
/** ...plus this much, the time an answer may take on its way (a busy JobManager, a VPN). */
const ANSWER_SLACK_MS = 1000;

/**
 * The age (ms) past which a figure read in turn shows how old it is. With the refresh off (false)
 * every figure is as old as it is: 0, its age always shows.
 */
export function staleAfterMs(intervalMs: number | false): number {
  return intervalMs === false ? 0 : Math.round(intervalMs * STALE_AFTER_INTERVALS) + ANSWER_SLACK_MS;
}

/** Is a figure `ageMs` old past the age at which it says so? */
export function isStale(ageMs: number, intervalMs: number | false): boolean {
  return ageMs > staleAfterMs(intervalMs);
}

/**
 * The items read on refresh number `turn` when at most `cap` are read a refresh: all of them when
 * they fit, else the `turn`-th group of `cap` in the order given (the last group shorter), so each
 * item is read exactly once every `roundsToReadAll(n, cap)` refreshes.
 */
export function groupInTurn<T>(items: readonly T[], turn: number, cap: number): T[] {
  if (items.length <= cap) return [...items];
  const groups = roundsToReadAll(items.length, cap);
  const start = (((turn % groups) + groups) % groups) * cap;
  return items.slice(start, start + cap);
}

/** Refreshes it takes to read each of `count` items once, `cap` a refresh. */
export function roundsToReadAll(count: number, cap: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, cap)));
}

/**
 * The items least recently read first: never read (`readAt` undefined) before any read, ties in
 * the order given. `readAt` may be a time or a refresh number: only the order matters.
 */
export function leastRecentlyRead<T>(items: readonly T[], readAt: (item: T) => number | undefined): T[] {
  return items
    .map((item, index) => ({ item, index, at: readAt(item) ?? -Infinity }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((x) => x.item);
}

/**
 * The `turn`-th pick among the items that qualify (`ok`): the first one never read (`read` false),
 * in the order given, else round robin over them. Null when none qualifies.
 */
export function pickInTurn<T>(
  items: readonly T[],
  turn: number,
  ok: (item: T) => boolean,
  read: (item: T) => boolean,
): T | null {
  const candidates = items.filter(ok);
  if (candidates.length === 0) return null;
  const unread = candidates.find((c) => !read(c));
  if (unread !== undefined) return unread;
  return candidates[((turn % candidates.length) + candidates.length) % candidates.length] ?? null;
}
