import type { CheckpointingStatistics, CheckpointSubtasks, StatsSummary } from '../../api/checkpoints';
import { formatBytes, formatDuration } from '../../lib/format';

// Flink's min/avg/max/percentile summaries as rows of a table. Percentiles are "NaN" (decoded to
// NaN) while there are too few samples: shown as "n/a", not as a number.

export type StatKind = 'duration' | 'bytes';

export const STAT_COLUMNS = [
  { key: 'min', header: 'Minimum' },
  { key: 'avg', header: 'Average' },
  { key: 'max', header: 'Maximum' },
  { key: 'p50', header: 'p50' },
  { key: 'p90', header: 'p90' },
  { key: 'p95', header: 'p95' },
  { key: 'p99', header: 'p99' },
  { key: 'p999', header: 'p99.9' },
] as const;
export type StatKey = (typeof STAT_COLUMNS)[number]['key'];

export interface StatRow {
  id: string;
  label: string;
  kind: StatKind;
  /** Raw values for sorting; NaN and missing as null. */
  values: Record<StatKey, number | null>;
}

/** A statistic for display: NaN -> "n/a", missing -> "–". */
export function formatStat(value: number | null | undefined, kind: StatKind): string {
  if (value === undefined) return '–';
  if (value === null || Number.isNaN(value)) return 'n/a';
  return kind === 'duration' ? formatDuration(value) : formatBytes(value);
}

function raw(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}

export function statRow(
  id: string,
  label: string,
  kind: StatKind,
  stats: StatsSummary | undefined,
): StatRow | undefined {
  if (!stats) return undefined;
  return {
    id,
    label,
    kind,
    values: {
      min: raw(stats.min),
      avg: raw(stats.avg),
      max: raw(stats.max),
      p50: raw(stats.p50),
      p90: raw(stats.p90),
      p95: raw(stats.p95),
      p99: raw(stats.p99),
      p999: raw(stats.p999),
    },
  };
}

function present(rows: (StatRow | undefined)[]): StatRow[] {
  return rows.filter((r): r is StatRow => r !== undefined);
}

/** The job-level summary of `GET /jobs/:id/checkpoints` (completed checkpoints only). */
export function checkpointSummaryRows(summary: CheckpointingStatistics['summary']): StatRow[] {
  return present([
    statRow('end_to_end_duration', 'End-to-end duration', 'duration', summary.end_to_end_duration),
    statRow('checkpointed_size', 'Checkpointed data size', 'bytes', summary.checkpointed_size),
    statRow('state_size', 'Full checkpoint data size', 'bytes', summary.state_size),
    statRow('processed_data', 'Processed in-flight data', 'bytes', summary.processed_data),
    statRow('persisted_data', 'Persisted in-flight data', 'bytes', summary.persisted_data),
  ]);
}

/** The per-subtask summary of one vertex in one checkpoint. */
export function subtaskSummaryRows(summary: CheckpointSubtasks['summary']): StatRow[] {
  return present([
    statRow('end_to_end_duration', 'End-to-end duration', 'duration', summary.end_to_end_duration),
    statRow('checkpointed_size', 'Checkpointed data size', 'bytes', summary.checkpointed_size),
    statRow('state_size', 'Full checkpoint data size', 'bytes', summary.state_size),
    statRow('sync', 'Sync duration', 'duration', summary.checkpoint_duration.sync),
    statRow('async', 'Async duration', 'duration', summary.checkpoint_duration.async),
    statRow('alignment_processed', 'Processed in-flight data', 'bytes', summary.alignment.processed),
    statRow('alignment_persisted', 'Persisted in-flight data', 'bytes', summary.alignment.persisted),
    statRow('alignment_duration', 'Alignment duration', 'duration', summary.alignment.duration),
    statRow('start_delay', 'Start delay', 'duration', summary.start_delay),
  ]);
}
