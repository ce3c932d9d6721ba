import { describe, expect, it } from 'vitest';
import { groupInTurn, isStale, leastRecentlyRead, pickInTurn, roundsToReadAll, staleAfterMs } from './read-in-turn';

describe('when a figure read in turn says its age', () => {
  it('after one and a half refreshes plus the time an answer takes', () => {
    expect(staleAfterMs(1000)).toBe(2500);
    expect(staleAfterMs(3000)).toBe(5500);
    expect(isStale(2500, 1000)).toBe(false);
    expect(isStale(2501, 1000)).toBe(true);
  });

  it('always once the refresh is off', () => {
    expect(staleAfterMs(false)).toBe(0);
    expect(isStale(1, false)).toBe(true);
  });
});

describe('groupInTurn', () => {
  it('takes all items while they fit in the budget', () => {
    expect(groupInTurn(['a', 'b'], 7, 5)).toEqual(['a', 'b']);
    expect(roundsToReadAll(5, 5)).toBe(1);
    expect(roundsToReadAll(0, 5)).toBe(1);
  });

  it('takes each item exactly once a round, the groups in the order given, and starts again', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(roundsToReadAll(items.length, 3)).toBe(3);
    expect([0, 1, 2].map((turn) => groupInTurn(items, turn, 3))).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
    expect(groupInTurn(items, 3, 3)).toEqual(['a', 'b', 'c']);
    expect(groupInTurn(items, -1, 3)).toEqual(['g']);
  });
});

describe('leastRecentlyRead', () => {
  it('puts never read items first, then the oldest reads, ties in the order given', () => {
    const readAt = new Map([
      ['a', 30],
      ['b', 10],
      ['d', 10],
    ]);
    expect(leastRecentlyRead(['a', 'b', 'c', 'd', 'e'], (id) => readAt.get(id))).toEqual(['c', 'e', 'b', 'd', 'a']);
  });
});

describe('pickInTurn', () => {
  const items = [
    { id: 'a', ok: true, read: true },
    { id: 'b', ok: false, read: false },
    { id: 'c', ok: true, read: false },
    { id: 'd', ok: true, read: true },
  ];
  const ok = (x: (typeof items)[number]): boolean => x.ok;
  const read = (x: (typeof items)[number]): boolean => x.read;

  it('picks the first qualifying item never read, whatever the turn', () => {
    expect(pickInTurn(items, 0, ok, read)?.id).toBe('c');
    expect(pickInTurn(items, 5, ok, read)?.id).toBe('c');
  });

  it('then goes round the qualifying items, and gives null when none qualifies', () => {
    const allRead = items.map((x) => ({ ...x, read: true }));
    expect([0, 1, 2, 3].map((turn) => pickInTurn(allRead, turn, ok, read)?.id)).toEqual(['a', 'c', 'd', 'a']);
    expect(pickInTurn(items, 0, () => false, read)).toBeNull();
  });
});
