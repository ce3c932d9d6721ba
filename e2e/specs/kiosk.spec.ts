import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { demoJob } from '../sandbox/demo-jobs.mjs';
import { killProcess, restartProcess, startBreakableSandbox } from '../faults/cluster';
import { down, readState } from '../sandbox/sandbox.mjs';
import { ownSandboxPort, sharedFlinkVersion } from '../support/flink';
import type { RunningNginx } from '../support/nginx.mjs';

// Kiosk mode against its own Flink sandbox (this spec stops its JobManager), behind the example
// nginx configuration with basic auth: the rotation through its views, no controls and no
// on-demand sampling, the health wall's tiles, and an unattended screen that shows stale data
// with its time while the JobManager is gone and recovers by itself when it is back.

const PORT = ownSandboxPort(60);
const SAMPLING = /\/(flamegraph|thread-dump|backpressure)\b/;

let nginx: RunningNginx;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  ({ nginx } = await startBreakableSandbox(PORT, { prefixes: ['/wall/'] }));
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await nginx?.stop();
  // The restarted JobManager is in the sandbox's state (restartProcess), so this stops it too.
  await down(PORT);
});

function sandbox() {
  const state = readState(PORT);
  if (!state?.jobIds) throw new Error(`no sandbox state on port ${PORT}`);
  return { ...state, jobIds: state.jobIds };
}

function jobId(key: Parameters<typeof demoJob>[0]): string {
  const id = sandbox().jobIds[key];
  if (!id) throw new Error(`no job id for ${key}`);
  return id;
}

function siteUrl(): string {
  const site = nginx.sites[0];
  if (!site) throw new Error('nginx has no site');
  return site.url;
}

interface Watched {
  page: Page;
  context: BrowserContext;
  /** `VERB path` of every API request, with the time it was sent. */
  requests: { at: number; verb: string; path: string }[];
  pageErrors: string[];
}

/** A browser page on the wall, with the deployment's config.json answered by `kiosk` settings. */
async function openKiosk(browser: Browser, kiosk: Record<string, unknown> | null): Promise<Watched> {
  const context = await browser.newContext({
    httpCredentials: { username: nginx.user, password: nginx.password },
    viewport: { width: 1920, height: 1080 },
  });
  const page = await context.newPage();
  const watched: Watched = { page, context, requests: [], pageErrors: [] };
  page.on('pageerror', (e) => watched.pageErrors.push(e.message));
  page.on('dialog', (d) => {
    watched.pageErrors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    const m = /\/api(\/.*)$/.exec(r.url());
    if (m?.[1]) watched.requests.push({ at: Date.now(), verb: r.method(), path: m[1] });
  });
  if (kiosk) {
    // The dashboard's own runtime configuration (config.json beside index.html).
    await page.route('**/config.json', (route) =>
      route.fulfill({ json: { apiBase: 'api/', clusterName: 'Kiosk sandbox', kiosk } }),
    );
  }
  return watched;
}

/** The tile of one job on the wall. */
function tile(page: Page, name: string) {
  return page.locator('.wall-tile').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
}

async function expectNoControls(page: Page, where: string): Promise<void> {
  await expect(page.getByRole('navigation'), `no navigation on ${where}`).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: /cancel|stop|savepoint|upload|run|delete|trigger|rescale/i }),
    `no action on ${where}`,
  ).toHaveCount(0);
  await expect(page.getByRole('button'), `no button at all on ${where}`).toHaveCount(0);
  await expect(page.getByRole('combobox'), `no select on ${where}`).toHaveCount(0);
}

