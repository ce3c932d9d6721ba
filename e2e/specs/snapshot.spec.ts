import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { down } from '../sandbox/sandbox.mjs';
import { getJson, killProcess, startBreakableSandbox, waitUntil, type SandboxState } from '../faults/cluster';
import { demoJob, ownSandboxPort } from '../support/flink';
import { type RunningNginx } from '../support/nginx.mjs';
import { watchForProblems } from '../support/problems';

// Incident snapshots, on a sandbox of its own (this spec kills its JobManager), behind the
// example nginx configuration: the flaky job's snapshot exported from the live cluster, the
// JobManager then stopped, and the snapshot opened in a fresh browser context that can reach no
// JobManager: the job, its exceptions, checkpoints and a vertex render from the recorded data,
// without a single API request, also after a reload; bad files get their messages; the hostile
// job's snapshot renders its names as text.

const OWN_PORT = ownSandboxPort(70);
const MB = 1024 * 1024;

interface Exceptions {
  exceptionHistory: { entries: { exceptionName: string; stacktrace: string; timestamp: number }[] };
}
interface Checkpoints {
  history: { id: number; status: string }[];
}
interface Details {
  name: string;
  vertices: { id: string; name: string; parallelism: number }[];
}

let nginx: RunningNginx;
let state: SandboxState;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  ({ state, nginx } = await startBreakableSandbox(OWN_PORT));
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await nginx?.stop();
  await down(OWN_PORT);
});

function site(): string {
  return nginx.sites[0]?.url ?? '';
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ httpCredentials: { username: nginx.user, password: nginx.password } });
}

/** Clicks the job header's "Export snapshot" and saves the file; returns its path and the status line. */
async function exportJob(page: Page, file: string): Promise<{ path: string; status: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export snapshot of this job' }).click(),
  ]);
  const path = test.info().outputPath(file);
  await download.saveAs(path);
  const status = page.getByRole('status').filter({ hasText: /^Snapshot saved as / });
  await expect(status).toBeVisible();
  return { path, status: (await status.textContent()) ?? '' };
}

async function openFile(page: Page, path: string): Promise<void> {
  await page.getByLabel('Snapshot file').setInputFiles(path);
}

