// Fuzzing the response decoders with mutations of answers recorded from real JobManagers.
//
// Every recorded 2xx JSON answer (Flink 2.3.0 and 1.20.5 in ./fixtures, and the feature folders'
// recordings) goes through the real client path (fetch -> requestJson -> JSON.parse -> valibot
// schema) with random damage: keys deleted, types changed, nulls, huge and non-finite numbers,
// "NaN" strings, deep nesting, prototype keys, lone surrogates, truncated and invalid JSON. The
// only acceptable outcomes are a decoded value or a FlinkApiError of kind `bad-shape` or
// `not-json`; any other exception (a RangeError, a TypeError from a transform, ...) fails.
//
// Seeded, so a failure is reproducible: FUZZ_SEED=<n> FUZZ_ITERATIONS=<n> npx vitest run src/api/decoders.fuzz.test.ts

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prng } from '../../e2e/support/prng.mjs';
import {
  checkpointConfigQueryOptions,
  checkpointDetailsQueryOptions,
  checkpointingStatisticsQueryOptions,
  checkpointSubtasksQueryOptions,
} from './checkpoints';
import { clusterOverviewQueryOptions } from './cluster';
import { requestOnce } from './endpoint-query';
import { FlinkApiError } from './errors';
import { jobExceptionsQueryOptions } from './exceptions';
import { jarPlanQueryOptions, jarsQueryOptions } from './jars';
import { jobAccumulatorsQueryOptions, jobConfigQueryOptions, jobExecutionResultQueryOptions } from './job-config';
import {
  jobManagerConfigQueryOptions,
  jobManagerEnvironmentQueryOptions,
  jobManagerLogsQueryOptions,
  jobManagerThreadDumpQueryOptions,
} from './jobmanager';
import { jobDetailsQueryOptions, jobPlanQueryOptions, jobsOverviewQueryOptions } from './jobs';
import {
  jobManagerMetricsQueryOptions,
  jobMetricsQueryOptions,
  subtasksMetricsQueryOptions,
  taskManagersMetricsQueryOptions,
} from './metrics';
import { savepointDisposalStatusQueryOptions } from './savepoints';
import { configureApi, resetApiSettings } from './settings';
import { subtaskTimesQueryOptions } from './subtasks';
import {
  taskManagerDetailsQueryOptions,
  taskManagerLogsQueryOptions,
  taskManagersQueryOptions,
  taskManagerThreadDumpQueryOptions,
} from './taskmanagers';
import { backPressureQueryOptions, flameGraphQueryOptions } from './vertex-sampling';
import { vertexDetailsQueryOptions } from './vertices';
import { fixture, recordedVersions } from './test-utils';
import { webConfigQueryOptions } from './webConfig';

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_607);
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 5000);

const JOB = '0123456789abcdef0123456789abcdef';
const VERTEX = 'fedcba9876543210fedcba9876543210';
const TRIGGER = 'd554826a23078669373bc747b2fc4835';
const TM = '127.0.0.1:45603-311eea';

type Call = () => Promise<unknown>;

/** Which client function reads each recorded answer. */
const apiFixtures: Record<string, Call> = {
  config: () => requestOnce(webConfigQueryOptions()),
  overview: () => requestOnce(clusterOverviewQueryOptions()),
  'jobs-overview': () => requestOnce(jobsOverviewQueryOptions()),
  taskmanagers: () => requestOnce(taskManagersQueryOptions()),
  'job-details': () => requestOnce(jobDetailsQueryOptions(JOB)),
  'job-checkpoints': () => requestOnce(checkpointingStatisticsQueryOptions(JOB)),
  'job-checkpoint-config': () => requestOnce(checkpointConfigQueryOptions(JOB)),
  'checkpoint-details': () => requestOnce(checkpointDetailsQueryOptions(JOB, 7)),
  'checkpoint-subtasks': () => requestOnce(checkpointSubtasksQueryOptions(JOB, 7, VERTEX)),
  'job-exceptions': () => requestOnce(jobExceptionsQueryOptions(JOB)),
  'job-execution-result-finished': () => requestOnce(jobExecutionResultQueryOptions(JOB)),
  'vertex-details': () => requestOnce(vertexDetailsQueryOptions(JOB, VERTEX)),
  'vertex-backpressure': () => requestOnce(backPressureQueryOptions(JOB, VERTEX)),
  'vertex-flamegraph-waiting': () => requestOnce(flameGraphQueryOptions(JOB, VERTEX)),
  'vertex-flamegraph-ready': () => requestOnce(flameGraphQueryOptions(JOB, VERTEX)),
  'job-metrics-get': () => requestOnce(jobMetricsQueryOptions(JOB, { get: ['uptime', 'numRestarts'] })),
  'subtasks-metrics-agg': () => requestOnce(subtasksMetricsQueryOptions(JOB, VERTEX)),
  'operation-disposal-failed': () => requestOnce(savepointDisposalStatusQueryOptions(TRIGGER)),
};

