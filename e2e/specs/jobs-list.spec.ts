import { expect, test } from '@playwright/test';
import { demoJob, demoJobId } from '../support/flink';

test.describe('jobs list', () => {
  test('filters by name and state and sorts by any column, all kept in the URL', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('./#/jobs');
    const table = page.getByRole('table', { name: 'Jobs' });
    const sandboxRow = (key: Parameters<typeof demoJobId>[0]) =>
      table.getByRole('row').filter({ has: page.locator(`a[href$="/jobs/${demoJobId(key)}"]`) });
    await expect(sandboxRow('wide')).toBeVisible();
    await expect(sandboxRow('bounded')).toContainText('FINISHED');

    // Filter by name.
    await page.getByRole('searchbox', { name: /Filter jobs/ }).fill('wide pipeline');
    await expect(sandboxRow('wide')).toBeVisible();
    await expect(sandboxRow('eventTime')).toHaveCount(0);
    await expect(page).toHaveURL(/[?&]q=wide(\+|%20)pipeline/);
    await page.getByRole('searchbox', { name: /Filter jobs/ }).fill('');

    // Filter by state.
    await page.getByRole('button', { name: /^FINISHED \(\d+\)$/ }).click();
    await expect(page).toHaveURL(/[?&]state=FINISHED/);
    await expect(sandboxRow('bounded')).toBeVisible();
    await expect(sandboxRow('wide')).toHaveCount(0);
    await expect(table.locator('tbody .badge').filter({ hasNotText: /^FINISHED$/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'All states' }).click();

    // Sort by name, ascending then descending.
    await page.getByRole('button', { name: 'Job', exact: true }).click();
    await expect(page).toHaveURL(/[?&]sort=name/);
    // The router renders a URL change in a transition, after the address bar changed: poll the rows.
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    const rowNames = (): Promise<string[]> => table.locator('tbody th').allTextContents();
    await expect
      .poll(async () => {
        const shown = await rowNames();
        return shown.length > 1 && shown.join('\n') === [...shown].sort(collator.compare).join('\n');
      })
      .toBe(true);
    const names = await rowNames();
    await page.getByRole('button', { name: 'Job', exact: true }).click();
    await expect(page).toHaveURL(/[?&]sort=-name/);
    const reversed = [...names].reverse();
    await expect(table.locator('tbody th')).toHaveText(reversed);

    // The URL is the view: reloading it gives the same sort.
    await page.reload();
    await expect(page.getByRole('columnheader', { name: /Job/ }).first()).toHaveAttribute('aria-sort', 'descending');
    await expect(table.locator('tbody th')).toHaveText(reversed);
    expect(errors).toEqual([]);
  });

  test('shows live durations for running jobs', async ({ page }) => {
    await page.goto('./#/jobs');
    const row = page.getByRole('row').filter({ has: page.locator(`a[href$="/jobs/${demoJobId('eventTime')}"]`) });
    await expect(row.getByRole('link')).toHaveText(demoJob('eventTime').name);
    const first = await row.locator('td').nth(3).textContent();
    await expect.poll(async () => row.locator('td').nth(3).textContent(), { timeout: 5000 }).not.toBe(first);
  });
});
