#!/usr/bin/env node
// @ts-check
// `npm run test:contract`: the contract suite against a real Flink sandbox.
//
//   1. brings the sandbox up if needed (FLINK_VERSION, SANDBOX_PORT as for e2e/sandbox);
//   2. runs the vitest suite in e2e/contract (every REST endpoint through src/api);
//   3. if this run brought the sandbox up (or CONTRACT_OWNS_SANDBOX=1), shuts it down with
//      DELETE /cluster through the client, checks every sandbox process exited, and runs
//      the sandbox's `down` to clean its state;
//   4. prints as its last line `contract: <n>/<total> endpoints exercised against Flink <version>`,
//      where <total> is the number of rows of src/api/endpoints.ts that this Flink line serves
//      (their `since` line reached, their `requires` capability present: the suite reports the
//      list, see servedLine in support.ts), and exits non-zero when the suite failed, a row of the
//      reference list has no client function, or a served row was not exercised.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { down, isAlive, readState, sandboxSettings, up } from '../sandbox/sandbox.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const tsvPath = path.join(repoRoot, 'reference/rest-endpoints.tsv');

/** @param {string} msg */
function log(msg) {
  process.stderr.write(`[contract] ${msg}\n`);
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `verb path` of every row of the reference list. */
function referenceEndpoints() {
  return readFileSync(tsvPath, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map(([verb, p]) => `${verb} ${p}`);
}

/** `verb template` of every row of src/api/endpoints.ts (read as text: this runs in plain node). */
function clientEndpoints() {
  const source = readFileSync(path.join(repoRoot, 'src/api/endpoints.ts'), 'utf8');
  const keys = new Set();
  for (const m of source.matchAll(/verb: '([A-Z]+)',\s*template: '([^']+)'/g)) keys.add(`${m[1]} ${m[2]}`);
  return keys;
}

/**
 * @param {Record<string, string>} env
 * @returns {Promise<number>} the exit code
 */
function vitest(env) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--config', path.join(here, 'vitest.config.ts')],
      { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } },
    );
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** @param {string} url */
async function flinkVersion(url) {
  const res = await fetch(`${url}/config`, { signal: AbortSignal.timeout(10_000) });
  const config = /** @type {{ 'flink-version': string }} */ (await res.json());
  return config['flink-version'];
}

async function main() {
  const settings = sandboxSettings();
  const before = readState(settings.port);
  const state = await up(settings);
  const broughtUp = !before || before.startedAt !== state.startedAt;
  const owns = broughtUp || process.env.CONTRACT_OWNS_SANDBOX === '1';
  const version = await flinkVersion(state.url);
  log(
    `Flink ${version} at ${state.url} (${broughtUp ? 'started by this run' : 'already running'}; ${owns ? 'this run shuts it down at the end' : 'left running'})`,
  );

  const outDir = mkdtempSync(path.join(os.tmpdir(), 'flink-dashboard-contract-'));
  const outFile = path.join(outDir, 'exercised.json');
  const env = { SANDBOX_PORT: String(settings.port), FLINK_URL: state.url, CONTRACT_OUT: outFile };

  const started = Date.now();
  const suiteCode = await vitest(env);
  const suiteSeconds = (Date.now() - started) / 1000;
  log(`suite finished in ${suiteSeconds.toFixed(1)} s (exit ${suiteCode})`);

  let shutdownCode = 0;
  if (owns) {
    shutdownCode = await vitest({ ...env, CONTRACT_PHASE: 'shutdown' });
    // DELETE /cluster stops the JobManager. A standalone cluster's TaskManagers are processes
    // of their own: they keep retrying to register (taskmanager.registration.timeout) and are
    // stopped by the sandbox's `down` below.
    const jobManagers = state.processes.filter((p) => p.role === 'jobmanager');
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && jobManagers.some((p) => isAlive(p.pid))) await sleep(500);
    const stillUp = jobManagers.filter((p) => isAlive(p.pid));
    if (stillUp.length) {
      log(
        `the JobManager did not exit within 60 s of DELETE /cluster: ${stillUp.map((p) => `pid ${p.pid}`).join(', ')}`,
      );
      shutdownCode = shutdownCode || 1;
    } else {
      log(`the JobManager exited after DELETE /cluster (${jobManagers.map((p) => `pid ${p.pid}`).join(', ')})`);
    }
    await down(settings.port);
    const leftover = state.processes.filter((p) => isAlive(p.pid));
    if (leftover.length) {
      log(`still running after the sandbox's down: ${leftover.map((p) => `${p.role} (pid ${p.pid})`).join(', ')}`);
      shutdownCode = shutdownCode || 1;
    } else {
      log(`every sandbox process has exited: ${state.processes.map((p) => `${p.role} (pid ${p.pid})`).join(', ')}`);
    }
  }

  /** @type {{ exercised: Record<string, { status: number, count: number }>, line?: { flinkVersion: string, capabilities: string[], served: string[] } }} */
  const report = existsSync(outFile) ? JSON.parse(readFileSync(outFile, 'utf8')) : { exercised: {} };
  rmSync(outDir, { recursive: true, force: true });

  const reference = referenceEndpoints();
  const table = clientEndpoints();
  const noFunction = reference.filter((key) => !table.has(key));
  const served = report.line?.served ?? [];
  if (!report.line) log('the suite did not report which endpoints this line serves');
  const notExercised = served.filter((key) => !report.exercised[key]);
  const exercised = served.length - notExercised.length;
  const notServed = [...table].filter((key) => !served.includes(key));
  log(
    `this line serves ${served.length} of the table's ${table.size} rows (capabilities: ${report.line?.capabilities.join(', ') || 'none'})`,
  );
  if (notServed.length) log(`not served by Flink ${version}: ${notServed.join(', ')}`);
  if (noFunction.length) log(`no client function for: ${noFunction.join(', ')}`);
  if (notExercised.length) {
    log(`not exercised: ${notExercised.join(', ')}`);
    if (!owns && notExercised.includes('DELETE /cluster')) {
      log('DELETE /cluster runs only against a sandbox this run started (or with CONTRACT_OWNS_SANDBOX=1)');
    }
  }
  log(`contract suite took ${suiteSeconds.toFixed(1)} s against Flink ${version}`);
  const ok =
    suiteCode === 0 &&
    shutdownCode === 0 &&
    report.line !== undefined &&
    served.length > 0 &&
    noFunction.length === 0 &&
    notExercised.length === 0;
  process.stdout.write(`contract: ${exercised}/${served.length} endpoints exercised against Flink ${version}\n`);
  process.exitCode = ok ? 0 : 1;
}

main().catch((err) => {
  process.stderr.write(`[contract] ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
