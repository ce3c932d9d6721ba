import { expect, test, type Page } from '@playwright/test';
import { demoJob, demoJobId, flinkJson, flinkUrl, sandboxState } from '../support/flink';
import { watchForProblems } from '../support/problems';

// Flink 2.3's applications against the real sandbox: the list (running and completed, with their
// jobs), one application's detail (jobs, exceptions, JobManager configuration), a job page's link
// to its application and back, the overview's counts, and a disposable application run from the
// demo jar through the jars page ("Run as application") and cancelled through the UI, confirmed.
// On 1.20 there are no applications: no navigation entry, no error, and a direct link says so.

interface FlinkApplication {
  id: string;
  name: string;
  status: string;
  jobs: Record<string, number>;
}

const TERMINAL = new Set(['FINISHED', 'FAILED', 'CANCELED']);
const cancelMe = demoJob('cancelMe');
/** Applications this spec started, cancelled at the end if the test did not get that far. */
const started = new Set<string>();

async function flinkVersion(): Promise<string> {
  return (await flinkJson<{ 'flink-version': string }>('/config'))['flink-version'];
}

async function hasApplications(): Promise<boolean> {
  const [major = 0, minor = 0] = (await flinkVersion()).split('.').map(Number);
  return major > 2 || (major === 2 && minor >= 3);
}

async function applications(): Promise<FlinkApplication[]> {
  return (await flinkJson<{ applications: FlinkApplication[] }>('/applications/overview')).applications;
}

test.afterAll(async () => {
  for (const id of started) {
    await fetch(`${flinkUrl}/applications/${id}/cancel`, { method: 'POST' }).catch(() => undefined);
  }
});

function summaryValue(page: Page, term: string) {
  return page
    .getByRole('definition')
    .and(page.locator(`xpath=//dt[normalize-space()="${term}"]/following-sibling::dd[1]`));
}

test('applications: list, detail, job links and the overview counts (2.3), absent on 1.20', async ({ page }) => {
  const problems = watchForProblems(page);
  if (!(await hasApplications())) {
    const version = await flinkVersion();
    await test.step('1.20: no Applications entry and no error on the overview', async () => {
      await page.goto('./#/');
      await expect(page.getByRole('heading', { level: 1, name: 'Cluster overview' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Running jobs' })).toBeVisible();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: 'Jobs' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Applications' })).toHaveCount(0);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page.getByText('Running applications')).toHaveCount(0);
    });
    await test.step('1.20: a direct link says plainly that this line has no applications', async () => {
      await page.goto('./#/applications');
      await expect(page.getByText(`This cluster runs Flink ${version}, which has no applications`)).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
    });
    expect(problems).toEqual([]);
    return;
  }

  const eventTimeJob = demoJobId('eventTime');
  const appId = (await flinkJson<{ 'application-id': string }>(`/jobs/${eventTimeJob}`))['application-id'];
  const appName = `SingleJobApplication(${demoJob('eventTime').name})`;
  const boundedName = `SingleJobApplication(${demoJob('bounded').name})`;

  await test.step('the overview counts applications as Flink lists them', async () => {
    await page.goto('./#/');
    await expect(async () => {
      const apps = await applications();
      const running = apps.filter((a) => !TERMINAL.has(a.status)).length;
      const finished = apps.filter((a) => a.status === 'FINISHED').length;
      await expect(summaryValue(page, 'Running applications')).toHaveText(String(running), { timeout: 5000 });
      await expect(summaryValue(page, 'Finished applications')).toHaveText(String(finished), { timeout: 5000 });
    }).toPass({ timeout: 60_000 });
  });

  await test.step('the Applications page lists running and completed applications with their jobs', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Applications' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
    const running = page.getByRole('table', { name: 'Running applications' });
    const row = running.getByRole('row').filter({ has: page.getByRole('rowheader', { name: appName }) });
    await expect(row).toContainText('RUNNING');
    await expect(row).toContainText(appId);
    await expect(row.getByRole('list', { name: 'Jobs by state' })).toHaveText(/1\s*RUNNING/);
    const completed = page.getByRole('table', { name: 'Completed applications' });
    const bounded = completed.getByRole('row').filter({ has: page.getByRole('rowheader', { name: boundedName }) });
    await expect(bounded).toContainText('FINISHED');
    await expect(bounded.getByRole('list', { name: 'Jobs by state' })).toHaveText(/1\s*FINISHED/);
  });

  await test.step("an application's detail: its jobs, exceptions and JobManager configuration", async () => {
    await page.getByRole('link', { name: appName }).click();
    await expect(page.getByRole('heading', { level: 1, name: appName })).toBeVisible();
    const jobs = page.getByRole('table', { name: 'Jobs of this application' });
    await expect(jobs.getByRole('rowheader', { name: demoJob('eventTime').name })).toBeVisible();
    await expect(jobs).toContainText('RUNNING');
    const { exceptionHistory } = await flinkJson<{ exceptionHistory: { entries: { exceptionName: string }[] } }>(
      `/applications/${appId}/exceptions`,
    );
    const first = exceptionHistory.entries[0];
    await expect(first ? page.getByText(first.exceptionName).first() : page.getByText('No exceptions.')).toBeVisible();
    const config = page.getByRole('table', { name: 'JobManager configuration of this application' });
    const port = new URL(flinkUrl).port;
    await expect(
      config.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'rest.port', exact: true }) }),
    ).toContainText(port);
  });

  await test.step('the job links to its application, and the application back to the job', async () => {
    await page
      .getByRole('table', { name: 'Jobs of this application' })
      .getByRole('link', { name: demoJob('eventTime').name })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: demoJob('eventTime').name })).toBeVisible();
    await page.getByRole('link', { name: appId }).click();
    await expect(page.getByRole('heading', { level: 1, name: appName })).toBeVisible();
    expect(page.url()).toContain(`#/applications/${appId}`);
  });
  expect(problems).toEqual([]);
});

