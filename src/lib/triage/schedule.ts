// Which triage read happens on which refresh: the request budget as a pure function, so it can be
// unit-tested with any number of jobs. The interval itself is src/refresh's; this only says, for
// refresh number `n`, which of the reads that are not polled by their own timer are due.
//
// - `page` (the triage page): the job list polls at the refresh interval (its own query); each
//   refresh reads, in turn, the details of at most DETAILS_PER_REFRESH running jobs (jobs never
//   read first, then jobs whose `/jobs/overview` entry changed since their last read: state, task
//   counts, last modification; DETAILS_KEPT_FOR_OLDEST of them always go to the jobs read longest
//   ago, so a few busy jobs cannot starve the others), ONE job's checkpoints, ONE event-time job's
//   sink watermark, ONE task manager's metrics and ONE busy read (a vertex's busiest subtask,
//   `agg=max`, or, every other turn, the per-subtask values of one of the few hottest vertices);
//   the task manager list every 10th refresh. With DETAILS_PER_REFRESH running jobs or fewer
//   every job's details are read on every refresh; with more, the budget stays the same and each
//   job's details are about jobs / DETAILS_PER_REFRESH refreshes old at worst (the page says so).
// - `panel` (the overview's "what is wrong" panel): the overview polls the job list and the task
//   manager list anyway; the panel adds ONE read every other refresh, in turn: job details (jobs
//   never read first), job details, one job's checkpoints, then one task manager's metrics or one
//   sink watermark. Each job's details are thus refreshed at a slower cadence (about every
//   2 x 4/2 x jobs refreshes) and its findings are kept between reads.

import { leastRecentlyRead, pickInTurn } from '../read-in-turn';

export type TriageMode = 'page' | 'panel';

export type TriageRead =
  | { readonly kind: 'details'; readonly jid: string }
  | { readonly kind: 'checkpoints'; readonly jid: string }
  | { readonly kind: 'watermark'; readonly jid: string; readonly vertexId: string }
  | { readonly kind: 'tm-metrics'; readonly tmId: string }
  | { readonly kind: 'tm-list' }
  | { readonly kind: 'busy-max'; readonly jid: string; readonly vertexId: string }
  | { readonly kind: 'busy-subtasks'; readonly jid: string; readonly vertexId: string; readonly parallelism: number };

export interface ScheduleJob {
  readonly jid: string;
  /** Its details were read (any time). */
  readonly hasDetails: boolean;
  /** The page: the refresh its details were last read on (null: never), and whether its job list entry changed since. */
  readonly detailsReadOn?: number | null;
  readonly changed?: boolean;
  /** Its checkpoint statistics were read; `checkpointsGone`: the JobManager has none for it. */
  readonly hasCheckpoints: boolean;
  readonly checkpointsGone?: boolean;
  /** The sink whose input watermark is read, once the details name it. */
  readonly sinkId: string | null;
  /** Its sink watermark was read; `noWatermark`: it has none (no event time): not asked again. */
  readonly hasWatermark: boolean;
  readonly noWatermark?: boolean;
}

export interface ScheduleTaskManager {
  readonly id: string;
  readonly hasMetrics: boolean;
}

/** A vertex with more than one subtask (a single subtask's busy time is its vertex's, from the details). */
export interface ScheduleVertex {
  readonly jid: string;
  readonly vertexId: string;
  readonly parallelism: number;
  /** Its busiest subtask's busyTimeMsPerSecond (`agg=max`), once read. */
  readonly max: number | null;
}

export interface ScheduleInput {
  /** The refresh number, 1 for the first answer of the job list. */
  readonly n: number;
  readonly mode: TriageMode;
  readonly jobs: readonly ScheduleJob[];
  readonly taskManagers: readonly ScheduleTaskManager[];
  readonly vertices?: readonly ScheduleVertex[];
}

/** Vertices whose subtasks are each read (in turn), the hottest by their busiest subtask. */
export const HOT_VERTICES = 3;
/** At most this many subtasks are named in one request (the busiest subtask of a wider vertex may be missed). */
export const MAX_NAMED_SUBTASKS = 128;
/** The task manager list on the triage page: every this many refreshes. */
export const TM_LIST_EVERY = 10;
/** The triage page reads at most this many jobs' details per refresh (all of them when there are no more). */
export const DETAILS_PER_REFRESH = 8;
/** Of those, this many always go to the jobs read longest ago (changed jobs cannot starve the others). */
export const DETAILS_KEPT_FOR_OLDEST = 2;

/** The hottest vertices (by their busiest subtask), at most HOT_VERTICES, hottest first. */
export function hotVertices(vertices: readonly ScheduleVertex[]): ScheduleVertex[] {
  return vertices
    .filter((v) => v.max !== null && v.max > 0)
    .sort((a, b) => (b.max ?? 0) - (a.max ?? 0) || a.vertexId.localeCompare(b.vertexId))
    .slice(0, HOT_VERTICES);
}

