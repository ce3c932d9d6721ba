// What Flink samples on demand for one vertex: back pressure and flame graphs. Their first
// answers say "no sample yet"; components read them through useSampledQuery (polling.ts) with
// the readiness test exported here, which polls fast until the sample is there.

import * as v from 'valibot';
import { jsonQuery, LARGE_ANSWER } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import type { FlameGraphType } from './query';
import {
  double,
  hasNoDroppedKey,
  int,
  isArrayOf,
  isInt,
  isNum,
  isObject,
  largeArray,
  num,
  optionally,
} from './schemas';

// ---- back pressure ---------------------------------------------------------------------------

export const BackPressureLevelSchema = v.picklist(['ok', 'low', 'high']);
export type BackPressureLevel = v.InferOutput<typeof BackPressureLevelSchema>;

export interface SubtaskBackPressure {
  subtask: number;
  /** Only when several attempts ran (speculative execution). */
  'attempt-number'?: number | undefined;
  backpressureLevel: BackPressureLevel;
  ratio: number;
  idleRatio: number;
  busyRatio: number;
  'other-concurrent-attempts'?: SubtaskBackPressure[] | undefined;
  [extra: string]: unknown;
}
export const SubtaskBackPressureSchema: v.GenericSchema<unknown, SubtaskBackPressure> = v.looseObject({
  subtask: int,
  'attempt-number': v.optional(int),
  backpressureLevel: BackPressureLevelSchema,
  ratio: double,
  idleRatio: double,
  busyRatio: double,
  'other-concurrent-attempts': v.optional(v.array(v.lazy(() => SubtaskBackPressureSchema))),
});

const LEVELS: ReadonlySet<unknown> = new Set(BackPressureLevelSchema.options);

/**
 * What `SubtaskBackPressureSchema` accepts and outputs unchanged (for `largeArray`): ratios as
 * numbers (Jackson's "NaN" strings are decoded to numbers by the schema itself).
 */
export function isSubtaskBackPressure(x: unknown): x is SubtaskBackPressure {
  if (!isObject(x) || !hasNoDroppedKey(x)) return false;
  const others = x['other-concurrent-attempts'];
  return (
    isInt(x.subtask) &&
    optionally(isInt)(x['attempt-number']) &&
    LEVELS.has(x.backpressureLevel) &&
    isNum(x.ratio) &&
    isNum(x.idleRatio) &&
    isNum(x.busyRatio) &&
    (others === undefined || isArrayOf(others, isSubtaskBackPressure))
  );
}

/**
 * Back pressure is computed from task metrics. `status: "deprecated"` (with nothing else)
 * means the metrics have not been fetched yet: ask again shortly. `status: "ok"` carries the
 * level, the time of the sample and the subtasks. Same in 1.20 and 2.x.
 */
export const BackPressureSchema = v.variant('status', [
  v.looseObject({ status: v.literal('deprecated') }),
  v.looseObject({
    status: v.literal('ok'),
    backpressureLevel: BackPressureLevelSchema,
    'end-timestamp': num,
    subtasks: largeArray(SubtaskBackPressureSchema, isSubtaskBackPressure),
  }),
]);
export type BackPressure = v.InferOutput<typeof BackPressureSchema>;

export function isBackPressureReady(data: BackPressure): boolean {
  return data.status === 'ok';
}

/** Read with `useSampledQuery(options, isBackPressureReady)`: fast until Flink has the metrics. */
export function backPressureQueryOptions(jobId: string, vertexId: string) {
  return jsonQuery(
    flinkKeys.vertexBackPressure(jobId, vertexId),
    endpoints.vertexBackPressure,
    BackPressureSchema,
    { params: { jobid: jobId, vertexid: vertexId } },
    'live',
    LARGE_ANSWER,
  );
}

// ---- flame graph -----------------------------------------------------------------------------

export interface FlameGraphNode {
  name: string;
  value: number;
  children: FlameGraphNode[];
  [extra: string]: unknown;
}
/**
 * Whether `data` is a flame graph tree: every node an object with a string `name`, a number
 * `value` and an array of such `children`. Iterative (JVM stacks nest hundreds of frames deep)
 * and copy-free: a sample has 50,000 frames, and a recursive object schema rebuilt every node of
 * it (most of a second on a busy machine, before the chart could start).
 */
export function isFlameGraphTree(data: unknown): data is FlameGraphNode {
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) return false;
    const { name, value, children } = node as Record<string, unknown>;
    if (typeof name !== 'string' || typeof value !== 'number' || !Array.isArray(children)) return false;
    for (const child of children) stack.push(child);
  }
  return true;
}

export const FlameGraphNodeSchema: v.GenericSchema<unknown, FlameGraphNode> = v.custom<FlameGraphNode>(
  isFlameGraphTree,
  'Invalid flame graph: every frame needs a string name, a number value and an array of children',
);

/**
 * `endTimestamp` is the time of the sample, or a marker: -1 the task has ended, -2 flame
 * graphs are disabled (`rest.flamegraph.enabled`), -3 sampling started but no sample yet.
 * `data` is present only with a real sample. Same in 1.20 and 2.x.
 */
export const FlameGraphSchema = v.looseObject({
  endTimestamp: num,
  data: v.optional(FlameGraphNodeSchema),
});
export type FlameGraph = v.InferOutput<typeof FlameGraphSchema>;

export type FlameGraphState = 'ready' | 'terminated' | 'disabled' | 'waiting';

export function flameGraphState(graph: FlameGraph): FlameGraphState {
  if (graph.data && graph.endTimestamp >= 0) return 'ready';
  if (graph.endTimestamp === -1) return 'terminated';
  if (graph.endTimestamp === -2) return 'disabled';
  return 'waiting';
}

/** Ready, or never going to be: stop polling fast. */
export function isFlameGraphSettled(graph: FlameGraph): boolean {
  return flameGraphState(graph) !== 'waiting';
}

export interface FlameGraphQuery {
  readonly type?: FlameGraphType;
  /** One subtask only (1.17+); all subtasks when absent. */
  readonly subtaskIndex?: number;
}

function flameGraphQuery(query: FlameGraphQuery) {
  return { type: query.type, subtaskindex: query.subtaskIndex };
}

/** Read with `useSampledQuery(options, isFlameGraphSettled)`: fast while Flink is still sampling. */
export function flameGraphQueryOptions(jobId: string, vertexId: string, query: FlameGraphQuery = {}) {
  const values = flameGraphQuery(query);
  return jsonQuery(flinkKeys.vertexFlameGraph(jobId, vertexId, values), endpoints.vertexFlameGraph, FlameGraphSchema, {
    params: { jobid: jobId, vertexid: vertexId },
    query: values,
  });
}