test('rotates through its views with no controls and no sampling requests', async ({ browser }) => {
  test.setTimeout(300_000);
  const w = await openKiosk(browser, { rotateSeconds: 6, refreshIntervalMs: 2000 });
  const { page } = w;
  const running = ['eventTime', 'backpressure', 'flaky', 'wide', 'failingCheckpoints', 'hostile'] as const;
  const wanted = new Set([
    '#/kiosk',
    '#/',
    ...running.map((k) => `#/jobs/${jobId(k)}/graph`),
    `#/jobs/${jobId('failingCheckpoints')}/checkpoints`,
  ]);
  const visited: string[] = [];

  await page.goto(`${siteUrl()}?kiosk#/kiosk`);
  await expect(page.getByRole('heading', { name: 'Health wall' })).toBeVisible();
  await expect(page.getByTestId('kiosk-countdown')).toHaveText(/^Next: .+ in \d+ s$/);
  await expect(page.getByTestId('kiosk-updated')).toHaveText(/^Updated \d+ s ago$/, { timeout: 20_000 });

  const deadline = Date.now() + 240_000;
  let hash = '';
  while (![...wanted].every((h) => visited.includes(h)) && Date.now() < deadline) {
    await page.waitForFunction((prev) => window.location.hash !== prev, hash, { timeout: 30_000 });
    hash = await page.evaluate(() => window.location.hash);
    visited.push(hash);
    await expect(page.locator('main h1').first()).toBeVisible();
    await expectNoControls(page, hash);
    if (hash === '#/kiosk') {
      // Charts of the views before were disposed with them: none is left on the wall.
      await expect(page.locator('main canvas')).toHaveCount(0);
    }
  }
  expect(
    [...wanted].filter((h) => !visited.includes(h)),
    `views never shown (shown: ${visited.join(' ')})`,
  ).toEqual([]);
  // The rotation replaces the history entry: nothing grows while it runs for days.
  expect(await page.evaluate(() => window.history.length)).toBeLessThanOrEqual(2);

  const sampling = w.requests.filter((r) => SAMPLING.test(r.path)).map((r) => r.path);
  expect(sampling, 'no on-demand sampling request').toEqual([]);
  expect(
    w.requests.filter((r) => r.verb !== 'GET').map((r) => `${r.verb} ${r.path}`),
    'only GET requests',
  ).toEqual([]);
  expect(w.pageErrors).toEqual([]);
  await w.context.close();
});

test('the health wall shows every demo job with its colour and the reason in words', async ({ browser }) => {
  test.setTimeout(300_000);
  const w = await openKiosk(browser, { rotateSeconds: 0, refreshIntervalMs: 2000 });
  const { page } = w;
  await page.goto(`${siteUrl()}?kiosk#/kiosk`);
  await expect(page.getByRole('heading', { name: 'Health wall' })).toBeVisible();
  await expectNoControls(page, 'the wall');

  const running = page.getByRole('list', { name: 'Jobs', exact: true });
  for (const key of ['eventTime', 'backpressure', 'flaky', 'wide', 'failingCheckpoints', 'hostile'] as const) {
    await expect(running.locator('.wall-tile').filter({ hasText: demoJob(key).name })).toHaveCount(1);
  }
  const ended = page.getByRole('list', { name: 'Ended jobs', exact: true });
  await expect(ended.locator('.wall-tile').filter({ hasText: demoJob('bounded').name })).toContainText('FINISHED');
  await expect(ended.locator('.wall-tile').filter({ hasText: demoJob('cancelMe').name })).toContainText('CANCELED');

  // The flaky job fails every 30 s and restarts.
  const flaky = tile(page, demoJob('flaky').name);
  await expect(flaky).toHaveAttribute('data-health', /^(warn|bad)$/, { timeout: 120_000 });
  await expect(flaky.getByRole('listitem').first()).toHaveText(
    /^restarting: \d+ restarts? in the last (minute|\d+ min)/,
  );
  // The backpressured pipeline's source waits on its slow operator nearly all the time.
  const backpressured = tile(page, demoJob('backpressure').name);
  await expect(backpressured).toHaveAttribute('data-health', 'warn', { timeout: 60_000 });
  await expect(backpressured.getByRole('listitem')).toHaveText([/^back-pressured \d+% at Source: Fast event source/]);
  // Every third checkpoint of this job expires.
  const failing = tile(page, demoJob('failingCheckpoints').name);
  await expect(failing).toHaveAttribute('data-health', /^(warn|bad)$/, { timeout: 60_000 });
  await expect(failing.getByRole('listitem').first()).toHaveText(/checkpoints? failed/);
  await expect(tile(page, demoJob('eventTime').name)).toHaveAttribute('data-health', 'ok');
  await expect(tile(page, demoJob('eventTime').name)).toContainText('Healthy');

  // Cluster: two task managers, slots.
  await expect(page.locator('.wall-stat', { hasText: 'Task managers' }).locator('dd')).toHaveText('2');
  await expect(page.locator('.wall-stat', { hasText: 'Slots free' }).locator('dd')).toHaveText(/^\d+ of 12$/);

  // Hostile names are text: nothing from them became an element.
  await expect(tile(page, demoJob('hostile').name)).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(w.pageErrors).toEqual([]);
  await w.context.close();
});

