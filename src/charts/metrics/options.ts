import type { EChartsCoreOption } from 'echarts/core';
import { formatBytes, formatCount, formatDuration } from '../../lib/format';
import type { ChartPalette } from '../theme';
import type { TimeSeries } from '../time-series/time-series-option';

// Pure option builders for metric charts over time. They take plain data and a palette and
// return an ECharts option; nothing here touches the DOM, so they are unit-tested as data.
// Tooltips render as rich text on the canvas, never as HTML: series names come from Flink
// (metric ids, operator names) and are untrusted.

/** How values of a chart read. */
export type ValueUnit = 'bytes' | 'bytes-per-s' | 'count' | 'ms' | 'ms-per-s' | 'per-s' | 'ratio' | 'number';

export interface TimeSeriesChartInput {
  readonly series: readonly TimeSeries[];
  readonly unit: ValueUnit;
  readonly palette: ChartPalette;
  /** Fill the area under a single line. */
  readonly area?: boolean;
  /** The y axis starts at zero (memory, counts); otherwise it fits the data. */
  readonly fromZero?: boolean;
}

function trimNumber(n: number): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1e12) return `${(n / 1e12).toFixed(1)}T`;
  if (abs >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 1) return String(Math.round(n * 100) / 100);
  return n.toPrecision(2);
}

/** A value as the chart reads it: 1536 bytes -> "1.5 KiB", 0.42 ratio -> "42%". */
export function formatMetricValue(unit: ValueUnit, value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'bytes':
      return value < 0 ? `-${formatBytes(-value)}` : formatBytes(value);
    case 'count':
      return Math.abs(value) >= 1e4 ? trimNumber(value) : formatCount(value);
    case 'bytes-per-s':
      return `${value < 0 ? `-${formatBytes(-value)}` : formatBytes(value)}/s`;
    case 'ms':
      return value < 1 && value > 0 ? `${trimNumber(value)}ms` : formatDuration(value);
    case 'ms-per-s':
      return `${trimNumber(value)} ms/s`;
    case 'per-s':
      return `${trimNumber(value)}/s`;
    case 'ratio':
      return `${trimNumber(value * 100)}%`;
    case 'number':
      return trimNumber(value);
  }
}

/** A line chart of values over time, one line per series, coloured from the theme. */
export function timeSeriesOption(input: TimeSeriesChartInput): EChartsCoreOption {
  const { series, unit, palette } = input;
  const colours = palette.series.length > 0 ? palette.series : ['#1d5fbf'];
  const area = input.area === true && series.length === 1;
  return {
    animation: false,
    color: colours,
    textStyle: { color: palette.text },
    grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    legend: series.length > 1 ? { top: 0, type: 'scroll', textStyle: { color: palette.text } } : { show: false },
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      valueFormatter: (value: unknown) => formatMetricValue(unit, typeof value === 'number' ? value : null),
    },
    xAxis: {
      type: 'time',
      axisLine: { lineStyle: { color: palette.border } },
      axisLabel: { color: palette.muted, hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      scale: input.fromZero !== true,
      min: input.fromZero === true ? 0 : undefined,
      axisLabel: { color: palette.muted, formatter: (value: number) => formatMetricValue(unit, value) },
      splitLine: { lineStyle: { color: palette.border, opacity: 0.6 } },
    },
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      showSymbol: s.points.length < 3,
      symbolSize: 5,
      connectNulls: false,
      sampling: 'lttb',
      lineStyle: { width: 1.5 },
      areaStyle: area ? { opacity: 0.15 } : undefined,
      data: s.points.map(([t, v]) => [t, v]),
    })),
  };
}
