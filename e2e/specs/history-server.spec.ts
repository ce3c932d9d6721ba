import { expect, test, type Page } from '@playwright/test';
import { watchPage } from '../support/csp';
import { demoJob, demoJobId, sandboxState, type DemoJobKey } from '../support/flink';
import { startNginx, type RunningNginx } from '../support/nginx.mjs';

// The dashboard in front of Flink's own History Server (started by the sandbox, reading the
// archives its JobManager writes when a job ends), through the example nginx configuration with
// the History Server as the upstream: the same dist/, no config.json (detected from /config).
// It lists the jobs that ended, opens each in the job views, never errors, and after load sends
// nothing (the archive does not change).

const ENDED: DemoJobKey[] = ['bounded', 'cancelMe', 'failed'];

interface ArchivedJob {
  jid: string;
  name: string;
  state: string;
}
interface ArchivedDetails {
  vertices: { id: string; name: string }[];
}

let nginx: RunningNginx;
let historyUrl: string;

async function hsJson<T>(path: string): Promise<T> {
  const res = await fetch(`${historyUrl}${path}`, { signal: AbortSignal.timeout(15_000) });
  expect(res.ok, `History Server ${path} answered ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

test.beforeAll(async () => {
  const hs = sandboxState().historyServer;
  if (!hs) throw new Error('the sandbox recorded no History Server: run npm run sandbox:up');
  historyUrl = hs.url;
  nginx = await startNginx({ prefixes: ['/history/'], jobManager: historyUrl });
});

test.afterAll(async () => {
  await nginx.stop();
});

/** Every request the page sends to the API. */
function recordApi(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/api/')) seen.push(req.url().replace(/^.*\/api/, ''));
  });
  return seen;
}

test('lists the ended demo jobs and opens each in the job views, then sends nothing', async ({ browser }) => {
  test.setTimeout(240_000);
  const site = nginx.sites[0];
  if (!site) throw new Error('no nginx site');
  const context = await browser.newContext({ httpCredentials: { username: nginx.user, password: nginx.password } });
  const page = await context.newPage();
  const problems = await watchPage(page);
  const api = recordApi(page);
  const { jobs } = await hsJson<{ jobs: ArchivedJob[] }>('/jobs/overview');
  const noError = async (where: string) => {
    await expect(page.getByRole('alert'), `${where}: no error`).toHaveCount(0);
    await expect(page.getByText(/Could not load/), `${where}: no error`).toHaveCount(0);
  };

  await test.step('the jobs list: finished, canceled and failed', async () => {
    await page.goto(site.url);
    await expect(page.getByText('History Server: archived jobs')).toBeVisible();
    await expect(page).toHaveURL(/#\/jobs/);
    for (const key of ENDED) {
      const archived = jobs.find((j) => j.jid === demoJobId(key));
      expect(archived?.name, `${key} is archived`).toBe(demoJob(key).name);
      expect(archived?.state).toBe(demoJob(key).settlesAs);
      const row = page.getByRole('row').filter({ has: page.locator(`a[href$="/jobs/${demoJobId(key)}"]`) });
      await expect(row.getByRole('link')).toHaveText(demoJob(key).name);
      await expect(row).toContainText(demoJob(key).settlesAs);
    }
    // Nothing that changes anything, and no live-cluster pages.
    await expect(page.getByRole('link', { name: 'Task managers' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Cancel|Savepoint|Stop/ })).toHaveCount(0);
    await noError('jobs list');
  });

  for (const key of ENDED) {
    await test.step(`${key}: graph, exceptions, checkpoints, timeline, configuration, vertex`, async () => {
      const jobId = demoJobId(key);
      const details = await hsJson<ArchivedDetails>(`/jobs/${jobId}`);
      const views = page.getByRole('navigation', { name: 'Job views' });
      await page.goto(`${site.url}#/jobs/${jobId}`);
      await expect(page.getByRole('heading', { name: demoJob(key).name })).toBeVisible();
      await expect(views.getByRole('link', { name: 'Data skew' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: /Cancel|Savepoint|Stop/ })).toHaveCount(0);
      for (const vertex of details.vertices) {
        await expect(page.getByRole('link', { name: vertex.name }).first()).toBeVisible();
      }
      await noError(`${key} graph`);

      await views.getByRole('link', { name: 'Exceptions' }).click();
      if (key === 'failed') {
        const { exceptionHistory } = await hsJson<{ exceptionHistory: { entries: { exceptionName: string }[] } }>(
          `/jobs/${jobId}/exceptions`,
        );
        expect(exceptionHistory.entries.length).toBeGreaterThan(0);
        await expect(page.getByText('Simulated failure: flaky parser hit a corrupt record').first()).toBeVisible();
      }
      await noError(`${key} exceptions`);

      await views.getByRole('link', { name: 'Checkpoints' }).click();
      await expect(page.getByRole('table', { name: 'Checkpoint configuration' })).toBeVisible();
      if (key === 'failed') {
        const stats = await hsJson<{ history: { id: number }[] }>(`/jobs/${jobId}/checkpoints`);
        expect(stats.history.length).toBeGreaterThan(0);
        const id = stats.history[0]?.id ?? 0;
        await page.goto(`${site.url}#/jobs/${jobId}/checkpoints/${id}`);
        await expect(page.getByText(new RegExp(`Checkpoint #?${id}\\b`)).first()).toBeVisible();
      }
      await noError(`${key} checkpoints`);

      await views.getByRole('link', { name: 'Timeline' }).click();
      await noError(`${key} timeline`);
      await views.getByRole('link', { name: 'Configuration' }).click();
      await noError(`${key} configuration`);

      const vertex = details.vertices[0];
      if (!vertex) throw new Error('no vertex');
      await page.goto(`${site.url}#/jobs/${jobId}/vertices/${vertex.id}`);
      const vertexViews = page.getByRole('navigation', { name: 'Vertex views' });
      await expect(vertexViews.getByRole('link', { name: 'Flame graph' })).toHaveCount(0);
      await expect(vertexViews.getByRole('link', { name: 'Metrics' })).toHaveCount(0);
      await noError(`${key} vertex subtasks`);
      await vertexViews.getByRole('link', { name: 'Task managers' }).click();
      await noError(`${key} vertex task managers`);
    });
  }

  await test.step('after load, no request for 10 s', async () => {
    await page.goto(`${site.url}#/jobs/${demoJobId('failed')}/checkpoints`);
    await expect(page.getByRole('table', { name: 'Checkpoint configuration' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const before = api.length;
    await page.waitForTimeout(10_000);
    expect(api.slice(before), 'API requests in the 10 s after load').toEqual([]);
    const walk = `${before} API requests in the whole walk (${api.filter((u) => u === '/config').length} of /config), 0 in the 10 s after load`;
    test.info().annotations.push({ type: 'requests', description: walk });
    console.log(`history-server: ${walk}`);
  });

  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  await context.close();
});
