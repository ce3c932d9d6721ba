#!/usr/bin/env node
// @ts-check
// `npm run soak`: the dashboard left running for a long time against the real sandbox, as a wall
// display is: kiosk mode (`?kiosk`, rotating through its views) at a 1 s refresh, in Debian's
// Chromium. Every sample forces a garbage collection (CDP HeapProfiler.collectGarbage) and reads
// the JS heap (Runtime.getHeapUsage) and the DOM counters (Memory.getDOMCounters).
//
// Passes when, after the warm-up: the heap after GC grew by less than --heap-limit-mb (10 MB);
// the DOM node and event-listener counts of each view stayed flat; no uncaught error or console
// error happened; and the rotation is still on time at the end.
//
//   node e2e/soak/run.mjs [--minutes 30] [--rotate-seconds 10 (5 for runs of 5 min or less)] [--refresh-ms 1000]
//                         [--sample-seconds 30] [--heap-limit-mb 10] [--json out.json]
//
// FLINK_URL picks the JobManager; without it the sandbox is brought up (or reused) as for
// `npm start`. The last line is `soak: 1 passed, 0 failed` (or `0 passed, 1 failed`), for
// e2e/run-tests.mjs; `--minutes 3` is the short run for `npm test`.

/* global window, location, document, NodeFilter -- trackRoutes and the page.evaluate callbacks run in the browser */

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { sandboxSettings, up } from '../sandbox/sandbox.mjs';
import { buildPrivateDist } from '../support/dist-files.mjs';
import { serve } from './serve.mjs';

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {Record<string, string>} */
  const raw = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const [key, inline] = arg.slice(2).split('=', 2);
    raw[key ?? ''] = inline ?? argv[++i] ?? '';
  }
  const num = (/** @type {string} */ key, /** @type {number} */ fallback) => {
    const value = raw[key] === undefined ? fallback : Number(raw[key]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${key} must be a positive number`);
    return value;
  };
  const minutes = num('minutes', 30);
  return {
    minutes,
    rotateSeconds: num('rotate-seconds', minutes <= 5 ? 5 : 10),
    refreshMs: num('refresh-ms', 1000),
    sampleSeconds: num('sample-seconds', minutes <= 5 ? 15 : 30),
    heapLimitMb: num('heap-limit-mb', 10),
    json: raw.json,
  };
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** @param {number} bytes */
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
/** @param {number[]} xs @param {number} q */
function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
}

/** Records route changes (hash routes change with history.replaceState: no event fires). */
function trackRoutes() {
  const w = /** @type {{ __soakRoutes: [number, string][] }} */ (/** @type {unknown} */ (window));
  w.__soakRoutes = [];
  let last = location.href;
  setInterval(() => {
    if (location.href !== last) {
      last = location.href;
      w.__soakRoutes.push([Date.now(), location.hash]);
    }
  }, 100);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const flinkUrl = process.env.FLINK_URL ?? (await up(sandboxSettings())).url;
  const dist = buildPrivateDist('soak');
  const shipped = JSON.parse(readFileSync(path.join(dist, 'config.json'), 'utf8'));
  /** @type {Record<string, unknown>} */
  const config = {
    ...shipped,
    refreshIntervalMs: opts.refreshMs,
    kiosk: { rotateSeconds: opts.rotateSeconds, refreshIntervalMs: opts.refreshMs },
  };
  const server = await serve({ dist, jobManager: flinkUrl, config });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  /** @type {string[]} */
  const errors = [];
  const failures = /** @type {string[]} */ ([]);
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // The browser logs every 4xx/5xx answer as "Failed to load resource": those are counted
      // from the server's side below (the app expects some, e.g. 404 for a job without checkpoints).
      if (
        m.type() === 'error' &&
        !/^Failed to load resource: the server responded with a status of \d+/.test(m.text())
      ) {
        errors.push(`console: ${m.text()}`);
      }
    });
    await page.addInitScript(trackRoutes);

    await page.goto(`${server.url}?kiosk#/`);
    const kioskBar = page.locator('[data-testid="kiosk-countdown"]');
    try {
      await kioskBar.waitFor({ timeout: 30_000 });
    } catch {
      throw new Error(`kiosk mode did not start (no countdown 30 s after opening ${server.url}?kiosk)`);
    }
    const what = `kiosk mode (?kiosk), rotating every ${opts.rotateSeconds} s`;
    process.stdout.write(`soak: ${opts.minutes} min at a ${opts.refreshMs} ms refresh against ${flinkUrl}: ${what}\n`);

    const cdp = await context.newCDPSession(page);
    /**
     * @typedef {{ t: number, heap: number, nodes: number, listeners: number, documents: number, route: string,
     *   attached: number, rows: number, rowNodes: number }} Sample
     */
    /** @type {Sample[]} */
    const samples = [];
    /** @returns {Promise<Sample>} */
    const sample = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = /** @type {{ usedSize: number }} */ (await cdp.send('Runtime.getHeapUsage'));
      const dom = /** @type {{ nodes: number, jsEventListeners: number, documents: number }} */ (
        await cdp.send('Memory.getDOMCounters')
      );
      // Nodes in the document (the rest of CDP's count, after GC, is detached: leaked), and how
      // many of them are table rows (lists that grow with the data, up to the app's page size).
      const page_ = await page.evaluate(() => {
        const count = (/** @type {Node} */ root) => {
          let n = 0;
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
          while (walker.nextNode()) n++;
          return n;
        };
        let rows = 0;
        let rowNodes = 0;
        for (const body of Array.from(document.querySelectorAll('tbody'))) {
          rows += body.rows.length;
          rowNodes += count(body);
        }
        return { route: location.hash.replace(/\?.*$/, ''), attached: count(document) + 1, rows, rowNodes };
      });
      const s = {
        t: Date.now(),
        heap: heap.usedSize,
        nodes: dom.nodes,
        listeners: dom.jsEventListeners,
        documents: dom.documents,
        ...page_,
      };
      samples.push(s);
      return s;
    };

    const started = Date.now();
    const end = started + opts.minutes * 60_000;
    /** @returns {Promise<[number, string][]>} */
    const routeLog = () =>
      page.evaluate(
        () => /** @type {{ __soakRoutes: [number, string][] }} */ (/** @type {unknown} */ (window)).__soakRoutes,
      );
    {
      // Warm-up: one full rotation, so every view's code and first data are loaded before the
      // baseline (capped at half the run).
      const firstRoute = await page.evaluate(() => location.hash.replace(/\?.*$/, ''));
      const cap = started + (end - started) / 2;
      let changes = 0;
      while (Date.now() < cap) {
        const log = await routeLog();
        changes = log.length;
        if (changes >= 2 && log.slice(1).some(([, h]) => h.replace(/\?.*$/, '') === firstRoute)) break;
        await sleep(500);
      }
      process.stdout.write(
        `warm-up: one rotation (${changes} views) in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
      );
    }
    const warm = Date.now();
    /** Samples a view once it has been on screen for a while, not mid-render. */
    const steady = async () => {
      const log = await routeLog();
      const since = log[log.length - 1]?.[0] ?? warm;
      const settleAt = since + opts.rotateSeconds * 600;
      if (Date.now() < settleAt) await sleep(settleAt - Date.now());
    };
    while (Date.now() < end) {
      await steady();
      const s = await sample();
      process.stdout.write(
        `  ${((s.t - started) / 60_000).toFixed(1).padStart(5)} min  heap ${mb(s.heap).padStart(9)}  nodes ${String(s.nodes).padStart(6)} (detached ${String(s.nodes - s.attached).padStart(5)}, table rows ${String(s.rows).padStart(4)})  listeners ${String(s.listeners).padStart(5)}  ${s.route}\n`,
      );
      await sleep(Math.min(opts.sampleSeconds * 1000, Math.max(0, end - Date.now())));
    }
    await steady();
    await sample();

    // ---- figures ----
    const first = samples.slice(0, 3);
    const last = samples.slice(-3);
    const baseline = Math.min(...first.map((s) => s.heap));
    const final = Math.min(...last.map((s) => s.heap));
    const growth = final - baseline;
    process.stdout.write(
      `\nheap after GC: ${mb(baseline)} after the warm-up, ${mb(final)} at the end: growth ${mb(growth)} (limit ${opts.heapLimitMb} MB)\n`,
    );
    if (growth >= opts.heapLimitMb * 1024 * 1024) failures.push(`heap grew by ${mb(growth)}`);

    // Detached nodes (in CDP's count after GC, not in the document): what a DOM leak leaves.
    const detachedAt = (/** @type {Sample[]} */ xs) => Math.min(...xs.map((x) => x.nodes - x.attached));
    const detachedStart = detachedAt(first);
    const detachedEnd = detachedAt(last);
    process.stdout.write(
      `detached DOM nodes after GC: ${detachedStart} after the warm-up, ${detachedEnd} at the end\n`,
    );
    if (detachedEnd - detachedStart > Math.max(200, detachedStart * 0.1))
      failures.push(`detached DOM nodes grew ${detachedStart} -> ${detachedEnd}`);
    const documentsStart = Math.max(...first.map((x) => x.documents));
    const documentsEnd = Math.max(...last.map((x) => x.documents));
    if (documentsEnd > documentsStart) failures.push(`documents grew ${documentsStart} -> ${documentsEnd}`);

    // Each view's own structure (its nodes outside table bodies) and listeners, over the second
    // half of the run: tables may still be filling up to their page size before that (the
    // checkpoint history shows up to 100 rows of what the dashboard kept).
    const half = warm + (end - warm) / 2;
    /** @type {Map<string, Sample[]>} */
    const byRoute = new Map();
    for (const s of samples) byRoute.set(s.route, [...(byRoute.get(s.route) ?? []), s]);
    const flat = (/** @type {number} */ x, /** @type {number} */ y) => y - x <= Math.max(200, x * 0.1);
    for (const [route, list] of byRoute) {
      const a0 = list[0];
      const a = list.find((s) => s.t >= half) ?? a0;
      const b = list[list.length - 1];
      if (!a0 || !a || !b || list.length < 2) continue;
      process.stdout.write(
        `DOM on ${route || '/'}: ${list.length} samples; nodes in the page ${a0.attached} -> ${b.attached} (table rows ${a0.rows} -> ${b.rows}), listeners ${a0.listeners} -> ${b.listeners}\n`,
      );
      if (a === b) continue;
      if (!flat(a.attached - a.rowNodes, b.attached - b.rowNodes)) {
        failures.push(
          `the structure of ${route} grew ${a.attached - a.rowNodes} -> ${b.attached - b.rowNodes} nodes (outside table rows) in the second half`,
        );
      }
      if (!flat(a.listeners, b.listeners))
        failures.push(`event listeners on ${route} grew ${a.listeners} -> ${b.listeners} in the second half`);
    }
    const maxRows = Math.max(...samples.map((s) => s.rows));
    process.stdout.write(`table rows: at most ${maxRows} on one view\n`);

    {
      const routes = await routeLog();
      const changes = routes.filter(([t]) => t >= warm);
      const intervals = changes.slice(1).map(([t], i) => (t - (changes[i]?.[0] ?? t)) / 1000);
      const drift = intervals.map((x) => x - opts.rotateSeconds);
      const lastDrift = drift.slice(-10);
      process.stdout.write(
        `rotation: ${changes.length} view changes after the warm-up, every ${opts.rotateSeconds} s: drift mean ${(drift.reduce((a, b) => a + b, 0) / Math.max(1, drift.length)).toFixed(2)} s, p95 ${quantile(drift, 0.95).toFixed(2)} s, max ${Math.max(...drift).toFixed(2)} s; last 10: max ${Math.max(...lastDrift).toFixed(2)} s\n`,
      );
      const expected = Math.floor((end - warm) / 1000 / opts.rotateSeconds);
      if (changes.length < expected * 0.8)
        failures.push(`only ${changes.length} view changes, expected about ${expected}`);
      if (lastDrift.some((d) => d > 2 || d < -0.5))
        failures.push(`rotation late at the end: ${lastDrift.map((d) => d.toFixed(1)).join(', ')} s`);
    }
    const rate = server.requests.filter((r) => r.at >= warm).length / Math.max(1, (end - warm) / 1000);
    const failedRequests = server.requests.filter((r) => r.at >= warm && r.status >= 400);
    /** @type {Map<string, number>} */
    const failedPaths = new Map();
    for (const r of failedRequests) {
      const key = `${r.status} ${r.path.replace(/[0-9a-f]{32}/g, ':id')}`;
      failedPaths.set(key, (failedPaths.get(key) ?? 0) + 1);
    }
    process.stdout.write(
      `JobManager requests: ${rate.toFixed(1)}/s after the warm-up, ${failedRequests.length} answered >= 400${[...failedPaths].map(([k, n]) => `\n  ${n} x ${k}`).join('')}\n`,
    );
    process.stdout.write(`errors: ${errors.length}${errors.length ? `\n  ${errors.slice(0, 10).join('\n  ')}` : ''}\n`);
    if (errors.length) failures.push(`${errors.length} errors in the page`);

    if (opts.json) {
      writeFileSync(opts.json, JSON.stringify({ opts, samples, growth, errors, failures, requestRate: rate }, null, 2));
    }
    await context.close();
  } catch (err) {
    failures.push(err instanceof Error ? err.message : String(err));
  } finally {
    await browser.close();
    await server.stop();
    if (existsSync(dist)) rmSync(dist, { recursive: true, force: true });
  }
  if (failures.length) process.stdout.write(`failures:\n  ${failures.join('\n  ')}\n`);
  process.stdout.write(`soak: ${failures.length ? '0 passed, 1 failed' : '1 passed, 0 failed'}\n`);
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.stdout.write('soak: 0 passed, 1 failed\n');
  process.exit(1);
});
