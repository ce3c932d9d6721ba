import { describe, expect, it } from 'vitest';
import type { SubtaskCheckpointStats } from '../../api/checkpoints';
import { slowestSubtaskIndex, slowestVertexId, subtasksSlowestFirst } from './slowest';
import { checkpointConfigRows, checkpointTypeLabel, toCheckpointPoint } from './checkpoint-display';
import { fixtures } from './test-fixtures';

describe('the slowest vertex and subtask', () => {
  it('picks the vertex that never acknowledged in a failed checkpoint', () => {
    // Recorded: "Slow snapshot" (6f4e…) acknowledged 0 of 1 when checkpoint 144 expired.
    expect(slowestVertexId(fixtures.failingDetails.tasks)).toBe('6f4ef8783b9a22eb22cec1139d41c184');
  });

  it('picks the longest end-to-end duration in a completed checkpoint', () => {
    const tasks = fixtures.eventTimeDetails.tasks;
    const longest = Object.entries(tasks).reduce((a, b) =>
      b[1].end_to_end_duration > a[1].end_to_end_duration ? b : a,
    );
    expect(slowestVertexId(tasks)).toBe(longest[0]);
  });

  it('sorts subtasks slowest first, unacknowledged ones before any duration', () => {
    const recorded = fixtures.eventTimeSubtasksSource.subtasks;
    const first = recorded[0];
    expect(first).toBeDefined();
    if (!first) return;
    const pending: SubtaskCheckpointStats = { className: 'pending', status: 'pending_or_failed', index: 7 };
    const slow: SubtaskCheckpointStats =
      first.className === 'completed' ? { ...first, index: 5, end_to_end_duration: 99_999 } : first;
    const sorted = subtasksSlowestFirst([...recorded, slow, pending]);
    expect(sorted.map((s) => s.index).slice(0, 2)).toEqual([7, 5]);
    expect(slowestSubtaskIndex([...recorded, slow, pending])).toBe(5);
    expect(slowestSubtaskIndex([pending])).toBeUndefined();
  });
});

describe('checkpoint view helpers', () => {
  it('turns a recorded history entry into a chart point', () => {
    const failed = fixtures.failingStats.latest.failed;
    expect(failed).toBeTruthy();
    if (!failed) return;
    expect(toCheckpointPoint(failed)).toEqual({
      id: failed.id,
      status: 'FAILED',
      isSavepoint: false,
      triggerTime: failed.trigger_timestamp,
      durationMs: failed.end_to_end_duration,
      checkpointedBytes: failed.checkpointed_size,
      fullBytes: failed.state_size,
    });
    expect(checkpointTypeLabel('UNALIGNED_CHECKPOINT')).toBe('Unaligned checkpoint');
    expect(checkpointTypeLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('labels the recorded checkpoint configuration', () => {
    const rows = checkpointConfigRows(fixtures.eventTimeConfig);
    const value = (key: string) => rows.find((r) => r.key === key)?.value;
    expect(value('mode')).toBe('Exactly once');
    expect(value('interval')).toBe('5.0s');
    expect(value('timeout')).toBe('10m 0s');
    expect(value('externalization')).toBe('Disabled');
    expect(value('state_backend')).toBe('HashMapStateBackend');
    expect(value('aligned_checkpoint_timeout')).toBe('None');
    expect(
      checkpointConfigRows({ ...fixtures.eventTimeConfig, interval: 2 ** 63 }).find((r) => r.key === 'interval')?.value,
    ).toBe('Periodic checkpoints disabled');
  });
});
