#!/usr/bin/env node
// @ts-check
// `npm test`: every suite, against the real Flink sandbox.
//   1. unit tests (vitest, fixtures recorded from the sandbox)
//   2. for each Flink line (default 2.x, then 1.20.x): bring the sandbox up (or reuse a running
//      one), run the browser and sandbox tests (Playwright, Debian's Chromium), on the default
//      line a smoke run of the benchmark (and of its --scale part) and a 3-minute soak, then the REST contract suite, which
//      ends by shutting down a sandbox it owns.
// Its last line is the total, as `tests: N passed, N failed`.
//
// TEST_FLINK_VERSIONS=2.3.0,1.20.5 picks the lines (the first is the default line).

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FLINK_VERSION, down, readState, up } from './sandbox/sandbox.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'flink-dashboard-tests-'));
const versions = (process.env.TEST_FLINK_VERSIONS ?? `${DEFAULT_FLINK_VERSION},1.20.5`)
  .split(',')
  .map((v) => v.trim())
  .filter(Boolean);
const basePort = Number(process.env.SANDBOX_PORT ?? 8081);

/** @type {{ suite: string, passed: number, failed: number, seconds: number, failures?: string[] }[]} */
const results = [];

/**
 * The titles of the tests that did not pass, from Playwright's JSON report, so the summary at
 * the end (all CI keeps of a long run) says which ones.
 * @param {any} report @returns {string[]}
 */
function failedTitles(report) {
  /** @type {string[]} */
  const out = [];
  /** @param {any} suite @param {string[]} trail */
  const walk = (suite, trail) => {
    const here = suite.title && !String(suite.title).endsWith('.ts') ? [...trail, suite.title] : trail;
    for (const spec of suite.specs ?? []) {
      const bad = (spec.tests ?? []).some((/** @type {any} */ t) => t.status === 'unexpected' || t.status === 'flaky');
      if (bad) out.push(`${spec.file}: ${[...here, spec.title].join(' › ')}`);
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report?.suites ?? []) walk(suite, []);
  return out;
}

/**
 * @param {string} cmd @param {string[]} args @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<{ code: number, lastLine: string }>}
 */
function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + String(chunk)).slice(-4000);
    });
    child.on('close', (code) => {
      const lines = tail.trim().split('\n');
      resolve({ code: code ?? 1, lastLine: lines[lines.length - 1] ?? '' });
    });
  });
}

/** @param {string} file */
function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

async function unitTests() {
  const out = path.join(work, 'vitest.json');
  const started = Date.now();
  const { code } = await run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const report = readJson(out);
  const passed = report?.numPassedTests ?? 0;
  const failed = (report?.numFailedTests ?? 0) + (code !== 0 && !report?.numFailedTests ? 1 : 0);
  results.push({ suite: 'unit', passed, failed, seconds: (Date.now() - started) / 1000 });
}

/** @param {string} version @param {number} port */
async function browserTests(version, port) {
  const out = path.join(work, `playwright-${version}.json`);
  const started = Date.now();
  const { code } = await run('npx', ['playwright', 'test'], {
    FLINK_URL: `http://127.0.0.1:${port}`,
    PLAYWRIGHT_JSON_OUTPUT: out,
  });
  const report = readJson(out);
  const stats = report?.stats;
  const passed = stats?.expected ?? 0;
  const failed = (stats?.unexpected ?? 0) + (stats?.flaky ?? 0) + (code !== 0 && !stats?.unexpected ? 1 : 0);
  results.push({
    suite: `browser (Flink ${version})`,
    passed,
    failed,
    seconds: (Date.now() - started) / 1000,
    failures: failedTitles(report),
  });
}

/**
 * A one-run smoke of `npm run bench` (no thresholds: it fails only when a measurement could not
 * be taken), so the benchmark cannot silently rot. Flink 2.x only: it drives Flink's own UI too.
 * @param {string} version @param {number} port
 */
async function benchSmoke(version, port) {
  const started = Date.now();
  const { code } = await run('node', ['e2e/bench/run.mjs', '--smoke'], {
    SANDBOX_PORT: String(port),
    FLINK_VERSION: version,
  });
  results.push({
    suite: `bench smoke (Flink ${version})`,
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    seconds: (Date.now() - started) / 1000,
  });
}

