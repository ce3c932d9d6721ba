import { describe, expect, it } from 'vitest';
import type { ChartPalette } from '../theme';
import { timeSeriesOption, type TimeSeries } from './time-series-option';

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
  areaStyle?: unknown;
}

interface AxesOut {
  yAxis: { min?: number; max?: number; scale?: boolean; axisLabel: { formatter: (v: number) => string } };
  tooltip: { renderMode: string; valueFormatter: (v: unknown) => string };
  legend: { show?: boolean };
}

function axesOf(option: ReturnType<typeof timeSeriesOption>): AxesOut {
  return option as unknown as AxesOut;
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

  it('shortens long names in the middle, keeping them distinct', () => {
    const long = `a${'x'.repeat(200)}z`;
    const option = timeSeriesOption(
      [
        { name: long, points: [] },
        { name: long, points: [] },
      ],
      palette,
    );
    const names = seriesOf(option).map((s) => s.name);
    expect([...(names[0] ?? '')]).toHaveLength(80);
    expect(names[0]).toMatch(/^ax+…x+z$/);
    expect(names[1]).not.toBe(names[0]);
  });

  it('formats values by unit on the axis and in the tooltip, from zero when asked', () => {
    const option = axesOf(
      timeSeriesOption([{ name: 'used', points: [[1, 1536]] }], palette, { unit: 'bytes', fromZero: true }),
    );
    expect(option.yAxis.min).toBe(0);
    expect(option.yAxis.scale).toBeUndefined();
    expect(option.tooltip.valueFormatter(1536)).toBe('1.5 KiB');
    expect(option.tooltip.valueFormatter(null)).toBe('–');
    expect(option.yAxis.axisLabel.formatter(1024 * 1024)).toBe('1.0 MiB');
    const fitted = axesOf(timeSeriesOption([{ name: 'n', points: [[1, 2_500_000]] }], palette));
    expect(fitted.yAxis).toMatchObject({ scale: true });
    expect(fitted.yAxis.min).toBeUndefined();
    expect(fitted.yAxis.axisLabel.formatter(2_500_000)).toBe('2.5M');
  });

  it('fills the area under a single line only, and shows the legend when asked', () => {
    const one = timeSeriesOption([{ name: 'x', points: [[1, 1]] }], palette, { area: true });
    expect(seriesOf(one)[0]?.areaStyle).toBeDefined();
    const pair: TimeSeries[] = [
      { name: 'x', points: [[1, 1]] },
      { name: 'y', points: [[1, 2]] },
    ];
    const two = timeSeriesOption(pair, palette, { area: true });
    expect(seriesOf(two).map((s) => s.areaStyle)).toEqual([undefined, undefined]);
    expect(axesOf(timeSeriesOption([{ name: 'x', points: [] }], palette, { legend: true })).legend.show).not.toBe(
      false,
    );
    expect(axesOf(two).legend.show).not.toBe(false);
    expect(axesOf(timeSeriesOption(pair, palette, { legend: false })).legend.show).toBe(false);
  });
});
