import { describe, expect, it } from 'vitest';
import { HEAP_READS_ON_SCREEN, HEAP_READS_PER_REFRESH, planHeapReads, refreshesPerRound } from './heap-schedule';

const tms = (n: number) => Array.from({ length: n }, (_, i) => `10.0.0.${i}:6122-tm${i}`);

/** Runs `refreshes` turns, reading what each plans at time = refresh number; returns the reads. */
function simulate(ids: readonly string[], onScreen: readonly string[], refreshes: number) {
  const readAt = new Map<string, number>();
  const turns: string[][] = [];
  for (let n = 1; n <= refreshes; n += 1) {
    const plan = planHeapReads({ ids, onScreen, readAt });
    for (const id of plan) readAt.set(id, n);
    turns.push(plan);
  }
  return { turns, readAt };
}

describe('planHeapReads', () => {
  it('reads every task manager on every refresh on a small cluster (the sandbox)', () => {
    const ids = tms(2);
    const readAt = new Map(ids.map((id) => [id, 5]));
    expect(planHeapReads({ ids, onScreen: [], readAt })).toEqual(ids);
    expect(planHeapReads({ ids: tms(HEAP_READS_PER_REFRESH), onScreen: [], readAt: new Map() })).toHaveLength(
      HEAP_READS_PER_REFRESH,
    );
  });

  it('reads a bounded number per refresh, whatever the size of the cluster', () => {
    for (const n of [7, 200, 5000]) {
      const ids = tms(n);
      const { turns } = simulate(ids, ids.slice(0, 30), 20);
      for (const plan of turns) {
        expect(plan).toHaveLength(HEAP_READS_PER_REFRESH);
        expect(new Set(plan).size).toBe(plan.length);
      }
    }
  });

  it('reads the rows on screen first, the least recently read of them first', () => {
    const ids = tms(200);
    const onScreen = ids.slice(100, 110);
    const readAt = new Map(onScreen.map((id, i) => [id, 100 - i])); // the lower on screen, the older
    const plan = planHeapReads({ ids, onScreen, readAt });
    expect(plan.slice(0, HEAP_READS_ON_SCREEN)).toEqual([ids[109], ids[108], ids[107]]);
    // The rest of the turn: task managers never read, in list order.
    expect(plan.slice(HEAP_READS_ON_SCREEN)).toEqual(ids.slice(0, HEAP_READS_PER_REFRESH - HEAP_READS_ON_SCREEN));
  });

  it('gives the screen share to the rest when few rows are on screen, and ignores rows no longer listed', () => {
    const ids = tms(50);
    const plan = planHeapReads({ ids, onScreen: ['gone:1-x', ids[40] ?? ''], readAt: new Map() });
    expect(plan[0]).toBe(ids[40]);
    expect(plan).not.toContain('gone:1-x');
    expect(plan).toHaveLength(HEAP_READS_PER_REFRESH);
  });

  it('covers every task manager within refreshesPerRound refreshes, while the rows on screen stay fresh', () => {
    const ids = tms(200);
    const onScreen = ids.slice(20, 45); // 25 rows on screen
    const rounds = refreshesPerRound(ids.length);
    expect(rounds).toBe(Math.ceil(200 / (HEAP_READS_PER_REFRESH - HEAP_READS_ON_SCREEN)));
    const { turns, readAt } = simulate(ids, onScreen, rounds);
    expect(readAt.size).toBe(ids.length);
    // Each row on screen is read at least every ceil(25 / 3) refreshes.
    const gap = Math.ceil(onScreen.length / HEAP_READS_ON_SCREEN);
    for (const id of onScreen) {
      const at = turns.flatMap((plan, i) => (plan.includes(id) ? [i] : []));
      const gaps = at.slice(1).map((t, i) => t - (at[i] ?? 0));
      expect(Math.max(at[0] ?? Infinity, ...gaps)).toBeLessThanOrEqual(gap);
    }
    // And afterwards no task manager waits longer than a round.
    const later = simulate(ids, onScreen, rounds * 3);
    for (const id of ids) {
      const at = later.turns.flatMap((plan, i) => (plan.includes(id) ? [i] : []));
      const gaps = at.slice(1).map((t, i) => t - (at[i] ?? 0));
      expect(Math.max(...gaps)).toBeLessThanOrEqual(rounds);
    }
  });

  it('says one refresh covers a small cluster', () => {
    expect(refreshesPerRound(2)).toBe(1);
    expect(refreshesPerRound(7)).toBe(3);
  });
});
