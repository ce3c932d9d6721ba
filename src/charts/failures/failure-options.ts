// Pure ECharts option builder for a job's failure timeline: on one time axis, one row per kind
// of event (state changes, restarts, exceptions, checkpoints, savepoints, task managers lost,
// rescales), each event a mark on its row and each checkpoint a band as long as it took. Zoom
// with the mouse wheel or the slider (dataZoom); select a time range with the brush (lineX).
// Plain data in, option out; tooltips are canvas rich text.

import type { CustomSeriesOption } from 'echarts/charts';
import type {
  BrushComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatDuration, formatTimestamp } from '../../lib/format';
import type { ChartPalette } from '../theme';
import { renderSegment } from '../timeline/timeline-options';
import { timeExtent } from '../time-extent';

export type FailureTimelineOption = ComposeOption<
  | CustomSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DataZoomComponentOption
  | BrushComponentOption
>;

export const FAILURE_KINDS = [
  'state',
  'restart',
  'exception',
  'checkpoint-completed',
  'checkpoint-failed',
  'savepoint',
  'tm-lost',
  'rescale',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** Legend names, and the row each kind is drawn on. */
export const KIND_LABELS: Record<FailureKind, string> = {
  state: 'State change',
  restart: 'Restart',
  exception: 'Exception',
  'checkpoint-completed': 'Checkpoint completed',
  'checkpoint-failed': 'Checkpoint failed',
  savepoint: 'Savepoint',
  'tm-lost': 'Task manager lost',
  rescale: 'Rescale',
};

export const ROWS = ['Job state', 'Restarts', 'Exceptions', 'Checkpoints', 'Savepoints', 'Task managers', 'Rescales'];
const ROW_OF: Record<FailureKind, number> = {
  state: 0,
  restart: 1,
  exception: 2,
  'checkpoint-completed': 3,
  'checkpoint-failed': 3,
  savepoint: 4,
  'tm-lost': 5,
  rescale: 6,
};

/** One event: an instant (`end === start`) or a band (a checkpoint's duration). */
export interface FailureMark {
  readonly kind: FailureKind;
  readonly start: number;
  readonly end: number;
  /** First tooltip line (untrusted text from Flink allowed: drawn on canvas). */
  readonly title: string;
  readonly lines: readonly string[];
}

/** The marks of each series (one per kind present), in series order, for clicks. */
export function failureSeries(marks: readonly FailureMark[]): { kind: FailureKind; marks: FailureMark[] }[] {
  return FAILURE_KINDS.map((kind) => ({ kind, marks: marks.filter((m) => m.kind === kind) })).filter(
    (s) => s.marks.length > 0,
  );
}

export function markTooltip(mark: FailureMark): string {
  const when =
    mark.end > mark.start
      ? `${formatTimestamp(mark.start)} → ${formatTimestamp(mark.end)} (${formatDuration(mark.end - mark.start)})`
      : formatTimestamp(mark.start);
  return [mark.title, when, ...mark.lines].join('\n');
}

function kindColor(kind: FailureKind, palette: ChartPalette): string {
  switch (kind) {
    case 'restart':
    case 'exception':
    case 'checkpoint-failed':
    case 'tm-lost':
      return palette.bad;
    case 'checkpoint-completed':
      return palette.ok;
    case 'savepoint':
      return palette.series[0] ?? palette.text;
    case 'rescale':
      return palette.series[4] ?? palette.text;
    default:
      return palette.warn;
  }
}

export function failureTimelineHeight(): number {
  return ROWS.length * 30 + 130;
}

export function failureTimelineOption(
  marks: readonly FailureMark[],
  palette: ChartPalette,
  range?: { readonly from: number; readonly to: number },
): FailureTimelineOption {
  const series = failureSeries(marks);
  const extent = timeExtent(marks, 1000, range);
  return {
    animation: false,
    textStyle: { color: palette.text },
    grid: { left: 8, right: 24, top: 36, bottom: 56, containLabel: true },
    legend: { top: 0, textStyle: { color: palette.text } },
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      confine: true,
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const mark = p ? series[p.seriesIndex ?? -1]?.marks[p.dataIndex] : undefined;
        return mark ? markTooltip(mark) : '';
      },
    },
    xAxis: {
      type: 'time',
      min: extent ? extent.min - extent.pad : undefined,
      max: extent ? extent.max + extent.pad : undefined,
      axisLabel: { color: palette.muted, hideOverlap: true },
      axisLine: { lineStyle: { color: palette.border } },
      splitLine: { show: true, lineStyle: { color: palette.border } },
    },
    yAxis: {
      type: 'category',
      data: ROWS,
      inverse: true,
      axisLabel: { color: palette.text },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.border } },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter' },
      { type: 'slider', xAxisIndex: 0, filterMode: 'weakFilter', height: 18, bottom: 8 },
    ],
    brush: { xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', transformable: true, throttleType: 'debounce' },
    series: series.map(({ kind, marks: list }) => ({
      type: 'custom',
      name: KIND_LABELS[kind],
      renderItem: renderSegment,
      itemStyle: { color: kindColor(kind, palette) },
      encode: { x: [1, 2], y: 0 },
      data: list.map((m) => [ROW_OF[kind], m.start, m.end]),
    })),
  };
}
