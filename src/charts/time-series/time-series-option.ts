import type { EChartsCoreOption } from 'echarts/core';
import type { ChartPalette } from '../theme';
import { formatMetricValue, type ValueUnit } from './value-format';

// The one builder of line charts over time (back pressure, picked metrics, JVM charts). Pure:
// it takes plain data and a palette read from the theme and returns an ECharts option, so it is
// unit-tested as data. What differs between charts is an option; the look is the same for all.
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
  /** How values read on the axis and in the tooltip (default `number`); `percent` fixes the axis to 0–100. */
  readonly unit?: ValueUnit;
  /** Horizontal marker lines (e.g. back-pressure levels). */
  readonly thresholds?: readonly Threshold[];
  /** Fill the area under the line when there is a single line. */
  readonly area?: boolean;
  /** The y axis starts at zero (memory, counts); otherwise it fits the data. */
  readonly fromZero?: boolean;
  /** Show the legend; by default shown when there is more than one line. */
  readonly legend?: boolean;
}

const MAX_NAME_LENGTH = 80;

/** Shortens a name to `max` characters, keeping both ends: `abc…xyz`. */
function shortenName(name: string, max = MAX_NAME_LENGTH): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`;
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

function yRange(options: TimeSeriesOptions): { min?: number; max?: number; scale?: boolean } {
  if (options.unit === 'percent') return { min: 0, max: 100 };
  return options.fromZero === true ? { min: 0 } : { scale: true };
}

export function timeSeriesOption(
  series: readonly TimeSeries[],
  palette: ChartPalette,
  options: TimeSeriesOptions = {},
): EChartsCoreOption {
  const unit = options.unit ?? 'number';
  const format = (value: number): string => formatMetricValue(unit, value);
  const names = uniqueNames(series);
  const thresholds = options.thresholds ?? [];
  const area = options.area === true && series.length === 1;
  const showLegend = options.legend ?? series.length > 1;
  return {
    animation: false,
    color: palette.series.length > 0 ? palette.series : ['#1d5fbf'],
    textStyle: { color: palette.text },
    grid: { left: 8, right: 16, top: showLegend ? 36 : 16, bottom: 8, containLabel: true },
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
      axisLine: { lineStyle: { color: palette.border } },
      axisLabel: { color: palette.muted, hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      ...yRange(options),
      axisLine: { lineStyle: { color: palette.border } },
      axisLabel: { color: palette.muted, formatter: format },
      splitLine: { lineStyle: { color: palette.border, opacity: 0.6 } },
    },
    series: series.map((s, index) => ({
      type: 'line',
      name: names[index],
      // A lone point has no line to show it: draw its symbol.
      showSymbol: s.points.length < 2,
      symbolSize: 5,
      connectNulls: false,
      sampling: 'lttb',
      lineStyle: { width: 2 },
      emphasis: { focus: 'series' },
      ...(area ? { areaStyle: { opacity: 0.15 } } : {}),
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
