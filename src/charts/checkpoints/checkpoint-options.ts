// Pure ECharts option builders for a job's checkpoint history: end-to-end duration and size per
// checkpoint, one bar series per status so failed checkpoints stand out in the theme's "bad"
// colour (and can be toggled in the legend). Plain data in, option out; built for 1,000+
// checkpoints: columnar arrays, large-mode bars, no animation past a few hundred points.

import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatBytes, formatDuration, formatTimestamp } from '../../lib/format';
import type { ChartPalette } from '../theme';

export type CheckpointChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DataZoomComponentOption
  | MarkLineComponentOption
>;

export type CheckpointPointStatus = 'COMPLETED' | 'FAILED' | 'IN_PROGRESS';

/** One checkpoint, as the charts need it. Flink's -1 ("unknown") stays -1 here. */
export interface CheckpointPoint {
  id: number;
  status: CheckpointPointStatus;
  isSavepoint: boolean;
  triggerTime: number;
  durationMs: number;
  checkpointedBytes: number;
  fullBytes: number;
}

/** The checkpoints as columns, oldest first: what both charts draw. */
export interface CheckpointChartData {
  /** Category labels (checkpoint ids), oldest first. */
  ids: string[];
  points: CheckpointPoint[];
}

const STATUSES: readonly { status: CheckpointPointStatus; name: string }[] = [
  { status: 'COMPLETED', name: 'Completed' },
  { status: 'FAILED', name: 'Failed' },
  { status: 'IN_PROGRESS', name: 'In progress' },
];

/** Past this many points the charts skip animation and draw bars in large mode. */
export const LARGE_THRESHOLD = 300;
/** Past this many points a zoom slider appears. */
export const ZOOM_THRESHOLD = 60;
/**
 * Past LARGE_THRESHOLD points the charts open on the most recent this many (the slider shows the
 * rest): the latest checkpoints are what an incident is about, and ECharts lays out only the
 * points in the window, which is most of a first paint at 1,000 checkpoints.
 */
export const RECENT_WINDOW = 200;
/**
 * In a large history, bars are drawn in large mode (one path per series, no element per bar) from
 * this many visible points on: ECharts counts the points left in the zoom window, so with its
 * default threshold the RECENT_WINDOW a large history opens on would be drawn bar by bar.
 */
export const LARGE_WINDOW_THRESHOLD = 100;
/** A large history labels every this many checkpoints on its axis (10 labels in the opening window). */
export const LABEL_EVERY = RECENT_WINDOW / 10;

/** Orders points oldest first (by id) and drops duplicate ids. */
export function checkpointChartData(points: readonly CheckpointPoint[]): CheckpointChartData {
  const seen = new Set<number>();
  const sorted: CheckpointPoint[] = [];
  for (const p of [...points].sort((a, b) => a.id - b.id)) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    sorted.push(p);
  }
  return { ids: sorted.map((p) => String(p.id)), points: sorted };
}

function known(value: number): number | null {
  return Number.isFinite(value) && value >= 0 ? value : null;
}

function statusColor(status: CheckpointPointStatus, palette: ChartPalette): string {
  if (status === 'FAILED') return palette.bad;
  if (status === 'IN_PROGRESS') return palette.warn;
  return palette.series[0] ?? palette.ok;
}

/**
 * The tooltip text of one checkpoint, one fact per line. Plain text: the tooltip is drawn on the
 * canvas (`renderMode: 'richText'`), never parsed as HTML, so it needs no escaping and writes no
 * HTML string into the page (which a Trusted Types policy would refuse).
 */
export function checkpointTooltip(point: CheckpointPoint): string {
  const kind = point.isSavepoint ? 'Savepoint' : 'Checkpoint';
  return [
    `${kind} ${point.id} — ${point.status}`,
    `Triggered ${formatTimestamp(point.triggerTime)}`,
    `End-to-end duration ${formatDuration(point.durationMs)}`,
    `Checkpointed size ${formatBytes(point.checkpointedBytes)}`,
    `Full size ${formatBytes(point.fullBytes)}`,
  ].join('\n');
}

/** One bar series per status: its checkpoints' indices in `data.points`, or null when it has a slot for every checkpoint. */
interface StatusSeries {
  status: CheckpointPointStatus;
  name: string;
  own: readonly number[] | null;
}

const statusSeriesOf = new WeakMap<CheckpointChartData, readonly StatusSeries[]>();

/**
 * The status series both charts draw, in their order. The most frequent status has a slot per
 * checkpoint (null where another status is); the others carry only their own checkpoints, as
 * `[index, value]` pairs: at 1,000 checkpoints a few failed ones would otherwise be 1,000 slots
 * each ECharts stores, filters and lays out, mostly empty.
 */
function statusSeries(data: CheckpointChartData): readonly StatusSeries[] {
  const cached = statusSeriesOf.get(data);
  if (cached) return cached;
  const indices = new Map<CheckpointPointStatus, number[]>();
  data.points.forEach((p, i) => {
    const list = indices.get(p.status);
    if (list) list.push(i);
    else indices.set(p.status, [i]);
  });
  let densest: CheckpointPointStatus | undefined;
  let most = 0;
  for (const [status, list] of indices) {
    if (list.length <= most) continue;
    densest = status;
    most = list.length;
  }
  const series = STATUSES.flatMap(({ status, name }) => {
    const own = indices.get(status);
    return own ? [{ status, name, own: status === densest ? null : own }] : [];
  });
  statusSeriesOf.set(data, series);
  return series;
}

/**
 * The index in `data.points` of the checkpoint an ECharts event names by series and data index
 * (a click, a tooltip): the status bars come first, in `statusSeries` order; a series with a
 * slot per checkpoint (and the full-size line after the bars) is indexed by checkpoint.
 */
