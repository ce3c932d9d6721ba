import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CheckpointingStatisticsSchema } from '../../api/checkpoints';
import { formatBytes, formatDuration, formatTimestamp } from '../../lib/format';
import failingRecorded from './fixtures/failing-checkpoints.json';
import type { ChartPalette } from '../theme';
import {
  checkpointChartData,
  checkpointDurationOption,
  checkpointIndexAt,
  checkpointSizeOption,
  checkpointTooltip,
  LABEL_EVERY,
  LARGE_THRESHOLD,
  LARGE_WINDOW_THRESHOLD,
  RECENT_WINDOW,
  type CheckpointPoint,
} from './checkpoint-options';

const palette: ChartPalette = {
  text: '#111',
  muted: '#555',
  border: '#ddd',
  surface: '#fff',
  series: ['#1d5fbf', '#e07b00', '#1a7f37', '#b42318', '#7a3fc4'],
  ok: '#1a7f37',
  warn: '#8a5a00',
  bad: '#b42318',
};

// The recorded history of "checkpoints that sometimes fail" (every third checkpoint expires).
const recorded = v.parse(CheckpointingStatisticsSchema, failingRecorded);
const points: CheckpointPoint[] = recorded.history.map((c) => ({
  id: c.id,
  status: c.status,
  isSavepoint: c.is_savepoint,
  triggerTime: c.trigger_timestamp,
  durationMs: c.end_to_end_duration,
  checkpointedBytes: c.checkpointed_size,
  fullBytes: c.state_size,
}));

interface SeriesLike {
  type?: string;
  name?: string;
  data?: unknown[];
  large?: boolean;
  largeThreshold?: number;
  itemStyle?: { color?: string };
  markLine?: { data?: unknown[] };
}
/** A series' values by column (checkpoint index): a value per slot, or `[index, value]` pairs. */
function columnsOf(series: SeriesLike): Map<number, unknown> {
  return new Map(
    (series.data ?? []).map((item, i): [number, unknown] =>
      Array.isArray(item) ? [Number(item[0]), item[1]] : [i, item],
    ),
  );
}

function seriesOf(option: { series?: unknown }): SeriesLike[] {
  const s = option.series;
  return (Array.isArray(s) ? s : s === undefined ? [] : [s]) as SeriesLike[];
}

/** 1,000 checkpoints made from the recorded ones, renumbered. */
function thousand(): CheckpointPoint[] {
  const out: CheckpointPoint[] = [];
  for (let i = 0; out.length < 1000; i++) {
    const p = points[i % points.length];
    if (p) out.push({ ...p, id: 10_000 + i });
  }
  return out;
}

describe('checkpoint chart data', () => {
  it('orders checkpoints oldest first and drops duplicate ids', () => {
    const data = checkpointChartData([...points, ...points.slice(0, 2)]);
    expect(data.points).toHaveLength(points.length);
    const sorted = points.map((p) => p.id).sort((a, b) => a - b);
    expect(data.ids).toEqual(sorted.map(String));
  });
});

