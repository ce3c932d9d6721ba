#!/usr/bin/env node
// @ts-check
/* global window, document -- only inside functions that Playwright runs in the page */
// `npm run bench`: our dashboard against Flink's own, in the same headless Chromium, against the
// real Flink sandbox. See e2e/bench/README.md for what each figure means and how it is taken.
//
//   node e2e/bench/run.mjs                    full run: 5 runs each, 30 s idle windows, 10 min soak
//   node e2e/bench/run.mjs --soak-minutes 2   shorter soak
//   node e2e/bench/run.mjs --smoke            one run each, 6 s windows, 20 s soak, smaller inputs
//   node e2e/bench/run.mjs --scale            the scale sections instead (scale-real.mjs: a real job of
//                                             parallelism SCALE_PARALLELISM, 512 by default; --smoke: 16)
//
// Prints a table, then, as its last line, one JSON object with every figure. Exits non-zero only
// when a measurement could not be taken (no thresholds: it is a benchmark, not a test).

import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { demoJob } from '../sandbox/demo-jobs.mjs';
import { down, readState, sandboxSettings, up } from '../sandbox/sandbox.mjs';
import { installProbe } from './page-probe.mjs';
import { scaleRealReport, scaleRealRatios, scaleRealSection } from './scale-real.mjs';
import { buildDashboard, repoRoot, startFixtureServer, startNginx } from './serve.mjs';
import { checkpointsResponse, flameGraphResponse, jobGraphResponse, logResponse } from './synthetic.mjs';
import {
  fleetSizes,
  measureFleetRun,
  recordFleetSources,
  startFleetServer,
  summariseFleet,
} from './synthetic-fleet.mjs';
import { measureSlowNetwork, SLOW_NETWORK_LABEL } from './slow-network.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */
/** @typedef {import('./page-probe.mjs').Watch} Watch */
/** @typedef {import('./page-probe.mjs').WatchKind} WatchKind */
/** @typedef {'ours' | 'theirs'} Ui */

// ---- options ----------------------------------------------------------------------------------

const USAGE = `usage: node e2e/bench/run.mjs [--smoke] [--soak-minutes N] [--runs N] [--window-seconds N]
       [--scale-runs N] [--theirs-refresh-ms MS] [--only ttfd,requests,soak,scale,fleet,slownet,real] [--dist DIR]
       [--scale [--stay-minutes N] [--scale-views graph,subtasks,watermarks,backpressure]]
  --dist DIR  measure an existing build (e.g. of a candidate fix) instead of building the working tree
  --scale     the scale sections (real: the sandbox's scale cluster, a job of SCALE_PARALLELISM subtasks)
  --scale-views  only these views of the real job (default all; the stay only with subtasks)`;