export function checkpointIndexAt(data: CheckpointChartData, seriesIndex: number, dataIndex: number): number {
  const own = statusSeries(data)[seriesIndex]?.own;
  return own ? (own[dataIndex] ?? -1) : dataIndex;
}

function tooltipFor(data: CheckpointChartData): TooltipComponentOption {
  return {
    trigger: 'axis',
    renderMode: 'richText',
    axisPointer: { type: 'shadow' },
    confine: true,
    formatter: (params) => {
      const first = Array.isArray(params) ? params[0] : params;
      const point =
        first === undefined ? undefined : data.points[checkpointIndexAt(data, first.seriesIndex ?? 0, first.dataIndex)];
      return point ? checkpointTooltip(point) : '';
    },
  };
}

function base(
  data: CheckpointChartData,
  palette: ChartPalette,
  yFormatter: (value: number) => string,
): CheckpointChartOption {
  const n = data.points.length;
  const large = n > LARGE_THRESHOLD;
  return {
    animation: !large,
    textStyle: { color: palette.text },
    grid: { left: 8, right: 16, top: 36, bottom: n > ZOOM_THRESHOLD ? 56 : 24, containLabel: true },
    legend: { top: 0, textStyle: { color: palette.text } },
    tooltip: tooltipFor(data),
    xAxis: {
      type: 'category',
      name: 'Checkpoint',
      nameLocation: 'middle',
      nameGap: 24,
      data: data.ids,
      axisLabel: { color: palette.muted, hideOverlap: true, ...(large ? { interval: everyNth(LABEL_EVERY) } : {}) },
      axisLine: { lineStyle: { color: palette.border } },
    },
    yAxis: {
      type: 'value',
      axisLabel: { color: palette.muted, formatter: (value: number) => yFormatter(value) },
      splitLine: { lineStyle: { color: palette.border } },
    },
    dataZoom:
      n > ZOOM_THRESHOLD
        ? [
            { type: 'inside', xAxisIndex: 0, ...recentWindow(data) },
            // No data shadow: the slider would draw a small copy of every series (a tenth of the
            // first paint at 1,000 checkpoints) that the chart right above it already shows.
            { type: 'slider', xAxisIndex: 0, height: 18, bottom: 8, showDataShadow: false, ...recentWindow(data) },
          ]
        : [],
  };
}

/**
 * Labels of a large history's axis: every `step`-th checkpoint. ECharts' own choice ('auto')
 * measures the text of every label in the window to find a spacing, a sixth of the first paint.
 */
function everyNth(step: number): (index: number) => boolean {
  return (index) => index % step === 0;
}

/** The zoom window a large history opens on: its last RECENT_WINDOW checkpoints (by category value). */
function recentWindow(data: CheckpointChartData): { startValue?: string; endValue?: string } {
  const n = data.ids.length;
  if (n <= LARGE_THRESHOLD) return {};
  return { startValue: data.ids[n - RECENT_WINDOW], endValue: data.ids[n - 1] };
}

function statusBars(
  data: CheckpointChartData,
  palette: ChartPalette,
  value: (p: CheckpointPoint) => number,
): BarSeriesOption[] {
  const large = data.points.length > LARGE_THRESHOLD;
  return statusSeries(data).map(({ status, name, own }) => ({
    type: 'bar',
    name,
    // One column per checkpoint: the status series overlap, each checkpoint is in only one.
    data: own
      ? own.map((i): [number, number | null] => {
          const p = data.points[i];
          return [i, p ? known(value(p)) : null];
        })
      : data.points.map((p) => (p.status === status ? known(value(p)) : null)),
    barGap: '-100%',
    barMaxWidth: 24,
    large,
    largeThreshold: LARGE_WINDOW_THRESHOLD,
    itemStyle: { color: statusColor(status, palette) },
    emphasis: { disabled: large },
  }));
}

/**
 * End-to-end duration per checkpoint. With `timeoutMs` (the checkpoint timeout from
 * `/checkpoints/config`) a dashed line shows how close checkpoints come to expiring.
 */
export function checkpointDurationOption(
  data: CheckpointChartData,
  palette: ChartPalette,
  timeoutMs?: number,
): CheckpointChartOption {
  const series = statusBars(data, palette, (p) => p.durationMs);
  const first = series[0];
  if (first && timeoutMs !== undefined && timeoutMs > 0) {
    const maxDuration = Math.max(0, ...data.points.map((p) => known(p.durationMs) ?? 0));
    // Only when the timeout is within sight: a 10-minute line would flatten 50 ms bars.
    if (maxDuration >= timeoutMs / 4) {
      first.markLine = {
        silent: true,
        symbol: 'none',
        lineStyle: { color: palette.bad, type: 'dashed' },
        label: { formatter: `timeout ${formatDuration(timeoutMs)}`, color: palette.bad, position: 'insideEndTop' },
        data: [{ yAxis: timeoutMs }],
      };
    }
  }
  return { ...base(data, palette, formatDuration), series };
}

/** Checkpointed (incremental) size as bars per status, full size as a line. */
export function checkpointSizeOption(data: CheckpointChartData, palette: ChartPalette): CheckpointChartOption {
  const full: LineSeriesOption = {
    type: 'line',
    name: 'Full size',
    data: data.points.map((p) => known(p.fullBytes)),
    showSymbol: data.points.length <= ZOOM_THRESHOLD,
    symbolSize: 4,
    connectNulls: true,
    sampling: 'lttb',
    lineStyle: { color: palette.series[4] ?? palette.muted, width: 1.5 },
    itemStyle: { color: palette.series[4] ?? palette.muted },
  };
  return {
    ...base(data, palette, formatBytes),
    series: [...statusBars(data, palette, (p) => p.checkpointedBytes), full],
  };
}
