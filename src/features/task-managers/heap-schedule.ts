// Which task managers' heap is read on a refresh: the request budget as a pure function, so it can
// be unit-tested with any number of task managers. Flink's list does not carry heap use, and a
// request per task manager per refresh grows with the cluster (44 requests a refresh at 200), so a
// refresh reads at most HEAP_READS_PER_REFRESH of them: up to HEAP_READS_ON_SCREEN of the rows on
// screen (the least recently read first), then the least recently read of all (never read first,
// in list order), so every task manager is read in turn and the rows looked at stay fresh. A small
// cluster (up to the budget) has every task manager read on every refresh.

import { leastRecentlyRead, roundsToReadAll } from '../../lib/read-in-turn';

/** Heap reads per refresh, whatever the number of task managers. */
export const HEAP_READS_PER_REFRESH = 6;
/** Of which, at most this many go to the rows on screen. */
export const HEAP_READS_ON_SCREEN = 3;

export interface HeapPlanInput {
  /** Every task manager, in Flink's list order. */
  readonly ids: readonly string[];
  /** The task managers whose rows are on screen now, top first (may name ids no longer listed). */
  readonly onScreen: readonly string[];
  /** When each task manager's heap was last read; absent: never. */
  readonly readAt: ReadonlyMap<string, number>;
  readonly budget?: number;
  readonly onScreenBudget?: number;
}

/** The least recently read first (never read before any read), ties in the order given. */
const oldestFirst = (ids: readonly string[], readAt: ReadonlyMap<string, number>): string[] =>
  leastRecentlyRead(ids, (id) => readAt.get(id));

/** The task managers whose heap to read on this refresh. */
export function planHeapReads(input: HeapPlanInput): string[] {
  const { ids, onScreen, readAt } = input;
  const budget = Math.max(0, input.budget ?? HEAP_READS_PER_REFRESH);
  if (ids.length <= budget) return [...ids];
  const listed = new Set(ids);
  const screen = [...new Set(onScreen.filter((id) => listed.has(id)))];
  const picked = oldestFirst(screen, readAt).slice(0, Math.min(budget, input.onScreenBudget ?? HEAP_READS_ON_SCREEN));
  const taken = new Set(picked);
  for (const id of oldestFirst(ids, readAt)) {
    if (picked.length >= budget) break;
    if (!taken.has(id)) picked.push(id);
  }
  return picked;
}

/** How many refreshes it takes at most to read every task manager once (the rows on screen aside). */
export function refreshesPerRound(
  taskManagers: number,
  budget = HEAP_READS_PER_REFRESH,
  onScreenBudget = HEAP_READS_ON_SCREEN,
): number {
  if (taskManagers <= budget) return 1;
  return roundsToReadAll(taskManagers, budget - onScreenBudget);
}