/** Sections `--scale` runs (without it, the others); `--only` names sections of either kind. */
const SCALE_SECTIONS = ['real'];

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {Record<string, string | true>} */
  const given = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    const [key, inline] = arg.slice(2).split('=', 2);
    if (key === 'smoke') given.smoke = true;
    else if (key === 'scale') given.scale = true;
    else {
      const value = inline ?? argv[(i += 1)];
      if (value === undefined) throw new Error(`--${key} needs a value\n${USAGE}`);
      given[key ?? ''] = value;
    }
  }
  const known = [
    'smoke',
    'scale',
    'stay-minutes',
    'scale-views',
    'soak-minutes',
    'runs',
    'window-seconds',
    'scale-runs',
    'theirs-refresh-ms',
    'only',
    'dist',
  ];
  for (const key of Object.keys(given)) if (!known.includes(key)) throw new Error(`unknown option --${key}\n${USAGE}`);
  const smoke = given.smoke === true;
  /** @param {string} key @param {number} fallback */
  const num = (key, fallback) => {
    const raw = given[key];
    if (raw === undefined || raw === true) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${key} must be a positive number`);
    return n;
  };
  const only = typeof given.only === 'string' ? new Set(given.only.split(',').map((s) => s.trim())) : null;
  return {
    smoke,
    runs: Math.round(num('runs', smoke ? 1 : 5)),
    windowSeconds: num('window-seconds', smoke ? 6 : 30),
    soakMinutes: num('soak-minutes', smoke ? 20 / 60 : 10),
    scaleRuns: Math.round(num('scale-runs', smoke ? 1 : 3)),
    theirsRefreshMs: given['theirs-refresh-ms'] === undefined ? null : num('theirs-refresh-ms', 3000),
    dist: typeof given.dist === 'string' ? path.resolve(given.dist) : null,
    scaleMode: given.scale === true,
    stayMinutes: given['stay-minutes'] === undefined ? null : num('stay-minutes', 5),
    scaleViews: typeof given['scale-views'] === 'string' ? given['scale-views'].split(',').map((s) => s.trim()) : null,
    /** @param {string} section */
    doing: (section) =>
      only !== null ? only.has(section) : SCALE_SECTIONS.includes(section) === (given.scale === true),
    scale: smoke
      ? { vertices: 120, edges: 240, frames: 5_000, checkpoints: 200, logBytes: 5 * 1024 * 1024, logLabel: '5 MB' }
      : {
          vertices: 500,
          edges: 1000,
          frames: 50_000,
          checkpoints: 1000,
          logBytes: 50 * 1024 * 1024,
          logLabel: '50 MB',
        },
  };
}

// ---- small helpers ----------------------------------------------------------------------------

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {number[]} values */
function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** @param {number | null | undefined} a @param {number | null | undefined} b */
function ratio(a, b) {
  return a == null || b == null || b === 0 ? null : round(a / b, 3);
}

/** @param {number | null | undefined} n @param {number} [digits] */
function round(n, digits = 1) {
  if (n == null || !Number.isFinite(n)) return null;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** @param {string} msg */
function log(msg) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** @param {string} url */
async function getJson(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/** @param {string} url */
async function getText(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

/** Load average (1 min) sampled every 5 s while the benchmark runs. */
function loadSampler() {
  /** @type {number[]} */
  const samples = [os.loadavg()[0] ?? 0];
  const timer = setInterval(() => samples.push(os.loadavg()[0] ?? 0), 5000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push(os.loadavg()[0] ?? 0);
      return {
        cpus: os.cpus().length,
        start: round(samples[0], 2),
        end: round(samples[samples.length - 1], 2),
        mean: round(samples.reduce((a, b) => a + b, 0) / samples.length, 2),
        max: round(Math.max(...samples), 2),
      };
    },
  };
}

// ---- the network, as Chromium saw it (CDP) ----------------------------------------------------

/**
 * @typedef {object} NetRequest
 * @property {string} id
 * @property {string} url
 * @property {string} type       Document, Script, Stylesheet, Fetch, XHR, Font, Image, ...
 * @property {number} ts         CDP monotonic seconds when it was sent
 * @property {number} at         Date.now() when the event arrived here
 * @property {number} status
 * @property {string} encoding   Content-Encoding of the response, '' for none
 * @property {number} encoded    bytes on the wire (headers + body as served), from loadingFinished
 * @property {number} decoded    body bytes after decoding
 * @property {boolean} done
 * @property {boolean} failed
 */

/** Records every request of a page from CDP `Network` events. @param {CDPSession} cdp */
async function recordNetwork(cdp) {
  /** @type {NetRequest[]} */
  const requests = [];
  /** @type {Map<string, NetRequest>} */
  const byId = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    const prev = byId.get(e.requestId);
    if (prev && e.redirectResponse) {
      // A redirect reuses the id: close the first hop.
      prev.done = true;
      prev.status = e.redirectResponse.status;
    }
    const r = {
      id: e.requestId,
      url: e.request.url,
      type: e.type ?? 'Other',
      ts: e.timestamp,
      at: Date.now(),
      status: 0,
      encoding: '',
      encoded: 0,
      decoded: 0,
      done: false,
      failed: false,
    };
    requests.push(r);
    byId.set(e.requestId, r);
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = byId.get(e.requestId);
    if (!r) return;
    r.status = e.response.status;
    const headers = /** @type {Record<string, string>} */ (e.response.headers ?? {});
    r.encoding = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? '';
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = byId.get(e.requestId);
    if (r) r.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = byId.get(e.requestId);
    if (!r) return;
    r.encoded = e.encodedDataLength;
    r.done = true;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = byId.get(e.requestId);
    if (!r) return;
    r.failed = true;
    r.done = true;
  });
  await cdp.send('Network.enable');
  return {
    requests,
    /**
     * Everything the page asked for before `ms` after its navigation started, once it arrived.
     * @param {number} ms
     */
    async bytesUntil(ms) {
      const doc = requests.find((r) => r.type === 'Document');
      if (!doc) throw new Error('no document request was recorded');
      const included = requests.filter((r) => !r.url.startsWith('data:') && (r.ts - doc.ts) * 1000 <= ms);
      const deadline = Date.now() + 15_000;
      while (included.some((r) => !r.done) && Date.now() < deadline) await sleep(50);
      /** @type {Record<string, { requests: number, bytes: number }>} */
      const byType = {};
      for (const r of included) {
        const t = (byType[r.type] ??= { requests: 0, bytes: 0 });
        t.requests += 1;
        t.bytes += r.encoded;
      }
      return {
        bytes: included.reduce((n, r) => n + r.encoded, 0),
        decodedBytes: included.reduce((n, r) => n + r.decoded, 0),
        requests: included.length,
        compressed: included.filter((r) => r.encoding !== '').length,
        failed: included.filter((r) => r.failed).length,
        byType,
      };
    },
  };
}

// ---- sessions: one fresh browser context per run ----------------------------------------------

/**
 * @typedef {object} Env
 * @property {Browser} browser
 * @property {string} oursUrl     nginx, ending in /
 * @property {string} theirsUrl   the JobManager, ending in /
 * @property {{ username: string, password: string }} credentials
 * @property {{ wide: string, backpressure: string, eventTime: string }} jobs
 * @property {number} defaultRefreshMs  the JobManager's refresh-interval (GET /config)
 */

/**
 * @param {Env} env
 * @param {Ui} ui
 * @param {{ watch?: Watch[], refreshMs?: number | null, theirsRefreshMs?: number | null }} [opts]
 */
async function openSession(env, ui, opts = {}) {
  /** @type {import('@playwright/test').BrowserContextOptions} */
  const options = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC' };
  if (ui === 'ours') options.httpCredentials = { ...env.credentials, send: 'always' };
  const context = await env.browser.newContext(options);
  await context.addInitScript(installProbe, { watch: opts.watch ?? [] });
  if (ui === 'ours' && opts.refreshMs) {
    await context.addInitScript((ms) => {
      window.localStorage.setItem('flink-dashboard:refresh', JSON.stringify({ intervalMs: ms, paused: false }));
    }, opts.refreshMs);
  }
  if (ui === 'theirs' && opts.theirsRefreshMs) {
    // Flink's UI has no refresh setting of its own: it polls at the server's web.refresh-interval.
    // Emulate that setting for this page only by rewriting its answer from GET /config.
    const refresh = opts.theirsRefreshMs;
    await context.route(
      (u) => u.pathname === '/config',
      async (route) => {
        const response = await route.fetch();
        const json = await response.json();
        await route.fulfill({ response, json: { ...json, 'refresh-interval': refresh } });
      },
    );
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const net = await recordNetwork(cdp);
  return { context, page, cdp, net, close: () => context.close() };
}

/** @param {Page} page @param {string} mark @param {number} [timeout] */
async function waitForMark(page, mark, timeout = 60_000) {
  await page.waitForFunction((m) => /** @type {any} */ (window).__bench.marks[m] !== undefined, mark, {
    timeout,
    polling: 200,
  });
  return marksOf(page);
}

/** @param {Page} page @returns {Promise<Record<string, number>>} */
function marksOf(page) {
  return page.evaluate(() => ({ .../** @type {any} */ (window).__bench.marks }));
}

/**
 * @param {Page} page @param {string} name @param {WatchKind} kind @param {number} arg
 * @param {{ selector: string, text?: string }} [css] for kind `css`
 */
function watch(page, name, kind, arg, css) {
  return page.evaluate(
    ([n, k, a, sel, text]) => /** @type {any} */ (window).__bench.watch(n, k, a, sel, text),
    /** @type {const} */ ([name, kind, arg, css?.selector, css?.text]),
  );
}

/** @param {Page} page @param {'click' | 'input'} event @param {string} name */
function arm(page, event, name) {
  return page.evaluate(([e, n]) => /** @type {any} */ (window).__bench.arm(e, n), /** @type {const} */ ([event, name]));
}

/** @param {Page} page @param {WatchKind} kind @returns {Promise<number>} */
function countOf(page, kind) {
  return page.evaluate((k) => /** @type {any} */ (window).__bench.count(k), kind);
}

/** Longest long task (ms) that started in [from, to], from the page's PerformanceObserver. @param {Page} page @param {number} from @param {number} to */
async function longestTask(page, from, to) {
  /** @type {{ start: number, duration: number }[]} */
  const tasks = await page.evaluate(() => [.../** @type {any} */ (window).__bench.longTasks]);
  const inside = tasks.filter((t) => t.start >= from - 1 && t.start <= to);
  return {
    longest: round(Math.max(0, ...inside.map((t) => t.duration)), 0),
    total: round(
      inside.reduce((n, t) => n + t.duration, 0),
      0,
    ),
  };
}

// ---- 1 and 2: bytes and time to first data ----------------------------------------------------

/**
 * @param {Env} env @param {Ui} ui @param {'overview' | 'graph'} view
 */
function viewUrl(env, ui, view) {
  const { wide } = env.jobs;
  if (ui === 'ours') return view === 'overview' ? `${env.oursUrl}#/` : `${env.oursUrl}#/jobs/${wide}/graph`;
  return view === 'overview' ? `${env.theirsUrl}#/overview` : `${env.theirsUrl}#/job/running/${wide}/overview`;
}

/**
 * One cold load: a new context, navigation, the time the condition was painted, and the bytes of
 * every request sent before then.
 * @param {Env} env @param {Ui} ui @param {'overview' | 'graph'} view
 */
async function coldLoad(env, ui, view) {
  const kind = /** @type {WatchKind} */ (`${ui}-${view}`);
  const s = await openSession(env, ui, { watch: [{ name: 'ttfd', kind, arg: view === 'graph' ? 44 : 1 }] });
  try {
    await s.page.goto(viewUrl(env, ui, view), { waitUntil: 'commit' });
    const marks = await waitForMark(s.page, 'ttfd:painted');
    const ttfd = marks['ttfd:painted'] ?? NaN;
    const bytes = await s.net.bytesUntil(ttfd);
    return { ttfdMs: round(ttfd, 0) ?? NaN, ...bytes };
  } finally {
    await s.close();
  }
}

// ---- 3: requests while idle -------------------------------------------------------------------

/**
 * Opens a view, waits for its data and a settling pause, then counts every request for
 * `windowMs`. A refresh is marked by the request both dashboards make once per refresh: the
 * cluster overview (`/overview`) or the job's details (`/jobs/<id>`).
 * @param {Env} env @param {Ui} ui @param {'overview' | 'graph'} view @param {number} windowMs
 */
