// @ts-check
// Time to first data on a slow network (issue 17): the overview and the wide job's graph with the
// page's network throttled through the DevTools protocol (`Network.emulateNetworkConditions`:
// 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency, DevTools' "slow 4G"-like mobile profile), ours
// and Flink's UI alternating, each run a new browser context (cold cache), against the real
// sandbox, with the same in-page probes as the unthrottled time to first data.

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').CDPSession} CDPSession */
/** @typedef {'ours' | 'theirs'} Ui */

export const SLOW_NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};
export const SLOW_NETWORK_LABEL = '1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT (CDP Network.emulateNetworkConditions)';

/**
 * What the slow-network measurement borrows from run.mjs.
 * @typedef {object} SlowHarness
 * @property {(ui: Ui, opts: { watch: { name: string, kind: any, arg: number }[] }) => Promise<{ page: Page, cdp: CDPSession, net: { requests: { url: string, type: string, ts: number, encoded: number, done: boolean }[], bytesUntil: (ms: number) => Promise<{ bytes: number, requests: number, byType: Record<string, { requests: number, bytes: number }> }> }, close: () => Promise<void> }>} open
 * @property {(ui: Ui, view: 'overview' | 'graph') => string} url
 * @property {(page: Page, mark: string, timeout?: number) => Promise<Record<string, number>>} waitForMark
 * @property {number} graphNodes vertices of the wide job
 */

/**
 * One cold load on the throttled network; the requests before first data, in the order sent,
 * with their start and size (the request waterfall).
 * @param {SlowHarness} h @param {Ui} ui @param {'overview' | 'graph'} view
 */
export async function slowColdLoad(h, ui, view) {
  const kind = `${ui}-${view}`;
  const s = await h.open(ui, { watch: [{ name: 'ttfd', kind, arg: view === 'graph' ? h.graphNodes : 1 }] });
  try {
    await s.cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
    await s.page.goto(h.url(ui, view), { waitUntil: 'commit', timeout: 120_000 });
    const marks = await h.waitForMark(s.page, 'ttfd:painted', 180_000);
    const ttfd = marks['ttfd:painted'] ?? NaN;
    const bytes = await s.net.bytesUntil(ttfd);
    const doc = s.net.requests.find((r) => r.type === 'Document');
    const waterfall = s.net.requests
      .filter((r) => doc && !r.url.startsWith('data:') && (r.ts - doc.ts) * 1000 <= ttfd)
      .map((r) => ({
        atMs: doc ? Math.round((r.ts - doc.ts) * 1000) : null,
        type: r.type,
        path: new URL(r.url).pathname.replace(/[0-9a-f]{32}/g, ':id'),
        bytes: r.encoded,
      }));
    return { ttfdMs: Math.round(ttfd), bytes: bytes.bytes, requests: bytes.requests, waterfall };
  } finally {
    await s.close();
  }
}

/**
 * `runs` cold loads of each view, ours and theirs alternating; a load that fails or times out is
 * recorded as such (Flink's UI on a slow link is a result, not an error).
 * @param {SlowHarness} h @param {number} runs @param {(msg: string) => void} log
 * @param {readonly ('overview' | 'graph')[]} [views] the smoke measures the overview only (Flink's
 *   UI takes 20 s and more to draw the graph on this link)
 */
export async function measureSlowNetwork(h, runs, log, views = ['overview', 'graph']) {
  /** @type {Record<string, Record<Ui, any[]>>} */
  const out = { overview: { ours: [], theirs: [] }, graph: { ours: [], theirs: [] } };
  for (const view of views) {
    for (let i = 0; i < runs; i += 1) {
      for (const ui of /** @type {const} */ (['ours', 'theirs'])) {
        try {
          const r = await slowColdLoad(h, ui, view);
          out[view]?.[ui].push(r);
          log(`slow network ${view} run ${i + 1} ${ui}: ${r.ttfdMs} ms, ${r.bytes} B in ${r.requests} requests`);
        } catch (err) {
          const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
          out[view]?.[ui].push({ ttfdMs: null, failed: message });
          log(`slow network ${view} run ${i + 1} ${ui}: failed (${message})`);
        }
      }
    }
  }
  return out;
}
