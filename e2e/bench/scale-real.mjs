// @ts-check
/* global window */
// `npm run bench -- --scale`, the real high-parallelism job: ours and Flink's own UI, alternating,
// cold cache, on the sandbox's scale cluster (e2e/sandbox/scale.mjs: one job of SCALE_PARALLELISM
// subtasks per vertex, 512 by default). Measures, per view (the job's graph, and the keyed
// window vertex's subtasks, watermarks and back pressure): time to first data, requests and bytes
// per refresh while idle, the longest main-thread task during the idle window; and the heap after
// GC after a stay on the subtasks view. See e2e/bench/README.md ("Scale: a real job").
//
// run.mjs calls `scaleRealSection` with its own helpers (sessions, probes, memory), so both
// benchmarks observe pages the same way.

import { readScaleState, scaleJobName, scaleParallelism, upScale, downScale } from '../sandbox/scale.mjs';
import { sandboxSettings } from '../sandbox/sandbox.mjs';
import { startNginx } from './serve.mjs';

/** @typedef {'ours' | 'theirs'} Ui */
/** @typedef {'graph' | 'subtasks' | 'watermarks' | 'backpressure'} RealView */
/** @typedef {import('./page-probe.mjs').WatchKind} WatchKind */

/** @type {readonly RealView[]} */
export const REAL_VIEWS = ['graph', 'subtasks', 'watermarks', 'backpressure'];
/** A view whose first data has not shown after this long is a result ("timed out"), not an error. */
export const FIRST_DATA_TIMEOUT_MS = 60_000;

/**
 * @typedef {object} Tools  run.mjs's helpers, handed in (run.mjs runs its main on import)
 * @property {(env: any, ui: Ui, opts?: any) => Promise<{ context: any, page: import('@playwright/test').Page, cdp: import('@playwright/test').CDPSession, net: any, close: () => Promise<void> }>} openSession
 * @property {(page: import('@playwright/test').Page, mark: string, timeout?: number) => Promise<Record<string, number>>} waitForMark
 * @property {(cdp: import('@playwright/test').CDPSession) => Promise<{ heapMB: number, domNodes: number }>} memory
 * @property {(values: number[]) => number | null} median
 * @property {(a: number | null | undefined, b: number | null | undefined) => number | null} ratio
 * @property {(n: number | null | undefined, digits?: number) => number | null} round
 * @property {(msg: string) => void} log
 * @property {(url: string) => Promise<any>} getJson
 * @property {<T>(what: string, fn: () => Promise<T>) => Promise<T | null>} measure
 */

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Where each UI shows a view of the scale job.
 * @param {{ oursUrl: string, theirsUrl: string, jobId: string, vertexId: string }} env @param {Ui} ui @param {RealView} view
 */
export function realViewUrl(env, ui, view) {
  const { jobId, vertexId } = env;
  if (ui === 'ours') {
    return view === 'graph'
      ? `${env.oursUrl}#/jobs/${jobId}/graph`
      : `${env.oursUrl}#/jobs/${jobId}/vertices/${vertexId}/${view}`;
  }
  // Flink's UI: the job's overview (its graph), with the vertex's drawer open on one tab.
  return view === 'graph'
    ? `${env.theirsUrl}#/job/running/${jobId}/overview`
    : `${env.theirsUrl}#/job/running/${jobId}/overview/${vertexId}/${view}`;
}

/** @param {Ui} ui @param {RealView} view @param {number} vertices @returns {{ kind: WatchKind, arg: number }} */
function condition(ui, view, vertices) {
  if (view === 'graph') return { kind: ui === 'ours' ? 'ours-graph' : 'theirs-graph', arg: vertices };
  return { kind: /** @type {WatchKind} */ (`${ui}-${view}`), arg: 1 };
}

/**
 * One cold load of a view: a new context, navigation, the time its first data was painted, and
 * the bytes of every request sent before then; `timedOut` when it did not show within the limit.
 * @param {Tools} t @param {any} env @param {Ui} ui @param {RealView} view
 */
