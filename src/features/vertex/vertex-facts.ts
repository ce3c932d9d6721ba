// A vertex's header figures (I/O totals, times, task counts per state): pure.

import type { JobVertexSummary } from '../../api/jobs';
import type { IOMetrics } from '../../api/schemas';
import type { VertexDetails } from '../../api/vertices';

export interface IoTotal {
  value: number;
  /** False when Flink could not read every subtask's counter (its own dashboard adds a "+"). */
  complete: boolean;
}

export interface VertexFacts {
  bytesIn: IoTotal;
  bytesOut: IoTotal;
  recordsIn: IoTotal;
  recordsOut: IoTotal;
  /** Epoch ms; -1 while not started / not ended, as Flink sends it. */
  start: number;
  end: number;
  /** Ms as of the answer; -1 when unknown. */
  duration: number;
  /** Subtasks per execution state. */
  tasks: Record<string, number>;
}

function total(metrics: readonly IOMetrics[], value: keyof IOMetrics, complete: keyof IOMetrics): IoTotal {
  let sum = 0;
  let allComplete = true;
  for (const m of metrics) {
    const n = m[value];
    if (typeof n === 'number' && Number.isFinite(n) && n >= 0) sum += n;
    if (m[complete] !== true) allComplete = false;
  }
  return { value: sum, complete: allComplete };
}

function ioTotals(
  metrics: readonly IOMetrics[],
): Pick<VertexFacts, 'bytesIn' | 'bytesOut' | 'recordsIn' | 'recordsOut'> {
  return {
    bytesIn: total(metrics, 'read-bytes', 'read-bytes-complete'),
    bytesOut: total(metrics, 'write-bytes', 'write-bytes-complete'),
    recordsIn: total(metrics, 'read-records', 'read-records-complete'),
    recordsOut: total(metrics, 'write-records', 'write-records-complete'),
  };
}

/**
 * The vertex's figures. From its entry in the job details when there is one (what Flink's own
 * vertex table shows: the job's vertex-level I/O, times and task counts); otherwise from the
 * vertex details' subtasks (their I/O summed, states counted, earliest start, latest end).
 * Either way no request of its own: the vertex page polls both.
 */
export function vertexFacts(
  summary: JobVertexSummary | undefined,
  details: VertexDetails | undefined,
): VertexFacts | null {
  if (summary) {
    return {
      ...ioTotals([summary.metrics]),
      start: summary['start-time'],
      end: summary['end-time'],
      duration: summary.duration,
      tasks: { ...summary.tasks },
    };
  }
  if (!details) return null;
  const subtasks = details.subtasks;
  const tasks: Record<string, number> = {};
  for (const s of subtasks) tasks[s.status] = (tasks[s.status] ?? 0) + 1;
  const starts = subtasks.map((s) => s['start-time']).filter((t) => t > 0);
  const start = starts.length > 0 ? Math.min(...starts) : -1;
  // Ended only when every subtask has ended.
  const ends = subtasks.map((s) => s['end-time']);
  const end = ends.length > 0 && ends.every((t) => t > 0) ? Math.max(...ends) : -1;
  const duration = start > 0 ? (end > 0 ? end : details.now) - start : -1;
  return { ...ioTotals(subtasks.map((s) => s.metrics)), start, end, duration, tasks };
}