describe('the duration chart', () => {
  it('draws completed and failed checkpoints as separate series, failed in the bad colour', () => {
    const data = checkpointChartData(points);
    const series = seriesOf(checkpointDurationOption(data, palette));
    expect(series.map((s) => s.name)).toEqual(['Completed', 'Failed']);
    const failed = series.find((s) => s.name === 'Failed');
    expect(failed?.itemStyle?.color).toBe(palette.bad);
    // Each checkpoint in exactly one series, at its column, with its value.
    const columns = series.map(columnsOf);
    data.points.forEach((p, i) => {
      const values = columns.map((c) => c.get(i) ?? null);
      expect(values.filter((x) => x !== null)).toEqual([p.durationMs]);
      expect(series[values.findIndex((x) => x !== null)]?.name).toBe(p.status === 'FAILED' ? 'Failed' : 'Completed');
    });
  });

  it('gives the most frequent status a slot per checkpoint, the others only their own checkpoints', () => {
    const data = checkpointChartData(thousand());
    const failed = data.points.filter((p) => p.status === 'FAILED').length;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(data.points.length / 2);
    const [completed, failedSeries] = seriesOf(checkpointDurationOption(data, palette));
    expect(completed?.data).toHaveLength(data.points.length);
    expect(failedSeries?.data).toHaveLength(failed);
    // A history where most checkpoints failed: the failed series is the one with a slot per checkpoint.
    const mostlyFailed = checkpointChartData(
      thousand().map((p, i) => ({ ...p, status: i % 3 ? 'FAILED' : 'COMPLETED' })),
    );
    const names = seriesOf(checkpointDurationOption(mostlyFailed, palette)).map((s) => [s.name, s.data?.length]);
    expect(names).toEqual([
      ['Completed', 334],
      ['Failed', 1000],
    ]);
  });

  it('names the clicked or hovered checkpoint from the series and data index ECharts reports', () => {
    const data = checkpointChartData(thousand());
    for (const option of [checkpointDurationOption(data, palette), checkpointSizeOption(data, palette)]) {
      seriesOf(option).forEach((s, seriesIndex) => {
        (s.data ?? []).forEach((item, dataIndex) => {
          const column: unknown = Array.isArray(item) ? item[0] : dataIndex;
          expect(checkpointIndexAt(data, seriesIndex, dataIndex)).toBe(column);
        });
      });
      const tooltip = Array.isArray(option.tooltip) ? option.tooltip[0] : option.tooltip;
      const formatter = tooltip?.formatter;
      if (typeof formatter !== 'function') throw new Error('no tooltip formatter');
      const failedIndex = data.points.findIndex((p) => p.status === 'FAILED');
      const failedPoint = data.points[failedIndex];
      if (!failedPoint) throw new Error('no failed checkpoint');
      // Hovering a failed checkpoint's column: ECharts lists the failed series' own item.
      const failedItem = (seriesOf(option)[1]?.data ?? []).findIndex(
        (item) => Array.isArray(item) && item[0] === failedIndex,
      );
      const text = (formatter as (params: unknown) => string)([{ seriesIndex: 1, dataIndex: failedItem }]);
      expect(text).toBe(checkpointTooltip(failedPoint));
      expect(text).toContain(`Checkpoint ${failedPoint.id} — FAILED`);
    }
  });

  it('marks the timeout when checkpoints come close to it', () => {
    const data = checkpointChartData(points);
    // The recorded failures expired after ~2 s: a 2 s timeout is in sight, 10 minutes is not.
    expect(seriesOf(checkpointDurationOption(data, palette, 2000))[0]?.markLine?.data).toEqual([{ yAxis: 2000 }]);
    expect(seriesOf(checkpointDurationOption(data, palette, 600_000))[0]?.markLine).toBeUndefined();
  });

  it('shows unknown (-1) durations as gaps, not as negative bars', () => {
    const first = points[0];
    if (!first) throw new Error('no recorded points');
    const data = checkpointChartData([{ ...first, status: 'IN_PROGRESS', durationMs: -1 }]);
    const series = seriesOf(checkpointDurationOption(data, palette));
    expect(series.map((s) => s.name)).toEqual(['In progress']);
    expect(series[0]?.data).toEqual([null]);
  });
});

describe('the size chart', () => {
  it('draws checkpointed size per status and the full size as a line', () => {
    const data = checkpointChartData(points);
    const series = seriesOf(checkpointSizeOption(data, palette));
    expect(series.map((s) => `${s.type}:${s.name}`)).toEqual(['bar:Completed', 'bar:Failed', 'line:Full size']);
    expect(series[2]?.data).toEqual(data.points.map((p) => p.fullBytes));
  });
});

