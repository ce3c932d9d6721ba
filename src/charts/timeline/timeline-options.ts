// Pure ECharts option builder for state timelines (job, vertices, subtasks): one custom series
// per state, so each state has one colour and a legend entry, each interval drawn as a bar on
// its row. Plain data in, option out.

import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn } from 'echarts';
import type { CustomSeriesOption } from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatDuration, formatTimestamp } from '../../lib/format';
import type { ChartPalette } from '../theme';
import { timeExtent } from '../time-extent';

export type TimelineOption = ComposeOption<
  CustomSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | DataZoomComponentOption
>;

/** A state held by one row from `start` to `end` (epoch ms; equal for an instant). */
export interface TimelineSegment {
  row: number;
  state: string;
  start: number;
  end: number;
}

export interface TimelineData {
  /** Row labels, top to bottom. */
  rows: string[];
  /** A stable id per row (vertex id, subtask index), for clicks. */
  rowIds: string[];
  segments: TimelineSegment[];
}

/** Row height in pixels, for the chart's height. */
export const ROW_HEIGHT = 28;

export function timelineHeight(rows: number): number {
  return Math.max(140, rows * ROW_HEIGHT + 90);
}

/** A colour per execution or job state, from the theme. */
export function stateColor(state: string, palette: ChartPalette): string {
  const s = palette.series;
  switch (state) {
    case 'RUNNING':
      return palette.ok;
    case 'FINISHED':
      return s[0] ?? palette.text;
    case 'FAILED':
    case 'FAILING':
    case 'RESTARTING':
      return palette.bad;
    case 'CANCELING':
    case 'CANCELLING':
    case 'CANCELED':
    case 'SUSPENDED':
      return palette.warn;
    case 'DEPLOYING':
      return s[4] ?? palette.muted;
    case 'INITIALIZING':
      return s[5] ?? palette.muted;
    case 'SCHEDULED':
      return s[1] ?? palette.muted;
    case 'RECONCILING':
      return s[6] ?? palette.muted;
    default:
      return palette.muted;
  }
}

/** States in the order they are drawn and listed in the legend. */
const ORDER = [
  'CREATED',
  'SCHEDULED',
  'DEPLOYING',
  'INITIALIZING',
  'RECONCILING',
  'RUNNING',
  'FAILING',
  'RESTARTING',
  'CANCELLING',
  'CANCELING',
  'CANCELED',
  'SUSPENDED',
  'FAILED',
  'FINISHED',
];

/** The segments of each series (one per state present), in series order. */
export function timelineSeriesSegments(data: TimelineData): { state: string; segments: TimelineSegment[] }[] {
  const byState = new Map<string, TimelineSegment[]>();
  for (const seg of data.segments) {
    const list = byState.get(seg.state);
    if (list) list.push(seg);
    else byState.set(seg.state, [seg]);
  }
  const rank = (s: string): number => (ORDER.includes(s) ? ORDER.indexOf(s) : ORDER.length);
  return [...byState.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([state, segments]) => ({ state, segments }));
}

/**
 * The tooltip of one interval: row label (untrusted), state, times and duration, one per line.
 * Plain text: the tooltip is drawn on the canvas (`renderMode: 'richText'`), so no label can
 * become markup, and no HTML string is written into the page (Trusted Types would refuse it).
 */
export function segmentTooltip(label: string, seg: TimelineSegment): string {
  const span = seg.end > seg.start ? ` for ${formatDuration(seg.end - seg.start)}` : '';
  const times =
    seg.end > seg.start ? `${formatTimestamp(seg.start)} → ${formatTimestamp(seg.end)}` : formatTimestamp(seg.start);
  return [label, `${seg.state}${span}`, times].join('\n');
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function isBox(value: unknown): value is Box {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.x === 'number' && typeof r.y === 'number' && typeof r.width === 'number' && typeof r.height === 'number'
  );
}

/** Clips a bar to the plot area (the part scrolled out by zooming is not drawn). */
export function clipToBox(bar: Box, box: Box): Box | undefined {
  const x1 = Math.max(bar.x, box.x);
  const x2 = Math.min(bar.x + bar.width, box.x + box.width);
  const y1 = Math.max(bar.y, box.y);
  const y2 = Math.min(bar.y + bar.height, box.y + box.height);
  if (x2 < x1 || y2 <= y1) return undefined;
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/** Draws one interval: `[row, start, end]`, at least 3 px wide so instants show. */
export function renderSegment(
  params: CustomSeriesRenderItemParams,
  api: CustomSeriesRenderItemAPI,
): CustomSeriesRenderItemReturn {
  const row = Number(api.value(0));
  const from = api.coord([api.value(1), row]);
  const to = api.coord([api.value(2), row]);
  const size = api.size?.([0, 1]);
  const band = Array.isArray(size) ? (size[1] ?? ROW_HEIGHT) : ROW_HEIGHT;
  const height = Math.max(4, band * 0.6);
  const x = from[0] ?? 0;
  const y = (from[1] ?? 0) - height / 2;
  const bar = { x, y, width: Math.max(3, (to[0] ?? x) - x), height };
  const coordSys: unknown = params.coordSys;
  const shape = isBox(coordSys) ? clipToBox(bar, coordSys) : bar;
  if (!shape) return null;
  return { type: 'rect', shape, style: { fill: api.visual('color') } };
}

export function timelineOption(data: TimelineData, palette: ChartPalette): TimelineOption {
  const series = timelineSeriesSegments(data);
  // A little room on the right so the last instant is visible.
  const extent = timeExtent(data.segments, 1);
  return {
    animation: false,
    textStyle: { color: palette.text },
    grid: { left: 8, right: 24, top: 36, bottom: 48, containLabel: true },
    legend: { top: 0, textStyle: { color: palette.text } },
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      confine: true,
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        if (!p) return '';
        const seg = series[p.seriesIndex ?? -1]?.segments[p.dataIndex];
        return seg ? segmentTooltip(data.rows[seg.row] ?? '', seg) : '';
      },
    },
    xAxis: {
      type: 'time',
      min: extent?.min,
      max: extent ? extent.max + extent.pad : undefined,
      axisLabel: { color: palette.muted, hideOverlap: true },
      axisLine: { lineStyle: { color: palette.border } },
      splitLine: { show: true, lineStyle: { color: palette.border } },
    },
    yAxis: {
      type: 'category',
      data: data.rows,
      inverse: true,
      axisLabel: { color: palette.text, width: 220, overflow: 'truncate' },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.border } },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter' },
      { type: 'slider', xAxisIndex: 0, filterMode: 'weakFilter', height: 18, bottom: 8 },
    ],
    series: series.map(({ state, segments }) => ({
      type: 'custom',
      name: state,
      renderItem: renderSegment,
      itemStyle: { color: stateColor(state, palette) },
      encode: { x: [1, 2], y: 0 },
      data: segments.map((seg) => [seg.row, seg.start, seg.end]),
    })),
  };
}
