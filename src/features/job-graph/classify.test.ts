import { describe, expect, it } from 'vitest';
import { classifyVertex, formatRate, formatShare, formatWatermark, vertexText } from './classify';
import { NO_RATES, type VertexRates } from '../../lib/vertex-rates';

const r = (busy: number | null, backPressured: number | null): VertexRates => ({
  ...NO_RATES,
  busy,
  backPressured,
  idle: busy === null || backPressured === null ? null : 1 - busy - backPressured,
});

describe('classifyVertex', () => {
  it('colours back pressure first, then busy time, at 50%', () => {
    expect(classifyVertex(r(0.01, 0.99), 'RUNNING')).toBe('back-pressured');
    expect(classifyVertex(r(0.5, 0.5), 'RUNNING')).toBe('back-pressured');
    expect(classifyVertex(r(1, 0), 'RUNNING')).toBe('busy');
    expect(classifyVertex(r(0.5, 0), 'RUNNING')).toBe('busy');
    expect(classifyVertex(r(0.49, 0.49), 'RUNNING')).toBe('ok');
    expect(classifyVertex(r(0, 0), 'RUNNING')).toBe('ok');
  });

  it('says when there is nothing to judge by, and greys out vertices that do not run', () => {
    expect(classifyVertex(NO_RATES, 'RUNNING')).toBe('no-data');
    expect(classifyVertex(r(null, 0.9), 'RUNNING')).toBe('back-pressured');
    expect(classifyVertex(r(1, 0), 'FINISHED')).toBe('inactive');
    expect(classifyVertex(r(1, 0), 'CANCELED')).toBe('inactive');
    expect(classifyVertex(r(1, 0), undefined)).toBe('busy');
  });
});

describe('formatting', () => {
  it('formats shares, rates and watermarks', () => {
    expect(formatShare(null)).toBe('–');
    expect(formatShare(0.987)).toBe('99%');
    expect(formatRate(null)).toBe('–');
    expect(formatRate(0)).toBe('0/s');
    expect(formatRate(2.345)).toBe('2.3/s');
    expect(formatRate(12345.6)).toBe('12,346/s');
    expect(formatWatermark(undefined)).toBe('watermark –');
    expect(formatWatermark(null)).toBe('no watermark');
    expect(formatWatermark(Date.UTC(2026, 10, 26, 19, 14, 36), 'UTC')).toBe('watermark 2026-11-26 19:14:36');
  });

  it('builds the node text and an accessible name that starts with the full name', () => {
    const text = vertexText({
      name: "<img src=x onerror=alert('xss-img')>",
      parallelism: 2,
      status: 'RUNNING',
      rates: { busy: 0.01, backPressured: 0.99, idle: 0, recordsInPerSecond: 0, recordsOutPerSecond: 211.4 },
      load: 'back-pressured',
      watermark: null,
      skew: { skew: 29.6021528838461, min: 29037, avg: 41247, max: 53457 },
    });
    expect(text.ariaLabel).toBe("<img src=x onerror=alert('xss-img')>: busy 1%, back-pressured 99%");
    expect(text.lines).toEqual([
      'parallelism 2 · RUNNING',
      'busy 1% · back-pressured 99%',
      'in 0/s · out 211/s',
      'no watermark',
      'data skew 30%',
    ]);
    expect(
      vertexText({
        name: 'x',
        parallelism: 1,
        status: 'RUNNING',
        rates: NO_RATES,
        load: 'no-data',
        watermark: undefined,
        skew: undefined,
      }).ariaLabel,
    ).toBe('x: no rates yet');
    expect(
      vertexText({
        name: 'x',
        parallelism: 1,
        status: 'FINISHED',
        rates: NO_RATES,
        load: 'inactive',
        watermark: undefined,
        skew: undefined,
      }).ariaLabel,
    ).toBe('x: FINISHED');
  });
});
