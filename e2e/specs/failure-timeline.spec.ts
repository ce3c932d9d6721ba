import { expect, test } from '@playwright/test';
import { demoJob, demoJobId, flinkJson } from '../support/flink';
import { watchForProblems } from '../support/problems';

// The job's Failures tab against the real sandbox, on both Flink lines: the flaky job's timeline
// shows its restarts and exceptions (as Flink's exception history lists them), and a mark's
// detail link opens its view.

interface Exceptions {
  exceptionHistory: { entries: { exceptionName: string; timestamp: number }[] };
}

test("the flaky job's failure timeline shows its restarts and exceptions, linked", async ({ page }) => {
  const problems = watchForProblems(page);
  const jobId = demoJobId('flaky');
  const history = await flinkJson<Exceptions>(`/jobs/${jobId}/exceptions`);
  expect(history.exceptionHistory.entries.length).toBeGreaterThan(0);

  await page.goto(`./#/jobs/${jobId}/failures`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoJob('flaky').name);
  await expect(
    page.getByRole('navigation', { name: 'Job views' }).getByRole('link', { name: 'Failures' }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('img', { name: /^Failure timeline of the job: \d+ events$/ })).toBeVisible();

  const table = page.getByRole('table', { name: 'Failure events' });
  await test.step('restarts and exceptions are on the timeline', async () => {
    await expect(page.getByRole('status').filter({ hasText: /restarts/ })).toHaveText(
      /^[1-9]\d* restarts, [1-9]\d* exceptions, \d+ failed checkpoints seen\./,
    );
    await expect(table.getByRole('row').filter({ hasText: 'Restart' }).first()).toBeVisible();
    const exceptionRow = table.getByRole('row').filter({ hasText: 'IllegalStateException: Simulated failure' }).first();
    await expect(exceptionRow).toContainText('Flaky parser');
  });

  await test.step("an exception's detail link opens that entry of the job's exception history", async () => {
    const exceptionRow = table.getByRole('row').filter({ hasText: 'Exception' }).first();
    const link = exceptionRow.getByRole('link', { name: 'detail' });
    const href = (await link.getAttribute('href')) ?? '';
    const at = Number(new RegExp(`^#/jobs/${jobId}/exceptions\\?at=(\\d+)$`).exec(href)?.[1]);
    expect(at).toBeGreaterThan(0);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}/exceptions\\?at=${at}$`));
    await expect(page.getByRole('note').filter({ hasText: 'Showing the exception at' })).toBeVisible();
    const entries = page.getByRole('list', { name: 'Root exceptions' }).locator(':scope > li');
    await expect(entries).toHaveCount(1);
    await expect(entries.first().locator('time').first()).toHaveAttribute('datetime', new Date(at).toISOString());
    await expect(entries.first().getByText('Simulated failure').first()).toBeVisible();
    await page.getByRole('button', { name: 'Show all exceptions' }).click();
    await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}/exceptions$`));
  });
  expect(problems).toEqual([]);
});
