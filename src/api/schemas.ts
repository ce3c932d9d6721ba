// Schemas shared by several REST resources. Objects are loose (unknown extra fields pass, so a
// newer Flink does not break the dashboard); fields the UI uses are required; fields that some
// Flink line lacks are optional, with a comment saying which.

import * as v from 'valibot';

/** Flink's JSON numbers are Java longs/ints/doubles; `NaN` never appears in valid JSON. */
export const num = v.number();
export const int = v.pipe(v.number(), v.integer());
export const str = v.string();
export const bool = v.boolean();

/**
 * A Java double: Jackson writes non-finite values as the strings "NaN", "Infinity",
 * "-Infinity" (seen in checkpoint percentiles of both 1.20 and 2.3 when a summary has one
 * sample). Decoded to a number; NaN stays NaN for the UI to show as "n/a".
 */
export const double = v.union([v.number(), v.pipe(v.picklist(['NaN', 'Infinity', '-Infinity']), v.transform(Number))]);

/** A finite number from a decoded double (`NaN`, "NaN", "Infinity" ... give null). */
export function finiteNumber(value: unknown): number | null {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

/** A map of string keys to numbers (`tasks`, `status-counts`, `timestamps`). */
export const NumberRecord = v.record(v.string(), v.number());

export const JobStateSchema = v.picklist([
  'INITIALIZING',
  'CREATED',
  'RUNNING',
  'FAILING',
  'FAILED',
  'CANCELLING',
  'CANCELED',
  'FINISHED',
  'RESTARTING',
  'SUSPENDED',
  'RECONCILING',
]);
export type JobState = v.InferOutput<typeof JobStateSchema>;

export const ExecutionStateSchema = v.picklist([
  'CREATED',
  'SCHEDULED',
  'DEPLOYING',
  'RUNNING',
  'FINISHED',
  'CANCELING',
  'CANCELED',
  'FAILED',
  'RECONCILING',
  'INITIALIZING',
]);
export type ExecutionState = v.InferOutput<typeof ExecutionStateSchema>;

/**
 * An array whose answers carry one entry per subtask, TaskManager or metric (thousands on a big
 * cluster, on every refresh). Valibot builds a new object for every object it checks, which on a
 * 5,000-subtask vertex costs more main-thread time than the rest of a refresh; so when every item
 * passes `accepts` the parsed array is kept as it is, and only otherwise does `item` decode each
 * entry (with its issues). `accepts` must accept exactly the items that `item` accepts and
 * outputs unchanged (same checks, no transform applies, no key valibot would drop): its test
 * (`schemas.test.ts`) holds the two side by side.
 */
export function largeArray<S extends v.GenericSchema>(
  item: S,
  accepts: (value: unknown) => value is v.InferOutput<S>,
): v.ArraySchema<S, undefined> {
  const full = v.array(item);
  return {
    ...full,
    '~run'(dataset, config) {
      const input = dataset.value;
      if (isArrayOf(input, accepts)) {
        return { typed: true, value: input };
      }
      return full['~run'](dataset, config);
    },
  };
}

// Type guards for `largeArray`, mirroring valibot's checks: `v.number()` refuses NaN; an object
// or record schema takes any non-null object but outputs a plain copy, so arrays are left to it.
export const isNum = (x: unknown): x is number => typeof x === 'number' && !Number.isNaN(x);
export const isInt = (x: unknown): x is number => Number.isInteger(x);
export const isStr = (x: unknown): x is string => typeof x === 'string';
/** A non-null object that is not an array (valibot would copy an array into a plain object). */
export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
/** What `v.optional(schema)` accepts: an absent key (read as undefined) or what `is` accepts. */
export const optionally =
  <T>(is: (x: unknown) => x is T) =>
  (x: unknown): x is T | undefined =>
    x === undefined || is(x);
/** An array every item of which passes `is` (by index: a hole is an undefined item, as valibot reads it). */
export function isArrayOf<T>(x: unknown, is: (item: unknown) => item is T): x is T[] {
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (!is(x[i])) return false;
  return true;
}
/** Keys a valibot record or loose object leaves out of its output. */
const DROPPED_KEYS = new Set(['__proto__', 'prototype', 'constructor']);
/** What `NumberRecord` accepts and outputs unchanged. */
export function isNumberRecord(x: unknown): x is Record<string, number> {
  if (!isObject(x)) return false;
  for (const key in x) {
    if (DROPPED_KEYS.has(key) || !isNum(x[key])) return false;
  }
  return true;
}
/** No key that a loose object would drop from its output (JSON.parse makes `__proto__` an own key). */
export function hasNoDroppedKey(x: Record<string, unknown>): boolean {
  return !Object.hasOwn(x, '__proto__') && !Object.hasOwn(x, 'prototype') && !Object.hasOwn(x, 'constructor');
}

/** Per-task I/O counters of vertices, subtasks and attempts. */
export const IOMetricsSchema = v.looseObject({
  'read-bytes': num,
  'read-bytes-complete': bool,
  'write-bytes': num,
  'write-bytes-complete': bool,
  'read-records': num,
  'read-records-complete': bool,
  'write-records': num,
  'write-records-complete': bool,
  'accumulated-backpressured-time': v.optional(num),
  'accumulated-idle-time': v.optional(num),
  /**
   * A double; Jackson sends "NaN" (a string) while the busy time is unknown. Kept as sent
   * (`number | string`) because pages already read it that way; `finiteNumber()` reads it.
   */
  'accumulated-busy-time': v.optional(v.union([num, str])),
});
export type IOMetrics = v.InferOutput<typeof IOMetricsSchema>;

/** What `IOMetricsSchema` accepts and outputs unchanged. */
export function isIOMetrics(x: unknown): x is IOMetrics {
  if (!isObject(x) || !hasNoDroppedKey(x)) return false;
  const busy = x['accumulated-busy-time'];
  return (
    isNum(x['read-bytes']) &&
    typeof x['read-bytes-complete'] === 'boolean' &&
    isNum(x['write-bytes']) &&
    typeof x['write-bytes-complete'] === 'boolean' &&
    isNum(x['read-records']) &&
    typeof x['read-records-complete'] === 'boolean' &&
    isNum(x['write-records']) &&
    typeof x['write-records-complete'] === 'boolean' &&
    optionally(isNum)(x['accumulated-backpressured-time']) &&
    optionally(isNum)(x['accumulated-idle-time']) &&
    (busy === undefined || isNum(busy) || isStr(busy))
  );
}

/** `{ "key": ..., "value": ... }` configuration entries (`/jobmanager/config`, ...). */
export const ConfigEntrySchema = v.looseObject({ key: str, value: str });
export const ConfigEntriesSchema = v.array(ConfigEntrySchema);
export type ConfigEntry = v.InferOutput<typeof ConfigEntrySchema>;

/** JVM environment (`/jobmanager/environment`, `/jobs/:jobid/jobmanager/environment`). */
export const EnvironmentSchema = v.looseObject({
  jvm: v.looseObject({ version: str, arch: str, options: v.array(str) }),
  classpath: v.array(str),
});
export type Environment = v.InferOutput<typeof EnvironmentSchema>;

/** Log file lists (`/jobmanager/logs`, `/taskmanagers/:id/logs`). */
export const LogListSchema = v.looseObject({
  logs: v.array(
    v.looseObject({ name: str, size: num, /** 1.20 and 2.x; absent before 1.16 */ mtime: v.optional(num) }),
  ),
});
export type LogList = v.InferOutput<typeof LogListSchema>;

/** `{ "url": ... }` of the log-url endpoints. */
export const LogUrlSchema = v.looseObject({ url: str });
export type LogUrl = v.InferOutput<typeof LogUrlSchema>;

export const ThreadDumpSchema = v.looseObject({
  threadInfos: v.array(v.looseObject({ threadName: str, stringifiedThreadInfo: str })),
});
export type ThreadDump = v.InferOutput<typeof ThreadDumpSchema>;

/** The answer of every trigger endpoint: `{ "request-id": <trigger id> }`. */
export const TriggerResponseSchema = v.looseObject({ 'request-id': v.pipe(str, v.regex(/^[0-9a-f]{32}$/i)) });
export type TriggerResponse = v.InferOutput<typeof TriggerResponseSchema>;

/**
 * A Java throwable as Flink serialises it. 1.20: `class`, `stack-trace`, `serialized-throwable`;
 * 2.x adds `message` (and nests `cause` / `suppressed` the same way).
 */
export interface SerializedThrowable {
  class?: string | undefined;
  'stack-trace'?: string | undefined;
  message?: string | undefined;
  cause?: SerializedThrowable | undefined;
  [extra: string]: unknown;
}
export const SerializedThrowableSchema: v.GenericSchema<unknown, SerializedThrowable> = v.looseObject({
  class: v.optional(str),
  'stack-trace': v.optional(str),
  message: v.optional(str),
  cause: v.optional(v.lazy(() => SerializedThrowableSchema)),
});

/**
 * Status of an asynchronous operation (savepoint, stop, checkpoint, rescale, disposal, dataset
 * deletion): `{ status: { id }, operation? }`. The operation carries the result or the failure:
 * savepoints `location` / `failure-cause`; checkpoints (1.19+) `checkpointId` / `failureCause`;
 * other operations only `failure-cause`.
 */
export const AsyncOperationStatusSchema = v.looseObject({
  status: v.looseObject({ id: v.picklist(['IN_PROGRESS', 'COMPLETED']) }),
  operation: v.optional(
    v.nullable(
      v.looseObject({
        location: v.optional(v.nullable(str)),
        checkpointId: v.optional(v.nullable(num)),
        'failure-cause': v.optional(v.nullable(SerializedThrowableSchema)),
        failureCause: v.optional(v.nullable(SerializedThrowableSchema)),
      }),
    ),
  ),
});
export type AsyncOperationStatus = v.InferOutput<typeof AsyncOperationStatusSchema>;

/** An empty acknowledgement (`{}`); loose so a future body does not break anything. */
export const EmptySchema = v.looseObject({});
export type Empty = v.InferOutput<typeof EmptySchema>;

/** Metric ids and values (`/.../metrics`): a JSON array; `value` only when asked with `get`. */
const MetricValueSchema = v.looseObject({ id: str, value: v.optional(str) });
/** What `MetricValueSchema` accepts and outputs unchanged. */
export function isMetricValue(x: unknown): x is v.InferOutput<typeof MetricValueSchema> {
  return isObject(x) && hasNoDroppedKey(x) && isStr(x.id) && optionally(isStr)(x.value);
}
/** Metric values by id (a vertex's watermarks: one per subtask). */
export const MetricValuesSchema = largeArray(MetricValueSchema, isMetricValue);
export type MetricValues = v.InferOutput<typeof MetricValuesSchema>;

/** Aggregated metrics (`/jobs/metrics`, `/taskmanagers/metrics`, `.../subtasks/metrics`). */
export const AggregatedMetricsSchema = v.array(
  v.looseObject({
    id: str,
    min: v.optional(double),
    max: v.optional(double),
    avg: v.optional(double),
    sum: v.optional(double),
    skew: v.optional(double),
  }),
);
export type AggregatedMetrics = v.InferOutput<typeof AggregatedMetricsSchema>;

/** A job's dataflow plan (`/jobs/:jobid/plan`, `/jars/:jarid/plan`, inside job details). */
export const PlanSchema = v.looseObject({
  jid: str,
  name: str,
  /** 1.20 and 2.x: `STREAMING` | `BATCH` (absent in older lines). */
  type: v.optional(str),
  nodes: v.array(
    v.looseObject({
      id: str,
      parallelism: num,
      operator: v.optional(str),
      operator_strategy: v.optional(str),
      description: str,
      inputs: v.optional(
        v.array(v.looseObject({ num: num, id: str, ship_strategy: v.optional(str), exchange: v.optional(str) })),
      ),
      optimizer_properties: v.optional(v.unknown()),
    }),
  ),
});
export type Plan = v.InferOutput<typeof PlanSchema>;
export const PlanResponseSchema = v.looseObject({ plan: PlanSchema });
export type PlanResponse = v.InferOutput<typeof PlanResponseSchema>;

/** User accumulators of vertices and subtasks. */
export const UserAccumulatorSchema = v.looseObject({ name: str, type: str, value: str });
export type UserAccumulator = v.InferOutput<typeof UserAccumulatorSchema>;
