import { describe, expect, it } from 'vitest';
import type { ChartPalette } from '../theme';
import { failureSeries, failureTimelineOption, markTooltip, ROWS, type FailureMark } from './failure-options';

const palette: ChartPalette = {
  text: '#000',
  muted: '#555',
  border: '#ccc',
  surface: '#fff',
  series: ['#1', '#2', '#3', '#4', '#5'],
  ok: 'green',
  warn: 'orange',
  bad: 'red',
};

const marks: FailureMark[] = [
  { kind: 'exception', start: 1000, end: 1000, title: 'IllegalStateException', lines: ['Flaky parser (1/1)'] },
  { kind: 'restart', start: 1002, end: 1002, title: 'Restarted', lines: [] },
  { kind: 'checkpoint-completed', start: 5000, end: 5014, title: 'Checkpoint 3', lines: [] },
  { kind: 'checkpoint-failed', start: 8000, end: 10_003, title: 'Checkpoint 4', lines: ['timeout'] },
];

describe('the failure timeline option', () => {
  it('draws one series per kind present, each mark on its row, checkpoints as bands', () => {
    const option = failureTimelineOption(marks, palette);
    const series = option.series as { name: string; data: number[][] }[];
    expect(series.map((s) => s.name)).toEqual(['Restart', 'Exception', 'Checkpoint completed', 'Checkpoint failed']);
    expect(series[1]?.data).toEqual([[ROWS.indexOf('Exceptions'), 1000, 1000]]);
    expect(series[3]?.data).toEqual([[ROWS.indexOf('Checkpoints'), 8000, 10_003]]);
    expect(option.dataZoom).toHaveLength(2);
    expect(option.brush).toMatchObject({ brushType: 'lineX' });
  });

  it('maps a clicked point back to its mark, and says it in plain text', () => {
    const series = failureSeries(marks);
    expect(series[3]?.marks[0]?.title).toBe('Checkpoint 4');
    expect(markTooltip(marks[3] as FailureMark)).toMatch(/^Checkpoint 4\n.* → .* \(2\.0s\)\ntimeout$/);
  });

  it('covers the range it was open for even without marks', () => {
    const option = failureTimelineOption([], palette, { from: 0, to: 60_000 });
    expect(option.series).toEqual([]);
    expect(option.xAxis).toMatchObject({ type: 'time' });
  });
});
