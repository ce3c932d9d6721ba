import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { down } from '../sandbox/sandbox.mjs';
import {
  killProcess,
  restartProcess,
  startBreakableSandbox,
  waitForCluster,
  waitUntil,
  getJson,
  type SandboxState,
} from '../faults/cluster';
import { privateDist, shippedConfig } from '../faults/dist';
import {
  FLINK_403_MESSAGE,
  FLINK_500_MESSAGE,
  startFaultProxy,
  type FaultKind,
  type FaultProxy,
  type FaultRule,
} from '../faults/fault-proxy';
import { demoJob, demoJobId, flinkUrl, ownSandboxPort, sharedFlinkVersion } from '../support/flink';
import { type RunningNginx } from '../support/nginx.mjs';
import { watchForProblems } from '../support/problems';

// Failures between the browser and a real JobManager, and of the cluster itself.
//
// 1. The fault matrix: a fault-injecting proxy (e2e/faults/fault-proxy.ts) in front of the
//    sandbox makes one endpoint fail in each way real deployments fail. For each fault: the
//    affected panel says what happened, in words; the rest of the page keeps working; nothing
//    throws; and the panel recovers by itself when the fault clears, both on a first load and
//    when it already had data (then marked stale). The message the user saw is recorded as a
//    test annotation and in test-results/fault-matrix-flink-<version>.md.
// 2. Cluster failures on a sandbox of its own (the shared port + 65, never the shared one): a TaskManager
//    killed, then the JobManager killed and started again, behind the example nginx config.

const REFRESH_MS = 1000;

interface MatrixRow {
  fault: string;
  firstLoad: string;
  stale: string;
  banner: string;
}
// One line per fault, appended as each test ends (a failed test restarts the worker, so the
// rows cannot wait in memory for afterAll).
// One file per Flink line; a row replaces an earlier one for the same fault (a retried test, or
// the run before).
const MATRIX_NAME = `fault-matrix-flink-${sharedFlinkVersion()}`;
const MATRIX_FILE = path.join('test-results', `${MATRIX_NAME}.jsonl`);

function recordRow(row: MatrixRow): void {
  mkdirSync(path.dirname(MATRIX_FILE), { recursive: true });
  appendFileSync(MATRIX_FILE, `${JSON.stringify(row)}\n`);
}

function writeMatrix(): void {
  if (!existsSync(MATRIX_FILE)) return;
  const byFault = new Map<string, MatrixRow>();
  for (const line of readFileSync(MATRIX_FILE, 'utf8').split('\n').filter(Boolean)) {
    const row = JSON.parse(line) as MatrixRow;
    byFault.set(row.fault, row);
  }
  const rows = CASES.flatMap((c) => byFault.get(c.label) ?? []);
  const lines = [
    '| fault | first load (no data yet) | refresh (data on screen) | connection banner |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.fault} | ${r.firstLoad} | ${r.stale} | ${r.banner || '(none)'} |`),
  ];
  const out = path.join('test-results', `${MATRIX_NAME}.md`);
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`fault matrix (${out}):\n${lines.join('\n')}`);
}

/** The panel's message (error or stale warning), as the user reads it. */
async function panelText(panel: Locator): Promise<string> {
  return ((await panel.first().textContent()) ?? '')
    .replace(/\s+/g, ' ')
    .replace(/Try again$/, '')
    .trim();
}

/** The connection banner's text, if one shows. */
async function bannerText(page: Page): Promise<string> {
  const banner = page.locator('.connection-banner');
  return (await banner.count()) > 0 ? ((await banner.first().textContent()) ?? '').replace(/\s+/g, ' ').trim() : '';
}

/** Damage to the real exception history answer. */
const stringForNumber = (json: unknown): unknown => {
  const answer = json as { exceptionHistory: { entries: { timestamp: unknown }[] } };
  for (const e of answer.exceptionHistory.entries) e.timestamp = 'yesterday';
  return answer;
};
const missingArray = (json: unknown): unknown => {
  const answer = json as { exceptionHistory: Record<string, unknown> };
  delete answer.exceptionHistory.entries;
  return answer;
};

