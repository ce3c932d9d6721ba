import { describe, expect, it } from 'vitest';
import { formatMetricValue } from './value-format';

describe('formatMetricValue', () => {
  it('formats by unit', () => {
    expect(formatMetricValue('bytes', 1536)).toBe('1.5 KiB');
    expect(formatMetricValue('bytes-per-s', 2048)).toBe('2.0 KiB/s');
    expect(formatMetricValue('ratio', 0.425)).toBe('42.5%');
    expect(formatMetricValue('percent', 12.345)).toBe('12.3%');
    expect(formatMetricValue('ms-per-s', 12.5)).toBe('12.5 ms/s');
    expect(formatMetricValue('count', 123456)).toBe('123.5k');
    expect(formatMetricValue('number', 2059)).toBe('2059');
    expect(formatMetricValue('number', 0.00123)).toBe('0.0012');
    expect(formatMetricValue('count', null)).toBe('–');
    expect(formatMetricValue('number', Number.NaN)).toBe('–');
  });
});
