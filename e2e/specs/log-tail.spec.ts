import { expect, test } from '@playwright/test';

// The job manager's current log opens at its end and follows it; Home (and the Top button) goes
// to the top, End back to the end.

test('the job manager log opens at its end; Home goes to the top', async ({ page }) => {
  await page.goto('#/jobmanager/logs');
  const lines = page.getByRole('region', { name: /^Contents of / });
  await expect(lines).toBeVisible({ timeout: 30_000 });
  const follow = page.getByRole('checkbox', { name: 'Follow' });
  await expect(follow).toBeChecked();
  const lineCount = Number(
    ((await page.locator('.log-size').textContent()) ?? '').replace(/[^\d].*$/, '').replace(/,/g, ''),
  );
  const lastShown = async (): Promise<number> =>
    Math.max(...(await lines.locator('.log-ln').allTextContents()).map((t) => Number(t.replace(/,/g, ''))));
  await expect.poll(lastShown).toBeGreaterThanOrEqual(lineCount);

  await lines.focus();
  await page.keyboard.press('Home');
  await expect(lines.locator('.log-ln').first()).toHaveText('1');
  await expect.poll(() => lines.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(follow).not.toBeChecked();

  await page.keyboard.press('End');
  await expect(follow).toBeChecked();
  await expect.poll(lastShown).toBeGreaterThanOrEqual(lineCount);
});