/**
 * A one-run smoke of `npm run bench -- --scale` (the real high-parallelism job of scale-real.mjs,
 * at parallelism 16 on its own scale cluster, SANDBOX_PORT + 3, started and stopped by the bench):
 * no thresholds, it fails only when a measurement could not be taken. Flink 2.x only.
 * @param {string} version @param {number} port
 */
async function scaleBenchSmoke(version, port) {
  const started = Date.now();
  const { code } = await run('node', ['e2e/bench/run.mjs', '--scale', '--smoke'], {
    SANDBOX_PORT: String(port),
    FLINK_VERSION: version,
    SCALE_PARALLELISM: '16',
  });
  results.push({
    suite: `bench --scale smoke (Flink ${version})`,
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    seconds: (Date.now() - started) / 1000,
  });
}

/**
 * The short soak (3 minutes of kiosk rotation at a 1 s refresh; `npm run soak` is the 30-minute
 * one): heap after GC, DOM counts, errors and rotation timing, on the default line.
 * @param {string} version @param {number} port
 */
async function shortSoak(version, port) {
  const started = Date.now();
  const { code, lastLine } = await run('node', ['e2e/soak/run.mjs', '--minutes', '3'], {
    FLINK_URL: `http://127.0.0.1:${port}`,
  });
  const ok = code === 0 && lastLine.startsWith('soak: 1 passed');
  results.push({
    suite: `soak, 3 min (Flink ${version})`,
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    seconds: (Date.now() - started) / 1000,
  });
}

/**
 * The contract suite ends with DELETE /cluster, so it runs on a sandbox it may shut down: the
 * one this run started, or, when a developer's own sandbox was already up, a fresh one beside it.
 * @param {string} version @param {number} port @param {boolean} owned
 */
async function contractTests(version, port, owned) {
  const started = Date.now();
  const { code, lastLine } = await run('node', ['e2e/contract/run.mjs'], {
    FLINK_VERSION: version,
    SANDBOX_PORT: String(owned ? port : port + 5),
    CONTRACT_OWNS_SANDBOX: owned ? '1' : '0',
  });
  const m = /contract: (\d+)\/(\d+) endpoints/.exec(lastLine);
  const ok = code === 0 && m !== null && m[1] === m[2];
  results.push({
    suite: `contract (Flink ${version}): ${m ? `${m[1]}/${m[2]} endpoints` : 'no coverage line'}`,
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    seconds: (Date.now() - started) / 1000,
  });
}

async function main() {
  await unitTests();
  for (const [i, version] of versions.entries()) {
    const port = basePort + i * 10;
    const settings = { port, flinkVersion: version, versionRequested: true };
    const before = readState(port);
    const started = Date.now();
    /** @type {Awaited<ReturnType<typeof up>>} */
    let state;
    try {
      state = await up(settings);
    } catch (err) {
      process.stdout.write(
        `sandbox: Flink ${version} did not come up: ${err instanceof Error ? err.message : String(err)}\n`,
      );
      results.push({ suite: `sandbox (Flink ${version})`, passed: 0, failed: 1, seconds: 0 });
      continue;
    }
    process.stdout.write(
      `sandbox: Flink ${version} up on port ${port} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    // Ours when this run started it (none was recorded, or the recorded one was gone).
    const owned = !before || before.startedAt !== state.startedAt;
    try {
      // The browser suite runs on every line: the pages must work on both.
      await browserTests(version, port);
      if (i === 0) {
        await benchSmoke(version, port);
        await scaleBenchSmoke(version, port);
        await shortSoak(version, port);
      }
      await contractTests(version, port, owned);
    } finally {
      // The contract suite shuts down a sandbox it owns; make sure nothing we started is left.
      if (owned) await down(port);
    }
  }
  process.stdout.write('\nsuite results:\n');
  for (const r of results) {
    process.stdout.write(
      `  ${r.failed ? 'FAIL' : 'ok  '} ${r.suite}: ${r.passed} passed, ${r.failed} failed (${r.seconds.toFixed(0)} s)\n`,
    );
    for (const title of r.failures ?? []) process.stdout.write(`         failed: ${title}\n`);
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
