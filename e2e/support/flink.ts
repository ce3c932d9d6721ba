// What the tests know of the sandbox: its URL, its state file and the demo jobs' ids. Tests talk
// to the real JobManager; nothing here fakes it.
import { expect } from '@playwright/test';
import { readState } from '../sandbox/sandbox.mjs';
import { demoJob } from '../sandbox/demo-jobs.mjs';

export const flinkUrl = process.env.FLINK_URL ?? 'http://127.0.0.1:8081';
export const sandboxPort = Number(new URL(flinkUrl).port || 80);

export function sandboxState(): NonNullable<ReturnType<typeof readState>> {
  const state = readState(sandboxPort);
  if (!state) throw new Error(`no sandbox state for port ${sandboxPort}: run npm run sandbox:up first`);
  return state;
}

/**
 * A port for a spec's own sandbox (one it kills processes of), `offset` above the shared one, so
 * runs on different base ports (two Flink lines, two checkouts) never meet.
 */
export function ownSandboxPort(offset: number): number {
  return sandboxPort + offset;
}

/** The Flink version of the shared sandbox, for a spec's own sandbox to match it. */
export function sharedFlinkVersion(): string {
  return process.env.FLINK_VERSION ?? readState(sandboxPort)?.flinkVersion ?? '2.3.0';
}

/**
 * The sandbox's adaptive-scheduler cluster (`jobmanager.scheduler: adaptive`, REST port =
 * FLINK_URL's + 1), running the event-time job at parallelism 1. The preview server forwards
 * `api-adaptive/` to it (vite.config.ts): a spec points the app there by answering config.json
 * with `ADAPTIVE_APP_CONFIG`.
 */
export function adaptiveCluster(): { url: string; eventTimeJobId: string } {
  const adaptive = sandboxState().adaptive;
  const id = adaptive?.jobIds?.eventTime;
  if (!adaptive || !id) throw new Error(`the sandbox on port ${sandboxPort} has no adaptive cluster: run sandbox up`);
  return { url: adaptive.url, eventTimeJobId: id };
}

export const ADAPTIVE_APP_CONFIG = { apiBase: 'api-adaptive/', clusterName: 'Flink sandbox (adaptive scheduler)' };

export async function adaptiveFlinkJson<T>(path: string): Promise<T> {
  const res = await fetch(`${adaptiveCluster().url}${path}`, { signal: AbortSignal.timeout(15_000) });
  expect(res.ok, `${path} answered ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

export type DemoJobKey = Parameters<typeof demoJob>[0];

/** The job id the sandbox submitted for a demo job. */
export function demoJobId(key: DemoJobKey): string {
  const id = sandboxState().jobIds?.[key];
  if (!id) throw new Error(`the sandbox recorded no job id for ${key}`);
  return id;
}

export async function flinkJson<T>(path: string): Promise<T> {
  const res = await fetch(`${flinkUrl}${path}`, { signal: AbortSignal.timeout(15_000) });
  expect(res.ok, `${path} answered ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

export { demoJob };