async function coldLoad(t, env, ui, view) {
  const { kind, arg } = condition(ui, view, env.vertices);
  const s = await t.openSession(env, ui, { watch: [{ name: 'ttfd', kind, arg }] });
  try {
    await s.page.goto(realViewUrl(env, ui, view), { waitUntil: 'commit' });
    try {
      const marks = await t.waitForMark(s.page, 'ttfd:painted', FIRST_DATA_TIMEOUT_MS);
      const ttfd = marks['ttfd:painted'] ?? NaN;
      const bytes = await s.net.bytesUntil(ttfd);
      return { ttfdMs: t.round(ttfd, 0), timedOut: false, bytes: bytes.bytes, requests: bytes.requests };
    } catch (err) {
      if (!(err instanceof Error) || !/Timeout/i.test(err.name + err.message)) throw err;
      return { ttfdMs: null, timedOut: true, bytes: null, requests: s.net.requests.length };
    }
  } finally {
    await s.close();
  }
}

/**
 * A view left open: after its first data and a settling pause, every request for `windowMs`,
 * the refreshes in it (the request both UIs make once per refresh on the job's pages: the job's
 * details, `GET /jobs/<id>`), requests and bytes (as served) per refresh, and the longest
 * main-thread task that started in the window (the probe's long-task observer: tasks >= 50 ms).
 * @param {Tools} t @param {any} env @param {Ui} ui @param {RealView} view @param {number} windowMs
 */
