import type { EChartsCoreOption } from 'echarts/core';
import type { ChartPalette } from '../theme';

// Pure builder of a line chart over time, for histories kept while a page is open (back
// pressure, picked metrics). It takes plain data and a palette read from the theme.
//
// Series names may be untrusted (metric ids carry operator names): the tooltip is drawn on the
// canvas (`renderMode: 'richText'`), not as HTML, so no name can become markup; long names are
// shortened in the middle so legends stay usable.

export type TimePoint = readonly [time: number, value: number | null];

export interface TimeSeries {
  readonly name: string;
  readonly points: readonly TimePoint[];
}

export interface Threshold {
  readonly value: number;
  readonly label: string;
  readonly tone: 'warn' | 'bad';
}

export interface TimeSeriesOptions {
  /** `percent`: values are 0–100 and the axis is fixed to that range. */
  readonly unit?: 'percent' | 'number';
  /** Horizontal marker lines (e.g. back-pressure levels). */
  readonly thresholds?: readonly Threshold[];
  /** Formats values on the axis and in the tooltip; defaults to a compact number. */
  readonly format?: (value: number) => string;
}

export const MAX_NAME_LENGTH = 80;

/** Shortens a name to `max` characters, keeping both ends: `abc…xyz`. */
export function shortenName(name: string, max = MAX_NAME_LENGTH): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`;
}

/** Numbers for axes and tooltips: 2059 -> "2,059", 2.5e6 -> "2.5M", 0.00123 -> "0.0012". */
export function compactNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
  ];
  for (const [size, suffix] of units) {
    if (abs >= size) return `${Number((value / size).toPrecision(4))}${suffix}`;
  }
  if (abs === 0 || abs >= 1) return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return String(Number(value.toPrecision(2)));
}

/** Names made unique after shortening, so the legend can toggle each series on its own. */
function uniqueNames(series: readonly TimeSeries[]): string[] {
  const seen = new Map<string, number>();
  return series.map((s) => {
    const base = shortenName(s.name);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export function timeSeriesOption(
  series: readonly TimeSeries[],
  palette: ChartPalette,
  options: TimeSeriesOptions = {},
): EChartsCoreOption {
  const percent = options.unit === 'percent';
  const format = options.format ?? (percent ? (v: number) => `${Number(v.toFixed(1))}%` : compactNumber);
  const names = uniqueNames(series);
  const axisCommon = {
    axisLine: { lineStyle: { color: palette.border } },
    axisLabel: { color: palette.muted },
    splitLine: { lineStyle: { color: palette.border, opacity: 0.6 } },
  };
  const thresholds = options.thresholds ?? [];
  const showLegend = series.length > 1;
  return {
    animation: false,
    color: palette.series,
    textStyle: { color: palette.text },
    grid: { left: 56, right: 20, top: showLegend ? 40 : 16, bottom: 28, containLabel: false },
    legend: showLegend
      ? {
          type: 'scroll',
          top: 0,
          textStyle: { color: palette.text, width: 320, overflow: 'truncate' },
          pageTextStyle: { color: palette.muted },
        }
      : { show: false },
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      backgroundColor: palette.surface,
      borderColor: palette.border,
      textStyle: { color: palette.text },
      valueFormatter: (value: unknown) => (typeof value === 'number' ? format(value) : '–'),
    },
    xAxis: {
      type: 'time',
      ...axisCommon,
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      ...axisCommon,
      ...(percent ? { min: 0, max: 100 } : { scale: true }),
      axisLabel: { color: palette.muted, formatter: (value: number) => format(value) },
    },
    series: series.map((s, index) => ({
      type: 'line',
      name: names[index],
      showSymbol: s.points.length < 2,
      symbolSize: 5,
      connectNulls: false,
      lineStyle: { width: 2 },
      emphasis: { focus: 'series' },
      data: s.points.map(([t, v]) => [t, v]),
      ...(index === 0 && thresholds.length
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              label: { color: palette.muted, formatter: '{b}', position: 'insideEndTop' },
              data: thresholds.map((t) => ({
                name: t.label,
                yAxis: t.value,
                lineStyle: { color: t.tone === 'bad' ? palette.bad : palette.warn, type: 'dashed' },
              })),
            },
          }
        : {}),
    })),
  };
}
