import { describe, expect, it } from 'vitest';
import type { ChartPalette } from '../theme';
import { compactNumber, shortenName, timeSeriesOption } from './time-series-option';

const palette: ChartPalette = {
  text: '#111111',
  muted: '#555555',
  border: '#dddddd',
  surface: '#ffffff',
  series: ['#1d5fbf', '#e07b00'],
  ok: '#00aa00',
  warn: '#aa8800',
  bad: '#aa0000',
};

interface SeriesOut {
  name: string;
  data: [number, number | null][];
  markLine?: { data: { yAxis: number; lineStyle: { color: string } }[] };
}

function seriesOf(option: ReturnType<typeof timeSeriesOption>): SeriesOut[] {
  return option.series as SeriesOut[];
}

describe('timeSeriesOption', () => {
  it('draws each series over a time axis in the theme colours', () => {
    const option = timeSeriesOption(
      [
        {
          name: 'a',
          points: [
            [1000, 1],
            [2000, null],
            [3000, 3],
          ],
        },
        { name: 'b', points: [[1000, 5]] },
      ],
      palette,
    );
    expect(option.color).toEqual(palette.series);
    expect((option.xAxis as { type: string }).type).toBe('time');
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['a', 'b']);
    expect(series[0]?.data).toEqual([
      [1000, 1],
      [2000, null],
      [3000, 3],
    ]);
    expect((option.legend as { show?: boolean }).show).not.toBe(false);
  });

  it('renders the tooltip on the canvas, never as HTML (names are untrusted)', () => {
    const option = timeSeriesOption([{ name: '<img src=x onerror=alert(1)>', points: [[1, 1]] }], palette);
    expect((option.tooltip as { renderMode: string }).renderMode).toBe('richText');
    expect((option.legend as { show?: boolean }).show).toBe(false);
  });

  it('fixes a percent axis to 0–100 and draws thresholds in warn/bad colours', () => {
    const option = timeSeriesOption([{ name: 'bp', points: [[1, 50]] }], palette, {
      unit: 'percent',
      thresholds: [
        { value: 10, label: 'low', tone: 'warn' },
        { value: 50, label: 'high', tone: 'bad' },
      ],
    });
    expect(option.yAxis).toMatchObject({ min: 0, max: 100 });
    const lines = seriesOf(option)[0]?.markLine?.data ?? [];
    expect(lines.map((l) => [l.yAxis, l.lineStyle.color])).toEqual([
      [10, palette.warn],
      [50, palette.bad],
    ]);
    const formatter = (option.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter;
    expect(formatter(12.345)).toBe('12.3%');
  });

  it('shortens long names, keeping them distinct', () => {
    const long = 'x'.repeat(200);
    const option = timeSeriesOption(
      [
        { name: long, points: [] },
        { name: long, points: [] },
      ],
      palette,
    );
    const names = seriesOf(option).map((s) => s.name);
    expect(names[0]).toHaveLength(80);
    expect(names[1]).not.toBe(names[0]);
  });
});

describe('helpers', () => {
  it('shortenName keeps both ends', () => {
    expect(shortenName('abcdefghij', 5)).toBe('ab…ij');
    expect(shortenName('short', 5)).toBe('short');
  });
  it('compactNumber', () => {
    expect(compactNumber(2059)).toBe('2,059');
    expect(compactNumber(2_500_000)).toBe('2.5M');
    expect(compactNumber(2_051_234)).toBe('2.051M');
    expect(compactNumber(12.3456)).toBe('12.35');
    expect(compactNumber(0.00123)).toBe('0.0012');
    expect(compactNumber(0)).toBe('0');
  });
});