/** Raw bodies recorded by the feature folders (`src/features/<feature>/fixtures/<file>.json`). */
const featureFixtures: Record<string, Call> = {
  'job-configuration/hostile-config': () => requestOnce(jobConfigQueryOptions(JOB)),
  'job-configuration/hostile-accumulators': () => requestOnce(jobAccumulatorsQueryOptions(JOB)),
  'job-configuration/bounded-execution-result': () => requestOnce(jobExecutionResultQueryOptions(JOB)),
  'job-configuration/bounded-jobmanager-environment': () => requestOnce(jobManagerEnvironmentQueryOptions()),
  'job-graph/hostile-details': () => requestOnce(jobDetailsQueryOptions(JOB)),
  'job-graph/wide-plan': () => requestOnce(jobPlanQueryOptions(JOB)),
  'job-manager/jobmanager-config': () => requestOnce(jobManagerConfigQueryOptions()),
  'logs/jobmanager-logs': () => requestOnce(jobManagerLogsQueryOptions()),
  'logs/taskmanager-logs': () => requestOnce(taskManagerLogsQueryOptions(TM)),
  'metrics-explorer/jobmanager-metrics-get': () => requestOnce(jobManagerMetricsQueryOptions()),
  'metrics-explorer/taskmanagers-metrics-agg': () => requestOnce(taskManagersMetricsQueryOptions()),
  'task-managers/taskmanager-details': () => requestOnce(taskManagerDetailsQueryOptions(TM)),
  'thread-dump/taskmanager-thread-dump': () => requestOnce(taskManagerThreadDumpQueryOptions(TM)),
  'thread-dump/jobmanager-thread-dump': () => requestOnce(jobManagerThreadDumpQueryOptions()),
  'timeline/event-time-subtasktimes-0dcd6b6344e082cccdb531821571f082': () =>
    requestOnce(subtaskTimesQueryOptions(JOB, VERTEX)),
  'exceptions/flaky-exceptions': () => requestOnce(jobExceptionsQueryOptions(JOB)),
  'checkpoints/failing-checkpoints': () => requestOnce(checkpointingStatisticsQueryOptions(JOB)),
  'jars/jars': () => requestOnce(jarsQueryOptions()),
  'jars/jar-plan-hostile': () => requestOnce(jarPlanQueryOptions('demo-jobs.jar')),
};

const featuresDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../features');

interface Target {
  readonly name: string;
  readonly body: unknown;
  readonly call: Call;
}

