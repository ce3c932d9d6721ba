// The graph's request budget: the watermark and data skew of the vertices on screen are read at
// most READS_PER_REFRESH vertices per refresh, in turn, however many vertices the screen shows (a
// 300-vertex job zoomed out to readable details shows dozens). Each vertex keeps its last figures
// between its turns, and a figure older than the refresh says how old it is (the rules every view
// that reads in turn shares: src/lib/read-in-turn.ts).

import { useState } from 'react';
import { formatDuration } from '../../lib/format';
import { groupInTurn, isStale, roundsToReadAll } from '../../lib/read-in-turn';

/** Vertices whose watermark and data skew are read on one refresh. */
export const READS_PER_REFRESH = 5;

/**
 * The vertices read on refresh number `turn`: all of them when they fit in `cap`, else the
 * `turn`-th group of `cap` (groups in screen order, the last one shorter), so each vertex on screen
 * is read exactly once every ceil(n / cap) refreshes.
 */
export function readWindow(ids: readonly string[], turn: number, cap = READS_PER_REFRESH): ReadonlySet<string> {
  return new Set(groupInTurn(ids, turn, cap));
}

/** Refreshes it takes to read every one of `count` vertices once. */
export function readRounds(count: number, cap = READS_PER_REFRESH): number {
  return roundsToReadAll(count, cap);
}

/**
 * How old a figure read at `readAt` is at `now`, for the node ("read 4.0s ago"), or '' when it is
 * no older than a refresh (or was never read: the figure itself says "–" then).
 */
export function readAge(readAt: number | undefined, now: number, intervalMs: number | false): string {
  if (!readAt) return '';
  const age = now - readAt;
  return isStale(age, intervalMs) ? `read ${formatDuration(age)} ago` : '';
}

/**
 * The refresh number, counted from the times the job's details were received (the page polls
 * them; the time moves even when an answer is the same as the last): the turns advance with the
 * refreshes, and stop when the polling does (a hidden tab, a job that ended).
 */
export function useRefreshTurn(receivedAt: number): number {
  const [state, setState] = useState(() => ({ source: receivedAt, turn: 0 }));
  if (state.source !== receivedAt) {
    const next = { source: receivedAt, turn: state.turn + 1 };
    setState(next);
    return next.turn;
  }
  return state.turn;
}

/**
 * When the newest of these figures was read: with the details' time, "now" for their ages (read
 * without a clock during render).
 */
export function newestRead(...readAt: readonly ReadonlyMap<string, number>[]): number {
  let newest = 0;
  for (const times of readAt) for (const t of times.values()) newest = Math.max(newest, t);
  return newest;
}
