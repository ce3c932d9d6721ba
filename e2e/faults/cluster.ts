// Cluster-control helpers for failure tests: kill a sandbox's JobManager or a TaskManager by PID,
// start it again with the very argv the sandbox recorded, and wait for the cluster to answer.
// Only for a sandbox the test started itself (never the shared one the other specs read).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { down, isAlive, readState, spawnDetached, up } from '../sandbox/sandbox.mjs';
import { sandboxPort, sharedFlinkVersion } from '../support/flink';
import { startNginx, type RunningNginx } from '../support/nginx.mjs';
import { privateDist } from './dist';

export type SandboxState = NonNullable<ReturnType<typeof readState>>;
export type ProcessInfo = SandboxState['processes'][number];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function stateOf(port: number): SandboxState {
  const state = readState(port);
  if (!state) throw new Error(`no sandbox is recorded on port ${port}`);
  return state;
}

/**
 * A fresh sandbox of the spec's own on `port` (the shared one's Flink line; no adaptive cluster and
 * no History Server, which such specs do not use), behind nginx serving a private build of the app.
 * Always fresh: a recorded one may be left from a run that killed its JobManager. `site` picks the
 * nginx prefixes (default `/`) and the build it serves (default a private build of the app).
 */
export async function startBreakableSandbox(
  port: number,
  site: { readonly prefixes?: string[]; readonly dist?: string } = {},
): Promise<{ state: SandboxState; nginx: RunningNginx }> {
  await down(port);
  await up({
    port,
    flinkVersion: sharedFlinkVersion(),
    versionRequested: false,
    adaptive: false,
    historyServer: false,
  });
  const state = stateOf(port);
  const nginx = await startNginx({
    prefixes: site.prefixes ?? ['/'],
    jobManager: state.url,
    dist: site.dist ?? privateDist(),
  });
  return { state, nginx };
}

export function processOf(port: number, role: string): ProcessInfo {
  const found = stateOf(port).processes.find((p) => p.role === role);
  if (!found) throw new Error(`the sandbox on ${port} has no ${role}`);
  return found;
}

/** Sends `signal` to a sandbox process and waits (up to 30 s) until it is gone. */
export async function killProcess(
  port: number,
  role: string,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<ProcessInfo> {
  if (port === sandboxPort) throw new Error(`refusing to kill a process of the shared sandbox on ${port}`);
  const p = processOf(port, role);
  process.kill(p.pid, signal);
  const deadline = Date.now() + 30_000;
  while (isAlive(p.pid)) {
    if (Date.now() > deadline) throw new Error(`${role} (pid ${p.pid}) still alive 30 s after ${signal}`);
    await sleep(50);
  }
  return p;
}

/**
 * Starts a killed process again with its recorded argv (stdout to the same .out file) and
 * records the new PID, so `down(port)` stops it.
 */
export function restartProcess(port: number, role: string): ProcessInfo {
  const state = stateOf(port);
  const p = state.processes.find((x) => x.role === role);
  if (!p?.argv) throw new Error(`the sandbox on ${port} recorded no argv for ${role}`);
  if (isAlive(p.pid)) throw new Error(`${role} (pid ${p.pid}) is still running`);
  const outFile = p.logFile.replace(/\.log$/, '.out');
  const pid = spawnDetached(p.argv, outFile);
  const file = path.join(state.runDir, 'sandbox.json');
  const current = JSON.parse(readFileSync(file, 'utf8')) as SandboxState;
  const next: SandboxState = {
    ...current,
    processes: current.processes.map((x) => (x.role === role ? { ...x, pid } : x)),
  };
  writeFileSync(file, JSON.stringify(next, null, 2));
  return { ...p, pid };
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Polls `check` every 500 ms until it returns true (errors count as false). */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      if (await check()) return Date.now();
    } catch {
      // not yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(500);
  }
}

/** When the JobManager's REST API answers `/overview` with `taskManagers` registered. */
export function waitForCluster(url: string, taskManagers: number, timeoutMs = 180_000): Promise<number> {
  return waitUntil(
    `${url} with ${taskManagers} task managers`,
    async () => (await getJson<{ taskmanagers: number }>(`${url}/overview`)).taskmanagers === taskManagers,
    timeoutMs,
  );
}

export { getJson };
