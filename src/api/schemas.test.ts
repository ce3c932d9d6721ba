import { isDeepStrictEqual } from 'node:util';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CheckpointStatsSchema, isCheckpointStats } from './checkpoints';
import { decode } from './client';
import { FlinkApiError } from './errors';
import { isJobOverview, JobOverviewSchema } from './jobs';
import { isMetricValue, largeArray } from './schemas';
import { isSubtaskAttempt, SubtaskAttemptSchema } from './subtasks';
import { fixture, recordedVersions } from './test-utils';
import { isSubtaskBackPressure, SubtaskBackPressureSchema } from './vertex-sampling';

const MetricValueSchema = v.looseObject({ id: v.string(), value: v.optional(v.string()) });

/** What valibot makes of an item: accepted and output unchanged, which is what a guard must say. */
function keptAsIs(schema: v.GenericSchema, item: unknown): boolean {
  const result = v.safeParse(schema, item);
  // Equal values, key order aside (valibot puts the keys it knows first).
  return result.success && isDeepStrictEqual(result.output, item) && sameKeys(result.output, item);
}

/** Own keys at every level (JSON.stringify skips `__proto__` own keys, valibot drops them). */
function sameKeys(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return true;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.join('|') !== kb.join('|')) return false;
  return ka.every((k) => sameKeys((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const ODD_VALUES: unknown[] = [undefined, null, 'x', '', 'NaN', 1.5, -1, 0, Number.NaN, true, {}, [], [1]];

const REMOVE = Symbol('remove');

/** Every variant of `item` with one value (at any depth) replaced by an odd value or removed. */
function* mutations(item: unknown): Generator<unknown> {
  if (typeof item !== 'object' || item === null) return;
  /** A copy of `item` with `key` set to `value` (or removed when `value` is `REMOVE`). */
  const withKey = (key: string, value: unknown): unknown => {
    const copy: unknown[] | Record<string, unknown> = Array.isArray(item) ? [...(item as unknown[])] : { ...item };
    if (value === REMOVE) delete (copy as Record<string, unknown>)[key];
    else (copy as Record<string, unknown>)[key] = value;
    return copy;
  };
  for (const [key, value] of Object.entries(item)) {
    yield withKey(key, REMOVE);
    for (const odd of ODD_VALUES) yield withKey(key, odd);
    for (const inner of mutations(value)) yield withKey(key, inner);
  }
  // Keys valibot leaves out of its output, as JSON.parse makes them (own keys).
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    const json = JSON.stringify(item);
    // An empty object (a checkpoint's empty `tasks`) takes the key without a comma.
    yield JSON.parse(json === '{}' ? `{"${key}":1}` : json.replace(/^\{/, `{"${key}":1,`));
  }
}

const cases: [string, v.GenericSchema, (x: unknown) => boolean, unknown[]][] = recordedVersions().flatMap((version) => {
  const details = fixture(`flink-${version}/vertex-details`).json as { subtasks: unknown[] };
  const backPressure = fixture(`flink-${version}/vertex-backpressure`).json as { subtasks?: unknown[] };
  const metrics = fixture(`flink-${version}/job-metrics-get`).json as unknown[];
  const jobs = (fixture(`flink-${version}/jobs-overview`).json as { jobs: unknown[] }).jobs;
  const speculative = { ...(details.subtasks[0] as object), 'other-concurrent-attempts': [details.subtasks[1]] };
  const checkpoints = fixture(`flink-${version}/job-checkpoints`).json as { history: unknown[] };
  // One checkpoint's details carry its vertices in `tasks` (history entries an empty map).
  const checkpointDetails = fixture(`flink-${version}/checkpoint-details`).json;
  return [
    [`subtask attempt (${version})`, SubtaskAttemptSchema, isSubtaskAttempt, [...details.subtasks, speculative]],
    [
      `subtask back pressure (${version})`,
      SubtaskBackPressureSchema,
      isSubtaskBackPressure,
      backPressure.subtasks ?? [],
    ],
    [`metric value (${version})`, MetricValueSchema, isMetricValue, metrics],
    [`job overview (${version})`, JobOverviewSchema, isJobOverview, jobs],
    [
      `checkpoint statistics (${version})`,
      CheckpointStatsSchema,
      isCheckpointStats,
      [...checkpoints.history, checkpointDetails],
    ],
  ];
});

describe('the copy-free guards of largeArray', () => {
  it.each(cases)('%s: accepts exactly what the schema keeps as it is', (_name, schema, guard, items) => {
    expect(items.length).toBeGreaterThan(0);
    let checked = 0;
    for (const item of items) {
      expect(guard(item)).toBe(true);
      for (const variant of mutations(item)) {
        expect({ variant, accepted: guard(variant) }).toEqual({ variant, accepted: keptAsIs(schema, variant) });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('reads Jackson\'s "NaN" ratios through the schema, which turns them into numbers', () => {
    const sample = (fixture('flink-2.3.0/vertex-backpressure').json as { subtasks: object[] }).subtasks[0];
    const odd = { ...sample, ratio: 'NaN' };
    expect(isSubtaskBackPressure(odd)).toBe(false);
    const out = decode(largeArray(SubtaskBackPressureSchema, isSubtaskBackPressure), [sample, odd], 'test');
    expect(out[1]?.ratio).toBeNaN();
    expect(out[0]).toEqual(sample);
  });
});

describe('largeArray', () => {
  const schema = largeArray(MetricValueSchema, isMetricValue);

  it('keeps a valid answer as parsed, without copying it', () => {
    const answer = [{ id: '0.currentInputWatermark', value: '1' }, { id: 'x' }];
    expect(decode(schema, answer, 'test')).toBe(answer);
  });

  it('reports a bad entry exactly as valibot does, with its path', () => {
    const answer = [{ id: 'a', value: '1' }, { id: 2 }];
    const issues = (error: unknown): readonly string[] => (error instanceof FlinkApiError ? (error.issues ?? []) : []);
    let fast: unknown;
    let plain: unknown;
    try {
      decode(schema, answer, 'test');
    } catch (error) {
      fast = error;
    }
    try {
      decode(v.array(MetricValueSchema), answer, 'test');
    } catch (error) {
      plain = error;
    }
    expect(issues(fast)).toEqual(issues(plain));
    expect(issues(fast).join()).toMatch(/^\[1\]\.id/);
  });

  it('refuses what is not an array', () => {
    expect(() => decode(schema, { id: 'a' }, 'test')).toThrow(FlinkApiError);
  });
});
