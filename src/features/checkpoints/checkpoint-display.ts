import type { CheckpointConfig, CheckpointStats } from '../../api/checkpoints';
import type { CheckpointPoint } from '../../charts/checkpoints/checkpoint-options';
import { formatDuration } from '../../lib/format';

// Small pure helpers turning Flink's checkpoint answers into what the tab shows.

export function toCheckpointPoint(entry: CheckpointStats): CheckpointPoint {
  return {
    id: entry.id,
    status: entry.status,
    isSavepoint: entry.is_savepoint,
    triggerTime: entry.trigger_timestamp,
    durationMs: entry.end_to_end_duration,
    checkpointedBytes: entry.checkpointed_size,
    fullBytes: entry.state_size,
  };
}

export function checkpointTone(status: string): 'ok' | 'warn' | 'bad' | 'neutral' {
  if (status === 'COMPLETED' || status === 'completed') return 'ok';
  if (status === 'FAILED') return 'bad';
  if (status === 'IN_PROGRESS' || status === 'pending_or_failed' || status === 'pending') return 'warn';
  return 'neutral';
}

export function failureMessage(entry: CheckpointStats): string | undefined {
  return entry.className === 'failed' ? (entry.failure_message ?? undefined) : undefined;
}

/** "Savepoint" / "Checkpoint" as Flink's own dashboard says it. */
export function checkpointKind(entry: { is_savepoint: boolean }): string {
  return entry.is_savepoint ? 'Savepoint' : 'Checkpoint';
}

/** `UNALIGNED_CHECKPOINT` -> "Unaligned checkpoint"; unknown values kept as sent. */
export function checkpointTypeLabel(type: string): string {
  const known: Record<string, string> = {
    CHECKPOINT: 'Aligned checkpoint',
    UNALIGNED_CHECKPOINT: 'Unaligned checkpoint',
    SAVEPOINT: 'Savepoint',
    SYNC_SAVEPOINT: 'Synchronous savepoint',
    FULL_CHECKPOINT: 'Full checkpoint',
  };
  return known[type] ?? type;
}

export interface ConfigRow {
  key: string;
  label: string;
  value: string;
}

/** Flink reports "never" as Long.MAX_VALUE (which JSON rounds to 9223372036854775807 or above). */
function durationOrNever(ms: number, never: string): string {
  return ms >= 9e18 ? never : formatDuration(ms);
}

const onOff = (b: boolean): string => (b ? 'Enabled' : 'Disabled');

/** `/jobs/:id/checkpoints/config` as labelled rows; optional fields only when Flink sent them. */
export function checkpointConfigRows(config: CheckpointConfig): ConfigRow[] {
  const rows: ConfigRow[] = [
    {
      key: 'mode',
      label: 'Checkpointing mode',
      value: /exactly/i.test(config.mode) ? 'Exactly once' : 'At least once',
    },
    { key: 'interval', label: 'Interval', value: durationOrNever(config.interval, 'Periodic checkpoints disabled') },
    { key: 'timeout', label: 'Timeout', value: formatDuration(config.timeout) },
    { key: 'min_pause', label: 'Minimum pause between checkpoints', value: formatDuration(config.min_pause) },
    { key: 'max_concurrent', label: 'Maximum concurrent checkpoints', value: String(config.max_concurrent) },
    {
      key: 'externalization',
      label: 'Persist checkpoints externally',
      value: config.externalization.enabled
        ? `Enabled (${config.externalization.delete_on_cancellation ? 'deleted' : 'retained'} on cancellation)`
        : 'Disabled',
    },
    { key: 'unaligned_checkpoints', label: 'Unaligned checkpoints', value: onOff(config.unaligned_checkpoints) },
    {
      key: 'tolerable_failed_checkpoints',
      label: 'Tolerable failed checkpoints',
      value: String(config.tolerable_failed_checkpoints),
    },
  ];
  if (config.state_backend !== undefined)
    rows.push({ key: 'state_backend', label: 'State backend', value: config.state_backend });
  if (config.checkpoint_storage !== undefined) {
    rows.push({ key: 'checkpoint_storage', label: 'Checkpoint storage', value: config.checkpoint_storage });
  }
  if (config.aligned_checkpoint_timeout !== undefined) {
    rows.push({
      key: 'aligned_checkpoint_timeout',
      label: 'Aligned checkpoint timeout',
      value: config.aligned_checkpoint_timeout > 0 ? formatDuration(config.aligned_checkpoint_timeout) : 'None',
    });
  }
  if (config.checkpoints_after_tasks_finish !== undefined) {
    rows.push({
      key: 'checkpoints_after_tasks_finish',
      label: 'Checkpoints after tasks finish',
      value: onOff(config.checkpoints_after_tasks_finish),
    });
  }
  if (config.state_changelog_enabled !== undefined) {
    rows.push({
      key: 'state_changelog_enabled',
      label: 'State changelog',
      value: onOff(config.state_changelog_enabled),
    });
  }
  if (config.changelog_periodic_materialization_interval !== undefined) {
    rows.push({
      key: 'changelog_periodic_materialization_interval',
      label: 'Changelog periodic materialization interval',
      value: durationOrNever(config.changelog_periodic_materialization_interval, 'Disabled'),
    });
  }
  if (config.changelog_storage !== undefined) {
    rows.push({ key: 'changelog_storage', label: 'Changelog storage', value: config.changelog_storage });
  }
  return rows;
}
