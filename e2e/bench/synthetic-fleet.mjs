// @ts-check
/* global window, document, requestAnimationFrame -- only inside functions that Playwright runs in the page */
// A cluster 100 times the sandbox (issue 17), ours alone: 200 task managers, 1,000 jobs, one
// vertex of 5,000 subtasks, a job of 300 vertices with watermarks, 200 exceptions with long
// traces, built from responses recorded from the sandbox (synthetic.mjs) and served the way the
// other scale inputs are: the page's API requests that the fleet answers are routed with
// `page.route` to a loopback server that sends them gzip-compressed (as nginx would); every other
// request goes to the real sandbox. Answers are generated per request (a per-path tick moves
// counters and timestamps), so a refresh brings new values, as from a live cluster.
//
// For each view: wall time from the click to the painted frame and the main thread's CPU time
// over that span, then the main-thread time one refresh costs (renderer ThreadTime over a window
// of refreshes / refreshes in it) and, on the two big tables, frames over 50 ms while scrolling.
//
// The fleet page (config.json's `clusters`) gets a fleet of `clusters` such clusters, each under
// its own `api/fleet-NN/` (the nginx layout of e2e/deploy/nginx-fleet.conf); what the 100x server
// does not answer for a cluster (its /config, the job manager's pages) goes to the sandbox.

import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  backPressureResponse,
  exceptionsResponse,
  fleetTaskManagerId,
  jobGraphResponse,
  jobsOverviewResponse,
  metricValuesResponse,
  taskManagersResponse,
  vertexDetailsResponse,
  watermarksResponse,
} from './synthetic.mjs';

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */

/** @param {boolean} smoke */
export function fleetSizes(smoke) {
  // Fleet: 10 clusters, each the whole 100x cluster (1,000 jobs): a company's production,
  // staging and per-region or per-team clusters seldom pass ten on one page, and ten times the
  // 100x job list (10,000 jobs in the cross-cluster table, 20 requests a refresh) is its worst case.
  return smoke
    ? {
        taskManagers: 20,
        jobs: 100,
        running: 10,
        subtasks: 500,
        graphVertices: 30,
        exceptions: 20,
        traceFrames: 40,
        clusters: 3,
      }
    : {
        clusters: 10,
        taskManagers: 200,
        jobs: 1000,
        running: 100,
        subtasks: 5000,
        graphVertices: 300,
        exceptions: 200,
        traceFrames: 120,
      };
}
/** @typedef {ReturnType<typeof fleetSizes>} FleetSizes */

/**
 * The real answers the fleet is scaled up from.
 * @param {string} flink the JobManager's URL (no trailing slash)
 * @param {{ wide: string, backpressure: string, eventTime: string }} jobs
 * @param {string} repoRoot
 */
export async function recordFleetSources(flink, jobs, repoRoot) {
  /** @param {string} p */
  const get = async (p) => {
    const res = await fetch(`${flink}${p}`, { signal: AbortSignal.timeout(15_000) });
    if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
    return res.json();
  };
  const wide = await get(`/jobs/${jobs.wide}`);
  const vertex = wide.vertices[1] ?? wide.vertices[0];
  const exceptions = await get(`/jobs/${jobs.backpressure}/exceptions?maxExceptions=10`);
  const recordedExceptions = exceptions.exceptionHistory?.entries?.length
    ? exceptions
    : JSON.parse(readFileSync(path.join(repoRoot, 'src/api/fixtures/flink-2.3.0/job-exceptions.json'), 'utf8')).json;
  return {
    overview: await get('/overview'),
    jobsOverview: await get('/jobs/overview'),
    taskManagers: await get('/taskmanagers'),
    wide,
    vertexId: String(vertex.id),
    vertexDetails: await get(`/jobs/${jobs.wide}/vertices/${vertex.id}`),
    backPressure: await get(`/jobs/${jobs.wide}/vertices/${vertex.id}/backpressure`),
    checkpoints: await get(`/jobs/${jobs.eventTime}/checkpoints`),
    exceptions: recordedExceptions,
  };
}
/** @typedef {Awaited<ReturnType<typeof recordFleetSources>>} FleetSources */

/**
 * The loopback server that answers the fleet's API paths (`/api/...` as the page asks for them).
 * @param {FleetSources} real @param {FleetSizes} sizes
 * @param {{ wide: string, backpressure: string, eventTime: string }} jobs
 */
