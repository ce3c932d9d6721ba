import { describe, expect, it } from 'vitest';
import { advanceCounter, countInWindow, EMPTY_HISTORY, MAX_EVENTS } from './counter-history';

const W = 600_000;

describe('counter history', () => {
  it('counts increases within the window and forgets older ones', () => {
    let h = advanceCounter(EMPTY_HISTORY, 10, 1_000_000, W);
    expect(countInWindow(h, 1_000_000, W)).toEqual({ count: 0, spanMs: 0 });
    h = advanceCounter(h, 12, 1_060_000, W);
    h = advanceCounter(h, 12, 1_120_000, W);
    h = advanceCounter(h, 13, 1_500_000, W);
    expect(countInWindow(h, 1_500_000, W)).toEqual({ count: 3, spanMs: 500_000 });
    h = advanceCounter(h, 13, 1_700_000, W);
    // The first increase (at 1 060 000) is now out of the window.
    expect(h.events).toEqual([{ at: 1_500_000, n: 1 }]);
    expect(countInWindow(h, 1_700_000, W)).toEqual({ count: 1, spanMs: W });
  });

  it('takes what the first answer dates, and is complete since then', () => {
    const h = advanceCounter(EMPTY_HISTORY, 77, 1_000_000, W, {
      known: [
        { at: 980_000, n: 1 },
        { at: 100_000, n: 1 }, // outside the window
      ],
      completeSince: 980_000,
    });
    expect(h.events).toEqual([{ at: 980_000, n: 1 }]);
    expect(countInWindow(h, 1_000_000, W)).toEqual({ count: 1, spanMs: 20_000 });
  });

  it('does not count a counter that went down (a new run), nor a missing value', () => {
    let h = advanceCounter(EMPTY_HISTORY, 5, 0, W);
    h = advanceCounter(h, 2, 1000, W);
    h = advanceCounter(h, null, 2000, W);
    expect(h.events).toEqual([]);
    expect(h.last).toBe(2);
    h = advanceCounter(h, 3, 3000, W);
    expect(countInWindow(h, 3000, W).count).toBe(1);
  });

  it('stays bounded however often the counter moves', () => {
    let h = advanceCounter(EMPTY_HISTORY, 0, 0, W);
    for (let i = 1; i <= 1000; i += 1) h = advanceCounter(h, i, i * 100, W);
    expect(h.events.length).toBeLessThanOrEqual(MAX_EVENTS);
  });
});