async function idle(t, env, ui, view, windowMs) {
  const { kind, arg } = condition(ui, view, env.vertices);
  const s = await t.openSession(env, ui, { watch: [{ name: 'ttfd', kind, arg }] });
  try {
    await s.page.goto(realViewUrl(env, ui, view), { waitUntil: 'commit' });
    try {
      await t.waitForMark(s.page, 'ttfd:painted', FIRST_DATA_TIMEOUT_MS);
    } catch {
      return { timedOut: true };
    }
    await sleep(3000);
    const from = Date.now();
    const fromPerf = await s.page.evaluate(() => performance.now());
    await sleep(windowMs);
    const toPerf = await s.page.evaluate(() => performance.now());
    /** @type {any[]} */
    const inWindow = s.net.requests.filter(
      (/** @type {any} */ r) => r.at >= from && r.at < from + windowMs && !r.url.startsWith('data:'),
    );
    const deadline = Date.now() + 15_000;
    while (inWindow.some((r) => !r.done) && Date.now() < deadline) await sleep(50);
    const marker = new RegExp(`/jobs/${env.jobId}$`);
    const refreshes = inWindow.filter((r) => marker.test(new URL(r.url).pathname)).length;
    /** @type {Record<string, { requests: number, bytes: number }>} */
    const endpoints = {};
    for (const r of inWindow) {
      const p = new URL(r.url).pathname
        .replace(/^\/api\//, '/')
        .replace(/[0-9a-f]{32}/g, ':id')
        .replace(/\/\d+(?=\/|$)/g, '/:n');
      const e = (endpoints[p] ??= { requests: 0, bytes: 0 });
      e.requests += 1;
      e.bytes += r.encoded;
    }
    const bytes = inWindow.reduce((n, r) => n + r.encoded, 0);
    const decoded = inWindow.reduce((n, r) => n + r.decoded, 0);
    /** @type {{ start: number, duration: number }[]} */
    const tasks = await s.page.evaluate(() => [.../** @type {any} */ (window).__bench.longTasks]);
    const inside = tasks.filter((x) => x.start >= fromPerf && x.start <= toPerf);
    return {
      timedOut: false,
      windowSeconds: windowMs / 1000,
      requests: inWindow.length,
      refreshes,
      requestsPerRefresh: refreshes > 0 ? t.round(inWindow.length / refreshes, 2) : null,
      // The whole window too: a UI whose refresh waits for a slow answer counts fewer refreshes
      // in the same time, so its bytes per refresh rise while its bytes per minute do not.
      bytesInWindow: bytes,
      bytesPerRefresh: refreshes > 0 ? t.round(bytes / refreshes, 0) : null,
      decodedBytesPerRefresh: refreshes > 0 ? t.round(decoded / refreshes, 0) : null,
      longestTaskMs: t.round(Math.max(0, ...inside.map((x) => x.duration)), 0),
      longTasks: inside.length,
      endpoints,
    };
  } finally {
    await s.close();
  }
}

/**
 * Heap after forced GC and DOM nodes, at the start and the end of a stay on the subtasks view.
 * @param {Tools} t @param {any} env @param {Ui} ui @param {number} minutes
 */
async function stay(t, env, ui, minutes) {
  const { kind, arg } = condition(ui, 'subtasks', env.vertices);
  const s = await t.openSession(env, ui, { watch: [{ name: 'ttfd', kind, arg }] });
  try {
    await s.cdp.send('Performance.enable');
    await s.page.goto(realViewUrl(env, ui, 'subtasks'), { waitUntil: 'commit' });
    try {
      await t.waitForMark(s.page, 'ttfd:painted', FIRST_DATA_TIMEOUT_MS);
    } catch {
      return { timedOut: true };
    }
    await sleep(3000);
    const start = await t.memory(s.cdp);
    await sleep(minutes * 60_000);
    const end = await t.memory(s.cdp);
    return {
      timedOut: false,
      minutes: t.round(minutes, 2),
      start,
      end,
      heapGrowthMB: t.round(end.heapMB - start.heapMB, 2),
      domNodes: end.domNodes,
    };
  } finally {
    await s.close();
  }
}

/**
 * The whole section: the scale cluster (reused, or started and stopped again), nginx in front of
 * it for ours, then the measurements. Returns figures for run.mjs's report and JSON line.
 * @param {{ smoke: boolean, runs: number, windowSeconds: number, stayMinutes: number | null, views?: string[] | null }} opts
 * @param {{ browser: import('@playwright/test').Browser, dist: string, cleanups: (() => unknown)[], tools: Tools }} ctx
 */
export async function scaleRealSection(opts, ctx) {
  const t = ctx.tools;
  const unknown = (opts.views ?? []).filter((v) => !REAL_VIEWS.includes(/** @type {RealView} */ (v)));
  if (unknown.length > 0)
    throw new Error(`--scale-views: unknown ${unknown.join(', ')} (views: ${REAL_VIEWS.join(', ')})`);
  /** @type {readonly RealView[]} A shorter run re-measures some views (the report shows the others as –). */
  const views = opts.views ? REAL_VIEWS.filter((v) => opts.views?.includes(v)) : REAL_VIEWS;
  const settings = sandboxSettings();
  const parallelism = opts.smoke && !process.env.SCALE_PARALLELISM ? 16 : scaleParallelism();
  const before = readScaleState(settings.port);
  const upStarted = Date.now();
  const state = await upScale({ port: settings.port, flinkVersion: settings.flinkVersion, parallelism });
  const upSeconds = t.round((Date.now() - upStarted) / 1000, 0);
  if (!before || before.startedAt !== state.startedAt) ctx.cleanups.push(() => downScale(settings.port));
  const flink = state.url.replace(/\/$/, '');
  const jobId = state.scale.jobId;
  const job = await t.getJson(`${flink}/jobs/${jobId}`);
  /** @type {{ id: string, name: string, parallelism: number }[]} */
  const vertices = job.vertices;
  const vertex = vertices.find((v) => v.name.includes('revenue')) ?? vertices[1] ?? vertices[0];
  if (!vertex) throw new Error('the scale job has no vertices');
  const flinkConfig = await t.getJson(`${flink}/config`);
  const nginx = await startNginx({ dist: ctx.dist, jobManager: flink });
  ctx.cleanups.push(() => nginx.stop());
  t.log(
    `scale: job ${jobId} (${job.name}), ${vertices.length} vertices, vertex "${vertex.name}" x ${vertex.parallelism}; ours at ${nginx.url}, theirs at ${flink}/`,
  );
  const env = {
    browser: ctx.browser,
    oursUrl: nginx.url,
    theirsUrl: `${flink}/`,
    credentials: { username: nginx.user, password: nginx.password },
    jobId,
    vertexId: vertex.id,
    vertices: vertices.length,
  };

  /** @type {Record<string, any>} */
  const ours = {};
  /** @type {Record<string, any>} */
  const theirs = {};
  const side = (/** @type {Ui} */ ui) => (ui === 'ours' ? ours : theirs);
  const cap = (/** @type {string} */ v) => v.charAt(0).toUpperCase() + v.slice(1);

  // Time to first data, alternating ours / theirs, cold each time.
  for (const view of views) {
    /** @type {Record<Ui, any[]>} */
    const runs = { ours: [], theirs: [] };
    for (let i = 0; i < opts.runs; i += 1) {
      for (const ui of /** @type {const} */ (['ours', 'theirs'])) {
        const r = await t.measure(`scale ${ui} ${view} cold load ${i + 1}`, () => coldLoad(t, env, ui, view));
        if (r) runs[ui].push(r);
        t.log(
          `scale ${view} run ${i + 1} ${ui}: ${r ? (r.timedOut ? `timed out after ${FIRST_DATA_TIMEOUT_MS / 1000} s` : `${r.ttfdMs} ms, ${r.bytes} B in ${r.requests} requests`) : 'failed'}`,
        );
      }
    }
    for (const ui of /** @type {const} */ (['ours', 'theirs'])) {
      const list = runs[ui];
      const done = list.filter((r) => !r.timedOut);
      const o = side(ui);
      o[`ttfd${cap(view)}`] = done.length > list.length / 2 ? t.median(done.map((r) => r.ttfdMs)) : null;
      o[`bytes${cap(view)}`] = done.length > 0 ? t.median(done.map((r) => r.bytes)) : null;
      o.timedOut = { ...(o.timedOut ?? {}), [view]: list.filter((r) => r.timedOut).length };
      o.runs = { ...(o.runs ?? {}), [`ttfd${cap(view)}`]: list.map((r) => (r.timedOut ? 'timeout' : r.ttfdMs)) };
    }
  }

  // Requests and bytes per refresh while idle, and the longest main-thread task.
  for (const view of views) {
    for (const ui of /** @type {const} */ (['ours', 'theirs'])) {
      const r = await t.measure(`scale ${ui} ${view} idle`, () => idle(t, env, ui, view, opts.windowSeconds * 1000));
      const o = side(ui);
      o.idle = { ...(o.idle ?? {}), [view]: r };
      t.log(
        `scale idle ${view} ${ui}: ${r ? (r.timedOut ? 'timed out' : `${r.requests} requests, ${r.refreshes} refreshes, ${r.bytesPerRefresh} B/refresh, longest task ${r.longestTaskMs} ms`) : 'failed'}`,
      );
    }
  }

  // Heap after GC after a stay on the subtasks view: both at once, in separate renderer processes.
  const minutes = views.includes('subtasks') ? (opts.stayMinutes ?? (opts.smoke ? 20 / 60 : 5)) : 0;
  if (minutes > 0) {
    t.log(`scale: ${t.round(minutes, 2)} min on the subtasks view, ours and theirs at once`);
    const [o, th] = await Promise.all([
      t.measure('scale ours stay on subtasks', () => stay(t, env, 'ours', minutes)),
      t.measure('scale theirs stay on subtasks', () => stay(t, env, 'theirs', minutes)),
    ]);
    ours.stay = o;
    theirs.stay = th;
  }

  for (const ui of /** @type {const} */ (['ours', 'theirs'])) {
    const s = side(ui);
    for (const view of REAL_VIEWS) {
      const r = s.idle?.[view];
      s[`requestsPerRefresh${cap(view)}`] = r?.requestsPerRefresh ?? null;
      s[`bytesPerRefresh${cap(view)}`] = r?.bytesPerRefresh ?? null;
      s[`bytesInWindow${cap(view)}`] = r?.bytesInWindow ?? null;
      s[`longestTask${cap(view)}Ms`] = r?.longestTaskMs ?? null;
    }
    s.heapAfterStayMB = s.stay?.end?.heapMB ?? null;
  }

  return {
    parallelism: vertex.parallelism,
    setup: {
      flinkVersion: state.flinkVersion,
      url: flink,
      jobId,
      jobName: job.name ?? scaleJobName(parallelism),
      vertices: vertices.map((v) => ({ name: v.name, parallelism: v.parallelism })),
      measuredVertex: vertex.name,
      tasks: vertices.reduce((n, v) => n + v.parallelism, 0),
      refreshIntervalMs: flinkConfig['refresh-interval'] ?? null,
      clusterUpSeconds: upSeconds,
      clusterReused: !!before && before.startedAt === state.startedAt,
      firstDataTimeoutSeconds: FIRST_DATA_TIMEOUT_MS / 1000,
      stayMinutes: t.round(minutes, 2),
      runsEach: opts.runs,
      idleWindowSeconds: opts.windowSeconds,
    },
    ours,
    theirs,
  };
}

/**
 * The ratio keys (ours / Flink's) for the JSON line. A view where Flink's UI timed out has no
 * ratio (null); the report says "timed out" instead.
 * @param {any} real @param {Tools['ratio']} ratio
 */
export function scaleRealRatios(real, ratio) {
  const o = real?.ours ?? {};
  const th = real?.theirs ?? {};
  return {
    ttfdGraph512: ratio(o.ttfdGraph, th.ttfdGraph),
    ttfdSubtasks512: ratio(o.ttfdSubtasks, th.ttfdSubtasks),
    ttfdWatermarks512: ratio(o.ttfdWatermarks, th.ttfdWatermarks),
    ttfdBackpressure512: ratio(o.ttfdBackpressure, th.ttfdBackpressure),
    bytesPerRefresh512: ratio(o.bytesPerRefreshSubtasks, th.bytesPerRefreshSubtasks),
    bytesPerRefresh512Graph: ratio(o.bytesPerRefreshGraph, th.bytesPerRefreshGraph),
    bytesPerRefresh512Watermarks: ratio(o.bytesPerRefreshWatermarks, th.bytesPerRefreshWatermarks),
    bytesPerRefresh512Backpressure: ratio(o.bytesPerRefreshBackpressure, th.bytesPerRefreshBackpressure),
    bytesInWindow512Graph: ratio(o.bytesInWindowGraph, th.bytesInWindowGraph),
    bytesInWindow512Subtasks: ratio(o.bytesInWindowSubtasks, th.bytesInWindowSubtasks),
    bytesInWindow512Watermarks: ratio(o.bytesInWindowWatermarks, th.bytesInWindowWatermarks),
    bytesInWindow512Backpressure: ratio(o.bytesInWindowBackpressure, th.bytesInWindowBackpressure),
  };
}

/**
 * The report's table for the section.
 * @param {any} real @param {any} ratios
 * @param {{ cell: (v: unknown) => string, table: (rows: string[][]) => string, verdict: (v: number | null | undefined, op: '<=' | '<', limit: number) => string, round: Tools['round'], smoke: boolean }} f
 */
export function scaleRealReport(real, ratios, f) {
  const o = real.ours;
  const th = real.theirs;
  const p = real.parallelism;
  const kb = (/** @type {number | null | undefined} */ b) => (b == null ? null : f.round(b / 1024, 1));
  const judge = (/** @type {number | null | undefined} */ v, /** @type {number} */ limit) =>
    f.smoke ? '(smoke)' : f.verdict(v, '<=', limit);
  const timeout = `timed out after ${real.setup.firstDataTimeoutSeconds} s`;
  const ttfd = (/** @type {any} */ s, /** @type {RealView} */ view) => {
    const key = `ttfd${view.charAt(0).toUpperCase()}${view.slice(1)}`;
    return s[key] == null && (s.timedOut?.[view] ?? 0) > 0 ? timeout : f.cell(s[key]);
  };
  const idleCell = (
    /** @type {any} */ s,
    /** @type {RealView} */ view,
    /** @type {string} */ field,
    /** @type {(v: any) => unknown} */ fmt = (v) => v,
  ) => {
    const r = s.idle?.[view];
    if (r?.timedOut) return timeout;
    return f.cell(fmt(r?.[field]));
  };
  const labels = { graph: 'job graph', subtasks: 'subtasks', watermarks: 'watermarks', backpressure: 'back pressure' };
  const out = [];
  out.push(
    `scale, a real job: "${real.setup.jobName}" (${real.setup.vertices.map((/** @type {any} */ v) => `${v.name} x${v.parallelism}`).join(' -> ')}; ${real.setup.tasks} tasks), vertex views on "${real.setup.measuredVertex}"; Flink ${real.setup.flinkVersion} at ${real.setup.url}`,
  );
  out.push(
    `medians of ${real.setup.runsEach} cold runs each, alternating; idle window ${real.setup.idleWindowSeconds} s; first data given up after ${real.setup.firstDataTimeoutSeconds} s; ${real.setup.stayMinutes > 0 ? `stay ${real.setup.stayMinutes} min` : 'no stay (no subtasks view)'}`,
  );
  const rows = [['metric', 'ours', 'theirs', 'ours/theirs', 'target', 'verdict']];
  const ratioKey = {
    graph: 'ttfdGraph512',
    subtasks: 'ttfdSubtasks512',
    watermarks: 'ttfdWatermarks512',
    backpressure: 'ttfdBackpressure512',
  };
  for (const view of REAL_VIEWS) {
    const q = ratios[ratioKey[view]];
    rows.push([
      `${labels[view]} (p ${p}): ms to first data`,
      ttfd(o, view),
      ttfd(th, view),
      f.cell(q),
      '<= 0.5',
      judge(q, 0.5),
    ]);
  }
  for (const view of REAL_VIEWS) {
    rows.push([
      `${labels[view]} idle: requests / refresh`,
      idleCell(o, view, 'requestsPerRefresh'),
      idleCell(th, view, 'requestsPerRefresh'),
      '',
      'flat in p',
      '',
    ]);
    const key =
      view === 'subtasks' ? 'bytesPerRefresh512' : `bytesPerRefresh512${view.charAt(0).toUpperCase()}${view.slice(1)}`;
    const q = ratios[key];
    rows.push([
      `${labels[view]} idle: KiB / refresh (as served)`,
      idleCell(o, view, 'bytesPerRefresh', kb),
      idleCell(th, view, 'bytesPerRefresh', kb),
      f.cell(q),
      '<= 0.3',
      judge(q, 0.3),
    ]);
    rows.push([
      `${labels[view]} idle: KiB in the whole window (as served)`,
      idleCell(o, view, 'bytesInWindow', kb),
      idleCell(th, view, 'bytesInWindow', kb),
      f.cell(ratios[`bytesInWindow512${view.charAt(0).toUpperCase()}${view.slice(1)}`]),
      '',
      '',
    ]);
    rows.push([
      `${labels[view]} idle: longest main-thread task ms`,
      idleCell(o, view, 'longestTaskMs'),
      idleCell(th, view, 'longestTaskMs'),
      '',
      '',
      '',
    ]);
  }
  const stayCell = (/** @type {any} */ s, /** @type {string} */ field) =>
    s?.timedOut ? timeout : f.cell(field === 'start' ? s?.start?.heapMB : s?.end?.heapMB);
  rows.push([
    `subtasks stay: heap MB after GC, start`,
    stayCell(o.stay, 'start'),
    stayCell(th.stay, 'start'),
    '',
    '',
    '',
  ]);
  rows.push([
    `subtasks stay: heap MB after GC, after ${real.setup.stayMinutes} min`,
    stayCell(o.stay, 'end'),
    stayCell(th.stay, 'end'),
    '',
    '',
    '',
  ]);
  rows.push([`subtasks stay: DOM nodes at the end`, f.cell(o.stay?.domNodes), f.cell(th.stay?.domNodes), '', '', '']);
  out.push(f.table(rows));
  return out.join('\n');
}