async function idleRequests(env, ui, view, windowMs) {
  const kind = /** @type {WatchKind} */ (`${ui}-${view}`);
  const s = await openSession(env, ui, { watch: [{ name: 'ttfd', kind, arg: view === 'graph' ? 44 : 1 }] });
  try {
    await s.page.goto(viewUrl(env, ui, view), { waitUntil: 'commit' });
    await waitForMark(s.page, 'ttfd:painted');
    await sleep(2000);
    const from = Date.now();
    await sleep(windowMs);
    const inWindow = s.net.requests.filter((r) => r.at >= from && r.at < from + windowMs && !r.url.startsWith('data:'));
    const marker = view === 'overview' ? /\/overview$/ : new RegExp(`/jobs/${env.jobs.wide}$`);
    const markers = inWindow.filter(
      (r) => marker.test(new URL(r.url).pathname) && !/\/(jobs|applications)\/overview$/.test(new URL(r.url).pathname),
    );
    const gaps = markers.slice(1).map((r, i) => (r.ts - (markers[i]?.ts ?? r.ts)) * 1000);
    /** @type {Record<string, number>} */
    const endpoints = {};
    for (const r of inWindow) {
      const p = new URL(r.url).pathname.replace(/^\/api\//, '/').replace(/[0-9a-f]{32}/g, ':id');
      endpoints[p] = (endpoints[p] ?? 0) + 1;
    }
    const refreshes = markers.length;
    return {
      windowSeconds: windowMs / 1000,
      requests: inWindow.length,
      perMinute: round((inWindow.length * 60_000) / windowMs, 1) ?? 0,
      refreshes,
      perRefresh: refreshes > 0 ? round(inWindow.length / refreshes, 2) : null,
      refreshPeriodMs: round(median(gaps), 0),
      endpoints,
    };
  } finally {
    await s.close();
  }
}

// ---- 4: memory over a long stay on the wide job's graph ---------------------------------------

/** Heap after forced garbage collection, and the DOM node count. @param {CDPSession} cdp */
async function memory(cdp) {
  for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  /** @param {string} name */
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return {
    heapMB: round(usage.usedSize / 1048576, 2) ?? NaN,
    jsHeapUsedMB: round(metric('JSHeapUsedSize') / 1048576, 2),
    domNodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    documents: metric('Documents'),
  };
}

/**
 * @param {Env} env @param {Ui} ui @param {number} minutes
 * @param {{ refreshMs: number | null, theirsRefreshMs: number | null }} opts
 */
async function soak(env, ui, minutes, opts) {
  const s = await openSession(env, ui, {
    watch: [{ name: 'ttfd', kind: ui === 'ours' ? 'ours-graph' : 'theirs-graph', arg: 44 }],
    ...opts,
  });
  try {
    await s.cdp.send('Performance.enable');
    await s.page.goto(viewUrl(env, ui, 'graph'), { waitUntil: 'commit' });
    await waitForMark(s.page, 'ttfd:painted');
    await sleep(5000);
    const start = await memory(s.cdp);
    const startedAt = Date.now();
    const total = minutes * 60_000;
    const step = Math.max(10_000, total / 10);
    const samples = [{ atSeconds: 0, ...start }];
    while (Date.now() - startedAt < total) {
      await sleep(Math.min(step, total - (Date.now() - startedAt)));
      samples.push({ atSeconds: round((Date.now() - startedAt) / 1000, 0) ?? 0, ...(await memory(s.cdp)) });
    }
    const end = samples[samples.length - 1] ?? start;
    const marker = new RegExp(`/jobs/${env.jobs.wide}$`);
    const refreshes = s.net.requests.filter((r) => r.at >= startedAt && marker.test(new URL(r.url).pathname)).length;
    const requests = s.net.requests.filter((r) => r.at >= startedAt).length;
    const visibility = await s.page.evaluate(() => document.visibilityState);
    return {
      minutes: round(minutes, 2),
      refreshIntervalMs: ui === 'ours' ? opts.refreshMs : (opts.theirsRefreshMs ?? env.defaultRefreshMs),
      start,
      end,
      heapGrowthMB: round(end.heapMB - start.heapMB, 2),
      domNodesGrowth: end.domNodes - start.domNodes,
      listenersGrowth: end.listeners - start.listeners,
      refreshes,
      requests,
      visibility,
      samples,
    };
  } finally {
    await s.close();
  }
}

// ---- 5: scale, ours alone, on synthetic inputs -------------------------------------------------

/**
 * The renderer main thread's CPU time so far (ms), from CDP `Performance.getMetrics` ThreadTime.
 * Unlike wall time it hardly moves when other processes compete for the cores, so it says what
 * a measurement cost on a loaded machine. Needs `Performance.enable`.
 * @param {CDPSession} cdp
 */
async function threadTimeMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

/**
 * `BENCH_PROFILE_DIR=<dir>`: each timed click also records a CPU profile of the renderer's main
 * thread from the click to the painted mark, written there as `.cpuprofile` (open it in Chromium's
 * DevTools, or summarise it with `node e2e/bench/profile-summary.mjs <file>`). Sampling costs some
 * time of its own, so figures taken with it are not the benchmark's.
 */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ?? '';

/**
 * Arms the click stamp and the watch, clicks, and waits for the painted mark; returns wall time
 * (click -> painted), main-thread CPU time over the same span, and the longest task.
 * @param {{ page: Page, cdp: CDPSession }} s @param {WatchKind} kind @param {number} arg @param {() => Promise<void>} act
 * @param {{ selector: string, text?: string }} [css] for kind `css`
 */
async function timeClick(s, kind, arg, act, css) {
  const id = `m${Math.random().toString(36).slice(2, 8)}`;
  await arm(s.page, 'click', `${id}-start`);
  await watch(s.page, id, kind, arg, css);
  if (PROFILE_DIR) {
    await s.cdp.send('Profiler.enable');
    await s.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await s.cdp.send('Profiler.start');
  }
  const cpuBefore = await threadTimeMs(s.cdp);
  await act();
  await s.page.waitForFunction((m) => /** @type {any} */ (window).__bench.marks[m] !== undefined, `${id}:painted`, {
    timeout: 60_000,
    polling: 20,
  });
  const cpuAfter = await threadTimeMs(s.cdp);
  if (PROFILE_DIR) {
    const { profile } = await s.cdp.send('Profiler.stop');
    const file = path.join(PROFILE_DIR, `${kind}-${arg}-${id}.cpuprofile`);
    await mkdir(PROFILE_DIR, { recursive: true });
    await writeFile(file, JSON.stringify(profile));
    log(`profile of click -> painted (${kind} ${arg}): ${file}`);
  }
  const marks = await marksOf(s.page);
  const start = marks[`${id}-start`] ?? NaN;
  const painted = marks[`${id}:painted`] ?? NaN;
  const tasks = await longestTask(s.page, start, painted);
  return { ms: round(painted - start, 0) ?? NaN, cpuMs: round(cpuAfter - cpuBefore, 0), ...tasks };
}

/** Clicks a link found by name inside a navigation landmark. @param {Page} page @param {string} nav @param {string} name */
async function clickTab(page, nav, name) {
  await page.getByRole('navigation', { name: nav }).getByRole('link', { name, exact: true }).click();
}

/**
 * Serves the page's request for exactly `pathname` from `fixtureUrl` (see startFixtureServer).
 * @param {BrowserContext} context @param {string} pathname @param {string} fixtureUrl
 */
function serveFixture(context, pathname, fixtureUrl) {
  return context.route(
    (u) => u.pathname === pathname,
    (route) => route.continue({ url: fixtureUrl }),
  );
}

/** @param {Env} env @param {{ url: string, name: string, vertices: number, edges: number }} graph */
async function scaleGraph(env, graph) {
  const s = await openSession(env, 'ours');
  try {
    const { wide } = env.jobs;
    await serveFixture(s.context, `/api/jobs/${wide}`, graph.url);
    await s.page.goto(`${env.oursUrl}#/jobs/${wide}/configuration`, { waitUntil: 'commit' });
    await s.page.getByRole('heading', { level: 1, name: graph.name }).waitFor({ timeout: 60_000 });
    await s.cdp.send('Performance.enable');
    await sleep(500);
    const t = await timeClick(s, 'ours-graph', graph.vertices, () => clickTab(s.page, 'Job views', 'Graph'));
    // All edges are one path: one move-to per edge.
    const lines = await s.page.locator('svg.jg-svg path.jg-edge-lines').getAttribute('d');
    const edgesDrawn = (lines ?? '').match(/M/g)?.length ?? 0;
    return { ...t, nodesDrawn: await countOf(s.page, 'ours-graph'), edgesDrawn };
  } finally {
    await s.close();
  }
}

/** @param {Env} env @param {string} vertexId @param {{ url: string, frames: number }} flame */
async function scaleFlame(env, vertexId, flame) {
  const s = await openSession(env, 'ours');
  try {
    const job = env.jobs.backpressure;
    await serveFixture(s.context, `/api/jobs/${job}/vertices/${vertexId}/flamegraph`, flame.url);
    await s.page.goto(`${env.oursUrl}#/jobs/${job}/vertices/${vertexId}/subtasks`, { waitUntil: 'commit' });
    await s.page
      .getByRole('navigation', { name: 'Vertex views' })
      .getByRole('link', { name: 'Flame graph' })
      .waitFor({ timeout: 60_000 });
    await s.page.getByRole('heading', { level: 2, name: 'Subtasks' }).waitFor({ timeout: 60_000 });
    await s.cdp.send('Performance.enable');
    await sleep(500);
    const t = await timeClick(s, 'flame-frames', 1, () => clickTab(s.page, 'Vertex views', 'Flame graph'));
    await sleep(1000);
    return { ...t, framesDrawn: await countOf(s.page, 'flame-frames') };
  } finally {
    await s.close();
  }
}

/** @param {Env} env @param {{ url: string, entries: number }} checkpoints */
async function scaleCheckpoints(env, checkpoints) {
  const s = await openSession(env, 'ours');
  try {
    const job = env.jobs.eventTime;
    await serveFixture(s.context, `/api/jobs/${job}/checkpoints`, checkpoints.url);
    await s.page.goto(`${env.oursUrl}#/jobs/${job}/configuration`, { waitUntil: 'commit' });
    await s.page.getByRole('heading', { level: 1, name: demoJob('eventTime').name }).waitFor({ timeout: 60_000 });
    await s.cdp.send('Performance.enable');
    await sleep(500);
    const t = await timeClick(s, 'charts-drawn', 2, () => clickTab(s.page, 'Job views', 'Checkpoints'));
    // Again, with the chart library already loaded and the history in the store.
    await clickTab(s.page, 'Job views', 'Configuration');
    await s.page.locator('.checkpoint-chart').first().waitFor({ state: 'detached' });
    await sleep(500);
    const warm = await timeClick(s, 'charts-drawn', 2, () => clickTab(s.page, 'Job views', 'Checkpoints'));
    return { ...t, warmMs: warm.ms, warmCpuMs: warm.cpuMs, warmLongest: warm.longest };
  } finally {
    await s.close();
  }
}

/** @param {Env} env @param {{ url: string, lines: number }} logFile @param {string} term */
async function scaleLog(env, logFile, term) {
  const s = await openSession(env, 'ours');
  try {
    await serveFixture(s.context, '/api/jobmanager/log', logFile.url);
    await s.page.goto(`${env.oursUrl}#/jobmanager/configuration`, { waitUntil: 'commit' });
    await s.page.getByRole('heading', { level: 1, name: 'Job manager' }).waitFor({ timeout: 60_000 });
    await s.page.getByRole('table').first().waitFor({ timeout: 60_000 });
    await s.cdp.send('Performance.enable');
    await sleep(500);
    const open = await timeClick(s, 'log-rows', 1, () => clickTab(s.page, 'Job manager sections', 'Logs'));
    // How much of the opening was the transfer itself (request sent to last byte received).
    const transferMs = await s.page.evaluate(() => {
      const entry = performance
        .getEntriesByType('resource')
        .find((e) => new URL(e.name).pathname.endsWith('/api/jobmanager/log'));
      return entry && 'responseEnd' in entry
        ? /** @type {PerformanceResourceTiming} */ (entry).responseEnd - entry.startTime
        : null;
    });
    await sleep(500);
    await arm(s.page, 'input', 'typed');
    await watch(s.page, 'counted', 'log-count', 1);
    const cpuBefore = await threadTimeMs(s.cdp);
    await s.page.getByRole('searchbox', { name: 'Search the log' }).fill(term);
    await s.page.waitForFunction(
      () => /** @type {any} */ (window).__bench.marks['counted:painted'] !== undefined,
      null,
      { timeout: 60_000, polling: 20 },
    );
    const cpuAfter = await threadTimeMs(s.cdp);
    const searched = await marksOf(s.page);
    const typed = searched.typed ?? NaN;
    const counted = searched['counted:painted'] ?? NaN;
    const searchTasks = await longestTask(s.page, typed, counted);
    const countText = (await s.page.locator('.log-count').textContent()) ?? '';
    return {
      openMs: open.ms,
      openCpuMs: open.cpuMs,
      transferMs: round(transferMs, 0),
      longest: open.longest,
      searchMs: round(counted - typed, 0) ?? NaN,
      searchCpuMs: round(cpuAfter - cpuBefore, 0),
      searchLongest: searchTasks.longest,
      countText,
    };
  } finally {
    await s.close();
  }
}

// ---- report -----------------------------------------------------------------------------------

/** @param {unknown} v */
function cell(v) {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '—';
  if (typeof v === 'number') return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(round(v, 2));
  return String(v);
}

/** @param {string[][]} rows */
function table(rows) {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (/** @type {string[]} */ r) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const sep = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0] ?? []), sep, ...rows.slice(1).map(line)].join('\n');
}

