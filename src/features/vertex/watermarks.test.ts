import { describe, expect, it } from 'vitest';
import {
  describeLag,
  formatWatermarkTime,
  isEndOfInput,
  isIdleSubtask,
  isNoWatermark,
  lowestWatermark,
  NO_WATERMARK,
  parseWatermarks,
  subtasksToCheckForIdle,
  watermarkLag,
  watermarkSkew,
  type SubtaskWatermark,
  type WatermarkState,
} from './watermarks';

describe('isNoWatermark', () => {
  it("recognises Flink's Long.MIN_VALUE as JSON parsing delivers it", () => {
    // The long does not fit a double: JSON.parse rounds it to -2^63.
    const parsed = (JSON.parse('{"v":-9223372036854775808}') as { v: number }).v;
    expect(isNoWatermark(parsed)).toBe(true);
    expect(isNoWatermark(Number('-9223372036854775808'))).toBe(true);
    expect(isNoWatermark(NO_WATERMARK)).toBe(true);
    expect(isNoWatermark(Number.NaN)).toBe(true);
  });
  it('accepts real times, including 0 and the distant past', () => {
    expect(isNoWatermark(0)).toBe(false);
    expect(isNoWatermark(1_795_721_496_557)).toBe(false);
    expect(isNoWatermark(-1)).toBe(false);
  });
  it('tells the end of input (Long.MAX_VALUE) apart', () => {
    expect(isEndOfInput(Number('9223372036854775807'))).toBe(true);
    expect(isEndOfInput(1_795_721_496_557)).toBe(false);
  });
});

describe('parseWatermarks', () => {
  it('reads the per-subtask metric values, sorted by subtask', () => {
    const rows = parseWatermarks([
      { id: '1.currentInputWatermark', value: '-9223372036854775808' },
      { id: '0.currentInputWatermark', value: '1795721496557' },
      { id: '2.currentInputWatermark', value: '9223372036854775807' },
      { id: '0.somethingElse', value: '1' },
      { id: '3.currentInputWatermark' },
    ]);
    expect(rows).toEqual([
      { subtask: 0, watermark: 1795721496557, state: 'time' },
      { subtask: 1, watermark: null, state: 'none' },
      { subtask: 2, watermark: null, state: 'end' },
    ]);
  });
});

describe('watermarkLag', () => {
  it('is the distance behind wall-clock time', () => {
    expect(watermarkLag(1_000, 5_000)).toBe(4_000);
    expect(watermarkLag(6_000, 5_000)).toBe(-1_000);
  });
  it('is null without a watermark', () => {
    expect(watermarkLag(null, 5_000)).toBeNull();
    expect(watermarkLag(NO_WATERMARK, 5_000)).toBeNull();
    expect(watermarkLag(Number('9223372036854775807'), 5_000)).toBeNull();
  });
});

describe('watermarkSkew', () => {
  it('is the spread between the most and least advanced subtask', () => {
    expect(watermarkSkew([1_000, 4_000, 2_500])).toBe(3_000);
    expect(watermarkSkew([1_000])).toBe(0);
  });
  it('ignores subtasks without a watermark, and is null when none has one', () => {
    expect(watermarkSkew([1_000, null, NO_WATERMARK, 3_000])).toBe(2_000);
    expect(watermarkSkew([null, NO_WATERMARK])).toBeNull();
    expect(watermarkSkew([])).toBeNull();
  });
});

describe('lowestWatermark', () => {
  it('is the minimum, or null while any subtask has none', () => {
    expect(
      lowestWatermark([
        { subtask: 0, watermark: 5, state: 'time' },
        { subtask: 1, watermark: 3, state: 'time' },
      ]),
    ).toBe(3);
    expect(
      lowestWatermark([
        { subtask: 0, watermark: 5, state: 'time' },
        { subtask: 1, watermark: null, state: 'none' },
      ]),
    ).toBeNull();
  });
});

describe('formatting', () => {
  it('shows milliseconds in the chosen zone', () => {
    expect(formatWatermarkTime(Date.UTC(2026, 10, 26, 19, 14, 36, 250), 'UTC')).toBe('2026-11-26 19:14:36.250');
    expect(formatWatermarkTime(Date.UTC(2026, 10, 26, 19, 14, 36, 5), 'Asia/Tokyo')).toBe('2026-11-27 04:14:36.005');
  });
  it('says which way the watermark is off', () => {
    const fmt = (ms: number) => `${ms}ms`;
    expect(describeLag(40, fmt)).toBe('40ms behind');
    expect(describeLag(-40, fmt)).toBe('40ms ahead');
    expect(describeLag(null, fmt)).toBe('–');
  });
  it('calls a subtask idle only when it receives nothing', () => {
    expect(isIdleSubtask(0)).toBe(true);
    expect(isIdleSubtask(0.5)).toBe(false);
    expect(isIdleSubtask(undefined)).toBe(false);
    expect(isIdleSubtask(Number.NaN)).toBe(false);
  });
});

describe('subtasksToCheckForIdle', () => {
  const row = (subtask: number, watermark: number | null, state: WatermarkState = 'time'): SubtaskWatermark => ({
    subtask,
    watermark,
    state,
  });
  it('asks for every subtask up to the limit', () => {
    expect(subtasksToCheckForIdle([row(1, 5), row(0, 9)], 2)).toEqual([1, 0]);
  });
  it('beyond the limit, asks for those furthest behind (no watermark first), in subtask order', () => {
    const rows = [row(0, 50), row(1, 10), row(2, null, 'none'), row(3, 30), row(4, null, 'end'), row(5, 20)];
    expect(subtasksToCheckForIdle(rows, 3)).toEqual([1, 2, 5]);
  });
  it('on ties at the limit, takes the lowest subtask numbers, whatever order the rows come in', () => {
    let seed = 11;
    const next = (): number => (seed = (seed * 48271) % 2147483647);
    const rows = Array.from({ length: 5000 }, (_, i) => {
      const r = next() % 40;
      return r === 0 ? row(i, null, 'none') : r === 1 ? row(i, null, 'end') : row(i, 1000 + (r % 9));
    }).sort(() => (next() % 2 ? 1 : -1));
    const rank = (r: SubtaskWatermark): number =>
      r.state === 'none' ? -Infinity : r.state === 'end' ? Infinity : (r.watermark ?? 0);
    // What "furthest behind, then lowest subtask" means, by a full sort.
    const expected = [...rows]
      .sort((a, b) => rank(a) - rank(b) || a.subtask - b.subtask)
      .slice(0, 100)
      .map((r) => r.subtask)
      .sort((a, b) => a - b);
    expect(subtasksToCheckForIdle(rows)).toEqual(expected);
    expect(subtasksToCheckForIdle(rows, 300)).toHaveLength(300);
  });
  it('keeps one request of at most MAX_RATE_SUBTASKS ids at parallelism 512', () => {
    const rows = Array.from({ length: 512 }, (_, i) => row(i, 1000 + (i % 7)));
    const ids = subtasksToCheckForIdle(rows);
    expect(ids).toHaveLength(100);
    expect(ids.map((n) => `${n}.numRecordsInPerSecond`).join(',').length).toBeLessThan(3500);
  });
});