test('a disposable application run from the jars page and cancelled, confirmed (2.3)', async ({ page }) => {
  test.skip(!(await hasApplications()), 'applications came with Flink 2.3');
  const problems = watchForProblems(page);
  const jarId = sandboxState().jarId ?? '';
  let appId = '';

  await test.step('run the demo jar as an application', async () => {
    await page.goto(`./#/jars?jar=${encodeURIComponent(jarId)}`);
    const detail = page.getByRole('region', { name: 'demo-jobs.jar' });
    await detail.getByLabel('Entry class').fill(cancelMe.entryClass);
    await detail.getByRole('button', { name: 'Run as application' }).click();
    await expect(page).toHaveURL(/#\/applications\/[0-9a-f]{32}$/, { timeout: 30_000 });
    appId = /#\/applications\/([0-9a-f]{32})$/.exec(page.url())?.[1] ?? '';
    started.add(appId);
    await expect
      .poll(async () => (await flinkJson<FlinkApplication>(`/applications/${appId}`)).status, { timeout: 60_000 })
      .toBe('RUNNING');
    await expect(page.getByRole('heading', { level: 1, name: cancelMe.entryClass })).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Jobs of this application' }).getByRole('rowheader', { name: cancelMe.name }),
    ).toBeVisible({ timeout: 30_000 });
  });

  await test.step('cancel it: nothing happens until confirmed, then it ends CANCELED', async () => {
    const actions = page.getByRole('region', { name: 'Actions on this application' });
    const cancel = actions.getByRole('button', { name: 'Cancel application…' });
    await cancel.click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this application?' });
    await expect(dialog.getByRole('button', { name: 'Keep running' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect((await flinkJson<FlinkApplication>(`/applications/${appId}`)).status).toBe('RUNNING');

    await cancel.click();
    await dialog.getByRole('button', { name: 'Cancel application', exact: true }).click();
    await expect(dialog).toBeHidden();
    const recent = page.getByRole('list', { name: 'Operations on this application' }).getByRole('listitem').first();
    await expect(recent).toContainText('CANCELED', { timeout: 60_000 });
    expect((await flinkJson<FlinkApplication>(`/applications/${appId}`)).status).toBe('CANCELED');
    await expect(page.getByRole('definition').filter({ hasText: 'CANCELED' }).first()).toBeVisible({ timeout: 30_000 });
    started.delete(appId);
  });
  expect(problems).toEqual([]);
});
