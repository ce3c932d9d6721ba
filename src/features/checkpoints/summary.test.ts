import { describe, expect, it } from 'vitest';
import { checkpointSummaryRows, formatStat, subtaskSummaryRows } from './summary';
import { fixtures } from './test-fixtures';

describe('checkpoint summary formatting', () => {
  it('formats durations and sizes, Flink "NaN" percentiles as n/a, missing as a dash', () => {
    expect(formatStat(9, 'duration')).toBe('9ms');
    expect(formatStat(17.299999999999997, 'duration')).toBe('17ms');
    expect(formatStat(2048, 'bytes')).toBe('2.0 KiB');
    expect(formatStat(null, 'bytes')).toBe('n/a');
    expect(formatStat(Number.NaN, 'bytes')).toBe('n/a');
    expect(formatStat(undefined, 'duration')).toBe('–');
  });

  it('gives one row per measure of the job summary, with every percentile Flink sent', () => {
    const rows = checkpointSummaryRows(fixtures.failingStats.summary);
    expect(rows.map((r) => r.label)).toEqual([
      'End-to-end duration',
      'Checkpointed data size',
      'Full checkpoint data size',
      'Processed in-flight data',
      'Persisted in-flight data',
    ]);
    const duration = rows[0];
    const recorded = fixtures.failingStats.summary.end_to_end_duration;
    expect(duration?.values).toMatchObject({
      min: recorded.min,
      avg: recorded.avg,
      max: recorded.max,
      p50: recorded.p50,
      p999: recorded.p999,
    });
    expect(duration?.kind).toBe('duration');
    expect(rows[1]?.kind).toBe('bytes');
  });

  it('shows the percentiles of a one-sample subtask summary (recorded as "NaN") as n/a', () => {
    const rows = subtaskSummaryRows(fixtures.failingSubtasksSlow.summary);
    const sync = rows.find((r) => r.id === 'sync');
    expect(sync?.values.min).toBe(3501);
    expect(formatStat(sync?.values.min, 'duration')).toBe('3.5s');
    expect(sync?.values.p50).toBeNull();
    expect(formatStat(sync?.values.p50, 'duration')).toBe('n/a');
    expect(rows.map((r) => r.id)).toEqual([
      'end_to_end_duration',
      'checkpointed_size',
      'state_size',
      'sync',
      'async',
      'alignment_processed',
      'alignment_persisted',
      'alignment_duration',
      'start_delay',
    ]);
  });
});
