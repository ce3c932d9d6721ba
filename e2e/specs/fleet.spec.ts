import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { down, isAlive, readState, spawnDetached, up } from '../sandbox/sandbox.mjs';
import { demoJob, demoJobs } from '../sandbox/demo-jobs.mjs';
import { watchPage } from '../support/csp';
import { ownSandboxPort, sharedFlinkVersion } from '../support/flink';
import { startFleetProxy, type RunningFleetProxy } from '../support/fleet-proxy.mjs';

// The fleet views behind the fleet nginx example: a sandbox of this spec's own (it kills a
// JobManager: never the shared one), its adaptive-scheduler cluster and its History Server, each
// under `api/<cluster>/`. FLEET_SANDBOX_PORT picks the port (default: the shared one's + 75).

const port = Number(process.env.FLEET_SANDBOX_PORT ?? ownSandboxPort(75));
const MAIN = { id: 'main', name: 'Main cluster' };
const SECOND = { id: 'second', name: 'Second cluster' };
const HS = { id: 'archive', name: 'Job archive' };

type State = NonNullable<ReturnType<typeof readState>>;
let state: State;
let proxy: RunningFleetProxy;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

test.beforeAll(async () => {
  test.setTimeout(900_000); // a sandbox of its own and a private production build, on a busy machine
  // Always fresh: a recorded one may be left from a run that killed its adaptive JobManager.
  await down(port);
  await up({ port, flinkVersion: sharedFlinkVersion(), versionRequested: false, adaptive: true, historyServer: true });
  const s = readState(port);
  if (!s?.adaptive || !s.historyServer)
    throw new Error(`the sandbox on ${port} has no adaptive cluster or History Server`);
  state = s;
  proxy = await startFleetProxy({
    clusters: [
      { ...MAIN, upstream: s.url },
      { ...SECOND, upstream: s.adaptive.url },
      { ...HS, upstream: s.historyServer.url, kind: 'history' },
    ],
    // A kiosk's rotation in each cluster is that cluster's wall alone: the last step goes round the fleet quickly.
    config: { kiosk: { views: ['wall'] } },
  });
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await proxy?.stop();
  // The restarted JobManager is in the state file (restartAdaptiveJobManager), so this stops it too.
  await down(port);
});

/** The adaptive cluster's JobManager: SIGKILL, then started again with its recorded argv. */
function adaptiveJobManager(): { pid: number; argv?: string[]; logFile: string } {
  const p = readState(port)?.adaptive?.processes.find((x) => x.role === 'adaptive-jobmanager');
  if (!p) throw new Error('no adaptive-jobmanager recorded');
  return p;
}

function restartAdaptiveJobManager(): void {
  const p = adaptiveJobManager();
  if (!p.argv) throw new Error('the adaptive JobManager has no recorded argv');
  const pid = spawnDetached(p.argv, p.logFile.replace(/\.log$/, '.out'));
  const file = path.join(state.runDir, 'sandbox.json');
  const current = JSON.parse(readFileSync(file, 'utf8')) as State;
  if (current.adaptive) {
    current.adaptive.processes = current.adaptive.processes.map((x) =>
      x.role === 'adaptive-jobmanager' ? { ...x, pid } : x,
    );
  }
  writeFileSync(file, JSON.stringify(current, null, 2));
}

const clusterRow = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Clusters' }).getByRole('row', { name: new RegExp(`^${name}`) });

