import type { JobDetails } from '../../api/jobs';
import type { SubtaskTimes } from '../../api/subtasks';
import { isTerminal } from '../../lib/job-states';
import type { TimelineData, TimelineSegment } from '../../charts/timeline/timeline-options';

// Flink reports, per job and per subtask, the time each state was entered (0 for never). A
// timeline turns that into intervals: each state lasts until the next one began; the last lasts
// until now, unless it is terminal (then it is an instant).

/** Lifecycle order, to order states entered in the same millisecond. */
const LIFECYCLE = [
  'INITIALIZING',
  'CREATED',
  'SCHEDULED',
  'DEPLOYING',
  'RECONCILING',
  'RUNNING',
  'FAILING',
  'RESTARTING',
  'CANCELLING',
  'CANCELING',
  'FINISHED',
  'CANCELED',
  'FAILED',
  'SUSPENDED',
];
const rank = (state: string): number => {
  const i = LIFECYCLE.indexOf(state);
  return i === -1 ? LIFECYCLE.length : i;
};

/**
 * The intervals of one row from "state -> time entered" (0 or negative: never entered).
 * `job` timestamps are ordered by lifecycle for ties; INITIALIZING of a job comes before
 * CREATED, of a subtask after DEPLOYING, which the times themselves decide.
 */
export function intervals(row: number, timestamps: Readonly<Record<string, number>>, now: number): TimelineSegment[] {
  const entered = Object.entries(timestamps)
    .filter(([, t]) => Number.isFinite(t) && t > 0)
    .sort(([a, ta], [b, tb]) => ta - tb || rank(a) - rank(b));
  return entered.map(([state, start], i) => {
    const next = entered[i + 1];
    const end = next ? next[1] : isTerminal(state) ? start : Math.max(start, now);
    return { row, state, start, end };
  });
}

/** The job (its states) and each vertex (from start to end, in its current state). */
export function jobTimeline(job: JobDetails): TimelineData {
  const rows = ['Job'];
  const rowIds = ['job'];
  const segments = intervals(0, job.timestamps, job.now);
  for (const vertex of job.vertices) {
    if (!(vertex['start-time'] > 0)) continue; // not started yet
    const row = rows.length;
    rows.push(vertex.name);
    rowIds.push(vertex.id);
    const end = vertex['end-time'] > 0 ? vertex['end-time'] : Math.max(vertex['start-time'], job.now);
    segments.push({ row, state: vertex.status, start: vertex['start-time'], end });
  }
  return { rows, rowIds, segments };
}

/** One row per subtask of a vertex, in subtask order. */
export function subtaskTimeline(times: SubtaskTimes): TimelineData {
  const subtasks = [...times.subtasks].sort((a, b) => a.subtask - b.subtask);
  const rows: string[] = [];
  const rowIds: string[] = [];
  const segments: TimelineSegment[] = [];
  for (const s of subtasks) {
    const row = rows.length;
    rows.push(`Subtask ${s.subtask} (${s.endpoint})`);
    rowIds.push(String(s.subtask));
    segments.push(...intervals(row, s.timestamps, times.now));
  }
  return { rows, rowIds, segments };
}
