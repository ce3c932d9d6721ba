import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoJob, flinkJson, flinkUrl, sandboxState } from '../support/flink';

// Operations against the real sandbox, as a person does them: upload the demo jar, look at its
// plan, run CancelMeJob (an unbounded job we may start as often as we like), then take a
// savepoint, a checkpoint, stop it with a savepoint, cancel another one, dispose of a savepoint
// and delete the jar. Only jobs and jars these tests started are ever stopped or deleted.

const here = path.dirname(fileURLToPath(import.meta.url));
const entryClass = demoJob('cancelMe').entryClass;
const jobName = demoJob('cancelMe').name;

/** What the tests started, cleaned up at the end whatever happened. */
const started = { jobIds: new Set<string>(), jarIds: new Set<string>() };

interface JobStatus {
  status: string;
}

function sandboxJarId(): string {
  const id = sandboxState().jarId;
  if (!id) throw new Error('the sandbox recorded no jar id');
  return id;
}

function demoJarPath(): string {
  return path.resolve(here, `../sandbox/.state/build-${sandboxState().flinkVersion}/demo-jobs.jar`);
}

/** A local file path for a `file:` URI as Flink writes it (`file:/a/b` or `file:///a/b`). */
function localPath(location: string): string {
  return fileURLToPath(location.replace(/^file:\/*/, 'file:///'));
}

async function flinkRequest(method: string, pathname: string, body?: unknown): Promise<Response> {
  return fetch(`${flinkUrl}${pathname}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
}

async function jobState(jobId: string): Promise<string> {
  return (await flinkJson<JobStatus>(`/jobs/${jobId}/status`)).status;
}

/** Starts a CancelMeJob from the sandbox's own jar (setup, not what is tested) and waits for RUNNING. */
async function startCancelMeJob(): Promise<string> {
  const res = await flinkRequest('POST', `/jars/${encodeURIComponent(sandboxJarId())}/run`, { entryClass });
  expect(res.ok, `running ${entryClass} answered ${res.status}`).toBe(true);
  const { jobid } = (await res.json()) as { jobid: string };
  started.jobIds.add(jobid);
  await expect.poll(() => jobState(jobid), { timeout: 60_000 }).toBe('RUNNING');
  return jobid;
}

/** The operations page with a job picked: the same actions as in the job's header. */
async function openJobActions(page: Page, jobId: string): Promise<Locator> {
  await page.goto(`./#/operations?job=${jobId}`);
  const actions = page.getByRole('region', { name: 'Actions on this job' });
  await expect(actions.getByRole('group', { name: 'Job actions' })).toBeVisible();
  return actions;
}

function recentOperation(actions: Locator, title: string): Locator {
  return actions
    .getByRole('list', { name: 'Operations on this job' })
    .getByRole('listitem')
    .filter({ hasText: title })
    .first();
}

test.describe.configure({ mode: 'serial' });

test.afterAll(async () => {
  for (const jobId of started.jobIds) {
    const state = await jobState(jobId).catch(() => 'UNKNOWN');
    if (['RUNNING', 'CREATED', 'INITIALIZING', 'RESTARTING', 'RECONCILING'].includes(state)) {
      await flinkRequest('PATCH', `/jobs/${jobId}?mode=cancel`).catch(() => undefined);
    }
  }
  for (const jarId of started.jarIds) {
    await flinkRequest('DELETE', `/jars/${encodeURIComponent(jarId)}`).catch(() => undefined);
  }
});

test.describe('operations', () => {
  let jarId = '';
  let jobId = '';
  let savepointLocation = '';

  test('uploads the demo jar with progress, shows its plan, runs it and opens the new job', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('./#/jars');
    await expect(page.getByRole('heading', { name: 'Jars', level: 1 })).toBeVisible();

    await test.step('upload, slowed down by the browser so the progress is seen', async () => {
      // A slow uplink, as from a laptop on hotel Wi-Fi: the real upload, just slower.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 1500,
        downloadThroughput: -1,
        uploadThroughput: 12 * 1024,
      });
      await page.getByLabel('Jar file').setInputFiles(demoJarPath());
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      const bar = page.getByRole('progressbar', { name: 'Uploading demo-jobs.jar' });
      await expect(bar).toBeVisible();
      // The bar measures the bytes sent: it moves past zero before the upload is done.
      await expect
        .poll(async () => Number((await bar.getAttribute('value')) ?? 0), { intervals: [100] })
        .toBeGreaterThan(0);
      await expect(page.getByRole('status').filter({ hasText: /Uploading demo-jobs\.jar \(\d/ })).toBeVisible();
      const done = page.getByRole('status').filter({ hasText: /^Uploaded demo-jobs\.jar as / });
      await expect(done).toBeVisible({ timeout: 60_000 });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      jarId = (await done.locator('code').textContent()) ?? '';
      expect(jarId).toMatch(/^[0-9a-f-]{36}_demo-jobs\.jar$/);
      started.jarIds.add(jarId);
      const jars = await flinkJson<{ files: { id: string }[] }>('/jars');
      expect(jars.files.map((f) => f.id)).toContain(jarId);
    });

    const detail = page.getByRole('region', { name: 'demo-jobs.jar' });
    await test.step('the new jar is listed and opened', async () => {
      await expect(page).toHaveURL(new RegExp(`[?&]jar=${jarId.replace(/[.]/g, '\\.')}`));
      await expect(page.getByRole('button', { name: `Open demo-jobs.jar (${jarId})` })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await expect(detail.getByText(jarId)).toBeVisible();
    });

    await test.step('its plan, drawn and listed', async () => {
      await detail.getByLabel('Entry class').fill(entryClass);
      await detail.getByRole('button', { name: 'Show plan' }).click();
      const plan = detail.getByRole('region', { name: 'Plan' });
      await expect(plan.getByText(`Job name: ${jobName}`)).toBeVisible();
      await expect(plan.getByRole('group', { name: 'Plan: 1 vertices' })).toBeVisible();
      const table = plan.getByRole('table', { name: 'Vertices of the plan' });
      await expect(table.getByRole('rowheader', { name: 'Source: Heartbeat source' })).toBeVisible();
      await expect(table).toContainText('Discard heartbeats: Writer');
      // The description's <br/> became line breaks, not markup, and nothing else was parsed.
      await expect(table).not.toContainText('<br/>');
    });

    await test.step('run it and land on the new job', async () => {
      await detail.getByRole('button', { name: 'Run job' }).click();
      await expect(page).toHaveURL(/#\/jobs\/[0-9a-f]{32}$/, { timeout: 30_000 });
      jobId = /#\/jobs\/([0-9a-f]{32})$/.exec(page.url())?.[1] ?? '';
      started.jobIds.add(jobId);
      const details = await flinkJson<{ name: string }>(`/jobs/${jobId}`);
      expect(details.name).toBe(jobName);
      await expect(page.getByRole('heading', { level: 1, name: jobName })).toBeVisible();
      await expect.poll(() => jobState(jobId), { timeout: 60_000 }).toBe('RUNNING');
    });

    await test.step('the operations page lists what this tab did, across navigation', async () => {
      await page.evaluate(() => {
        window.location.hash = '#/operations';
      });
      const table = page.getByRole('table', { name: 'Operations started in this tab' });
      const upload = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Upload jar' }) });
      await expect(upload).toContainText('Completed');
      await expect(upload).toContainText(jarId);
      const run = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Run jar' }) });
      await expect(run).toContainText('Completed');
      await expect(run.getByRole('link', { name: `demo-jobs.jar: ${entryClass}` })).toHaveAttribute(
        'href',
        `#/jobs/${jobId}`,
      );
    });
    expect(errors).toEqual([]);
  });

  test('takes a savepoint and shows its location, copyable', async ({ page }) => {
    expect(jobId, 'needs the job started by the previous test').toBeTruthy();
    const actions = await openJobActions(page, jobId);
    await actions.getByRole('button', { name: 'Trigger savepoint…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trigger a savepoint' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Target directory')).toBeFocused();
    await expect(dialog.getByRole('radio', { name: /Canonical/ })).toBeChecked();
    await dialog.getByRole('button', { name: 'Trigger savepoint' }).click();
    await expect(dialog).toBeHidden();

    const item = recentOperation(actions, 'Savepoint');
    await expect(item).toContainText('Completed', { timeout: 90_000 });
    const location = item.getByRole('textbox', { name: 'Savepoint location' });
    savepointLocation = await location.inputValue();
    expect(savepointLocation).toMatch(/^file:.*\/savepoint-[0-9a-f]{6}-[0-9a-f]{12}$/);
    expect(existsSync(path.join(localPath(savepointLocation), '_metadata'))).toBe(true);
    await expect(item.getByRole('button', { name: 'Copy savepoint location' })).toBeVisible();
    expect(await jobState(jobId)).toBe('RUNNING');
  });

  test('triggers a checkpoint and follows it to its completion', async ({ page }) => {
    expect(jobId, 'needs the job started by the first test').toBeTruthy();
    const actions = await openJobActions(page, jobId);
    await actions.getByRole('button', { name: 'Trigger checkpoint…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trigger a checkpoint' });
    await dialog.getByRole('radio', { name: 'Full' }).check();
    await dialog.getByRole('button', { name: 'Trigger checkpoint' }).click();
    const item = recentOperation(actions, 'Checkpoint');
    await expect(item).toContainText(/Checkpoint \d+ completed/, { timeout: 90_000 });
    const checkpointId = Number(/Checkpoint (\d+) completed/.exec((await item.textContent()) ?? '')?.[1]);
    const stats = await flinkJson<{ history: { id: number; status: string }[] }>(`/jobs/${jobId}/checkpoints`);
    expect(stats.history.find((c) => c.id === checkpointId)?.status).toBe('COMPLETED');
  });

  test('stops a job with a savepoint, followed to the end while the user is elsewhere', async ({ page }) => {
    expect(jobId, 'needs the job started by the first test').toBeTruthy();
    const actions = await openJobActions(page, jobId);
    await actions.getByRole('button', { name: 'Stop with savepoint…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop the job with a savepoint' });
    await expect(dialog.getByRole('checkbox', { name: /Drain/ })).not.toBeChecked();
    await dialog.getByRole('button', { name: 'Stop job' }).click();
    await expect(dialog).toBeHidden();

    // Leave at once: the operation is followed by the store, not by the page.
    await page.getByRole('link', { name: 'Jobs', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
    await expect.poll(() => jobState(jobId), { timeout: 90_000 }).toBe('FINISHED');

    // Back to the operations page in the same tab (no reload: the store lives in the page).
    await page.evaluate(() => {
      window.location.hash = '#/operations';
    });
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Stop with savepoint' }) });
    await expect(row).toContainText('Completed', { timeout: 30_000 });
    const location = await row.getByRole('textbox', { name: 'Savepoint location' }).inputValue();
    expect(existsSync(path.join(localPath(location), '_metadata'))).toBe(true);
  });

  test('cancels a job only after it was confirmed', async ({ page }) => {
    const victim = await startCancelMeJob();
    const actions = await openJobActions(page, victim);
    const cancel = actions.getByRole('button', { name: 'Cancel job…' });
    await cancel.click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this job?' });
    await expect(dialog).toBeVisible();
    // The safe choice has focus: Escape (or Enter) right away changes nothing.
    await expect(dialog.getByRole('button', { name: 'Keep running' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(cancel).toBeFocused();
    expect(await jobState(victim)).toBe('RUNNING');

    // From the keyboard: open, Tab to the action, confirm.
    await cancel.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Keep running' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Cancel job' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(recentOperation(actions, 'Cancel job')).toContainText('CANCELED', { timeout: 60_000 });
    expect(await jobState(victim)).toBe('CANCELED');
  });

  test('disposes of the savepoint taken earlier', async ({ page }) => {
    expect(savepointLocation, 'needs the savepoint taken by an earlier test').toBeTruthy();
    await page.goto('./#/operations');
    await page.getByLabel('Savepoint path').fill(savepointLocation);
    await page.getByRole('button', { name: 'Dispose savepoint…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dispose of this savepoint?' });
    await expect(dialog).toContainText(savepointLocation);
    await dialog.getByRole('button', { name: 'Dispose savepoint' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Disposed of' })).toBeVisible({ timeout: 60_000 });
    expect(existsSync(localPath(savepointLocation))).toBe(false);
  });

  test('a fresh tab lists no operations; shutting the cluster down asks for its name', async ({ page }) => {
    await page.goto('./#/operations');
    // A fresh page load is a fresh tab: the list starts empty.
    await expect(page.getByRole('table', { name: 'Operations started in this tab' })).toContainText(
      'No operations yet',
    );

    await page.getByRole('button', { name: 'Shut down cluster…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Shut down the cluster?' });
    const confirm = dialog.getByRole('button', { name: 'Shut down cluster' });
    await expect(confirm).toBeDisabled();
    const name = dialog.getByLabel(/Type .* to confirm/);
    await expect(name).toBeFocused();
    await name.fill('not the name');
    await expect(confirm).toBeDisabled();
    // Tab stays inside the dialog.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    const overview = await flinkJson<{ taskmanagers: number }>('/overview');
    expect(overview.taskmanagers).toBeGreaterThan(0);
  });

  test('deletes the uploaded jar after confirmation', async ({ page }) => {
    expect(jarId, 'needs the jar uploaded by the first test').toBeTruthy();
    await page.goto(`./#/jars?jar=${encodeURIComponent(jarId)}`);
    const detail = page.getByRole('region', { name: 'demo-jobs.jar' });
    await detail.getByRole('button', { name: 'Delete jar…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this jar?' });
    await expect(dialog).toContainText(jarId);
    await dialog.getByRole('button', { name: 'Delete jar' }).click();
    await expect(detail).toBeHidden();
    await expect(page.getByRole('button', { name: `Open demo-jobs.jar (${jarId})` })).toHaveCount(0);
    const jars = await flinkJson<{ files: { id: string }[] }>('/jars');
    expect(jars.files.map((f) => f.id)).not.toContain(jarId);
    expect(jars.files.map((f) => f.id)).toContain(sandboxJarId());
    started.jarIds.delete(jarId);
  });
});