describe('a 1,000-checkpoint history', () => {
  it('builds in large mode, with no animation and a zoom slider', () => {
    const data = checkpointChartData(thousand());
    const duration = checkpointDurationOption(data, palette, 2000);
    const size = checkpointSizeOption(data, palette);
    expect(data.points).toHaveLength(1000);
    expect(data.points.length).toBeGreaterThan(LARGE_THRESHOLD);
    expect(duration.animation).toBe(false);
    expect(seriesOf(duration).every((s) => s.large === true)).toBe(true);
    expect(Array.isArray(size.dataZoom) ? size.dataZoom.length : 0).toBe(2);
    const slider = Array.isArray(size.dataZoom) ? size.dataZoom.find((z) => z.type === 'slider') : undefined;
    expect(slider && 'showDataShadow' in slider ? slider.showDataShadow : undefined).toBe(false);
  });

  it('opens on the most recent checkpoints, the slider and the wheel on the same window', () => {
    const data = checkpointChartData(thousand());
    const zooms = checkpointDurationOption(data, palette).dataZoom;
    const windows = (Array.isArray(zooms) ? zooms : []).map((z) => [z.startValue, z.endValue]);
    const last = data.points[data.points.length - 1]?.id;
    const first = data.points[data.points.length - RECENT_WINDOW]?.id;
    expect(windows).toEqual([
      [String(first), String(last)],
      [String(first), String(last)],
    ]);
  });

  it('draws the window it opens on in large mode', () => {
    // ECharts applies the large threshold to the points left in the zoom window, not to the history.
    const data = checkpointChartData(thousand());
    for (const option of [checkpointDurationOption(data, palette), checkpointSizeOption(data, palette)]) {
      const bars = seriesOf(option).filter((s) => s.type === 'bar');
      expect(bars.length).toBeGreaterThan(0);
      for (const bar of bars) expect(bar.largeThreshold).toBeLessThanOrEqual(RECENT_WINDOW);
    }
    expect(LARGE_WINDOW_THRESHOLD).toBeLessThanOrEqual(RECENT_WINDOW);
  });

  it('labels a large history every LABEL_EVERY checkpoints, so ECharts does not measure every label', () => {
    const xLabels = (n: number) => {
      const option = checkpointDurationOption(checkpointChartData(thousand().slice(0, n)), palette);
      const axis = Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis;
      return axis?.axisLabel?.interval;
    };
    const interval = xLabels(1000);
    expect(typeof interval).toBe('function');
    const shown = Array.from({ length: RECENT_WINDOW }, (_, i) => i).filter((i) =>
      typeof interval === 'function' ? interval(i, '') : false,
    );
    expect(shown).toHaveLength(RECENT_WINDOW / LABEL_EVERY);
    expect(xLabels(LARGE_THRESHOLD)).toBeUndefined();
  });

  it('shows a history below the large size whole', () => {
    const data = checkpointChartData(thousand().slice(0, LARGE_THRESHOLD));
    const zooms = checkpointSizeOption(data, palette).dataZoom;
    expect((Array.isArray(zooms) ? zooms : []).map((z) => z.startValue ?? z.endValue)).toEqual([undefined, undefined]);
  });
});

describe('the tooltip', () => {
  it('is plain text, one fact per line, naming the checkpoint', () => {
    const first = points[0];
    if (!first) throw new Error('no recorded points');
    expect(checkpointTooltip(first).split('\n')).toEqual([
      `Checkpoint ${first.id} — ${first.status}`,
      `Triggered ${formatTimestamp(first.triggerTime)}`,
      `End-to-end duration ${formatDuration(first.durationMs)}`,
      `Checkpointed size ${formatBytes(first.checkpointedBytes)}`,
      `Full size ${formatBytes(first.fullBytes)}`,
    ]);
    expect(checkpointTooltip(first)).toMatch(
      /^Checkpoint \d+ — (COMPLETED|FAILED)\nTriggered \d{4}-\d\d-\d\d.*\nEnd-to-end duration \S+/,
    );
  });

  it('is drawn on the canvas, so text stays text and no HTML string is written into the page', () => {
    for (const option of [
      checkpointDurationOption(checkpointChartData(points), palette),
      checkpointSizeOption(checkpointChartData(points), palette),
    ]) {
      const tooltip = Array.isArray(option.tooltip) ? option.tooltip[0] : option.tooltip;
      expect(tooltip?.renderMode).toBe('richText');
    }
    const first = points[0];
    if (!first) throw new Error('no recorded points');
    expect(checkpointTooltip({ ...first, status: '<img src=x>' as CheckpointPoint['status'] })).toContain(
      '— <img src=x>',
    );
  });
});