const checkpointsOk = (j: ScheduleJob): boolean => !j.checkpointsGone;
const watermarkOk = (j: ScheduleJob): boolean => j.sinkId !== null && !j.noWatermark;

function watermarkRead(job: ScheduleJob | null): TriageRead | null {
  return job && job.sinkId !== null ? { kind: 'watermark', jid: job.jid, vertexId: job.sinkId } : null;
}

function busyRead(n: number, vertices: readonly ScheduleVertex[]): TriageRead | null {
  const hot = hotVertices(vertices);
  const half = Math.floor(n / 2);
  if (n % 2 === 1 && hot.length > 0) {
    const v = hot[half % hot.length];
    if (v) return { kind: 'busy-subtasks', jid: v.jid, vertexId: v.vertexId, parallelism: v.parallelism };
  }
  const v = pickInTurn(
    vertices,
    half,
    () => true,
    (x) => x.max !== null,
  );
  return v ? { kind: 'busy-max', jid: v.jid, vertexId: v.vertexId } : null;
}

/**
 * The jobs whose details the page reads on this refresh: never read first (in list order), then
 * changed since their last read, then the least recently read; DETAILS_KEPT_FOR_OLDEST places
 * go to the least recently read whatever changed.
 */
export function detailsInTurn(jobs: readonly ScheduleJob[]): ScheduleJob[] {
  if (jobs.length <= DETAILS_PER_REFRESH) return [...jobs];
  const leastRecent = (list: readonly ScheduleJob[]): ScheduleJob[] =>
    leastRecentlyRead(list, (j) => j.detailsReadOn ?? undefined);
  const never = jobs.filter((j) => !j.hasDetails || j.detailsReadOn == null);
  const picked = never.slice(0, DETAILS_PER_REFRESH);
  const taken = new Set(picked.map((j) => j.jid));
  const rest = jobs.filter((j) => !taken.has(j.jid));
  const changed = leastRecent(rest.filter((j) => j.changed));
  for (const j of changed.slice(0, Math.max(0, DETAILS_PER_REFRESH - DETAILS_KEPT_FOR_OLDEST - picked.length))) {
    picked.push(j);
    taken.add(j.jid);
  }
  const oldest = leastRecent(rest.filter((j) => !taken.has(j.jid)));
  return [...picked, ...oldest.slice(0, DETAILS_PER_REFRESH - picked.length)];
}

/** The reads due on refresh `n` beyond what polls by itself. */
export function planTurn(input: ScheduleInput): TriageRead[] {
  const { n, jobs, taskManagers } = input;
  const out: (TriageRead | null)[] = [];
  if (input.mode === 'page') {
    for (const job of detailsInTurn(jobs)) out.push({ kind: 'details', jid: job.jid });
    const cp = pickInTurn(jobs, n, checkpointsOk, (j) => j.hasCheckpoints);
    out.push(cp && { kind: 'checkpoints', jid: cp.jid });
    out.push(watermarkRead(pickInTurn(jobs, n, watermarkOk, (j) => j.hasWatermark)));
    const tm = pickInTurn(
      taskManagers,
      n,
      () => true,
      (t) => t.hasMetrics,
    );
    out.push(tm && { kind: 'tm-metrics', tmId: tm.id });
    out.push(busyRead(n, input.vertices ?? []));
    if (n % TM_LIST_EVERY === 0) out.push({ kind: 'tm-list' });
    return out.filter((r): r is TriageRead => r !== null);
  }

  // The panel: one read every other refresh.
  if (n % 2 === 1) return [];
  const slot = n / 2 - 1;
  const cycle = Math.floor(slot / 4);
  const details = (turn: number): TriageRead | null => {
    const job = pickInTurn(
      jobs,
      turn,
      () => true,
      (j) => j.hasDetails,
    );
    return job && { kind: 'details', jid: job.jid };
  };
  let read: TriageRead | null;
  switch (slot % 4) {
    case 0:
      read = details(2 * cycle);
      break;
    case 1:
      read = details(2 * cycle + 1);
      break;
    case 2: {
      const cp = pickInTurn(jobs, cycle, checkpointsOk, (j) => j.hasCheckpoints);
      read = cp && { kind: 'checkpoints', jid: cp.jid };
      break;
    }
    default: {
      const half = Math.floor(cycle / 2);
      const tm = pickInTurn(
        taskManagers,
        half,
        () => true,
        (t) => t.hasMetrics,
      );
      const wm = watermarkRead(pickInTurn(jobs, half, watermarkOk, (j) => j.hasWatermark));
      read =
        cycle % 2 === 0
          ? tm
            ? { kind: 'tm-metrics', tmId: tm.id }
            : wm
          : (wm ?? (tm && { kind: 'tm-metrics', tmId: tm.id }));
    }
  }
  // A slot with nothing to read gives its turn to job details.
  return [read ?? details(slot)].filter((r): r is TriageRead => r !== null);
}