export async function startFleetServer(real, sizes, jobs) {
  const json = 'application/json; charset=UTF-8';
  const fleetJobs = jobsOverviewResponse(real.jobsOverview, sizes.jobs, sizes.running, 0);
  const fleetIds = new Set(fleetJobs.ids);
  const graph = jobGraphResponse(real.wide, sizes.graphVertices, sizes.graphVertices * 2);
  const graphBody = JSON.parse(graph.body);
  const graphParallelism = new Map(graphBody.vertices.map((/** @type {any} */ v) => [v.id, v.parallelism]));
  graphBody.jid = jobs.eventTime;
  const graphJob = JSON.stringify(graphBody);
  const tmIds = new Set(Array.from({ length: sizes.taskManagers }, (_, i) => fleetTaskManagerId(i)));
  // The wide job, its second vertex at the fleet's parallelism.
  const bigVertexJob = JSON.stringify({
    ...real.wide,
    vertices: real.wide.vertices.map((/** @type {any} */ v) =>
      v.id === real.vertexId ? { ...v, parallelism: sizes.subtasks } : v,
    ),
  });
  /** @type {Map<string, number>} */
  const ticks = new Map();
  const startedAt = Date.now();
  const exceptions = exceptionsResponse(real.exceptions, sizes.exceptions, sizes.traceFrames);
  const exceptionsJson = JSON.parse(exceptions.body);

  /**
   * @param {string} p the path without `/api` (nor a fleet cluster's segment) @param {URLSearchParams} q
   * @param {number} tick @param {number | null} inFleet the fleet cluster's number (`/api/fleet-NN/...`)
   * @returns {(() => string) | null} what builds the answer, or null when the fleet does not answer
   *   the path: the routes ask only that, for every request of the page, and must not build a
   *   3 MB answer to learn it (this process is the bench's own, on the browser's two cores)
   */
  const answer = (p, q, tick, inFleet) => {
    const ids = (q.get('get') ?? '').split(',').filter(Boolean);
    const agg = (q.get('agg') ?? '').split(',').filter(Boolean);
    // Only for the fleet page: the other views keep the sandbox's own /overview.
    if (p === '/overview' && inFleet !== null) return () => clusterOverview(tick);
    if (p === '/jobs/overview') {
      // A fleet cluster's jobs started a few minutes apart from the next cluster's, each at fixed times.
      if (inFleet !== null) {
        const at = startedAt - inFleet * 61_000;
        return () => jobsOverviewResponse(real.jobsOverview, sizes.jobs, sizes.running, tick, [], at).body;
      }
      return () => jobsOverviewResponse(real.jobsOverview, sizes.jobs, sizes.running, tick, [], startedAt).body;
    }
    if (p === '/taskmanagers') return () => taskManagersResponse(real.taskManagers, sizes.taskManagers, tick).body;
    // Flink's aggregate over every task manager (`?get=...&agg=min,max`).
    if (p === '/taskmanagers/metrics') return () => metricValuesResponse(ids, agg, tick).body;
    const tm = /^\/taskmanagers\/([^/]+)\/metrics$/.exec(p);
    if (tm && tmIds.has(decodeURIComponent(tm[1] ?? ''))) return () => metricValuesResponse(ids, agg, tick).body;
    const job = /^\/jobs\/([0-9a-f]{32})(\/.*)?$/.exec(p);
    if (!job) return null;
    const [, jid = '', rest = ''] = job;
    if (fleetIds.has(jid)) {
      // A fleet job (the triage page reads each running one): the wide job's shape, its own id.
      if (rest === '') return () => JSON.stringify({ ...real.wide, jid, name: `Fleet job ${jid.slice(-4)}` });
      if (rest === '/checkpoints') return () => JSON.stringify(real.checkpoints);
      if (rest.endsWith('/metrics')) return () => metricValuesResponse(ids, agg, tick).body;
      return null;
    }
    const big = `/vertices/${real.vertexId}`;
    if (jid === jobs.wide) {
      if (rest === '') return () => bigVertexJob;
      if (rest === big)
        return () => vertexDetailsResponse(real.vertexDetails, sizes.subtasks, sizes.taskManagers, tick).body;
      if (rest === `${big}/backpressure`)
        return () => backPressureResponse(real.backPressure, sizes.subtasks, tick).body;
      if (rest === `${big}/watermarks`) return () => watermarksResponse(sizes.subtasks, tick).body;
      if (rest.startsWith(big) && rest.endsWith('/metrics')) return () => metricValuesResponse(ids, agg, tick).body;
      return null;
    }
    if (jid === jobs.eventTime) {
      if (rest === '') return () => graphJob;
      const v = /^\/vertices\/([0-9a-f]{32})(\/.*)?$/.exec(rest);
      const parallelism = v ? graphParallelism.get(v[1] ?? '') : undefined;
      if (!v || parallelism === undefined) return null;
      if (v[2] === '/watermarks') return () => watermarksResponse(Number(parallelism), tick, parallelism).body;
      if ((v[2] ?? '').endsWith('/metrics')) return () => metricValuesResponse(ids, agg, tick).body;
      return null;
    }
    if (jid === jobs.backpressure && rest === '/exceptions') {
      const max = Number(q.get('maxExceptions') ?? sizes.exceptions);
      const entries = exceptionsJson.exceptionHistory.entries;
      return () =>
        JSON.stringify({
          exceptionHistory: { entries: entries.slice(0, max), truncated: entries.length > max },
        });
    }
    return null;
  };

  /** `GET /overview` of a 100x cluster: its task managers, slots and job counts. @param {number} tick */
  const clusterOverview = (tick) => {
    const slotsPerTaskManager = Math.max(
      1,
      Math.round(real.overview['slots-total'] / Math.max(1, real.overview.taskmanagers)),
    );
    const total = sizes.taskManagers * slotsPerTaskManager;
    const ended = sizes.jobs - sizes.running;
    return JSON.stringify({
      ...real.overview,
      taskmanagers: sizes.taskManagers,
      'slots-total': total,
      'slots-available': Math.round(total * 0.2) + (tick % 7),
      'jobs-running': sizes.running,
      'jobs-finished': Math.ceil(ended / 3),
      'jobs-cancelled': Math.ceil((ended - 1) / 3),
      'jobs-failed': Math.floor(ended / 3),
    });
  };

  let requests = 0;
  let bytes = 0;
  const server = createServer({ maxHeaderSize: 4 * 1024 * 1024 }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cluster = FLEET_CLUSTER_PATH.exec(url.pathname);
    const p = cluster ? `/${cluster[2]}` : url.pathname.replace(/^\/api/, '');
    // Ticks per cluster too: each cluster's answers move on their own.
    const key = `${url.pathname}?${url.search}`;
    const tick = (ticks.get(key) ?? 0) + 1;
    ticks.set(key, tick);
    const build = answer(p, url.searchParams, tick, cluster ? Number(cluster[1]?.slice('fleet-'.length)) : null);
    const body = build === null ? null : build();
    requests += 1;
    if (body === null) {
      res.writeHead(404, { 'content-type': json }).end(JSON.stringify({ errors: ['Not found: /' + p] }));
      return;
    }
    const gz = gzipSync(body, { level: 1 });
    bytes += gz.length;
    res.writeHead(200, {
      'content-type': json,
      'content-encoding': 'gzip',
      'content-length': gz.length,
      'cache-control': 'no-store',
    });
    res.end(gz);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;
  /** Does the fleet answer this page path (`/api/...`)? @param {string} pathname @param {string} search */
  const owns = (pathname, search) =>
    pathname.startsWith('/api/') &&
    !FLEET_CLUSTER_PATH.test(pathname) &&
    answer(pathname.replace(/^\/api/, ''), new URLSearchParams(search), 0, null) !== null;
  const clusters = Array.from({ length: sizes.clusters }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return { id: `fleet-${n}`, name: `Cluster ${n}`, apiBase: `api/fleet-${n}/` };
  });
  return {
    base,
    vertexId: real.vertexId,
    inputs: {
      taskManagers: sizes.taskManagers,
      jobs: sizes.jobs,
      runningJobs: sizes.running,
      subtasks: sizes.subtasks,
      graphVertices: graph.vertices,
      graphEdges: graph.edges,
      graphName: graph.name,
      exceptions: sizes.exceptions,
      traceFrames: sizes.traceFrames,
      exceptionsBytes: exceptions.body.length,
      vertexDetailsBytes: vertexDetailsResponse(real.vertexDetails, sizes.subtasks, sizes.taskManagers, 0).body.length,
      jobsOverviewBytes: fleetJobs.body.length,
      clusters: sizes.clusters,
    },
    /** The fleet page's clusters, as config.json lists them. */
    clusters,
    /** Routes the fleet's requests of a context to this server. @param {BrowserContext} context */
    route: (context) =>
      context.route(
        (u) => owns(u.pathname, u.search),
        (route) => {
          const u = new URL(route.request().url());
          return route.continue({ url: `${base}${u.pathname}${u.search}` });
        },
      ),
    /**
     * Serves a config.json listing the fleet's clusters to a context, and routes each cluster's
     * requests: to this server what it answers, the rest to the sandbox (the page's own `api/`).
     * @param {BrowserContext} context
     */
    routeFleet: async (context) => {
      await context.route(
        (u) => u.pathname.endsWith('/config.json'),
        (route) => route.fulfill({ json: { clusterName: 'Flink fleet (100x)', clusters } }),
      );
      await context.route(
        (u) => FLEET_CLUSTER_PATH.test(u.pathname),
        (route) => {
          const u = new URL(route.request().url());
          const [, , rest = ''] = FLEET_CLUSTER_PATH.exec(u.pathname) ?? [];
          const ours = answer(`/${rest}`, new URLSearchParams(u.search), 0, 1) !== null;
          return route.continue({
            url: ours ? `${base}${u.pathname}${u.search}` : `${u.origin}/api/${rest}${u.search}`,
          });
        },
      );
    },
    stats: () => ({ requests, bytes }),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
/** @typedef {Awaited<ReturnType<typeof startFleetServer>>} Fleet */

/** A fleet cluster's request as the page sends it: `/api/fleet-NN/<path>`. */
const FLEET_CLUSTER_PATH = /^\/api\/(fleet-\d+)\/(.*)$/;

// ---- in the page -------------------------------------------------------------------------------

/**
 * Scrolls the window down by `step` px per animation frame for `ms` (or to the bottom) and
 * returns the frame intervals over 50 ms (runs in the page).
 * @param {{ ms: number, step: number }} o
 */
function scrollProbe(o) {
  return new Promise((resolve) => {
    /** @type {number[]} */
    const gaps = [];
    let last = 0;
    const started = performance.now();
    window.scrollTo(0, 0);
    const frame = (/** @type {number} */ now) => {
      if (last > 0) gaps.push(now - last);
      last = now;
      const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
      if (now - started >= o.ms || (atBottom && gaps.length > 10)) {
        resolve({
          frames: gaps.length,
          longFrames: gaps.filter((g) => g > 50).length,
          worstFrameMs: Math.round(Math.max(0, ...gaps)),
          scrolledPx: Math.round(window.scrollY),
          pageHeightPx: document.documentElement.scrollHeight,
        });
        return;
      }
      window.scrollBy(0, o.step);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

// ---- the measurements ---------------------------------------------------------------------------

/**
 * What the fleet measurement borrows from run.mjs (its session, click and CPU helpers).
 * @typedef {object} Harness
 * @property {(ui: 'ours', opts?: { refreshMs?: number | null }) => Promise<{ context: BrowserContext, page: Page, cdp: CDPSession, net: { requests: { url: string, at: number }[] }, close: () => Promise<void> }>} open
 * @property {(s: { page: Page, cdp: CDPSession }, kind: any, arg: number, act: () => Promise<void>, css?: { selector: string, text?: string }) => Promise<Record<string, any>>} timeClick
 * @property {(cdp: CDPSession) => Promise<number>} threadTimeMs
 * @property {(page: Page, from: number, to: number) => Promise<{ longest: number | null, total: number | null }>} longestTask
 * @property {(ms: number) => Promise<unknown>} sleep
 * @property {(msg: string) => void} log
 * @property {string} oursUrl
 * @property {{ wide: string, backpressure: string, eventTime: string }} jobs
 * @property {number} refreshMs the refresh interval the views poll at during the refresh window
 */

/**
 * Main-thread time one refresh costs on the view on screen: renderer ThreadTime over a window
 * of `refreshes` refreshes, divided by the refreshes seen (requests for `marker`, the view's
 * polled answer), and the longest task in the window.
 * @param {Harness} h @param {{ page: Page, cdp: CDPSession, net: { requests: { url: string, at: number }[] } }} s
 * @param {RegExp} marker @param {number} refreshes
 */
async function refreshCost(h, s, marker, refreshes) {
  await h.sleep(h.refreshMs + 500);
  // BENCH_PROFILE_DIR (see run.mjs): a CPU profile of the refresh window too, `refresh-<view>.cpuprofile`.
  const profileDir = process.env.BENCH_PROFILE_DIR ?? '';
  if (profileDir) {
    await s.cdp.send('Profiler.enable');
    await s.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await s.cdp.send('Profiler.start');
  }
  const from = Date.now();
  const t0 = await h.threadTimeMs(s.cdp);
  const p0 = await s.page.evaluate(() => performance.now());
  await h.sleep(h.refreshMs * refreshes);
  if (profileDir) {
    const { profile } = await s.cdp.send('Profiler.stop');
    const file = path.join(profileDir, `refresh-${marker.source.replace(/\W+/g, '_')}-${Date.now()}.cpuprofile`);
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    h.log(`profile of the refresh window (${marker.source}): ${file}`);
  }
  const t1 = await h.threadTimeMs(s.cdp);
  const p1 = await s.page.evaluate(() => performance.now());
  const seen = s.net.requests.filter((r) => r.at >= from && marker.test(new URL(r.url).pathname)).length;
  const requests = s.net.requests.filter((r) => r.at >= from).length;
  const tasks = await h.longestTask(s.page, p0, p1);
  return {
    refreshes: seen,
    requestsPerRefresh: seen > 0 ? Math.round((requests / seen) * 10) / 10 : null,
    msPerRefresh: seen > 0 ? Math.round((t1 - t0) / seen) : null,
    longestTaskMs: tasks.longest,
  };
}

/** @param {Page} page @param {number} ms */
async function scroll(page, ms) {
  return /** @type {Promise<{ frames: number, longFrames: number, worstFrameMs: number, scrolledPx: number, pageHeightPx: number }>} */ (
    page.evaluate(scrollProbe, { ms, step: 120 })
  );
}

/** @param {Page} page @param {string} nav @param {string} name */
async function clickLink(page, nav, name) {
  await page.getByRole('navigation', { name: nav }).getByRole('link', { name, exact: true }).first().click();
}

/** @param {string} caption */
const captioned = (caption) => ({ selector: 'table.data-table > caption', text: `^${caption}$` });

/**
 * One run over every fleet view, ours alone; each group in a new browser context.
 * @param {Harness} h @param {Fleet} fleet @param {{ scrollMs: number, refreshes: number }} o
 */
export async function measureFleetRun(h, fleet, o) {
  const { wide, backpressure, eventTime } = h.jobs;
  const inputs = fleet.inputs;
  /** @type {Record<string, any>} */
  const out = {};
  /**
   * One view's measurement; a failure or timeout is recorded in its row, not thrown (the
   * other views are still measured).
   * @param {string} key @param {() => Promise<any>} fn
   */
  const attempt = async (key, fn) => {
    try {
      out[key] = await fn();
    } catch (err) {
      const message = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
      out[key] = { failed: message };
      h.log(`fleet ${key}: ${message}`);
    }
  };

  /**
   * A group of views in a browser context of its own, the 100x cluster's answers routed to it;
   * the context is closed whatever happens.
   * @param {(s: Awaited<ReturnType<Harness['open']>>) => Promise<void>} fn
   * @param {{ asFleet?: boolean }} [o] config.json lists the fleet's clusters
   */
  const inContext = async (fn, { asFleet = false } = {}) => {
    const s = await h.open('ours', { refreshMs: h.refreshMs });
    try {
      await fleet.route(s.context);
      if (asFleet) await fleet.routeFleet(s.context);
      await fn(s);
    } finally {
      await s.close();
    }
  };

  // Jobs list, task managers list and the triage page: from the job manager's page.
  await inContext(async (s) => {
    await s.page.goto(`${h.oursUrl}#/jobmanager/configuration`, { waitUntil: 'commit' });
    await s.page.getByRole('heading', { level: 1, name: 'Job manager' }).waitFor({ timeout: 60_000 });
    await s.cdp.send('Performance.enable');
    await h.sleep(500);
    await attempt('jobs', async () => {
      const v = await h.timeClick(s, 'css', 1, () => clickLink(s.page, 'Main', 'Jobs'), captioned('Jobs'));
      v.rowsInDom = await s.page.locator('table.data-table tbody tr:not(.virtual-spacer)').count();
      v.refresh = await refreshCost(h, s, /\/jobs\/overview$/, o.refreshes);
      v.scroll = await scroll(s.page, o.scrollMs);
      return v;
    });

    await attempt('taskManagers', async () => {
      const v = await h.timeClick(
        s,
        'css',
        1,
        () => clickLink(s.page, 'Main', 'Task managers'),
        captioned('Task managers'),
      );
      v.rowsInDom = await s.page.locator('table.data-table tbody tr:not(.virtual-spacer)').count();
      v.refresh = await refreshCost(h, s, /\/taskmanagers$/, o.refreshes);
      return v;
    });

    await attempt('triage', async () => {
      const v = await h.timeClick(s, 'css', 1, () => clickLink(s.page, 'Main', 'Triage'), {
        selector: 'p[role=status]',
        text: 'in \\d+ running jobs',
      });
      v.refresh = await refreshCost(h, s, /\/jobs\/overview$/, o.refreshes);
      return v;
    });
  });

  // The vertex of 5,000 subtasks: subtasks, watermarks and back pressure, from its accumulators.
  await inContext(async (s) => {
    await s.page.goto(`${h.oursUrl}#/jobs/${wide}/vertices/${fleet.vertexId}/accumulators`, { waitUntil: 'commit' });
    await s.page.getByRole('navigation', { name: 'Vertex views' }).waitFor({ timeout: 60_000 });
    await s.page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 });
    await s.cdp.send('Performance.enable');
    await h.sleep(1000);
    const vertexPath = new RegExp(`/vertices/${fleet.vertexId}$`);
    await attempt('subtasks', async () => {
      const v = await h.timeClick(
        s,
        'css',
        1,
        () => clickLink(s.page, 'Vertex views', 'Subtasks'),
        captioned('Subtasks'),
      );
      v.rowsInDom = await s.page.locator('table.data-table tbody tr:not(.virtual-spacer)').count();
      v.refresh = await refreshCost(h, s, vertexPath, o.refreshes);
      v.scroll = await scroll(s.page, o.scrollMs);
      return v;
    });
    await s.page.evaluate(() => window.scrollTo(0, 0));

    await attempt('watermarks', async () => {
      const v = await h.timeClick(
        s,
        'css',
        1,
        () => clickLink(s.page, 'Vertex views', 'Watermarks'),
        captioned('Watermarks per subtask'),
      );
      v.refresh = await refreshCost(h, s, /\/watermarks$/, o.refreshes);
      return v;
    });

    await attempt('backPressure', async () => {
      const v = await h.timeClick(
        s,
        'css',
        1,
        () => clickLink(s.page, 'Vertex views', 'Back pressure'),
        captioned('Back pressure per subtask'),
      );
      v.refresh = await refreshCost(h, s, /\/backpressure$/, o.refreshes);
      return v;
    });
  });

  // The job of 300 vertices (watermarks served for every vertex) and 200 exceptions.
  await inContext(async (s) => {
    await s.page.goto(`${h.oursUrl}#/jobs/${eventTime}/configuration`, { waitUntil: 'commit' });
    await s.page.getByRole('heading', { level: 1, name: inputs.graphName }).waitFor({ timeout: 60_000 });
    await s.cdp.send('Performance.enable');
    await h.sleep(500);
    await attempt('graph', async () => {
      const v = await h.timeClick(s, 'ours-graph', inputs.graphVertices, () => clickLink(s.page, 'Job views', 'Graph'));
      v.refresh = await refreshCost(h, s, new RegExp(`/jobs/${eventTime}$`), o.refreshes);
      return v;
    });
  });
  await inContext(async (s) => {
    await s.page.goto(`${h.oursUrl}#/jobs/${backpressure}/configuration`, { waitUntil: 'commit' });
    await s.page.getByRole('navigation', { name: 'Job views' }).waitFor({ timeout: 60_000 });
    await s.page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 });
    await s.cdp.send('Performance.enable');
    await h.sleep(500);
    await attempt('exceptions', async () => {
      const v = await h.timeClick(s, 'css', 1, () => clickLink(s.page, 'Job views', 'Exceptions'), {
        selector: 'ol.exception-list > li',
      });
      v.shown = await s.page.locator('ol.exception-list > li').count();
      v.refresh = await refreshCost(h, s, /\/exceptions$/, o.refreshes);
      return v;
    });
  });

  // The fleet page: every cluster's row (reachability, task managers, slots, jobs by state) and
  // the jobs of all clusters, from a cluster's job manager page through the header's link.
  await inContext(
    async (s) => {
      const first = fleet.clusters[0]?.id ?? '';
      await s.page.goto(`${h.oursUrl}#/c/${first}/jobmanager/configuration`, { waitUntil: 'commit' });
      await s.page.getByRole('heading', { level: 1, name: 'Job manager' }).waitFor({ timeout: 60_000 });
      await s.cdp.send('Performance.enable');
      await h.sleep(500);
      await attempt('fleetPage', async () => {
        // Painted: every cluster's row shows its job states and its slots (`free / total`, from /overview).
        const v = await h.timeClick(
          s,
          'css',
          fleet.clusters.length,
          () => s.page.getByRole('link', { name: 'Fleet overview', exact: true }).first().click(),
          { selector: 'table.data-table tbody tr:has(.fleet-job-state)', text: '\\d / \\d' },
        );
        v.rowsInDom = await s.page.locator('table.data-table tbody tr:not(.virtual-spacer)').count();
        // One refresh: one `GET /overview` of the first cluster (every cluster is asked once a refresh).
        v.refresh = await refreshCost(h, s, new RegExp(`/api/${first}/overview$`), o.refreshes);
        return v;
      });
    },
    { asFleet: true },
  );
  return out;
}

/** The views in table order: key, label. */
export const FLEET_VIEWS = /** @type {const} */ ([
  ['jobs', 'jobs list'],
  ['taskManagers', 'task managers list'],
  ['subtasks', 'subtasks table'],
  ['watermarks', 'watermarks'],
  ['backPressure', 'back pressure'],
  ['exceptions', 'exceptions'],
  ['triage', 'triage page'],
  ['graph', 'job graph'],
  ['fleetPage', 'fleet page'],
]);

/** @param {number[]} values */
function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Medians over runs, and the figures of the JSON line (`ours`).
 * @param {Record<string, any>[]} runs
 */
export function summariseFleet(runs) {
  /** @param {string} view @param {(r: any) => number | null | undefined} pick */
  const med = (view, pick) => median(runs.map((r) => (r[view] ? Number(pick(r[view]) ?? NaN) : NaN)));
  /** @type {Record<string, any>} */
  const views = {};
  for (const [key] of FLEET_VIEWS) {
    views[key] = {
      ms: med(key, (v) => v.ms),
      cpuMs: med(key, (v) => v.cpuMs),
      longestTaskMs: med(key, (v) => v.longest),
      refreshMs: med(key, (v) => v.refresh?.msPerRefresh),
      refreshLongestTaskMs: med(key, (v) => v.refresh?.longestTaskMs),
      requestsPerRefresh: med(key, (v) => v.refresh?.requestsPerRefresh),
      rowsInDom: med(key, (v) => v.rowsInDom ?? v.shown),
      scrollLongFrames: med(key, (v) => v.scroll?.longFrames),
      scrollWorstFrameMs: med(key, (v) => v.scroll?.worstFrameMs),
      scrollFrames: med(key, (v) => v.scroll?.frames),
    };
  }
  const refreshes = Object.values(views)
    .map((v) => v.refreshMs)
    .filter((v) => v !== null);
  return {
    views,
    keys: {
      subtasks5000Ms: views.subtasks?.ms ?? null,
      jobs1000Ms: views.jobs?.ms ?? null,
      taskManagers200Ms: views.taskManagers?.ms ?? null,
      graph300WatermarksMs: views.graph?.ms ?? null,
      fleetPageMs: views.fleetPage?.ms ?? null,
      refreshMainThreadMsMax: refreshes.length > 0 ? Math.max(...refreshes) : null,
      scrollLongFrames: Math.max(views.subtasks?.scrollLongFrames ?? 0, views.jobs?.scrollLongFrames ?? 0),
    },
  };
}
