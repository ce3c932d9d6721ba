import { expect, test } from '@playwright/test';
import { demoJobs } from '../sandbox/demo-jobs.mjs';
import { demoJobId, flinkJson } from '../support/flink';

test.describe('cluster overview', () => {
  test('shows the Flink version, the task managers and the demo jobs by name', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    const config = await flinkJson<{ 'flink-version': string }>('/config');

    await page.goto('./');
    await expect(page.getByRole('heading', { name: 'Cluster overview' })).toBeVisible();
    const summary = page.getByRole('definition').filter({ hasText: config['flink-version'] });
    await expect(summary).toBeVisible();
    await expect(
      page.locator('dl > div', { has: page.getByText('Task managers', { exact: true }) }).locator('dd'),
    ).toHaveText('2');

    const running = page.getByRole('table', { name: 'Running jobs' });
    const completed = page.getByRole('table', { name: 'Completed jobs' });
    for (const job of demoJobs) {
      const table = job.settlesAs === 'RUNNING' ? running : completed;
      // Other suites may run the same demo class again: find the sandbox's own job by its id.
      const row = table.getByRole('row').filter({ has: page.locator(`a[href$="/jobs/${demoJobId(job.key)}"]`) });
      await expect(row.getByRole('link')).toHaveText(job.name);
      if (job.settlesAs !== 'RUNNING') await expect(row).toContainText(job.settlesAs);
    }

    const tmTable = page.getByRole('table', { name: 'Task managers' });
    await expect(tmTable.getByRole('row')).toHaveCount(3);

    // The job whose name carries markup shows it as literal text; nothing from it became an element.
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(
      await page.locator('script').evaluateAll((els) => els.filter((e) => e.textContent?.includes('xss')).length),
    ).toBe(0);
    expect(errors).toEqual([]);
  });
});