test('a job snapshot exported live opens without a JobManager, survives a reload, and refuses bad files', async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const flakyId = state.jobIds?.flaky ?? '';
  const hostileId = state.jobIds?.hostile ?? '';
  const flakyName = demoJob('flaky').name;
  const hostileName = demoJob('hostile').name;

  // ---- live: the flaky job failed at least once and completed a checkpoint ----
  await waitUntil(
    'the flaky job to fail once and complete a checkpoint',
    async () =>
      (await getJson<Exceptions>(`${state.url}/jobs/${flakyId}/exceptions`)).exceptionHistory.entries.length > 0 &&
      (await getJson<Checkpoints>(`${state.url}/jobs/${flakyId}/checkpoints`)).history.some(
        (c) => c.status === 'COMPLETED',
      ),
    120_000,
  );

  const live = await newContext(browser);
  const page = await live.newPage();
  const liveProblems = watchForProblems(page);
  let flakyFile = '';
  let hostileFile = '';
  let clusterName = '';
  let exceptionLine = '';
  let checkpointId = 0;
  let vertex: Details['vertices'][number] | undefined;

  await test.step('export the flaky job after looking at its exceptions and checkpoints', async () => {
    await page.goto(`${site()}#/jobs/${flakyId}/exceptions`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(flakyName);
    clusterName = (await page.locator('.brand').textContent()) ?? '';
    await expect(page.getByRole('list', { name: 'Root exceptions' }).getByRole('listitem').first()).toBeVisible();
    await page.getByRole('link', { name: 'Checkpoints', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Checkpoint history' })).toBeVisible();
    // What the cluster says now; the snapshot, taken after, holds at least this.
    const exceptions = await getJson<Exceptions>(`${state.url}/jobs/${flakyId}/exceptions?maxExceptions=10`);
    exceptionLine = /corrupt record #\d+/.exec(exceptions.exceptionHistory.entries[0]?.stacktrace ?? '')?.[0] ?? '';
    expect(exceptionLine, 'the flaky job names the record it failed on').not.toBe('');
    const checkpoints = await getJson<Checkpoints>(`${state.url}/jobs/${flakyId}/checkpoints`);
    checkpointId = checkpoints.history.find((c) => c.status === 'COMPLETED')?.id ?? 0;
    const details = await getJson<Details>(`${state.url}/jobs/${flakyId}`);
    vertex = details.vertices.find((v) => !v.name.startsWith('Source:'));
    expect(vertex).toBeDefined();
    const exported = await exportJob(page, 'flaky-snapshot.json');
    flakyFile = exported.path;
    test.info().annotations.push({ type: 'flaky job snapshot', description: exported.status });
  });

  await test.step('export the hostile job', async () => {
    await page.goto(`${site()}#/jobs/${hostileId}/exceptions`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(hostileName);
    hostileFile = (await exportJob(page, 'hostile-snapshot.json')).path;
  });
  expect(liveProblems).toEqual([]);
  await live.close();

  await test.step('stop the JobManager', async () => {
    await killProcess(OWN_PORT, 'jobmanager', 'SIGKILL');
    await expect(fetch(`${state.url}/config`)).rejects.toThrow();
  });

  // ---- offline: a fresh browser context, no JobManager anywhere ----
  const offline = await newContext(browser);
  const view = await offline.newPage();
  const problems = watchForProblems(view);
  const apiRequests: string[] = [];

  await test.step('open the snapshot from the overview: the job page, with the banner', async () => {
    await view.goto(site());
    await openFile(view, flakyFile);
    await expect(view).toHaveURL(/\?snapshot=[0-9a-f]{32}#\/jobs\/[0-9a-f]{32}$/);
    view.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(request.url());
    });
    const banner = view.getByRole('region', { name: 'Snapshot' });
    await expect(banner).toContainText(`Snapshot of job ${flakyName} on cluster ${clusterName}`);
    await expect(banner).toContainText(/taken /);
    await expect(view.getByRole('heading', { level: 1 })).toHaveText(flakyName);
    // Read-only: no job actions.
    await expect(view.getByRole('button', { name: /Cancel job|Trigger savepoint|Export snapshot/ })).toHaveCount(0);
  });

  await test.step('exceptions and checkpoints as recorded', async () => {
    await view.getByRole('link', { name: 'Exceptions', exact: true }).click();
    await expect(view.getByRole('list', { name: 'Root exceptions' })).toContainText(exceptionLine);
    await view.getByRole('link', { name: 'Checkpoints', exact: true }).click();
    const history = view.getByRole('table', { name: 'Checkpoint history' });
    await expect(history.getByRole('link', { name: String(checkpointId), exact: true })).toBeVisible();
  });

  await test.step('a vertex: its subtasks recorded, its back pressure not in the snapshot', async () => {
    await view.getByRole('link', { name: 'Graph', exact: true }).click();
    await view
      .getByRole('table', { name: /^Vertices of the job/ })
      .getByRole('link', { name: vertex?.name ?? '', exact: true })
      .click();
    await expect(view.getByRole('heading', { level: 1 })).toContainText(vertex?.name ?? '');
    const subtasks = view.getByRole('table', { name: 'Subtasks' });
    // One row per subtask (each names its host), under them the min / median / max rows.
    const subtaskRows = subtasks.getByRole('row').filter({ has: view.getByRole('cell', { name: /^[\w.-]+:\d+$/ }) });
    await expect(subtaskRows).toHaveCount(vertex?.parallelism ?? 0);
    await view.getByRole('link', { name: 'Back pressure', exact: true }).click();
    await expect(view.getByText(/^Not in this snapshot: /).first()).toBeVisible();
  });

  await test.step('a reload keeps the snapshot and the view', async () => {
    const url = view.url();
    await view.reload();
    expect(view.url()).toBe(url);
    await expect(view.getByRole('region', { name: 'Snapshot' })).toContainText(flakyName);
    await expect(view.getByRole('heading', { level: 1 })).toContainText(vertex?.name ?? '');
    expect(apiRequests, 'no request reaches for a JobManager while a snapshot is shown').toEqual([]);
  });

  await test.step('bad files get their messages', async () => {
    await view.goto(site());
    const text = readFileSync(flakyFile, 'utf8');
    const bad = (name: string, content: string | Buffer): string => {
      const path = test.info().outputPath(name);
      writeFileSync(path, content);
      return path;
    };
    const cases: [string, string][] = [
      [bad('jobs.json', '{"jobs": []}'), 'This file is not a Flink dashboard snapshot.'],
      [bad('newer.json', JSON.stringify({ ...JSON.parse(text), version: 2 })), 'newer than this dashboard reads'],
      [bad('truncated.json', text.slice(0, Math.floor(text.length / 2))), 'truncated or corrupted'],
      [bad('oversized.json', Buffer.alloc(51 * MB, 32)), 'snapshots are limited to 50.0 MB'],
    ];
    for (const [path, message] of cases) {
      await openFile(view, path);
      await expect(view.getByRole('alert').filter({ hasText: message })).toBeVisible();
    }
    // Nothing else broke: still the live overview, asking its (stopped) JobManager.
    await expect(view).toHaveURL(/^[^?]*(#\/)?$/);
    await expect(view.getByRole('heading', { name: 'Cluster overview' })).toBeVisible();
  });

  await test.step("the hostile job's snapshot renders its names as text", async () => {
    await openFile(view, hostileFile);
    await expect(view.getByRole('heading', { level: 1 })).toHaveText(hostileName);
    await expect(view.getByRole('region', { name: 'Snapshot' })).toContainText(hostileName);
    await expect(view.locator('img[src="x"], main script')).toHaveCount(0);
  });

  await test.step('close the snapshot: the live dashboard, and the old link says so', async () => {
    const snapshotUrl = view.url();
    await view.getByRole('button', { name: 'Close snapshot' }).click();
    await expect(view).toHaveURL(/^[^?]*(#\/)?$/);
    await view.goto(snapshotUrl);
    await expect(view.getByRole('heading', { name: 'Snapshot not available' })).toBeVisible();
  });
  expect(problems).toEqual([]);
  await offline.close();
});
