// Helpers of the contract suite: the sandbox under test, polling, and typed-error assertions.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { allEndpoints, endpointKey, isServed, type ClusterCapability } from '../../src/api/endpoints';
import { FlinkApiError, type FlinkApiErrorKind } from '../../src/api/errors';
import { readState } from '../sandbox/sandbox.mjs';

export interface ContractSandbox {
  url: string;
  port: number;
  flinkVersion: string;
  runDir: string;
  jarId: string;
  jobIds: Record<string, string>;
  demoJar: string;
  /** The sandbox's adaptive-scheduler cluster (see sandbox.mjs), when it runs one. */
  adaptive?: { url: string; jobId: string };
}

export function contractSandbox(): ContractSandbox {
  const port = Number(process.env.SANDBOX_PORT ?? 8081);
  const state = readState(port);
  if (!state) throw new Error(`no sandbox is recorded on port ${port}; run the suite through e2e/contract/run.mjs`);
  const demoJar = path.resolve(state.runDir, `../build-${state.flinkVersion}/demo-jobs.jar`);
  return {
    url: process.env.FLINK_URL ?? state.url,
    port,
    flinkVersion: state.flinkVersion,
    runDir: state.runDir,
    jarId: state.jarId ?? '',
    jobIds: state.jobIds ?? {},
    demoJar: existsSync(demoJar) ? demoJar : '',
    adaptive:
      state.adaptive?.jobIds?.eventTime !== undefined
        ? { url: state.adaptive.url, jobId: state.adaptive.jobIds.eventTime }
        : undefined,
  };
}

export function jobId(sandbox: ContractSandbox, key: string): string {
  const id = sandbox.jobIds[key];
  if (!id) throw new Error(`the sandbox has no demo job "${key}"`);
  return id;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `done` holds for its value; fails with the last value when time is up. */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 90_000, intervalMs = 1000 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = last === undefined ? String(lastError) : JSON.stringify(last).slice(0, 600);
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; last: ${detail}`);
    }
    await sleep(intervalMs);
  }
}

/** Awaits a promise that must fail with a FlinkApiError of this kind; returns the error. */
export async function expectApiError(promise: Promise<unknown>, kind: FlinkApiErrorKind): Promise<FlinkApiError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the call should have failed').toBeInstanceOf(FlinkApiError);
  const error = caught as FlinkApiError;
  expect(error.kind, `${error.endpoint}: ${error.message}`).toBe(kind);
  return error;
}

/** What the cluster under test is: its version and what it was started with. */
export interface ServedLine {
  flinkVersion: string;
  capabilities: ClusterCapability[];
  /** `verb template` of every row of src/api/endpoints.ts this cluster serves. */
  served: string[];
}

/**
 * The rows of the endpoint table the cluster under test serves: those of its Flink line
 * (`since`) whose required capability it has. Capabilities are read from the JobManager's own
 * configuration (plain fetch, not the client: this is not an exercise of the endpoints).
 * A capability served by another cluster of the sandbox (e.g. an adaptive-scheduler cluster)
 * is added here when the sandbox records one.
 */
export async function servedLine(sandbox: ContractSandbox): Promise<ServedLine> {
  const get = async <T>(p: string): Promise<T> => {
    const res = await fetch(`${sandbox.url}${p}`, { signal: AbortSignal.timeout(30_000) });
    if (!res.ok) throw new Error(`${p} answered ${res.status}`);
    return (await res.json()) as T;
  };
  const config = await get<{ 'flink-version': string }>('/config');
  const jmConfig = await get<{ key: string; value: string }[]>('/jobmanager/config');
  const value = (key: string) => jmConfig.find((e) => e.key === key)?.value;
  const capabilities: ClusterCapability[] = [];
  if (value('rest.profiling.enabled') === 'true') capabilities.push('profiling');
  if (value('jobmanager.scheduler')?.toLowerCase() === 'adaptive' || sandbox.adaptive !== undefined) {
    capabilities.push('adaptive-scheduler');
  }
  const have = new Set(capabilities);
  const served = allEndpoints()
    .filter(({ spec }) => isServed(spec, config['flink-version'], have))
    .map(({ spec }) => endpointKey(spec));
  return { flinkVersion: config['flink-version'], capabilities, served };
}