test('fleet: overview, a JobManager killed and back, the wall, the History Server, deep links', async ({ page }) => {
  test.setTimeout(600_000);
  const problems = await watchPage(page);
  const requests: { at: number; url: string }[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/api/')) requests.push({ at: Date.now(), url: req.url() });
  });
  const mainJobs = (await json<{ jobs: { name: string; state: string }[] }>(`${state.url}/jobs/overview`)).jobs;
  const secondJobs = (await json<{ jobs: { name: string; state: string }[] }>(`${state.adaptive?.url}/jobs/overview`))
    .jobs;
  const jobsRegion = page.getByRole('region', { name: 'Jobs of all clusters' });

  await test.step('the fleet overview shows both live clusters and their jobs', async () => {
    await page.goto(`${proxy.url}#/fleet`);
    for (const c of [MAIN, SECOND]) {
      await expect(clusterRow(page, c.name)).toContainText('Reachable', { timeout: 60_000 });
    }
    await expect(clusterRow(page, HS.name)).toContainText('History Server');
    for (const job of [mainJobs.find((j) => j.state === 'RUNNING'), secondJobs[0]]) {
      await expect(jobsRegion.getByRole('link', { name: job?.name, exact: true }).first()).toBeVisible();
    }
    // The job lists were decoded in their worker, under the proxy's strict CSP and Trusted Types
    // (a worker refused there would leave the page decoding them itself, and a violation).
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toContainEqual(
      expect.stringMatching(/\/assets\/job-list-worker-[\w-]+\.js$/),
    );
    // The cross-cluster search, kept in the URL.
    const wanted = secondJobs[0]?.name ?? '';
    await jobsRegion.getByRole('searchbox').fill(SECOND.name);
    await expect(page).toHaveURL(/[?&]q=Second/);
    // The URL changes a moment before the table re-renders: wait for the filtered rows first (a
    // retried count), then the link (strict: one only).
    await expect(jobsRegion.getByRole('row')).toHaveCount(secondJobs.length + 1);
    await expect(jobsRegion.getByRole('link', { name: wanted, exact: true })).toBeVisible();
    await jobsRegion.getByRole('searchbox').fill('');
  });

  await test.step('requests per minute at the default refresh (3 clusters)', async () => {
    const from = Date.now();
    await sleep(30_000);
    const n = requests.filter((r) => r.at >= from).length;
    test.info().annotations.push({ type: 'fleet requests per minute', description: String(n * 2) });
    console.log(`[fleet] requests in 30 s: ${n} (${n * 2}/min); by path:`, [
      ...new Set(requests.filter((r) => r.at >= from).map((r) => new URL(r.url).pathname)),
    ]);
  });

  await test.step("the second cluster's JobManager killed: its row says unreachable, the first keeps updating", async () => {
    const mainUpdated = clusterRow(page, MAIN.name).getByTestId('fleet-updated');
    const before = await mainUpdated.textContent();
    const jm = adaptiveJobManager();
    const killedAt = Date.now();
    process.kill(jm.pid, 'SIGKILL');
    while (isAlive(jm.pid)) await sleep(50);
    await expect(clusterRow(page, SECOND.name)).toContainText('Unreachable', { timeout: 60_000 });
    const markedMs = Date.now() - killedAt;
    test.info().annotations.push({ type: 'kill to row mark (ms)', description: String(markedMs) });
    console.log(`[fleet] JobManager kill to "Unreachable" on its row: ${markedMs} ms`);
    await expect(clusterRow(page, MAIN.name)).toContainText('Reachable');
    await expect(mainUpdated).not.toHaveText(before ?? '', { timeout: 30_000 });
  });

  await test.step('the wall spans both clusters; the dead one is one red tile naming it', async () => {
    await page.goto(`${proxy.url}#/kiosk`);
    const tiles = page.locator('.wall-tile');
    const dead = tiles.filter({ hasText: SECOND.name });
    await expect(dead).toHaveCount(1, { timeout: 60_000 });
    await expect(dead).toHaveAttribute('data-health', 'bad');
    await expect(dead).toContainText('unreachable');
    // A job that keeps running: the adaptive batch job runs for its first minute or so, then ends.
    const steady = new Set(demoJobs.filter((d) => d.settlesAs === 'RUNNING').map((d) => d.name));
    const running = mainJobs.find((j) => j.state === 'RUNNING' && steady.has(j.name));
    await expect(
      tiles
        .filter({ hasText: MAIN.name })
        .filter({ hasText: running?.name ?? '' })
        .first(),
    ).toBeVisible();
  });

  await test.step('the JobManager started again: the row recovers', async () => {
    restartAdaptiveJobManager();
    await page.goto(`${proxy.url}#/fleet`);
    await expect(clusterRow(page, SECOND.name)).toContainText('Reachable', { timeout: 240_000 });
  });

  await test.step('the History Server lists the ended demo jobs; each opens with no error and no polling', async () => {
    const archived = (
      await json<{ jobs: { jid: string; name: string }[] }>(`${state.historyServer?.url}/jobs/overview`)
    ).jobs;
    await expect(clusterRow(page, HS.name)).toContainText(`${archived.length} archived`);
    for (const key of ['bounded', 'cancelMe', 'failed'] as const) {
      const name = demoJob(key).name;
      const job = archived.find((j) => j.name === name);
      expect(job, `${name} in the archive`).toBeDefined();
      // The History Server's own row (its job link), beside the live cluster's "Archived copy" link.
      const href = `#/c/${HS.id}/jobs/${job?.jid}`;
      await expect(
        jobsRegion.getByRole('link', { name: `Archived copy on ${HS.name}` }).and(page.locator(`[href="${href}"]`)),
      ).toHaveCount(1);
      await jobsRegion
        .getByRole('link', { name, exact: true })
        .and(page.locator(`[href="${href}"]`))
        .click();
      await expect(page).toHaveURL(new RegExp(`#/c/${HS.id}/jobs/${job?.jid}`));
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('alert')).toHaveCount(0);
      await sleep(3000);
      const settled = requests.length;
      await sleep(5000);
      expect(requests.slice(settled).map((r) => r.url)).toEqual([]);
      if (key === 'failed') {
        // A deep link with the cluster in the route survives a reload.
        await page.reload();
        await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });
        await expect(page).toHaveURL(new RegExp(`#/c/${HS.id}/jobs/${job?.jid}`));
      }
      await page.goto(`${proxy.url}#/fleet`);
    }
  });

  await test.step("a kiosk goes round the fleet: the fleet's wall, each live cluster's, the fleet's again", async () => {
    await page.goto(`${proxy.url}?kiosk&rotate=6#/kiosk`);
    const bar = page.locator('.kiosk-bar-cluster');
    for (const [hash, name, heading] of [
      ['#/kiosk', 'Fleet', 'Fleet health wall'],
      [`#/c/${MAIN.id}/kiosk`, MAIN.name, 'Health wall'],
      [`#/c/${SECOND.id}/kiosk`, SECOND.name, 'Health wall'],
      ['#/kiosk', 'Fleet', 'Fleet health wall'],
    ] as const) {
      await page.waitForFunction((h) => window.location.hash === h, hash, { timeout: 60_000 });
      await expect(bar).toHaveText(name);
      await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
    }
  });

  // Console errors are expected here (the killed cluster's 502s); page errors and CSP violations are not.
  expect(problems.pageErrors).toEqual([]);
  expect(problems.cspViolations).toEqual([]);
});