test('polls the wall with few requests at the kiosk default rate', async ({ browser }) => {
  test.setTimeout(180_000);
  // The default kiosk settings (config.json without a kiosk block): a 10 s poll.
  const w = await openKiosk(browser, null);
  const { page } = w;
  await page.goto(`${siteUrl()}?kiosk&rotate=0#/kiosk`);
  await expect(page.locator('.wall-tile').first()).toBeVisible();
  await page.waitForTimeout(12_000);
  const from = Date.now();
  await page.waitForTimeout(60_000);
  const inMinute = w.requests.filter((r) => r.at >= from && r.at < from + 60_000);
  const active = 6;
  // Per poll: /jobs/overview, /overview, and per running job its details and checkpoint counts;
  // on Flink 2.3+ also /applications/overview (the wall counts applications where there are any).
  const applications = !sharedFlinkVersion().startsWith('1.');
  const perPoll = 2 + 2 * active + (applications ? 1 : 0);
  test.info().annotations.push({
    type: `kiosk requests per minute (wall, ${active} running jobs, 10 s poll)`,
    description: String(inMinute.length),
  });
  expect(inMinute.length).toBeLessThanOrEqual(7 * perPoll);
  expect(inMinute.length).toBeGreaterThanOrEqual(5 * perPoll);
  const kinds = new Set(inMinute.map((r) => r.path.replace(/[0-9a-f]{32}/g, ':id')));
  expect([...kinds].sort()).toEqual([
    ...(applications ? ['/applications/overview'] : []),
    '/jobs/:id',
    '/jobs/:id/checkpoints',
    '/jobs/overview',
    '/overview',
  ]);
  expect(w.pageErrors).toEqual([]);
  await w.context.close();
});

test('shows stale data with its time while the JobManager is gone, and recovers without a reload', async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const w = await openKiosk(browser, { rotateSeconds: 0, refreshIntervalMs: 2000 });
  const { page } = w;
  await page.goto(`${siteUrl()}?kiosk#/kiosk`);
  await expect(tile(page, demoJob('eventTime').name)).toBeVisible();
  await expect(page.getByTestId('kiosk-updated')).toHaveText(/^Updated \d+ s ago$/, { timeout: 20_000 });
  await page.evaluate(() => ((window as unknown as { __sinceLoad?: boolean }).__sinceLoad = true));

  const killedAt = Date.now();
  await killProcess(PORT, 'jobmanager');

  const banner = page.getByRole('alert');
  await expect(banner).toContainText(/Stale since \d{2}:\d{2}:\d{2}/, { timeout: 60_000 });
  await expect(banner).toContainText(/recovers by itself/);
  await expect(page.getByTestId('kiosk-updated')).toHaveText(/^Stale since \d{2}:\d{2}:\d{2}$/);
  // The last good data stays on screen, dimmed.
  await expect(tile(page, demoJob('eventTime').name)).toBeVisible();
  await expect(page.locator('main')).toHaveClass(/stale/);

  // Polling backs off while nobody answers: fewer requests late in the outage than early on.
  await page.waitForTimeout(Math.max(0, killedAt + 40_000 - Date.now()));
  const overviewPolls = (from: number, to: number) =>
    w.requests.filter((r) => r.path === '/jobs/overview' && r.at >= killedAt + from && r.at < killedAt + to).length;
  const early = overviewPolls(0, 12_000);
  const late = overviewPolls(28_000, 40_000);
  test.info().annotations.push({
    type: 'polls of /jobs/overview during the outage',
    description: `first 12 s: ${early}, 28-40 s: ${late}`,
  });
  expect(late).toBeLessThan(early);
  await expect(banner).toContainText(/Stale since/);

  restartProcess(PORT, 'jobmanager');
  await expect(banner).toHaveCount(0, { timeout: 180_000 });
  await expect(page.getByTestId('kiosk-updated')).toHaveText(/^Updated \d+ s ago$/);
  await expect(page.locator('main')).not.toHaveClass(/stale/);
  // The same page, never reloaded.
  expect(await page.evaluate(() => (window as unknown as { __sinceLoad?: boolean }).__sinceLoad)).toBe(true);
  // The new JobManager's task managers come back (a session cluster without HA starts with no jobs).
  await expect(page.locator('.wall-stat', { hasText: 'Task managers' }).locator('dd')).toHaveText(/^\d+$/, {
    timeout: 60_000,
  });
  expect(w.pageErrors).toEqual([]);
  await w.context.close();
});