/**
 * @param {number | null | undefined} value @param {'<=' | '<'} op @param {number} limit
 * @returns {string}
 */
function verdict(value, op, limit) {
  if (value == null || !Number.isFinite(value)) return 'n/a';
  return (op === '<=' ? value <= limit : value < limit) ? 'met' : 'MISSED';
}

// ---- main -------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const began = Date.now();
  const load = loadSampler();
  /** @type {{ what: string, error: string }[]} */
  const errors = [];
  /**
   * Runs one measurement; a failure is recorded (and makes the exit code non-zero), not thrown.
   * @template T @param {string} what @param {() => Promise<T>} fn @returns {Promise<T | null>}
   */
  const measure = async (what, fn) => {
    try {
      return await fn();
    } catch (err) {
      const message = err instanceof Error ? err.message.split('\n').slice(0, 6).join('\n') : String(err);
      errors.push({ what, error: message });
      log(`could not measure ${what}: ${message}`);
      return null;
    }
  };

  // Everything started here is stopped again, newest first, however the run ends.
  /** @type {(() => Promise<unknown> | unknown)[]} */
  const cleanups = [];
  const cleanUp = async () => {
    for (let fn = cleanups.pop(); fn; fn = cleanups.pop()) {
      try {
        await fn();
      } catch (err) {
        log(`cleaning up: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => {
      log(`${signal}: stopping what the benchmark started`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  try {
    await runAll(opts, measure, cleanups, errors, began, load);
  } finally {
    await cleanUp();
  }
}

/**
 * @param {ReturnType<typeof parseArgs>} opts
 * @param {<T>(what: string, fn: () => Promise<T>) => Promise<T | null>} measure
 * @param {(() => Promise<unknown> | unknown)[]} cleanups
 * @param {{ what: string, error: string }[]} errors
 * @param {number} began
 * @param {ReturnType<typeof loadSampler>} load
 */
async function runAll(opts, measure, cleanups, errors, began, load) {
  // The sandbox: reuse the running one, or bring it up (and stop it again at the end).
  const settings = sandboxSettings();
  const before = readState(settings.port);
  // The scale sections that bring their own cluster (real) do not need the main sandbox.
  const needsMain = ['ttfd', 'requests', 'soak', 'scale', 'fleet', 'slownet'].some((s) => opts.doing(s));
  const state = needsMain
    ? await up(settings)
    : {
        url: 'http://127.0.0.1:9',
        flinkVersion: settings.flinkVersion,
        startedAt: '',
        jobIds: /** @type {Record<string, string>} */ ({}),
      };
  const ownsSandbox = needsMain && (!before || before.startedAt !== state.startedAt);
  if (ownsSandbox) cleanups.push(() => down(settings.port));
  const flink = state.url.replace(/\/$/, '');
  const jobIds = state.jobIds ?? {};
  const jobs = { wide: jobIds.wide ?? '', backpressure: jobIds.backpressure ?? '', eventTime: jobIds.eventTime ?? '' };
  for (const [key, id] of Object.entries(needsMain ? jobs : {})) {
    const status = id
      ? /** @type {{ status?: string }} */ (await getJson(`${flink}/jobs/${id}/status`)).status
      : 'missing';
    if (status !== 'RUNNING')
      throw new Error(`demo job ${key} (${id || 'no id'}) is ${status}, not RUNNING: restart the sandbox`);
  }
  const flinkConfig = /** @type {Record<string, unknown>} */ (needsMain ? await getJson(`${flink}/config`) : {});

  log(
    opts.dist
      ? `using the existing build in ${opts.dist}`
      : 'building the dashboard (vite build into a temporary folder)',
  );
  const build = opts.dist ? { dist: opts.dist, remove: () => undefined } : await buildDashboard();
  cleanups.push(() => build.remove());
  const nginx = await startNginx({ dist: build.dist, jobManager: flink });
  cleanups.push(() => nginx.stop());
  const fixtures = await startFixtureServer();
  cleanups.push(() => fixtures.stop());
  log(
    `ours: nginx pid ${nginx.pid} at ${nginx.url} (static files from ${build.dist}, api/ proxied to ${flink}); theirs: ${flink}/`,
  );
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
    ],
  });
  cleanups.push(() => browser.close());
  /** @type {Env} */
  const env = {
    browser,
    oursUrl: nginx.url,
    theirsUrl: `${flink}/`,
    credentials: { username: nginx.user, password: nginx.password },
    jobs,
    defaultRefreshMs: Number(flinkConfig['refresh-interval'] ?? 3000),
  };

  /** @type {Record<string, any>} */
  const ours = {};
  /** @type {Record<string, any>} */
  const theirs = {};
  /** @type {Record<string, any>} */
  const extra = {};
  const side = (/** @type {Ui} */ ui) => (ui === 'ours' ? ours : theirs);

  try {
    // ---- 1 + 2: cold loads, alternating ----
    if (opts.doing('ttfd')) {
      for (const view of /** @type {const} */ (['overview', 'graph'])) {
        /** @type {Record<Ui, Awaited<ReturnType<typeof coldLoad>>[]>} */
        const runs = { ours: [], theirs: [] };
        for (let i = 0; i < opts.runs; i += 1) {
          for (const ui of /** @type {const} */ (['ours', 'theirs'])) {
            const r = await measure(`${ui} ${view} cold load ${i + 1}`, () => coldLoad(env, ui, view));
            if (r) runs[ui].push(r);
            log(
              `${view} run ${i + 1} ${ui}: ${r ? `${r.ttfdMs} ms, ${r.bytes} B in ${r.requests} requests` : 'failed'}`,
            );
          }
        }
        for (const ui of /** @type {const} */ (['ours', 'theirs'])) {
          const list = runs[ui];
          const o = side(ui);
          const key = view === 'overview' ? 'Overview' : 'Graph';
          o[`ttfd${key}`] = median(list.map((r) => r.ttfdMs));
          o[`bytes${key}`] = median(list.map((r) => r.bytes));
          o[`bytes${key}Decoded`] = median(list.map((r) => r.decodedBytes));
          o[`requests${key}Load`] = median(list.map((r) => r.requests));
          o[`compressedResponses${key}`] = list[0] ? `${list[0].compressed}/${list[0].requests}` : null;
          o.runs = {
            ...(o.runs ?? {}),
            [`ttfd${key}`]: list.map((r) => r.ttfdMs),
            [`bytes${key}`]: list.map((r) => r.bytes),
          };
          o[`bytes${key}ByType`] = list[0]?.byType ?? null;
        }
      }
    }

    // ---- 3: requests while idle ----
    if (opts.doing('requests')) {
      for (const view of /** @type {const} */ (['overview', 'graph'])) {
        for (const ui of /** @type {const} */ (['ours', 'theirs'])) {
          const r = await measure(`${ui} ${view} idle requests`, () =>
            idleRequests(env, ui, view, opts.windowSeconds * 1000),
          );
          const key = view === 'overview' ? 'Overview' : 'Graph';
          const o = side(ui);
          o[`requestsPerMinute${key}`] = r?.perMinute ?? null;
          o[`requestsPerRefresh${key}`] = r?.perRefresh ?? null;
          o[`refreshPeriod${key}Ms`] = r?.refreshPeriodMs ?? null;
          o[`idle${key}`] = r;
          log(
            `idle ${view} ${ui}: ${r ? `${r.requests} requests in ${r.windowSeconds} s, ${r.refreshes} refreshes` : 'failed'}`,
          );
        }
      }
    }

    // ---- 4: soak, both dashboards at once (separate contexts, so separate renderer processes) ----
    if (opts.doing('soak')) {
      log(
        `soak: ${round(opts.soakMinutes, 2)} min on the wide job's graph, ours at 1 s, theirs at ${opts.theirsRefreshMs ? `${opts.theirsRefreshMs} ms (emulated web.refresh-interval)` : 'its default (server refresh-interval)'}`,
      );
      const [o, t] = await Promise.all([
        measure('ours soak', () => soak(env, 'ours', opts.soakMinutes, { refreshMs: 1000, theirsRefreshMs: null })),
        measure('theirs soak', () =>
          soak(env, 'theirs', opts.soakMinutes, { refreshMs: null, theirsRefreshMs: opts.theirsRefreshMs }),
        ),
      ]);
      for (const [ui, r] of /** @type {const} */ ([
        ['ours', o],
        ['theirs', t],
      ])) {
        const s = side(ui);
        s.heapStartMB = r?.start.heapMB ?? null;
        s.heapEndMB = r?.end.heapMB ?? null;
        s.heapGrowthMB = r?.heapGrowthMB ?? null;
        s.domNodesStart = r?.start.domNodes ?? null;
        s.domNodesEnd = r?.end.domNodes ?? null;
        s.domNodesGrowth = r?.domNodesGrowth ?? null;
        s.soak = r;
      }
    }

    // ---- 5: scale, ours alone ----
    if (opts.doing('scale')) {
      const sc = opts.scale;
      log('recording real responses to scale up');
      const realWide = await getJson(`${flink}/jobs/${jobs.wide}`);
      const bpDetails = /** @type {{ vertices: { id: string, name: string }[] }} */ (
        await getJson(`${flink}/jobs/${jobs.backpressure}`)
      );
      const slow =
        bpDetails.vertices.find((v) => v.name === 'Slow enrichment') ?? bpDetails.vertices[1] ?? bpDetails.vertices[0];
      if (!slow) throw new Error('the back-pressured demo job has no vertices');
      let realFlame = null;
      for (let i = 0; i < 20 && !realFlame; i += 1) {
        const answer = /** @type {{ endTimestamp: number, data?: unknown }} */ (
          await getJson(`${flink}/jobs/${jobs.backpressure}/vertices/${slow.id}/flamegraph?type=FULL`)
        );
        if (answer.data && answer.endTimestamp > 0) realFlame = answer;
        else await sleep(1000);
      }
      const flameSource = realFlame
        ? 'recorded from the sandbox'
        : 'src/api/fixtures/flink-2.3.0/vertex-flamegraph-ready.json (the sandbox was still sampling)';
      // The recorded fixture wraps the answer: { recordedFrom, request, status, json }.
      realFlame ??= JSON.parse(
        readFileSync(path.join(repoRoot, 'src/api/fixtures/flink-2.3.0/vertex-flamegraph-ready.json'), 'utf8'),
      ).json;
      const realCheckpoints = await getJson(`${flink}/jobs/${jobs.eventTime}/checkpoints`);
      const realLog = await getText(`${flink}/jobmanager/log`);

      const json = 'application/json; charset=UTF-8';
      const graphBody = jobGraphResponse(realWide, sc.vertices, sc.edges);
      const graph = { ...graphBody, url: fixtures.add('job-graph.json', graphBody.body, json) };
      const flameBody = flameGraphResponse(/** @type {any} */ (realFlame).data, sc.frames);
      const flame = { ...flameBody, url: fixtures.add('flamegraph.json', flameBody.body, json) };
      const checkpointsBody = checkpointsResponse(realCheckpoints, sc.checkpoints);
      const checkpoints = { ...checkpointsBody, url: fixtures.add('checkpoints.json', checkpointsBody.body, json) };
      const logBody = logResponse(realLog, sc.logBytes);
      const logFile = { ...logBody, url: fixtures.add('jobmanager.log', logBody.body, 'text/plain; charset=UTF-8') };
      const term = 'Exception';
      extra.scaleInputs = {
        served:
          'page.route for the one API URL, continued to a loopback server that sends the body gzip-compressed (as nginx would)',
        graph: { vertices: graph.vertices, edges: graph.edges, responseBytes: graph.body.length },
        flame: {
          frames: flame.frames,
          samples: flame.samples,
          depth: flame.depth,
          responseBytes: flame.body.length,
          source: flameSource,
        },
        checkpoints: { entries: checkpoints.entries, responseBytes: checkpoints.body.length },
        log: { bytes: logFile.body.length, lines: logFile.lines, searchTerm: term },
      };
      log(
        `scale inputs: graph ${graph.vertices}/${graph.edges}, flame ${flame.frames} frames, ${checkpoints.entries} checkpoints, log ${logFile.body.length} B`,
      );

      /** @type {Record<string, any[]>} */
      const runs = { graph: [], flame: [], checkpoints: [], log: [] };
      for (let i = 0; i < opts.scaleRuns; i += 1) {
        const g = await measure(`graph ${sc.vertices} run ${i + 1}`, () => scaleGraph(env, graph));
        if (g) runs.graph?.push(g);
        const f = await measure(`flame ${sc.frames} run ${i + 1}`, () => scaleFlame(env, slow.id, flame));
        if (f) runs.flame?.push(f);
        const c = await measure(`checkpoints ${sc.checkpoints} run ${i + 1}`, () => scaleCheckpoints(env, checkpoints));
        if (c) runs.checkpoints?.push(c);
        const l = await measure(`log ${sc.logLabel} run ${i + 1}`, () => scaleLog(env, logFile, term));
        if (l) runs.log?.push(l);
        log(
          `scale run ${i + 1}: graph ${g?.ms} ms, flame ${f?.ms} ms, checkpoints ${c?.ms} ms (warm ${c?.warmMs}), log open ${l?.openMs} ms search ${l?.searchMs} ms`,
        );
      }
      /** @param {string} k @param {string} field */
      const med = (k, field) => median((runs[k] ?? []).map((r) => r[field]));
      ours.graph500Ms = med('graph', 'ms');
      ours.flame50kMs = med('flame', 'ms');
      ours.checkpoints1000Ms = med('checkpoints', 'ms');
      ours.checkpoints1000WarmMs = med('checkpoints', 'warmMs');
      ours.log50mbOpenMs = med('log', 'openMs');
      ours.log50mbTransferMs = med('log', 'transferMs');
      ours.log50mbSearchMs = med('log', 'searchMs');
      ours.scaleCpuMs = {
        graph500: med('graph', 'cpuMs'),
        flame50k: med('flame', 'cpuMs'),
        checkpoints1000: med('checkpoints', 'cpuMs'),
        checkpoints1000Warm: med('checkpoints', 'warmCpuMs'),
        log50mbOpen: med('log', 'openCpuMs'),
        log50mbSearch: med('log', 'searchCpuMs'),
      };
      ours.scaleRuns = runs;
    }
    // ---- 6: scale, a real high-parallelism job (scale-real.mjs) ----
    if (opts.doing('real')) {
      extra.real = await measure('scale: the real job', () =>
        scaleRealSection(
          {
            smoke: opts.smoke,
            runs: opts.runs,
            windowSeconds: opts.windowSeconds,
            stayMinutes: opts.stayMinutes,
            views: opts.scaleViews,
          },
          {
            browser,
            dist: build.dist,
            cleanups,
            tools: { openSession, waitForMark, memory, median, ratio, round, log, getJson, measure },
          },
        ),
      );
      if (extra.real) {
        ours.real = extra.real.ours;
        theirs.real = extra.real.theirs;
      }
    }

    // ---- 6: a cluster 100 times the sandbox, ours alone (synthetic-fleet.mjs) ----
    if (opts.doing('fleet')) {
      const sizes = fleetSizes(opts.smoke);
      const fleet = await startFleetServer(await recordFleetSources(flink, jobs, repoRoot), sizes, jobs);
      cleanups.push(() => fleet.stop());
      extra.fleetInputs = fleet.inputs;
      /** @type {import('./synthetic-fleet.mjs').Harness} */
      const harness = {
        open: (ui, o) => openSession(env, ui, o),
        timeClick,
        threadTimeMs,
        longestTask,
        sleep,
        log,
        oursUrl: env.oursUrl,
        jobs,
        refreshMs: 1000,
      };
      /** @type {Record<string, any>[]} */
      const runs = [];
      for (let i = 0; i < opts.scaleRuns; i += 1) {
        const r = await measure(`fleet run ${i + 1}`, () =>
          measureFleetRun(harness, fleet, { scrollMs: opts.smoke ? 1000 : 3000, refreshes: opts.smoke ? 1 : 5 }),
        );
        if (r) runs.push(r);
        log(
          `fleet run ${i + 1}: ${JSON.stringify(Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, v.ms])))}`,
        );
      }
      const summary = summariseFleet(runs);
      Object.assign(ours, summary.keys);
      ours.fleet = summary.views;
      ours.fleetRuns = runs;
    }

    // ---- 7: a slow network, ours and theirs alternating (slow-network.mjs) ----
    if (opts.doing('slownet')) {
      const wideNodes = /** @type {{ vertices: unknown[] }} */ (await getJson(`${flink}/jobs/${jobs.wide}`)).vertices
        .length;
      const slow = await measureSlowNetwork(
        {
          open: (ui, o) => openSession(env, ui, o),
          url: (ui, view) => viewUrl(env, ui, view),
          waitForMark,
          graphNodes: wideNodes,
        },
        opts.scaleRuns,
        log,
        opts.smoke ? ['overview'] : ['overview', 'graph'],
      );
      for (const ui of /** @type {const} */ (['ours', 'theirs'])) {
        const o = side(ui);
        for (const view of /** @type {const} */ (['overview', 'graph'])) {
          const list = slow[view]?.[ui] ?? [];
          const key = view === 'overview' ? 'Overview' : 'Graph';
          o[`ttfd${key}SlowNet`] = median(list.map((r) => r.ttfdMs ?? NaN));
          o[`bytes${key}SlowNet`] = median(list.map((r) => r.bytes ?? NaN));
          o[`slowNet${key}Failures`] = list.filter((r) => r.failed).map((r) => r.failed);
          o[`slowNet${key}Runs`] = list;
        }
      }
      extra.slowNetwork = SLOW_NETWORK_LABEL;
    }
  } finally {
    // Stop the browser, nginx, the fixture server and an owned sandbox before reporting.
    for (let fn = cleanups.pop(); fn; fn = cleanups.pop()) {
      try {
        await fn();
      } catch (err) {
        log(`cleaning up: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  const machine = load.stop();
  const result = {
    bench: 'flink-dashboard vs Flink web UI',
    mode: `${opts.scaleMode ? 'scale ' : ''}${opts.smoke ? 'smoke' : 'full'}`,
    startedAt: new Date(began).toISOString(),
    durationSeconds: round((Date.now() - began) / 1000, 0),
    machine: { ...machine, loadavgNote: '1-minute load average, sampled every 5 s' },
    setup: {
      flinkVersion: state.flinkVersion,
      flinkRefreshIntervalMs: flinkConfig['refresh-interval'] ?? null,
      runsEach: opts.runs,
      idleWindowSeconds: opts.windowSeconds,
      soakMinutes: round(opts.soakMinutes, 2),
      scaleRuns: opts.scaleRuns,
      scaleInputs: extra.scaleInputs ?? null,
      real: extra.real ? { parallelism: extra.real.parallelism, ...extra.real.setup } : null,
      fleetInputs: extra.fleetInputs ?? null,
      slowNetwork: extra.slowNetwork ?? null,
      ours: {
        served:
          'vite build (temp outDir) behind nginx with e2e/deploy/nginx-dashboard.conf: static files, api/ proxied, gzip on, basic auth',
        compressed: 'gzip (js, css, json, html)',
        defaultRefreshMs: flinkConfig['refresh-interval'] ?? null,
        soakRefreshMs: 1000,
      },
      theirs: {
        served: `Flink ${state.flinkVersion} JobManager (flink-runtime-web) at /`,
        compressed: 'none (the JobManager does not compress)',
        defaultRefreshMs: flinkConfig['refresh-interval'] ?? null,
        soakRefreshMs:
          opts.theirsRefreshMs ??
          `${String(flinkConfig['refresh-interval'])} (its default: Flink's UI has no refresh setting)`,
      },
      chromium: chromiumPath,
      viewport: '1280x800',
    },
    ours,
    theirs,
    ratio: {
      bytesOverview: ratio(ours.bytesOverview, theirs.bytesOverview),
      bytesGraph: ratio(ours.bytesGraph, theirs.bytesGraph),
      ttfdOverview: ratio(ours.ttfdOverview, theirs.ttfdOverview),
      ttfdGraph: ratio(ours.ttfdGraph, theirs.ttfdGraph),
      requestsPerMinuteOverview: ratio(ours.requestsPerMinuteOverview, theirs.requestsPerMinuteOverview),
      requestsPerMinuteGraph: ratio(ours.requestsPerMinuteGraph, theirs.requestsPerMinuteGraph),
      requestsPerRefreshOverview: ratio(ours.requestsPerRefreshOverview, theirs.requestsPerRefreshOverview),
      requestsPerRefreshGraph: ratio(ours.requestsPerRefreshGraph, theirs.requestsPerRefreshGraph),
      refreshPeriodGraph: ratio(ours.refreshPeriodGraphMs, theirs.refreshPeriodGraphMs),
      heapEnd: ratio(ours.heapEndMB, theirs.heapEndMB),
      ...(extra.real ? scaleRealRatios(extra.real, ratio) : {}),
      ttfdOverviewSlowNet: ratio(ours.ttfdOverviewSlowNet, theirs.ttfdOverviewSlowNet),
      ttfdGraphSlowNet: ratio(ours.ttfdGraphSlowNet, theirs.ttfdGraphSlowNet),
    },
    errors,
  };

  printReport(result, opts);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exitCode = errors.length > 0 ? 1 : 0;
}

/** @param {any} r @param {ReturnType<typeof parseArgs>} opts */
function printReport(r, opts) {
  const o = r.ours;
  const t = r.theirs;
  const q = r.ratio;
  const kb = (/** @type {number | null | undefined} */ b) => (b == null ? null : round(b / 1024, 1));
  const out = [];
  out.push('');
  out.push(
    `Flink dashboard benchmark (${r.mode}) — ours vs Flink ${r.setup.flinkVersion}'s own web UI, headless Chromium, ${r.setup.viewport}`,
  );
  out.push(`ours: ${r.setup.ours.served}`);
  out.push(`theirs: ${r.setup.theirs.served}, ${r.setup.theirs.compressed}`);
  out.push(
    `machine: ${r.machine.cpus} cores, load average start ${r.machine.start}, mean ${r.machine.mean}, max ${r.machine.max}, end ${r.machine.end}; ${r.durationSeconds} s`,
  );
  out.push(
    `medians of ${opts.runs} cold runs each, alternating (new browser context per run); idle window ${opts.windowSeconds} s; soak ${r.setup.soakMinutes} min`,
  );
  out.push('');
  const rows = [
    ['metric', 'ours', 'theirs', 'ours/theirs', 'target', 'verdict'],
    [
      'overview: KiB to first data (as served)',
      cell(kb(o.bytesOverview)),
      cell(kb(t.bytesOverview)),
      cell(q.bytesOverview),
      '<= 0.25',
      verdict(q.bytesOverview, '<=', 0.25),
    ],
    [
      'overview: KiB decoded',
      cell(kb(o.bytesOverviewDecoded)),
      cell(kb(t.bytesOverviewDecoded)),
      cell(ratio(o.bytesOverviewDecoded, t.bytesOverviewDecoded)),
      '',
      '',
    ],
    ['overview: requests to first data', cell(o.requestsOverviewLoad), cell(t.requestsOverviewLoad), '', '', ''],
    [
      'overview: compressed responses',
      cell(o.compressedResponsesOverview),
      cell(t.compressedResponsesOverview),
      '',
      '',
      '',
    ],
    [
      'overview: ms to first running job',
      cell(o.ttfdOverview),
      cell(t.ttfdOverview),
      cell(q.ttfdOverview),
      '<= 0.6',
      verdict(q.ttfdOverview, '<=', 0.6),
    ],
    [
      'wide graph: ms to 44 vertices',
      cell(o.ttfdGraph),
      cell(t.ttfdGraph),
      cell(q.ttfdGraph),
      '<= 0.6',
      verdict(q.ttfdGraph, '<=', 0.6),
    ],
    [
      'wide graph: KiB to 44 vertices (as served)',
      cell(kb(o.bytesGraph)),
      cell(kb(t.bytesGraph)),
      cell(q.bytesGraph),
      '',
      '',
    ],
    [
      'overview idle: requests / min',
      cell(o.requestsPerMinuteOverview),
      cell(t.requestsPerMinuteOverview),
      cell(q.requestsPerMinuteOverview),
      '',
      '',
    ],
    [
      'overview idle: requests / refresh',
      cell(o.requestsPerRefreshOverview),
      cell(t.requestsPerRefreshOverview),
      cell(q.requestsPerRefreshOverview),
      '',
      '',
    ],
    ['overview idle: refresh period ms', cell(o.refreshPeriodOverviewMs), cell(t.refreshPeriodOverviewMs), '', '', ''],
    [
      'wide graph idle: requests / min',
      cell(o.requestsPerMinuteGraph),
      cell(t.requestsPerMinuteGraph),
      cell(q.requestsPerMinuteGraph),
      '<= 0.35',
      verdict(q.requestsPerMinuteGraph, '<=', 0.35),
    ],
    [
      'wide graph idle: requests / refresh',
      cell(o.requestsPerRefreshGraph),
      cell(t.requestsPerRefreshGraph),
      cell(q.requestsPerRefreshGraph),
      '',
      '',
    ],
    [
      'wide graph idle: refresh period ms (staleness)',
      cell(o.refreshPeriodGraphMs),
      cell(t.refreshPeriodGraphMs),
      cell(q.refreshPeriodGraph),
      '~1 (<=1.05)',
      verdict(q.refreshPeriodGraph, '<=', 1.05),
    ],
    [`soak: heap MB after GC, start`, cell(o.heapStartMB), cell(t.heapStartMB), '', '', ''],
    [`soak: heap MB after GC, end`, cell(o.heapEndMB), cell(t.heapEndMB), cell(q.heapEnd), '', ''],
    [`soak: heap growth MB`, cell(o.heapGrowthMB), cell(t.heapGrowthMB), '', '< 5 MB', verdict(o.heapGrowthMB, '<', 5)],
    [`soak: DOM nodes start`, cell(o.domNodesStart), cell(t.domNodesStart), '', '', ''],
    [`soak: DOM nodes end`, cell(o.domNodesEnd), cell(t.domNodesEnd), '', '', ''],
    [
      `soak: DOM nodes growth`,
      cell(o.domNodesGrowth),
      cell(t.domNodesGrowth),
      '',
      'flat',
      o.domNodesGrowth == null
        ? 'n/a'
        : Math.abs(o.domNodesGrowth) <= Math.max(50, 0.02 * (o.domNodesStart ?? 0))
          ? 'met'
          : 'MISSED',
    ],
    [
      `soak: refresh interval / refreshes seen`,
      `${cell(o.soak?.refreshIntervalMs)} / ${cell(o.soak?.refreshes)}`,
      `${cell(t.soak?.refreshIntervalMs)} / ${cell(t.soak?.refreshes)}`,
      '',
      '',
      '',
    ],
  ];
  if (!opts.scaleMode || opts.doing('ttfd') || opts.doing('requests') || opts.doing('soak')) out.push(table(rows));
  if (r.setup.real) {
    out.push('');
    out.push(
      scaleRealReport({ ours: o.real, theirs: t.real, parallelism: r.setup.real.parallelism, setup: r.setup.real }, q, {
        cell,
        table,
        verdict,
        round,
        smoke: opts.smoke,
      }),
    );
  }
  const inputs = r.setup.scaleInputs;
  if (inputs) {
    out.push('');
    out.push(
      `scale, ours alone (median of ${opts.scaleRuns}; synthetic inputs via page.route, gzip from a loopback server; wall ms click -> painted, CPU ms = renderer main-thread time over the same span):`,
    );
    const cpu = o.scaleCpuMs ?? {};
    // The targets are for the full-size inputs; a smoke run uses smaller ones.
    const judge = (/** @type {number | null | undefined} */ v, /** @type {number} */ limit) =>
      opts.smoke ? '(smoke)' : verdict(v, '<', limit);
    const longest = (/** @type {string} */ k) =>
      cell(median((o.scaleRuns?.[k] ?? []).map((/** @type {any} */ x) => x.longest)));
    const sRows = [
      ['measurement', 'ms', 'CPU ms', 'target', 'verdict', 'notes'],
      [
        `graph ${inputs.graph.vertices} vertices / ${inputs.graph.edges} edges: layout + first paint`,
        cell(o.graph500Ms),
        cell(cpu.graph500),
        '< 500',
        judge(o.graph500Ms, 500),
        `nodes drawn ${cell(o.scaleRuns?.graph?.[0]?.nodesDrawn)}, longest task ${longest('graph')} ms`,
      ],
      [
        `flame graph ${inputs.flame.frames} frames: tab to frames drawn`,
        cell(o.flame50kMs),
        cell(cpu.flame50k),
        '< 300',
        judge(o.flame50kMs, 300),
        `frames drawn ${cell(o.scaleRuns?.flame?.[0]?.framesDrawn)}, longest task ${longest('flame')} ms`,
      ],
      [
        `checkpoints ${inputs.checkpoints.entries}: tab to both charts drawn`,
        cell(o.checkpoints1000Ms),
        cell(cpu.checkpoints1000),
        '< 200',
        judge(o.checkpoints1000Ms, 200),
        `again (chart library loaded): ${cell(o.checkpoints1000WarmMs)} ms, CPU ${cell(cpu.checkpoints1000Warm)} ms`,
      ],
      [
        `log ${round(inputs.log.bytes / 1048576, 1)} MiB (${cell(inputs.log.lines)} lines): open`,
        cell(o.log50mbOpenMs),
        cell(cpu.log50mbOpen),
        '< 1000',
        judge(o.log50mbOpenMs, 1000),
        `of which transfer ${cell(o.log50mbTransferMs)} ms, longest task ${longest('log')} ms`,
      ],
      [
        `log: search "${inputs.log.searchTerm}" to count shown`,
        cell(o.log50mbSearchMs),
        cell(cpu.log50mbSearch),
        '< 300',
        judge(o.log50mbSearchMs, 300),
        `${o.scaleRuns?.log?.[0]?.countText ?? ''}`,
      ],
    ];
    out.push(table(sRows));
  }
  const fleetInputs = r.setup.fleetInputs;
  if (fleetInputs && o.fleet) {
    const fi = fleetInputs;
    out.push('');
    out.push(
      `fleet, ours alone (median of ${opts.scaleRuns}): ${fi.taskManagers} task managers, ${fi.jobs} jobs (${fi.runningJobs} running), a vertex of ${fi.subtasks} subtasks, a job of ${fi.graphVertices} vertices, ${fi.exceptions} exceptions of ~${fi.traceFrames} frames, a fleet of ${fi.clusters} such clusters; ms = click -> painted, CPU ms = main-thread time over it, refresh = main-thread ms per refresh (ThreadTime over the window / refreshes); scroll = frames > 50 ms scrolling the table`,
    );
    const judge = (/** @type {number | null | undefined} */ v, /** @type {number} */ limit) =>
      opts.smoke ? '(smoke)' : verdict(v, '<', limit);
    /** @type {Record<string, string>} */
    const labels = {
      jobs: `jobs list (${fi.jobs})`,
      taskManagers: `task managers list (${fi.taskManagers})`,
      subtasks: `subtasks table (${fi.subtasks})`,
      watermarks: `watermarks (${fi.subtasks} subtasks)`,
      backPressure: `back pressure (${fi.subtasks} subtasks)`,
      exceptions: `exceptions (${fi.exceptions}, first page)`,
      triage: `triage page (${fi.runningJobs} running jobs)`,
      graph: `job graph (${fi.graphVertices} vertices, watermarks)`,
      fleetPage: `fleet page (${fi.clusters} clusters x ${fi.jobs} jobs)`,
    };
    const fRows = [
      [
        'view',
        'ms',
        'CPU ms',
        'longest task',
        'refresh CPU ms',
        'req/refresh',
        'rows in DOM',
        'scroll >50ms',
        'verdict',
      ],
    ];
    for (const [key, label] of Object.entries(labels)) {
      const v = o.fleet[key] ?? {};
      const scrolled = v.scrollFrames != null;
      fRows.push([
        label,
        cell(v.ms),
        cell(v.cpuMs),
        cell(v.longestTaskMs),
        cell(v.refreshMs),
        cell(v.requestsPerRefresh),
        cell(v.rowsInDom),
        scrolled ? `${cell(v.scrollLongFrames)} (worst ${cell(v.scrollWorstFrameMs)} ms)` : '',
        [judge(v.ms, 300), judge(v.refreshMs, 50), scrolled ? judge(v.scrollLongFrames, 1) : '']
          .filter(Boolean)
          .join('/'),
      ]);
    }
    out.push(table(fRows));
    out.push(
      'targets: painted < 300 ms after the click / a refresh < 50 ms main-thread time / no frame > 50 ms while scrolling',
    );
  }
  if (r.setup.slowNetwork) {
    out.push('');
    out.push(`slow network, ${r.setup.slowNetwork}: cold loads, alternating, median of ${opts.scaleRuns}`);
    const failures = (/** @type {any} */ side, /** @type {string} */ key) =>
      (side[`slowNet${key}Failures`] ?? []).length > 0 ? ` (${side[`slowNet${key}Failures`].length} failed)` : '';
    out.push(
      table([
        ['metric', 'ours', 'theirs', 'ours/theirs', 'target', 'verdict'],
        [
          'overview: ms to first running job',
          `${cell(o.ttfdOverviewSlowNet)}${failures(o, 'Overview')}`,
          `${cell(t.ttfdOverviewSlowNet)}${failures(t, 'Overview')}`,
          cell(q.ttfdOverviewSlowNet),
          '<= 0.3',
          verdict(q.ttfdOverviewSlowNet, '<=', 0.3),
        ],
        [
          'wide graph: ms to all vertices',
          `${cell(o.ttfdGraphSlowNet)}${failures(o, 'Graph')}`,
          `${cell(t.ttfdGraphSlowNet)}${failures(t, 'Graph')}`,
          cell(q.ttfdGraphSlowNet),
          '<= 0.3',
          verdict(q.ttfdGraphSlowNet, '<=', 0.3),
        ],
        ['overview: KiB to first data', cell(kb(o.bytesOverviewSlowNet)), cell(kb(t.bytesOverviewSlowNet)), '', '', ''],
        ['wide graph: KiB to first data', cell(kb(o.bytesGraphSlowNet)), cell(kb(t.bytesGraphSlowNet)), '', '', ''],
      ]),
    );
  }
  if (r.errors.length > 0) {
    out.push('');
    out.push(`could not measure (${r.errors.length}):`);
    for (const e of r.errors) out.push(`  ${e.what}: ${e.error}`);
  }
  out.push('');
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  // Still end with one JSON line, so a caller parsing the last line learns what happened.
  process.stdout.write(
    `${JSON.stringify({ bench: 'flink-dashboard vs Flink web UI', error: err instanceof Error ? err.message : String(err) })}\n`,
  );
  process.exit(1);
});
