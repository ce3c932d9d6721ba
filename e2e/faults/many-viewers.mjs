#!/usr/bin/env node
// @ts-check
// Many viewers: what 20 dashboard tabs on the wide job's graph cost the JobManager, against one.
// Not part of `npm test`: a measurement, printed as a table.
//
//   FLINK_URL=http://127.0.0.1:8081 node e2e/faults/many-viewers.mjs [--tabs 20] [--seconds 60] [--refresh-ms <ms>]
//
// Phases: no tab (the JobManager alone), 1 tab, N tabs. In each: the requests the dashboard
// sends through its proxy (e2e/soak/serve.mjs, which forwards `api/` to the JobManager) per
// second, their latency as the proxy saw it (p50/p95), and a probe's latency for GET /jobs/:id
// and GET /overview sent straight to the JobManager every 500 ms (what any client would see).
// Every tab is a visible page (headless): the worst case of N people or wall screens; in one
// browser window the hidden tabs would pause polling (refetchIntervalInBackground is off).

/* global document -- the page.evaluate callback runs in the browser */

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { demoJob } from '../sandbox/demo-jobs.mjs';
import { serve } from '../soak/serve.mjs';
import { buildPrivateDist } from '../support/dist-files.mjs';

/** @param {string} name @param {number} fallback */
function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const TABS = arg('tabs', 20);
const SECONDS = arg('seconds', 60);
const REFRESH_MS = process.argv.includes('--refresh-ms') ? arg('refresh-ms', 3000) : null;
const flinkUrl = process.env.FLINK_URL ?? 'http://127.0.0.1:8081';

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {number[]} xs @param {number} q */
function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
}

/** GET straight to the JobManager every 500 ms until `until`; latencies in ms. @param {string[]} paths @param {number} until */
async function probe(paths, until) {
  /** @type {number[]} */
  const latencies = [];
  let errors = 0;
  for (let i = 0; i < 100_000 && Date.now() < until; i++) {
    const p = paths[i % paths.length] ?? '/overview';
    const started = performance.now();
    try {
      const res = await fetch(`${flinkUrl}${p}`, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (res.ok) latencies.push(performance.now() - started);
      else errors++;
    } catch {
      errors++;
    }
    await sleep(500);
  }
  return { latencies, errors };
}

async function main() {
  const overview = /** @type {{ jobs: { jid: string, name: string, state: string }[] }} */ (
    await (await fetch(`${flinkUrl}/jobs/overview`, { signal: AbortSignal.timeout(10_000) })).json()
  );
  const wide = overview.jobs.find((j) => j.name === demoJob('wide').name && j.state === 'RUNNING');
  if (!wide) throw new Error(`no RUNNING wide job on ${flinkUrl}`);
  const dist = buildPrivateDist('viewers');
  const shipped = JSON.parse(readFileSync(path.join(dist, 'config.json'), 'utf8'));
  const server = await serve({
    dist,
    jobManager: flinkUrl,
    config: REFRESH_MS ? { ...shipped, refreshIntervalMs: REFRESH_MS } : shipped,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
    ],
  });
  const probePaths = [`/jobs/${wide.jid}`, '/overview'];
  /** @type {{ phase: string, rate: number, p50: number, p95: number, probe50: number, probe95: number, failed: number, hidden: number }[]} */
  const rows = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  /** @type {import('@playwright/test').Page[]} */
  const pages = [];
  let pageErrors = 0;
  try {
    for (const tabs of [0, 1, TABS]) {
      while (pages.length < tabs) {
        const page = await context.newPage();
        page.on('pageerror', () => pageErrors++);
        await page.goto(`${server.url}#/jobs/${wide.jid}/graph`);
        await page.getByRole('heading', { level: 1, name: wide.name }).waitFor({ timeout: 60_000 });
        pages.push(page);
      }
      const hidden = (await Promise.all(pages.map((p) => p.evaluate(() => document.visibilityState)))).filter(
        (s) => s !== 'visible',
      ).length;
      await sleep(5000); // settle: every tab polling
      const from = Date.now();
      const until = from + SECONDS * 1000;
      const probed = await probe(probePaths, until);
      const seen = server.requests.filter((r) => r.at >= from && r.at < until);
      rows.push({
        phase: tabs === 0 ? 'no tab' : `${tabs} tab${tabs === 1 ? '' : 's'}`,
        rate: seen.length / SECONDS,
        p50: quantile(
          seen.map((r) => r.ms),
          0.5,
        ),
        p95: quantile(
          seen.map((r) => r.ms),
          0.95,
        ),
        probe50: quantile(probed.latencies, 0.5),
        probe95: quantile(probed.latencies, 0.95),
        failed: seen.filter((r) => r.status >= 400).length + probed.errors,
        hidden,
      });
      process.stderr.write(`[viewers] ${rows[rows.length - 1]?.phase}: measured\n`);
    }
  } finally {
    await context.close();
    await browser.close();
    await server.stop();
    rmSync(dist, { recursive: true, force: true });
  }
  const f = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
  process.stdout.write(
    `\nmany viewers on "${wide.name}" (${flinkUrl}), ${SECONDS} s per phase, refresh ${REFRESH_MS ?? 'from the JobManager'}${REFRESH_MS ? ' ms' : ''}\n`,
  );
  process.stdout.write(
    '| phase | dashboard requests/s to the JobManager | their latency p50 / p95 (ms) | probe GET /jobs/:id, /overview p50 / p95 (ms) | failed | hidden tabs |\n|---|---|---|---|---|---|\n',
  );
  for (const r of rows) {
    process.stdout.write(
      `| ${r.phase} | ${r.rate.toFixed(1)} | ${f(r.p50)} / ${f(r.p95)} | ${f(r.probe50)} / ${f(r.probe95)} | ${r.failed} | ${r.hidden} |\n`,
    );
  }
  process.stdout.write(`page errors: ${pageErrors}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