function targets(): Target[] {
  const list: Target[] = [];
  for (const version of recordedVersions()) {
    for (const [name, call] of Object.entries(apiFixtures)) {
      const f = fixture(`flink-${version}/${name}`);
      if (f.json !== undefined && f.status < 300) list.push({ name: `flink-${version}/${name}`, body: f.json, call });
    }
  }
  for (const [name, call] of Object.entries(featureFixtures)) {
    const [feature = '', file = ''] = name.split('/');
    const recorded: unknown = JSON.parse(
      readFileSync(path.join(featuresDir, feature, 'fixtures', `${file}.json`), 'utf8'),
    );
    // Some folders keep the recorder's envelope ({ recordedFrom, request, status, json }).
    const body =
      typeof recorded === 'object' && recorded !== null && 'recordedFrom' in recorded && 'json' in recorded
        ? recorded.json
        : recorded;
    list.push({ name: `features/${name}`, body, call });
  }
  return list;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

class Fuzzer {
  constructor(readonly random: () => number) {}

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Every container (object or array) in the tree, with its parent slot. */
  containers(root: Json): Json[] {
    const out: Json[] = [];
    const walk = (node: Json, depth: number): void => {
      if (node === null || typeof node !== 'object' || depth > 60) return;
      out.push(node);
      for (const child of Array.isArray(node) ? node : Object.values(node)) walk(child, depth + 1);
    };
    walk(root, 0);
    return out;
  }

  /** A value of a different kind than `value`. */
  otherType(value: Json): Json {
    const options: Json[] = [
      'a string',
      42,
      -1,
      0,
      true,
      false,
      null,
      [],
      {},
      [1, 'two'],
      { unexpected: 'object' },
      '',
      '42',
    ];
    const differs = options.filter((o) => kindOf(o) !== kindOf(value));
    return structuredClone(this.pick(differs));
  }

  /**
   * A placeholder for `depth` levels of nesting (objects under `key`, or arrays), written into
   * the text by serialize(): JSON.stringify itself would overflow the stack on it.
   */
  deep(depth: number, key: string): Json {
    const kind = key === 'cause' || this.random() < 0.5 ? 'object' : 'array';
    const id = deepNests.push({ depth, key, kind }) - 1;
    return `@@DEEP_${id}@@`;
  }
}

function kindOf(value: Json): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Placeholders replaced in the serialized text by literals JSON.stringify cannot produce. */
const RAW: Readonly<Record<string, string>> = {
  '@@RAW_1e400@@': '1e400',
  '@@RAW_-1e400@@': '-1e400',
  '@@RAW_big@@': '123456789012345678901234567890',
  '@@RAW_lone@@': '"\\ud800 lone surrogate"',
};
const RAW_KEYS = Object.keys(RAW);

const deepNests: { depth: number; key: string; kind: 'object' | 'array' }[] = [];

function deepText({ depth, key, kind }: { depth: number; key: string; kind: 'object' | 'array' }): string {
  return kind === 'object'
    ? `${`{${JSON.stringify(key)}:`.repeat(depth)}{}${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

type Mutation = (f: Fuzzer, root: Json) => { root: Json; what: string };

/** Replaces a random slot (object property or array element) of a random container. */
function atRandomSlot(
  f: Fuzzer,
  root: Json,
  replace: (old: Json, key: string) => Json | undefined,
  what: string,
): { root: Json; what: string } {
  const containers = f.containers(root);
  if (containers.length === 0) {
    const replaced = replace(root, 'root');
    return { root: replaced === undefined ? null : replaced, what: `${what} at (root)` };
  }
  const node = f.pick(containers);
  if (Array.isArray(node)) {
    if (node.length === 0) return { root, what: `${what}: (empty array, unchanged)` };
    const i = f.int(node.length);
    const next = replace(node[i] ?? null, String(i));
    if (next === undefined) node.splice(i, 1);
    else node[i] = next;
    return { root, what: `${what} at [${i}]` };
  }
  const obj = node as Record<string, Json>;
  const keys = Object.keys(obj);
  if (keys.length === 0) return { root, what: `${what}: (empty object, unchanged)` };
  const key = f.pick(keys);
  const next = replace(obj[key] ?? null, key);
  if (next === undefined) delete obj[key];
  else obj[key] = next;
  return { root, what: `${what} at .${key}` };
}

const mutations: Record<string, Mutation> = {
  'delete key': (f, root) => atRandomSlot(f, root, () => undefined, 'delete'),
  'change type': (f, root) => atRandomSlot(f, root, (old) => f.otherType(old), 'change type'),
  null: (f, root) => atRandomSlot(f, root, () => null, 'null'),
  'huge number': (f, root) =>
    atRandomSlot(
      f,
      root,
      () =>
        f.pick<Json>([
          1e308,
          -1e308,
          Number.MAX_SAFE_INTEGER * 4,
          2 ** 63,
          -0,
          5e-324,
          RAW_KEYS[0] ?? '',
          RAW_KEYS[1] ?? '',
          RAW_KEYS[2] ?? '',
        ]),
      'huge number',
    ),
  'NaN string': (f, root) =>
    atRandomSlot(
      f,
      root,
      () => f.pick<Json>(['NaN', 'Infinity', '-Infinity', '', '12abc', '1e999', ' 7 ']),
      'NaN string',
    ),
  'deep nesting': (f, root) =>
    atRandomSlot(
      f,
      root,
      (_old, key) => f.deep(f.pick([50, 500, 5000, 20_000]), f.random() < 0.5 ? key : 'cause'),
      'deep nesting',
    ),
  // A Java throwable's cause chain (SerializedThrowable.cause is recursive): a real exception can
  // be wrapped thousands of times (a recursion gone wrong), and Flink serialises every level.
  'long cause chain': (f, root) => {
    const objects = f.containers(root).filter((c) => !Array.isArray(c)) as Record<string, Json>[];
    const throwables = objects.filter(
      (o) => 'class' in o || 'stack-trace' in o || 'cause' in o || 'exceptionName' in o,
    );
    const target = throwables.length > 0 ? f.pick(throwables) : objects.length > 0 ? f.pick(objects) : undefined;
    if (!target) return { root, what: 'cause chain: no object' };
    const depth = f.pick([100, 2000, 10_000, 50_000]);
    target.cause = f.deep(depth, 'cause');
    return { root, what: `cause chain of ${depth}` };
  },
  'prototype keys': (f, root) => {
    const containers = f.containers(root).filter((c) => !Array.isArray(c)) as Record<string, Json>[];
    const target = containers.length > 0 ? f.pick(containers) : undefined;
    if (!target) return { root, what: 'prototype keys: no object' };
    const key = f.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']);
    // Defined as an own property, as JSON.parse does for "__proto__".
    Object.defineProperty(target, key, {
      value: f.pick<Json>([{ polluted: true }, 'x', 1, null]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return { root, what: `prototype key ${key}` };
  },
  'odd strings': (f, root) =>
    atRandomSlot(
      f,
      root,
      () =>
        f.pick<Json>([RAW_KEYS[3] ?? '', 'x'.repeat(100_000), '\u202e\u0000\u001b[31m', '<script>alert(1)</script>']),
      'odd string',
    ),
  'empty containers': (f, root) =>
    atRandomSlot(f, root, (old) => (Array.isArray(old) ? [] : typeof old === 'object' ? {} : []), 'empty'),
  'wrong root': (f) => ({
    root: f.pick<Json>([null, [], 'string', 42, true, [{}], { jobs: 'none' }]),
    what: 'wrong root',
  }),
};

type TextMutation = (f: Fuzzer, text: string) => { text: string; what: string };

const textMutations: Record<string, TextMutation> = {
  truncate: (f, text) => {
    const at = f.int(Math.max(1, text.length));
    return { text: text.slice(0, at), what: `truncated at ${at}/${text.length}` };
  },
  'invalid JSON': (f, text) => {
    const at = f.int(Math.max(1, text.length));
    const junk = f.pick(['}', ']', ',', "'", 'NaN', 'undefined', '\u0000', '//', '{"a":}', '\ufeff']);
    return { text: `${text.slice(0, at)}${junk}${text.slice(at)}`, what: `inserted ${JSON.stringify(junk)} at ${at}` };
  },
  'trailing garbage': (f, text) => ({ text: `${text}${f.pick(['x', ',', '}', ' <html>'])}`, what: 'trailing garbage' }),
};

function serialize(root: Json): string {
  let text = JSON.stringify(root) ?? 'null';
  for (const [placeholder, literal] of Object.entries(RAW))
    text = text.split(JSON.stringify(placeholder)).join(literal);
  text = text.replace(/"@@DEEP_(\d+)@@"/g, (_m, id: string) => {
    const nest = deepNests[Number(id)];
    return nest ? deepText(nest) : 'null';
  });
  deepNests.length = 0;
  return text;
}

interface Outcome {
  value: number;
  'bad-shape': number;
  'not-json': number;
}

const totals = { iterations: 0, value: 0, 'bad-shape': 0, 'not-json': 0 };

afterAll(() => {
  // The count the report quotes; vitest prints it with the test output.
  console.log(
    `decoders fuzz: ${totals.iterations} iterations (seed ${SEED}): ${totals.value} decoded, ${totals['bad-shape']} bad-shape, ${totals['not-json']} not-json, 0 other exceptions`,
  );
});

describe('response decoders under random damage', () => {
  const list = targets();
  const perTarget = Math.ceil(ITERATIONS / list.length);

  beforeEach(() => {
    configureApi({ baseUrl: 'http://127.0.0.1:8081/', timeoutMs: 0 });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    resetApiSettings();
  });

  it('a cause chain deeper than the stack is a bad-shape error, not a RangeError (found by this fuzzer)', async () => {
    const f = fixture('flink-2.3.0/operation-disposal-failed');
    const depth = 50_000;
    const chain = `${'{"cause":'.repeat(depth)}{}${'}'.repeat(depth)}`;
    const body = JSON.stringify(f.json).replace(/"failure-cause":\{/, `"failure-cause":{"cause":${chain},`);
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })),
    );
    const error: unknown = await requestOnce(savepointDisposalStatusQueryOptions(TRIGGER)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlinkApiError);
    expect(error).toMatchObject({
      kind: 'bad-shape',
      issues: [expect.stringMatching(/^\(root\): could not be decoded \(RangeError/)],
    });
  });

  it('has recordings of both Flink lines to fuzz', () => {
    expect(recordedVersions()).toEqual(expect.arrayContaining(['1.20.5', '2.3.0']));
    expect(list.length).toBeGreaterThanOrEqual(30);
  });

  it.each(list.map((t, i) => [t.name, t, i] as const))(
    '%s: a value or a typed error, never another exception',
    async (_name, target, index) => {
      const f = new Fuzzer(prng(SEED + index * 7919));
      let body = '';
      vi.stubGlobal('fetch', () =>
        Promise.resolve(
          new Response(body, { status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' } }),
        ),
      );

      // The undamaged answer decodes.
      body = JSON.stringify(target.body);
      await expect(target.call()).resolves.toBeDefined();

      const outcome: Outcome = { value: 0, 'bad-shape': 0, 'not-json': 0 };
      const escaped: string[] = [];
      const mutationNames = Object.keys(mutations);
      const textNames = Object.keys(textMutations);
      for (let i = 0; i < perTarget; i++) {
        let root = structuredClone(target.body) as Json;
        const steps: string[] = [];
        const count = 1 + f.int(3);
        for (let m = 0; m < count; m++) {
          const name = f.pick(mutationNames);
          const mutate = mutations[name];
          if (!mutate) continue;
          const result = mutate(f, root);
          root = result.root;
          steps.push(result.what);
        }
        body = serialize(root);
        if (f.random() < 0.2) {
          const name = f.pick(textNames);
          const result = textMutations[name]?.(f, body);
          if (result) {
            body = result.text;
            steps.push(result.what);
          }
        }
        try {
          const value = await target.call();
          // A decoded value is an object or an array, never undefined or a primitive.
          if (value === null || typeof value !== 'object')
            escaped.push(`#${i} [${steps.join('; ')}]: decoded to ${String(value)}`);
          else outcome.value++;
        } catch (error) {
          if (error instanceof FlinkApiError && (error.kind === 'bad-shape' || error.kind === 'not-json')) {
            outcome[error.kind]++;
            // The typed error says where: a bad shape names its issues.
            if (error.kind === 'bad-shape' && error.issues.length === 0)
              escaped.push(`#${i} [${steps.join('; ')}]: bad-shape without issues`);
          } else {
            const description =
              error instanceof FlinkApiError
                ? `FlinkApiError(${error.kind})`
                : error instanceof Error
                  ? `${error.name}: ${error.message}`
                  : String(error);
            escaped.push(`#${i} [${steps.join('; ')}]: ${description.slice(0, 300)}`);
          }
        }
      }
      totals.iterations += perTarget;
      totals.value += outcome.value;
      totals['bad-shape'] += outcome['bad-shape'];
      totals['not-json'] += outcome['not-json'];
      expect(escaped, `seed ${SEED + index * 7919}`).toEqual([]);
      // The damage is real: most mutations are caught as typed errors, some still decode.
      expect(outcome['bad-shape'] + outcome['not-json']).toBeGreaterThan(0);
    },
    120_000,
  );
});
