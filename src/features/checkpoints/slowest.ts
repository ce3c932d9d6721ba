import type { SubtaskCheckpointStats, TaskCheckpointStats } from '../../api/checkpoints';

// What someone looking at a slow or failed checkpoint wants first: which vertex held it up, and
// in it which subtask. Subtasks that never acknowledged come first (they are why a checkpoint
// expires), then the slowest acknowledged one.

/** Sort key for "slowest first": a subtask that never acknowledged outranks any duration. */
export function subtaskDelay(subtask: SubtaskCheckpointStats): number {
  if (subtask.className !== 'completed') return Number.POSITIVE_INFINITY;
  return subtask.end_to_end_duration;
}

/** The index of the slowest acknowledged subtask (ties: the lowest index), or undefined when none acknowledged. */
export function slowestSubtaskIndex(subtasks: readonly SubtaskCheckpointStats[]): number | undefined {
  return subtasksSlowestFirst(subtasks).find((s) => s.className === 'completed')?.index;
}

/** Subtasks slowest first: unacknowledged, then by end-to-end duration, then by index. */
export function subtasksSlowestFirst(subtasks: readonly SubtaskCheckpointStats[]): SubtaskCheckpointStats[] {
  return [...subtasks].sort((a, b) => {
    const da = subtaskDelay(a);
    const db = subtaskDelay(b);
    if (da !== db) return da === Number.POSITIVE_INFINITY ? -1 : db === Number.POSITIVE_INFINITY ? 1 : db - da;
    return a.index - b.index;
  });
}

/** Sort key for "slowest first" of a vertex: one with unacknowledged subtasks outranks any duration. */
export function vertexDelay(task: TaskCheckpointStats): number {
  return task.num_acknowledged_subtasks < task.num_subtasks ? Number.POSITIVE_INFINITY : task.end_to_end_duration;
}

/**
 * The vertex that held the checkpoint up: one with unacknowledged subtasks if any (most
 * missing first), else the one with the longest end-to-end duration.
 */
export function slowestVertexId(tasks: Readonly<Record<string, TaskCheckpointStats>>): string | undefined {
  let best: { id: string; missing: number; duration: number } | undefined;
  for (const [id, task] of Object.entries(tasks)) {
    const missing = task.num_subtasks - task.num_acknowledged_subtasks;
    const duration = task.end_to_end_duration;
    if (!best || missing > best.missing || (missing === best.missing && duration > best.duration)) {
      best = { id, missing, duration };
    }
  }
  return best?.id;
}
