// A cluster's job list (GET /jobs/overview): its schema and how it is kept between refreshes.
// Its own module (valibot and the shared schemas only) so that the worker that decodes the fleet's
// job lists off the main thread (job-list-worker.ts) imports it without the client.

import * as v from 'valibot';
import {
  hasNoDroppedKey,
  int,
  isInt,
  isNum,
  isObject,
  isStr,
  JobStateSchema,
  largeArray,
  num,
  optionally,
  str,
} from './schemas';

/** Task counts per execution state; every state is present in 1.20 and 2.x. */
export const TaskCountsSchema = v.looseObject({
  total: int,
  created: int,
  scheduled: int,
  deploying: int,
  running: int,
  finished: int,
  canceling: int,
  canceled: int,
  failed: int,
  reconciling: int,
  initializing: int,
});
export type TaskCounts = v.InferOutput<typeof TaskCountsSchema>;

export const JobOverviewSchema = v.looseObject({
  jid: str,
  name: str,
  state: JobStateSchema,
  'start-time': num,
  /** -1 while the job runs. */
  'end-time': num,
  duration: num,
  'last-modification': num,
  tasks: TaskCountsSchema,
  /** 2.x only (operators not yet turned into vertices, adaptive graphs); absent in 1.20. */
  'pending-operators': v.optional(int),
  /** 2.x only: `STREAMING` | `BATCH`; absent in 1.20 (which has `job-type` in the details only). */
  jobType: v.optional(str),
  /** 2.x only: `Default` | `Adaptive` | `AdaptiveBatch`; absent in 1.20. */
  schedulerType: v.optional(str),
});
export type JobOverview = v.InferOutput<typeof JobOverviewSchema>;

const JOB_STATES: ReadonlySet<unknown> = new Set(JobStateSchema.options);
const TASK_COUNT_KEYS = Object.keys(TaskCountsSchema.entries);

/** What `TaskCountsSchema` accepts and outputs unchanged. */
function isTaskCounts(x: unknown): x is TaskCounts {
  return isObject(x) && hasNoDroppedKey(x) && TASK_COUNT_KEYS.every((k) => isInt(x[k]));
}

/** What `JobOverviewSchema` accepts and outputs unchanged (for `largeArray`). */
export function isJobOverview(x: unknown): x is JobOverview {
  if (!isObject(x) || !hasNoDroppedKey(x)) return false;
  return (
    isStr(x.jid) &&
    isStr(x.name) &&
    JOB_STATES.has(x.state) &&
    isNum(x['start-time']) &&
    isNum(x['end-time']) &&
    isNum(x.duration) &&
    isNum(x['last-modification']) &&
    isTaskCounts(x.tasks) &&
    optionally(isInt)(x['pending-operators']) &&
    optionally(isStr)(x.jobType) &&
    optionally(isStr)(x.schedulerType)
  );
}

/**
 * A thousand jobs on a big cluster, ten such clusters on the fleet page, on every refresh: decoded
 * without a copy when every job passes `isJobOverview`.
 */
export const JobsOverviewSchema = v.looseObject({ jobs: largeArray(JobOverviewSchema, isJobOverview) });
export type JobsOverview = v.InferOutput<typeof JobsOverviewSchema>;

/**
 * Two JSON values (numbers, strings, plain objects, arrays) equal in every part, but for the
 * top-level key `ignoring` when given. Loops, not `Object.keys(...).every(...)`: it runs over ten
 * thousand jobs a refresh on the fleet page.
 */
function sameJson(a: unknown, b: unknown, ignoring?: string): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (!Object.hasOwn(y, k) || (k !== ignoring && !sameJson(x[k], y[k]))) return false;
    keys += 1;
  }
  for (const k in y) if (Object.hasOwn(y, k)) keys -= 1;
  return keys === 0;
}

/**
 * The same job as far as any view can tell. A job that has not ended answers its age as
 * `duration` (Flink's now − start, new in every answer while nothing else moves: its
 * `last-modification` is its last state change); every view shows and sorts a running job's age
 * from its `start-time` and the clock, so that difference alone is no change.
 */
function sameJob(before: JobOverview, job: JobOverview): boolean {
  const ended = job['end-time'] > 0 || before['end-time'] > 0;
  return sameJson(before, job, ended ? undefined : 'duration');
}

/**
 * How a job list is kept between refreshes: each job that did not change (`sameJob`) stays the
 * object it was (found by its id: Flink reorders the list), and the last answer itself stays when
 * nothing changed. React-query's deep comparison does the same by index, through every value, which
 * on ten lists of a thousand jobs a refresh costs more main-thread time than the page's render; and
 * as running jobs' durations grow in every answer, it would find every list changed.
 */
export function keepUnchangedJobs(previous: unknown, next: unknown): unknown {
  const old = previous as JobsOverview | undefined;
  const fresh = next as JobsOverview;
  if (!old || !Array.isArray(old.jobs) || !Array.isArray(fresh.jobs)) return next;
  const byId = new Map(old.jobs.map((job) => [job.jid, job]));
  let same = old.jobs.length === fresh.jobs.length;
  const jobs = fresh.jobs.map((job, i) => {
    const before = byId.get(job.jid);
    if (before === undefined || !sameJob(before, job)) {
      same = false;
      return job;
    }
    if (old.jobs[i] !== before) same = false;
    return before;
  });
  const keys = Object.keys(fresh);
  const restSame =
    keys.length === Object.keys(old).length &&
    keys.every(
      (k) => k === 'jobs' || sameJson((old as Record<string, unknown>)[k], (fresh as Record<string, unknown>)[k]),
    );
  if (same && restSame) return old;
  return { ...fresh, jobs };
}