interface FaultCase {
  readonly label: string;
  readonly kind: FaultKind;
  readonly reshape?: FaultRule['reshape'];
  /** What the panel must say (the part that names the problem). */
  readonly says: RegExp;
  /** The slow answer: no error, the panel waits for it. */
  readonly slow?: boolean;
}

const SESSION = /Your session has expired; reload the page to sign in again\./;
const CASES: readonly FaultCase[] = [
  {
    label: "500 with Flink's error JSON",
    kind: 'flink-500',
    says: new RegExp(
      `Flink reported an error: ${escapeRegExp(FLINK_500_MESSAGE.replace(/^java\.util\.concurrent\.TimeoutException: /, '').slice(0, 60))}`,
    ),
  },
  {
    label: "502 (nginx's page)",
    kind: 'nginx-502',
    says: /The proxy in front of the JobManager answered 502: the JobManager may be down or restarting/,
  },
  {
    label: "504 (nginx's page)",
    kind: 'nginx-504',
    says: /The proxy in front of the JobManager answered 504: the JobManager may be down or restarting/,
  },
  { label: "401 (nginx's page)", kind: 'unauthorized-401', says: SESSION },
  { label: "403 (nginx's page)", kind: 'forbidden-403', says: SESSION },
  {
    label: "403 in Flink's error JSON",
    kind: 'forbidden-403-flink',
    says: new RegExp(`The JobManager refused this action: ${escapeRegExp(FLINK_403_MESSAGE)}`),
  },
  { label: '302 to a sign-in page', kind: 'redirect-login', says: SESSION },
  { label: 'truncated JSON', kind: 'truncated-json', says: /The JobManager's answer was not valid JSON/ },
  { label: 'invalid JSON (a bare NaN)', kind: 'invalid-json', says: /The JobManager's answer was not valid JSON/ },
  {
    label: 'wrong shape: a string where a number belongs',
    kind: 'wrong-shape',
    reshape: stringForNumber,
    says: /The JobManager answered in a form this dashboard does not understand/,
  },
  {
    label: 'wrong shape: a missing array',
    kind: 'wrong-shape',
    reshape: missingArray,
    says: /The JobManager answered in a form this dashboard does not understand/,
  },
  { label: 'a 10 s delay', kind: 'delay', says: /Loading the exception history/, slow: true },
  { label: 'a reset connection', kind: 'reset', says: /The dashboard cannot reach the JobManager/ },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test.describe('the fault matrix: one endpoint failing behind a fault-injecting proxy', () => {
  let proxy: FaultProxy;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // The panel under test shows the flaky job's exception history, which must not be empty: on
    // a sandbox that just started, wait for the job's first failure (it throws every 30 s).
    await waitUntil(
      'the flaky job to fail once',
      async () =>
        (
          await getJson<{ exceptionHistory: { entries: unknown[] } }>(
            `${flinkUrl}/jobs/${demoJobId('flaky')}/exceptions`,
          )
        ).exceptionHistory.entries.length > 0,
      90_000,
    );
    proxy = await startFaultProxy({
      jobManager: flinkUrl,
      dist: privateDist(),
      config: { ...shippedConfig(), refreshIntervalMs: REFRESH_MS },
    });
  });

  test.afterAll(async () => {
    await proxy.stop();
    writeMatrix();
  });

  for (const c of CASES) {
    test(`${c.label}: the exceptions panel says so, the rest works, it recovers`, async ({ page }) => {
      test.setTimeout(120_000);
      const problems = watchForProblems(page);
      const jobId = demoJobId('flaky');
      const exceptionsPath = new RegExp(`^/jobs/${jobId}/exceptions`);
      const tab = page.locator('.exceptions-tab');
      const history = page.getByRole('heading', { name: 'Exception history' });
      const row: MatrixRow = { fault: c.label, firstLoad: '', stale: '', banner: '' };

      await test.step('first load with the fault active', async () => {
        proxy.setFaults([{ match: exceptionsPath, kind: c.kind, reshape: c.reshape }]);
        const faultSince = Date.now();
        await page.goto(`${proxy.url}#/jobs/${jobId}/exceptions`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoJob('flaky').name);
        const message = c.slow ? tab.locator('[aria-busy="true"]') : tab.getByRole('alert');
        await expect(message).toContainText(c.says, { timeout: 30_000 });
        row.firstLoad = await panelText(message);
        row.banner = await bannerText(page);
        if (c.slow) {
          // Still waiting 5 s later: the answer takes 10 s and arrives, no error.
          await page.waitForTimeout(5000);
          await expect(message).toBeVisible();
        }
        // The rest of the page works: the job's details keep arriving, and another view opens.
        await expect
          .poll(
            () => proxy.log.filter((r) => r.at > faultSince && r.path === `/jobs/${jobId}` && r.status === 200).length,
          )
          .toBeGreaterThan(0);
        if (!c.slow) {
          await page.getByRole('navigation', { name: 'Job views' }).getByRole('link', { name: 'Graph' }).click();
          await expect(page.getByRole('link', { name: /^Flaky parser: / })).toBeVisible();
          await page.goBack();
          await expect(tab.getByRole('alert')).toContainText(c.says, { timeout: 30_000 });
        }
      });

      await test.step('the fault clears: the panel recovers by itself', async () => {
        proxy.clearFaults();
        await expect(history).toBeVisible({ timeout: c.slow ? 15_000 : 3 * REFRESH_MS + 5000 });
        await expect(tab.getByRole('alert')).toHaveCount(0);
      });

      await test.step('the fault again, with data on screen: the data stays, marked stale', async () => {
        proxy.setFaults([{ match: exceptionsPath, kind: c.kind, reshape: c.reshape }]);
        if (c.slow) {
          // A slow refresh: the last data stays; nothing to say until the client's timeout.
          await page.waitForTimeout(3 * REFRESH_MS);
          await expect(history).toBeVisible();
          row.stale =
            'no message: the last data stays on screen while the slow refresh is pending (the client gives up after 30 s)';
        } else {
          const warning = tab.getByRole('status').filter({ hasText: /^Showing the exception history as of/ });
          await expect(warning).toContainText(c.says, { timeout: 30_000 });
          row.stale = await panelText(warning);
          await expect(history).toBeVisible();
          await expect(page.getByRole('list', { name: 'Root exceptions' })).toBeVisible();
        }
      });

      await test.step('the fault clears again: the stale mark goes away', async () => {
        proxy.clearFaults();
        await expect(tab.getByRole('status').filter({ hasText: /^Showing the exception history as of/ })).toHaveCount(
          0,
          {
            timeout: c.slow ? 15_000 : 3 * REFRESH_MS + 5000,
          },
        );
        await expect(history).toBeVisible();
      });

      recordRow(row);
      test.info().annotations.push({
        type: 'fault matrix',
        description: `${c.label} -> first load: "${row.firstLoad}"; refresh: "${row.stale}"; banner: "${row.banner || '(none)'}"`,
      });
      expect(problems).toEqual([]);
    });
  }
});

// ---- cluster failures -------------------------------------------------------------------------

const OWN_PORT = ownSandboxPort(65);
/** The sandbox's refresh interval: Flink's `web.refresh-interval` default, from GET /config. */
const SERVER_REFRESH_MS = 3000;
/** Which sandbox process runs a TaskManager (its log names its resource id). */
function roleOfTaskManager(state: SandboxState, resourceId: string): string {
  for (const p of state.processes.filter((x) => x.role.startsWith('taskmanager'))) {
    if (readFileSync(p.logFile, 'utf8').includes(`Starting TaskManager with ResourceID: ${resourceId}`)) return p.role;
  }
  throw new Error(`no sandbox TaskManager log names ${resourceId}`);
}

test.describe('cluster failures, on a sandbox of its own', () => {
  test.describe.configure({ mode: 'serial' });
  let nginx: RunningNginx;
  let state: SandboxState;
  let context: BrowserContext;

  test.beforeAll(async ({ browser }: { browser: Browser }) => {
    test.setTimeout(600_000);
    ({ state, nginx } = await startBreakableSandbox(OWN_PORT));
    context = await browser.newContext({ httpCredentials: { username: nginx.user, password: nginx.password } });
  });

  test.afterAll(async () => {
    await context?.close();
    await nginx?.stop();
    await down(OWN_PORT);
  });

  const site = (): string => nginx.sites[0]?.url ?? '';

  test('a TaskManager killed: the job restart, the lost TaskManager and the new exception show within a few intervals', async () => {
    test.setTimeout(300_000);
    const page = await context.newPage();
    const problems = watchForProblems(page);
    const jobId = state.jobIds?.eventTime ?? '';
    const job = await getJson<{ vertices: { id: string }[] }>(`${state.url}/jobs/${jobId}`);
    const vertex = await getJson<{ subtasks: { 'taskmanager-id': string }[] }>(
      `${state.url}/jobs/${jobId}/vertices/${job.vertices[0]?.id ?? ''}`,
    );
    const victim = vertex.subtasks[0]?.['taskmanager-id'] ?? '';
    const role = roleOfTaskManager(state, victim);

    await page.goto(`${site()}#/jobs/${jobId}/exceptions`);
    await expect(page.getByRole('heading', { name: 'Exception history' })).toBeVisible();
    const restarts = page.locator('.job-facts div', { hasText: 'Restarts' }).locator('dd');
    await expect(restarts).toHaveText('0');

    await killProcess(OWN_PORT, role, 'SIGKILL');
    const killedAt = Date.now();

    // The JobManager notices within its heartbeat timeout (20 s in the sandbox), or sooner when
    // the RPC connection drops; the page shows it within a few refresh intervals of that.
    const within = 20_000 + 5 * SERVER_REFRESH_MS + 10_000;
    const entry = page.getByRole('list', { name: 'Root exceptions' }).getByRole('listitem').filter({ hasText: victim });
    await expect(entry.first()).toBeVisible({ timeout: within });
    const exceptionSeenAfter = Date.now() - killedAt;
    await expect(restarts).toHaveText(/^[1-9]\d*$/, { timeout: within });
    const restartSeenAfter = Date.now() - killedAt;

    await page.getByRole('link', { name: 'Task managers', exact: true }).click();
    const table = page.getByRole('table', { name: 'Task managers' });
    await expect(table.getByRole('link', { name: victim, exact: true })).toHaveCount(0, { timeout: within });
    await expect(table.getByRole('link', { name: /^127\.0\.0\.1:\d+-[0-9a-f]+$/ })).toHaveCount(1);
    const lostSeenAfter = Date.now() - killedAt;
    test.info().annotations.push({
      type: 'TaskManager killed',
      description: `new exception naming ${victim} after ${(exceptionSeenAfter / 1000).toFixed(1)} s, restart count after ${(restartSeenAfter / 1000).toFixed(1)} s, gone from the task managers after ${(lostSeenAfter / 1000).toFixed(1)} s`,
    });

    // Whole again for the next test: the TaskManager comes back with the same argv.
    restartProcess(OWN_PORT, role);
    await waitForCluster(state.url, 2, 120_000);
    await expect(table.getByRole('link', { name: /^127\.0\.0\.1:\d+-[0-9a-f]+$/ })).toHaveCount(2, { timeout: 30_000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the JobManager killed and started again: banner, stale data, recovery without a reload, unknown jobs', async () => {
    test.setTimeout(300_000);
    const page = await context.newPage();
    const problems = watchForProblems(page);
    const jobId = state.jobIds?.wide ?? '';
    const name = demoJob('wide').name;
    await page.goto(`${site()}#/jobs/${jobId}/graph`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByRole('link', { name: /^Source: / }).first()).toBeVisible();
    // Survives only as long as the page is not reloaded.
    await page.evaluate(() => {
      (window as unknown as { __notReloaded: boolean }).__notReloaded = true;
    });

    const banner = page.getByRole('alert').filter({ hasText: 'The JobManager is unreachable' });
    await expect(banner).toHaveCount(0);
    // From the moment the signal is sent: the page may notice before killProcess has seen the
    // process gone (it polls every 50 ms).
    const killedAt = Date.now();
    await killProcess(OWN_PORT, 'jobmanager', 'SIGKILL');
    // Within two refresh intervals (the banner hears of the first failed attempt, not the retries).
    await expect(banner).toBeVisible({ timeout: 2 * SERVER_REFRESH_MS });
    const bannerAfter = Date.now() - killedAt;
    // "since HH:MM:SS": the moment the dashboard noticed, on the page's clock.
    const since = /since (\d\d):(\d\d):(\d\d)/.exec((await banner.textContent()) ?? '');
    expect(since, 'the banner says since when').not.toBeNull();
    const noticed = await page.evaluate(
      ([h, m, s]) => {
        const d = new Date();
        d.setHours(Number(h), Number(m), Number(s), 0);
        return d.getTime();
      },
      [since?.[1], since?.[2], since?.[3]],
    );
    expect(noticed).toBeGreaterThanOrEqual(Math.floor(killedAt / 1000) * 1000);
    expect(noticed).toBeLessThanOrEqual(killedAt + bannerAfter + 1000);

    // The last data stays, marked stale; nothing throws.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByRole('link', { name: /^Source: / }).first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Showing the job as of/ })).toBeVisible({
      timeout: 4 * SERVER_REFRESH_MS,
    });
    await page.waitForTimeout(2 * SERVER_REFRESH_MS);
    await expect(banner).toBeVisible();

    // Started again with the same argv; the TaskManagers re-register by themselves.
    restartProcess(OWN_PORT, 'jobmanager');
    const answersAt = await waitUntil(
      'the restarted JobManager to answer',
      async () => (await fetch(`${state.url}/config`)).ok,
      120_000,
    );
    await expect(banner).toHaveCount(0, { timeout: 2 * SERVER_REFRESH_MS });
    const recoveredAfter = Date.now() - answersAt;
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);

    // Without HA the new JobManager knows no jobs: the job's page says so, with a way back.
    await expect(page.getByText('This job is not known to the JobManager (it may have restarted)')).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.locator('.panel-error')).toHaveCount(0);
    await page.getByRole('link', { name: 'Back to the jobs list' }).click();
    await expect(page).toHaveURL(/#\/jobs$/);
    await waitForCluster(state.url, 2, 120_000);
    await page.getByRole('link', { name: 'Task managers', exact: true }).click();
    await expect(
      page.getByRole('table', { name: 'Task managers' }).getByRole('link', { name: /^127\.0\.0\.1:\d+-[0-9a-f]+$/ }),
    ).toHaveCount(2, {
      timeout: 30_000,
    });

    test.info().annotations.push({
      type: 'JobManager killed',
      description: `banner after ${(bannerAfter / 1000).toFixed(1)} s (refresh ${SERVER_REFRESH_MS / 1000} s: ${
        bannerAfter <= 2 * SERVER_REFRESH_MS ? 'within' : 'later than'
      } two intervals); recovered ${(recoveredAfter / 1000).toFixed(1)} s after the restarted JobManager answered, without a reload`,
    });
    expect(problems).toEqual([]);
    await page.close();
  });
});
