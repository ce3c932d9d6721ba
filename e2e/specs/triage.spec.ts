import { expect, test } from '@playwright/test';
import { demoJob, demoJobId, flinkJson } from '../support/flink';
import { watchForProblems } from '../support/problems';

// The triage page against the real sandbox, on both Flink lines: the back-pressured demo job's
// slow operator is named as the bottleneck (not its source), the failing-checkpoints job is among
// the checkpoint findings, the flaky job among the restarts, and the rows link to the exact views.

interface JobDetails {
  vertices: { id: string; name: string }[];
}

test('the triage page names the bottleneck, the failing checkpoints and the restarts', async ({ page }) => {
  const problems = watchForProblems(page);
  const bp = demoJobId('backpressure');
  const source = (await flinkJson<JobDetails>(`/jobs/${bp}`)).vertices.find((v) => v.name.startsWith('Source:'));
  expect(source).toBeDefined();

  await page.goto('./#/triage');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Triage');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Triage' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByText(/Per refresh: 1 request for the job list, 1 per running job/)).toBeVisible();
  // With 8 running jobs or fewer, every job's details are read on each refresh; the page says how fresh they are.
  await expect(page.getByRole('list', { name: 'Freshness' })).toContainText(
    /Job details of all \d+ running jobs read, the oldest [\d.]+m?s ago\./,
  );

  await test.step('the back-pressured job: the slow operator is the bottleneck, not the source', async () => {
    const region = page.getByRole('region', { name: 'Back pressure and its bottleneck' });
    // Back pressure needs two polls of the job details with new counters (Flink fetches every 10 s).
    const row = region.getByRole('row').filter({ hasText: demoJob('backpressure').name });
    await expect(row).toContainText('bottleneck: Slow enrichment', { timeout: 90_000 });
    await expect(row.getByRole('rowheader')).toContainText(source?.name ?? '-');
    await expect(row.getByRole('link', { name: 'back pressure' })).toHaveAttribute(
      'href',
      `#/jobs/${bp}/vertices/${source?.id}/backpressure`,
    );
    await expect(row.getByRole('cell').nth(2)).toHaveText(/\d\d:\d\d:\d\d/); // since when
    const busy = page.getByRole('region', { name: 'Busiest vertices' });
    await expect(busy.getByRole('row').filter({ hasText: 'Slow enrichment' })).toBeVisible();
    const slow = (await flinkJson<JobDetails>(`/jobs/${bp}`)).vertices.find((v) => v.name === 'Slow enrichment');
    const subtask = page
      .getByRole('region', { name: 'Busiest subtasks' })
      .getByRole('row')
      .filter({ hasText: 'Slow enrichment, subtask 0' });
    await expect(subtask.getByRole('link', { name: 'subtask 0' })).toHaveAttribute(
      'href',
      `#/jobs/${bp}/vertices/${slow?.id}/subtasks?subtask=0`,
    );
  });

  await test.step('the failing-checkpoints job is among the failing checkpoints, linked to one', async () => {
    const id = demoJobId('failingCheckpoints');
    const row = page
      .getByRole('region', { name: 'Failing checkpoints' })
      .getByRole('row')
      .filter({ hasText: demoJob('failingCheckpoints').name });
    await expect(row).toContainText(/\d+ failed checkpoints?/, { timeout: 60_000 });
    const link = row.getByRole('link', { name: /^checkpoint \d+$/ });
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^#/jobs/${id}/checkpoints/\\d+$`));
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#/jobs/${id}/checkpoints/\\d+$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoJob('failingCheckpoints').name);
    await page.goBack();
  });

  await test.step('the flaky job is among the restarts, linked to its exceptions', async () => {
    const row = page
      .getByRole('region', { name: 'Restarts in the last hour' })
      .getByRole('row')
      .filter({ hasText: demoJob('flaky').name });
    await expect(row).toContainText(/\d+ restarts?/, { timeout: 60_000 });
    await expect(row.getByRole('link', { name: 'exceptions' })).toHaveAttribute(
      'href',
      `#/jobs/${demoJobId('flaky')}/exceptions`,
    );
  });

  await test.step('task managers are ranked by heap use, linked to their metrics', async () => {
    const heap = page.getByRole('region', { name: 'Task managers: heap use' });
    const tms = await flinkJson<{ taskmanagers: { id: string }[] }>('/taskmanagers');
    const first = heap.getByRole('row').nth(1);
    await expect(first).toContainText(/\d+% heap/);
    const href = await first.getByRole('link', { name: 'metrics' }).getAttribute('href');
    expect(tms.taskmanagers.map((t) => `#/taskmanagers/${encodeURIComponent(t.id)}/metrics`)).toContain(href);
  });

  await test.step('the overview shows the panel of what is wrong', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
    const panel = page.getByRole('region', { name: 'What is wrong now' });
    await expect(
      panel
        .getByRole('row')
        .filter({ hasText: demoJob('flaky').name })
        .first(),
    ).toBeVisible({
      timeout: 60_000,
    });
    await expect(panel.getByRole('link', { name: 'All findings on the triage page' })).toHaveAttribute(
      'href',
      '#/triage',
    );
  });
  expect(problems).toEqual([]);
});
