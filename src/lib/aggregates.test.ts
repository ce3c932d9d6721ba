import { describe, expect, it } from 'vitest';
import { aggregate, aggregateBy, median } from './aggregates';

describe('median', () => {
  it('is the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  it('skips missing and non-finite values, and is undefined without any', () => {
    expect(median([undefined, 4, null, Number.NaN, 2, Infinity])).toBe(3);
    expect(median([])).toBeUndefined();
    expect(median([null, undefined, Number.NaN])).toBeUndefined();
  });
  it('agrees with a plain sort on long lists of mixed values', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 48271) % 2147483647);
    for (const length of [1, 2, 999, 5000]) {
      const values = Array.from({ length }, () => {
        const r = next();
        return r % 10 === 0 ? undefined : r % 10 === 1 ? Number.NaN : ((r % 20001) - 10000) / 7;
      });
      const sorted = values.filter((x): x is number => x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      const expected = sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
      expect(median(values)).toBe(expected);
    }
  });

  it('agrees with a plain sort on sorted, reversed and tie-heavy lists', () => {
    const lists = [
      Array.from({ length: 5000 }, (_, i) => i),
      Array.from({ length: 5001 }, (_, i) => 5001 - i),
      Array.from({ length: 4000 }, (_, i) => i % 3),
      Array.from({ length: 6 }, () => 4),
    ];
    for (const values of lists) {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      const expected = sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
      expect(median(values)).toBe(expected);
    }
  });

  it('counts ties as separate values', () => {
    expect(median([2, 2, 9])).toBe(2);
    expect(median([1, 2, 2, 9])).toBe(2);
  });
});

describe('aggregate', () => {
  it('gives min, median, max and the positions of the max', () => {
    expect(aggregate([3, 9, 1, 4])).toEqual({ count: 4, min: 1, median: 3.5, max: 9, maxAt: [1] });
  });
  it('lists every position holding a tied max, in order', () => {
    expect(aggregate([9, 1, 9, 9])?.maxAt).toEqual([0, 2, 3]);
    expect(aggregate([0, 0])).toEqual({ count: 2, min: 0, median: 0, max: 0, maxAt: [0, 1] });
  });
  it('skips missing values but keeps positions of the input', () => {
    expect(aggregate([undefined, 2, null, 8, Number.NaN])).toEqual({ count: 2, min: 2, median: 5, max: 8, maxAt: [3] });
  });
  it('is undefined when no value is present', () => {
    expect(aggregate([])).toBeUndefined();
    expect(aggregate([undefined, null])).toBeUndefined();
  });
  it('handles negative numbers', () => {
    expect(aggregate([-5, -1, -3])).toEqual({ count: 3, min: -5, median: -3, max: -1, maxAt: [1] });
  });
});

describe('aggregateBy', () => {
  it("is aggregate of each item's value, positions counted over the items", () => {
    const items = [{ ms: 4 }, { ms: undefined }, { ms: 9 }, { ms: 1 }, { ms: 9 }];
    expect(aggregateBy(items, (item) => item.ms)).toEqual({ count: 4, min: 1, median: 6.5, max: 9, maxAt: [2, 4] });
    expect(aggregateBy(items, (item) => item.ms)).toEqual(aggregate(items.map((item) => item.ms)));
    expect(aggregateBy([{ ms: null }], (item) => item.ms)).toBeUndefined();
  });
});
