import { expect, test, type Page } from '@playwright/test';
import { demoJobId, flinkJson } from '../support/flink';

// Issue 14, the per-process views: the job header's task counts and JobManager log link, the
// vertex header's I/O totals and task counts, the task managers' data port and managed memory,
// and the thread dump's warning. Every expected value is read from the real JobManager.

interface JobDetails {
  vertices: { id: string; name: string; tasks: Record<string, number>; metrics: Record<string, number> }[];
}

/** Every page error and every dialog (an injected `alert`) fails the test. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  return errors;
}

/** "2 RUNNING", ... for the non-zero states of a vertex-tasks map, sorted for comparison. */
function badgeTexts(counts: Record<string, number>): string[] {
  return Object.entries(counts)
    .filter(([state, n]) => n > 0 && state.toLowerCase() !== 'total')
    .map(([state, n]) => `${n} ${state.toUpperCase()}`)
    .sort();
}

function sum(records: Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, n] of Object.entries(r)) out[k] = (out[k] ?? 0) + n;
  return out;
}

/** "12,345" -> 12345. */
function count(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

test.describe('process views', () => {
  test("the job header shows the event-time job's task counts as the REST API does, and links to the JobManager log", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const jobId = demoJobId('eventTime');
    const details = await flinkJson<JobDetails>(`/jobs/${jobId}`);
    const overview = await flinkJson<{ jobs: { jid: string; tasks: Record<string, number> }[] }>('/jobs/overview');
    const expected = badgeTexts(sum(details.vertices.map((v) => v.tasks)));
    // The header's figures are the job overview's `tasks` too (the same subtasks, counted there).
    expect(badgeTexts(overview.jobs.find((j) => j.jid === jobId)?.tasks ?? {})).toEqual(expected);

    await page.goto(`./#/jobs/${jobId}`);
    const counts = page.locator('header.job-header').getByRole('list', { name: 'Tasks per state' });
    await expect(counts.getByRole('listitem')).toHaveText(expected, { timeout: 30_000 });

    await page.getByRole('link', { name: 'JobManager log' }).click();
    await expect(page).toHaveURL(/#\/jobmanager\/logs$/);
    expect(errors).toEqual([]);
  });

  test("the vertex header shows the source's I/O totals and task counts", async ({ page }) => {
    const errors = watchErrors(page);
    const jobId = demoJobId('eventTime');
    const before = await flinkJson<JobDetails>(`/jobs/${jobId}`);
    const source = before.vertices.find((v) => v.name.startsWith('Source: Order generator'));
    if (!source) throw new Error('the event-time job has no source vertex');

    await page.goto(`./#/jobs/${jobId}/vertices/${source.id}`);
    const header = page.locator('header.vertex-header');
    await expect(header.getByRole('list', { name: 'Tasks per state' }).getByRole('listitem')).toHaveText(
      badgeTexts(source.tasks),
      { timeout: 30_000 },
    );
    const stat = (term: string) =>
      header.locator('dl > div').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) });
    await expect(stat('Records sent').getByRole('definition')).toHaveText(/^[\d,]+$/, { timeout: 30_000 });
    // Counters only grow: what the page shows is at least what the API said before it loaded.
    expect(count(await stat('Records sent').getByRole('definition').textContent())).toBeGreaterThanOrEqual(
      source.metrics['write-records'] ?? Infinity,
    );
    // A source receives nothing over the network, as Flink's counters say, and the page says why.
    await expect(stat('Records received').getByRole('definition')).toHaveText('0');
    await expect(stat('Bytes sent').getByRole('definition')).toHaveText(/\d.*B$/);
    await expect(stat('Start').getByRole('definition')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    await expect(stat('Duration').getByRole('definition')).not.toHaveText('–');
    await expect(header.getByText(/0 received for a source, 0 sent for a sink/)).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('the task managers list shows each task manager’s data port and managed memory', async ({ page }) => {
    const errors = watchErrors(page);
    const { taskmanagers } = await flinkJson<{
      taskmanagers: {
        id: string;
        dataPort: number;
        blocked?: boolean;
        memoryConfiguration: { managedMemory: number };
      }[];
    }>('/taskmanagers');
    await page.goto('./#/taskmanagers');
    const table = page.getByRole('table', { name: 'Task managers' });
    await expect(table.getByRole('columnheader', { name: /Data port/ })).toBeVisible({ timeout: 30_000 });
    await expect(table.getByRole('columnheader', { name: /Managed memory/ })).toBeVisible();
    for (const tm of taskmanagers) {
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: tm.id, exact: true }) });
      await expect(row.getByRole('cell', { name: String(tm.dataPort), exact: true })).toBeVisible();
      const mib = tm.memoryConfiguration.managedMemory / 2 ** 20;
      await expect(row.getByRole('cell', { name: new RegExp(`^${Math.round(mib)}(\\.\\d)? MiB$`) })).toBeVisible();
      // Flink sends `blocked` only while a task manager is blocked (the sandbox blocks none).
      await expect(row.getByText('blocked', { exact: true })).toHaveCount(tm.blocked === true ? 1 : 0);
    }
    expect(errors).toEqual([]);
  });

  test('the thread dump says that it pauses the JVM, next to its button', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('./#/jobmanager/thread-dump');
    const button = page.getByRole('button', { name: /Take a new dump|Taking a dump/ });
    await expect(button).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/the JVM pauses briefly \(can be seconds with many threads\)/)).toBeVisible();
    await expect(button).toHaveAccessibleDescription(/JVM pauses briefly/);
    expect(errors).toEqual([]);
  });
});
