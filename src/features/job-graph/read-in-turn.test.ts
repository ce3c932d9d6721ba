import { describe, expect, it } from 'vitest';
import { newestRead, readAge, readRounds, readWindow, READS_PER_REFRESH } from './read-in-turn';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `v${i}`);

describe('readWindow', () => {
  it('reads every vertex on screen each refresh while they fit in the budget', () => {
    expect([...readWindow(ids(READS_PER_REFRESH), 0)]).toEqual(ids(READS_PER_REFRESH));
    expect([...readWindow(ids(3), 7)]).toEqual(ids(3));
    expect(readRounds(READS_PER_REFRESH)).toBe(1);
    expect(readRounds(0)).toBe(1);
  });

  it('reads at most the budget per refresh, and each vertex exactly once per round, however many are on screen', () => {
    for (const n of [6, 16, 17, 60, 300]) {
      const on = ids(n);
      const rounds = readRounds(n);
      expect(rounds).toBe(Math.ceil(n / READS_PER_REFRESH));
      const seen = new Map<string, number>();
      for (let turn = 0; turn < rounds; turn += 1) {
        const window = readWindow(on, turn);
        expect(window.size).toBeGreaterThan(0);
        expect(window.size).toBeLessThanOrEqual(READS_PER_REFRESH);
        for (const id of window) seen.set(id, (seen.get(id) ?? 0) + 1);
      }
      expect(seen.size).toBe(n);
      expect([...seen.values()].every((count) => count === 1)).toBe(true);
      // The next round starts again with the first group.
      expect(readWindow(on, rounds)).toEqual(readWindow(on, 0));
    }
  });
});

describe('readAge', () => {
  it('says nothing for a figure read on the last refresh, its age once it is older', () => {
    expect(readAge(10_000, 11_000, 1000)).toBe('');
    expect(readAge(10_000, 11_500, 1000)).toBe('');
    expect(readAge(10_000, 14_000, 1000)).toBe('read 4.0s ago');
    expect(readAge(10_000, 40_000, 3000)).toBe('read 30s ago');
  });

  it('says nothing for a figure never read (it shows "–" itself)', () => {
    expect(readAge(undefined, 14_000, 1000)).toBe('');
    expect(readAge(0, 14_000, 1000)).toBe('');
  });

  it('says the age of every figure read once the refresh is off: each is as old as it is', () => {
    expect(readAge(10_000, 10_200, false)).toBe('read 200ms ago');
  });

  it('takes the newest read of any kind as now', () => {
    expect(
      newestRead(
        new Map([['a', 5]]),
        new Map([
          ['b', 9],
          ['c', 0],
        ]),
      ),
    ).toBe(9);
    expect(newestRead()).toBe(0);
  });
});
