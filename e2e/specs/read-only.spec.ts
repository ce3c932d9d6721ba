import { expect, test, type Page } from '@playwright/test';
import { demoJobId, flinkJson, sandboxState } from '../support/flink';

// Read-only mode (config.json `readOnly: true`): the dashboard's own runtime configuration is
// replaced for this browser only (the preview server's dist/config.json is shared by other tests);
// every API call still goes to the real sandbox. A tour of every page must send no request but
// GET, and show no control that changes anything.

const READ_ONLY_CONFIG = { apiBase: 'api/', readOnly: true };

/** Accessible names of controls that would change something on the cluster. */
const ACTION_NAME =
  /\b(cancel|stop|savepoint|checkpoint|upload|run|delete|dispose|shut ?down|rescale|submit|trigger)\b/i;

async function visibleActionControls(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const role of ['button', 'menuitem', 'link'] as const) {
    for (const control of await page.getByRole(role).all()) {
      if (!(await control.isVisible())) continue;
      // Column headers sort tables ("Savepoint or checkpoint"): not actions.
      if (await control.evaluate((el) => el.closest('thead, [role=columnheader]') !== null)) continue;
      const name = (await control.getAttribute('aria-label')) ?? (await control.innerText());
      // Links that merely navigate (to a checkpoint, to the jobs list) are not actions.
      if (role === 'link' && !/^(cancel|stop|delete|shut ?down|dispose|upload|run)\b/i.test(name.trim())) continue;
      if (ACTION_NAME.test(name)) found.push(`${role} "${name.trim()}"`);
    }
  }
  // Opening an incident snapshot reads a file into this browser only, nothing goes to the cluster:
  // not an action. Any other file input (a jar upload) is.
  const fileInputs = await page.locator('input[type=file]:not([accept=".json,application/json"])').count();
  if (fileInputs > 0) found.push(`${fileInputs} file input(s)`);
  return found;
}

test('read-only mode: a tour of every page sends only GET requests and shows no action control', async ({ page }) => {
  test.setTimeout(240_000);
  await page.route('**/config.json', (route) => route.fulfill({ json: READ_ONLY_CONFIG }));
  const writes: string[] = [];
  let apiGets = 0;
  page.on('request', (request) => {
    const method = request.method();
    if (method !== 'GET' && method !== 'HEAD') writes.push(`${method} ${request.url()}`);
    else if (request.url().includes('/api/')) apiGets++;
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  const jobId = demoJobId('eventTime');
  const details = await flinkJson<{ vertices: { id: string }[] }>(`/jobs/${jobId}`);
  const vertexId = details.vertices[0]?.id ?? '';
  const taskManagers = await flinkJson<{ taskmanagers: { id: string }[] }>('/taskmanagers');
  const taskManagerId = taskManagers.taskmanagers[0]?.id ?? '';
  expect(vertexId).not.toBe('');
  expect(taskManagerId).not.toBe('');

  const tour: [string, string][] = [
    ['overview', '#/'],
    ['jobs', '#/jobs'],
    ['job graph', `#/jobs/${jobId}/graph`],
    ['job exceptions', `#/jobs/${jobId}/exceptions`],
    ['job checkpoints', `#/jobs/${jobId}/checkpoints`],
    ['job timeline', `#/jobs/${jobId}/timeline`],
    ['job configuration', `#/jobs/${jobId}/configuration`],
    ['a running job with failing checkpoints', `#/jobs/${demoJobId('failingCheckpoints')}`],
    ['a vertex', `#/jobs/${jobId}/vertices/${vertexId}`],
    ['a vertex: back pressure', `#/jobs/${jobId}/vertices/${vertexId}/backpressure`],
    ['a vertex: watermarks', `#/jobs/${jobId}/vertices/${vertexId}/watermarks`],
    ['task managers', '#/taskmanagers'],
    ['a task manager', `#/taskmanagers/${encodeURIComponent(taskManagerId)}`],
    ['job manager', '#/jobmanager'],
    ['job manager: logs', '#/jobmanager/logs'],
    ['jars', '#/jars'],
    ['operations', '#/operations'],
  ];

  await page.goto('./#/');
  for (const [name, hash] of tour) {
    await test.step(name, async () => {
      await page.evaluate((h) => {
        window.location.hash = h;
      }, hash);
      await expect(page.locator('main h1').first()).toBeVisible();
      // Give the page time to load and poll once (the cluster's refresh interval is 3 s).
      await page.waitForTimeout(3500);
      expect(await visibleActionControls(page), `action controls on ${name}`).toEqual([]);
    });
  }

  await test.step('the jars page lists jars but offers no upload, run or delete', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/jars';
    });
    await expect(page.getByRole('table', { name: 'Uploaded jars' })).toContainText(
      sandboxState().jarId ?? 'demo-jobs.jar',
    );
    await expect(page.getByRole('heading', { name: 'Upload a jar' })).toHaveCount(0);
  });

  await test.step('the operations page says why nothing can be done', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/operations';
    });
    await expect(page.getByText('This dashboard is read-only')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Shut down the cluster' })).toHaveCount(0);
  });

  expect(writes, 'requests other than GET').toEqual([]);
  expect(apiGets, 'the tour read from the JobManager').toBeGreaterThan(20);
  expect(errors).toEqual([]);
});
