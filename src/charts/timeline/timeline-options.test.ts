import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts';
import { describe, expect, it } from 'vitest';
import type { ChartPalette } from '../theme';
import {
  clipToBox,
  renderSegment,
  segmentTooltip,
  stateColor,
  timelineOption,
  timelineSeriesSegments,
  type TimelineData,
} from './timeline-options';

const palette: ChartPalette = {
  text: '#111',
  muted: '#555',
  border: '#ddd',
  surface: '#fff',
  series: ['#1d5fbf', '#e07b00', '#1a7f37', '#b42318', '#7a3fc4', '#0b7f8a', '#b8487b'],
  ok: '#1a7f37',
  warn: '#8a5a00',
  bad: '#b42318',
};

// State entry times of subtask 0 of "Source: Bounded order batch -> Build order", recorded from
// the sandbox (GET /jobs/:id/vertices/:id/subtasktimes), and a hostile row name.
const t = {
  CREATED: 1795720891115,
  SCHEDULED: 1795720891117,
  DEPLOYING: 1795720891961,
  INITIALIZING: 1795720892352,
  RUNNING: 1795720892431,
  FINISHED: 1795720894467,
};
const data: TimelineData = {
  rows: ['Subtask 0 (localhost:37817)', "<img src=x onerror=alert('xss-img')>"],
  rowIds: ['0', '1'],
  segments: [
    { row: 0, state: 'CREATED', start: t.CREATED, end: t.SCHEDULED },
    { row: 0, state: 'SCHEDULED', start: t.SCHEDULED, end: t.DEPLOYING },
    { row: 0, state: 'DEPLOYING', start: t.DEPLOYING, end: t.INITIALIZING },
    { row: 0, state: 'INITIALIZING', start: t.INITIALIZING, end: t.RUNNING },
    { row: 0, state: 'RUNNING', start: t.RUNNING, end: t.FINISHED },
    { row: 0, state: 'FINISHED', start: t.FINISHED, end: t.FINISHED },
    { row: 1, state: 'RUNNING', start: t.RUNNING, end: t.FINISHED },
  ],
};

interface CustomLike {
  type?: string;
  name?: string;
  data?: unknown[];
  itemStyle?: { color?: string };
  renderItem?: unknown;
  encode?: unknown;
}
function seriesOf(option: { series?: unknown }): CustomLike[] {
  const s = option.series;
  return (Array.isArray(s) ? s : s === undefined ? [] : [s]) as CustomLike[];
}

describe('the timeline option', () => {
  it('has one custom series per state, in lifecycle order, each with its colour', () => {
    const series = seriesOf(timelineOption(data, palette));
    expect(series.map((s) => s.name)).toEqual([
      'CREATED',
      'SCHEDULED',
      'DEPLOYING',
      'INITIALIZING',
      'RUNNING',
      'FINISHED',
    ]);
    expect(series.every((s) => s.type === 'custom' && s.renderItem === renderSegment)).toBe(true);
    expect(series.find((s) => s.name === 'RUNNING')?.itemStyle?.color).toBe(palette.ok);
    expect(series.find((s) => s.name === 'RUNNING')?.data).toEqual([
      [0, t.RUNNING, t.FINISHED],
      [1, t.RUNNING, t.FINISHED],
    ]);
    expect(stateColor('FAILED', palette)).toBe(palette.bad);
  });

  it('puts the rows on a category axis, top to bottom, and time on the x axis', () => {
    const option = timelineOption(data, palette) as {
      yAxis?: { data?: unknown; inverse?: boolean };
      xAxis?: { type?: string; min?: number; max?: number };
    };
    expect(option.yAxis?.data).toEqual(data.rows);
    expect(option.yAxis?.inverse).toBe(true);
    expect(option.xAxis?.type).toBe('time');
    expect(option.xAxis?.min).toBe(t.CREATED);
    expect(option.xAxis?.max).toBeGreaterThan(t.FINISHED);
  });

  it('maps a clicked bar back to its segment', () => {
    const bySeries = timelineSeriesSegments(data);
    const running = bySeries.findIndex((s) => s.state === 'RUNNING');
    expect(bySeries[running]?.segments[1]?.row).toBe(1);
  });

  it('shows row names in tooltips as plain text, drawn on the canvas (never parsed as HTML)', () => {
    const seg = data.segments[6];
    if (!seg) throw new Error('no segment');
    const lines = segmentTooltip(data.rows[1] ?? '', seg).split('\n');
    expect(lines[0]).toBe("<img src=x onerror=alert('xss-img')>");
    expect(lines[1]).toBe('RUNNING for 2.0s');
    expect(lines[2]).toMatch(/^\d{4}-\d\d-\d\d .+ → \d{4}-\d\d-\d\d /);
    const tooltip = timelineOption(data, palette).tooltip;
    expect((Array.isArray(tooltip) ? tooltip[0] : tooltip)?.renderMode).toBe('richText');
  });
});

describe('drawing one interval', () => {
  const api = (values: number[]): CustomSeriesRenderItemAPI =>
    ({
      value: (dim: number | string) => values[Number(dim)] ?? 0,
      // 1 ms = 1 px from the first timestamp; row i centred at y = 20 + 30 i.
      coord: (point: unknown) => {
        const [x, y] = point as [number, number];
        return [x - t.CREATED, 20 + 30 * y];
      },
      size: () => [0, 30],
      visual: () => '#abcdef',
    }) as unknown as CustomSeriesRenderItemAPI;
  const params = (box: { x: number; y: number; width: number; height: number }): CustomSeriesRenderItemParams =>
    ({ coordSys: { type: 'cartesian2d', ...box } }) as unknown as CustomSeriesRenderItemParams;

  it('draws a bar on its row between its start and end', () => {
    const el = renderSegment(params({ x: 0, y: 0, width: 10_000, height: 100 }), api([0, t.RUNNING, t.FINISHED])) as {
      shape: { x: number; width: number; y: number; height: number };
    } | null;
    expect(el?.shape.x).toBe(t.RUNNING - t.CREATED);
    expect(el?.shape.width).toBe(t.FINISHED - t.RUNNING);
    expect(el?.shape.height).toBe(18);
    expect(el?.shape.y).toBe(20 - 9);
  });

  it('gives an instant a visible width, and clips to the plot area', () => {
    const instant = renderSegment(
      params({ x: 0, y: 0, width: 10_000, height: 100 }),
      api([0, t.FINISHED, t.FINISHED]),
    ) as { shape: { width: number } } | null;
    expect(instant?.shape.width).toBe(3);
    const outside = renderSegment(params({ x: 0, y: 0, width: 100, height: 100 }), api([0, t.RUNNING, t.FINISHED]));
    expect(outside).toBeNull();
    expect(clipToBox({ x: -10, y: 0, width: 30, height: 10 }, { x: 0, y: 0, width: 100, height: 100 })).toEqual({
      x: 0,
      y: 0,
      width: 20,
      height: 10,
    });
  });
});
