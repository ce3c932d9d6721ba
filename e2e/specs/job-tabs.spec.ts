import { expect, test, type Page } from '@playwright/test';
import { demoJobId, flinkJson } from '../support/flink';
import { watchForProblems } from '../support/problems';

// The job's Checkpoints, Exceptions, Timeline and Configuration tabs, and one checkpoint's
// detail view, against the real sandbox: what a person sees, by role and visible text.

interface CheckpointEntry {
  id: number;
  status: string;
  failure_message?: string | null;
}
interface CheckpointStatsAnswer {
  counts: { completed: number; failed: number };
  latest: { completed: CheckpointEntry | null; failed: CheckpointEntry | null };
  history: (CheckpointEntry & Record<string, unknown>)[];
}
interface JobAnswer {
  name: string;
  vertices: { id: string; name: string; parallelism: number }[];
}

const tabUrl = (jobId: string, tab: string): string => `./#/jobs/${jobId}/${tab}`;

/** A chart is on screen: its labelled container holds a canvas with a size. */
async function expectChart(page: Page, name: RegExp): Promise<void> {
  const chart = page.getByRole('img', { name });
  await expect(chart).toBeVisible();
  const canvas = chart.locator('canvas').first();
  await expect(canvas).toBeAttached();
  await expect.poll(async () => canvas.evaluate((c: HTMLCanvasElement) => c.width * c.height)).toBeGreaterThan(0);
}

test.describe('job tabs', () => {
  test('checkpoints: the event-time job shows completed checkpoints and both charts', async ({ page }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('eventTime');
    await test.step('open the tab', async () => {
      await page.goto(tabUrl(jobId, 'checkpoints'));
      await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
    });
    await test.step('history table', async () => {
      const table = page.getByRole('table', { name: 'Checkpoint history' });
      await expect(table.getByRole('row').filter({ hasText: 'COMPLETED' }).first()).toBeVisible();
      const server = await flinkJson<CheckpointStatsAnswer>(`/jobs/${jobId}/checkpoints`);
      const latest = server.latest.completed;
      expect(latest).not.toBeNull();
      // The newest checkpoint Flink reports is (or soon will be) in the table, newest first.
      await expect(table.getByRole('link', { name: String(latest?.id), exact: true })).toBeVisible();
    });
    await test.step('charts', async () => {
      await expectChart(page, /^End-to-end duration of \d+ checkpoints$/);
      await expectChart(page, /^Checkpointed and full size of \d+ checkpoints$/);
    });
    await test.step('counts, summary and configuration', async () => {
      const counts = page.getByRole('region', { name: 'Checkpoint counts' });
      await expect(
        counts.locator('dl > div', { has: page.getByText('Completed', { exact: true }) }).locator('dd'),
      ).toHaveText(/^[1-9][\d,]*$/);
      await expect(
        page.getByRole('table', { name: /Checkpoint summary/ }).getByRole('row', { name: /End-to-end duration/ }),
      ).toBeVisible();
      await expect(
        page.getByRole('table', { name: 'Checkpoint configuration' }).getByRole('row', { name: /Interval 5\.0s/ }),
      ).toBeVisible();
    });
    expect(problems).toEqual([]);
  });

  test('checkpoints: the failing-checkpoint job shows FAILED checkpoints with their failure message', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('failingCheckpoints');
    const server = await flinkJson<CheckpointStatsAnswer>(`/jobs/${jobId}/checkpoints`);
    const message = server.latest.failed?.failure_message;
    expect(message, 'the sandbox job has failed a checkpoint').toBeTruthy();

    await page.goto(tabUrl(jobId, 'checkpoints'));
    const table = page.getByRole('table', { name: 'Checkpoint history' });
    const failed = table.getByRole('row').filter({ hasText: 'FAILED' });
    await expect(failed.first()).toBeVisible();
    await expect(failed.first()).toContainText(message ?? '');
    await expect(page.getByRole('article', { name: 'Latest failed' })).toContainText(message ?? '');
    await expect(page.getByRole('region', { name: 'Checkpoint counts' }).locator('[data-tone="bad"]')).toContainText(
      'Failed',
    );

    // The failed ones can be picked out by filtering the table.
    await page.getByRole('searchbox', { name: /Filter checkpoint history/ }).fill('failed');
    await expect(page).toHaveURL(/[?&]cp-q=failed/);
    // The router renders a URL change in a transition, after the address bar has changed: wait
    // for the rows, not just the URL.
    const badges = table.locator('tbody .badge');
    await expect(badges.filter({ hasNotText: /^FAILED$/ })).toHaveCount(0);
    await expect(badges.first()).toHaveText('FAILED');
    expect(problems).toEqual([]);
  });

  test('checkpoint detail: lists the vertices and the subtasks, the slowest first', async ({ page }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('eventTime');
    const job = await flinkJson<JobAnswer>(`/jobs/${jobId}`);
    await page.goto(tabUrl(jobId, 'checkpoints'));
    const table = page.getByRole('table', { name: 'Checkpoint history' });
    const link = table.getByRole('row').filter({ hasText: 'COMPLETED' }).first().getByRole('link');
    const id = (await link.textContent()) ?? '';
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}/checkpoints/${id}`));
    await expect(page.getByRole('heading', { name: new RegExp(`Checkpoint ${id}`) })).toBeVisible();

    const vertices = page.getByRole('table', { name: 'Vertices in this checkpoint' });
    await expect(vertices.getByRole('rowheader')).toHaveCount(job.vertices.length);
    for (const v of job.vertices)
      await expect(vertices.getByRole('rowheader').filter({ hasText: v.name })).toHaveCount(1);
    await expect(vertices.getByRole('rowheader').first()).toContainText('slowest');

    const slowestVertex = (await vertices.getByRole('rowheader').first().getByRole('button').textContent()) ?? '';
    const parallelism = job.vertices.find((v) => v.name === slowestVertex)?.parallelism ?? 0;
    const subtasks = page.getByRole('table', { name: 'Subtasks in this checkpoint' });
    await expect(subtasks.getByRole('rowheader')).toHaveCount(parallelism);
    await expect(subtasks.locator('tr.row-slowest')).toHaveCount(1);
    await expect(subtasks.getByRole('rowheader').first()).toContainText('slowest');

    // Another vertex's subtasks, on demand; the choice is in the URL.
    const other = job.vertices.find((v) => v.name !== slowestVertex);
    if (other) {
      await vertices.getByRole('button', { name: other.name, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`[?&]vertex=${other.id}`));
      await expect(page.getByRole('heading', { name: `Subtasks of ${other.name}` })).toBeVisible();
      await expect(subtasks.getByRole('rowheader')).toHaveCount(other.parallelism);
    }
    expect(problems).toEqual([]);
  });

  test('checkpoint detail of a failed checkpoint shows its failure message and the vertex that held it up', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('failingCheckpoints');
    const server = await flinkJson<CheckpointStatsAnswer>(`/jobs/${jobId}/checkpoints`);
    const failed = server.latest.failed;
    expect(failed).not.toBeNull();
    await page.goto(`./#/jobs/${jobId}/checkpoints/${failed?.id}`);
    await expect(page.getByRole('alert')).toContainText(failed?.failure_message ?? 'Checkpoint expired');
    const vertices = page.getByRole('table', { name: 'Vertices in this checkpoint' });
    await expect(vertices.getByRole('rowheader').first()).toContainText('Slow snapshot');
    await expect(page.getByRole('table', { name: 'Subtasks in this checkpoint' }).getByRole('rowheader')).toHaveCount(
      1,
    );
    expect(problems).toEqual([]);
  });

  test('exceptions: the flaky job shows its failure, root cause, task manager link and stack trace', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('flaky');
    await page.goto(tabUrl(jobId, 'exceptions'));
    const list = page.getByRole('list', { name: 'Root exceptions' });
    const first = list.getByRole('article').first();
    await expect(first.getByRole('heading')).toContainText('Simulated failure: flaky parser hit a corrupt record #');
    await expect(first.locator('dt', { hasText: 'Root cause' }).locator('+ dd')).toContainText('Simulated failure');
    await expect(first.locator('dt', { hasText: 'Task' }).first().locator('+ dd')).toContainText('Flaky parser');

    const tmLink = first.getByRole('link');
    await expect(tmLink).toHaveAttribute('href', /#\/taskmanagers\/[^/]+$/);

    const trace = first.locator('pre');
    await expect(trace).toBeHidden();
    await first.getByText('Stack trace', { exact: true }).click();
    await expect(trace).toBeVisible();
    await expect(trace).toContainText('at dev.flinkdashboard.demo.FlakyJob');
    expect(await trace.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre');
    await first.getByText('Stack trace', { exact: true }).click();
    await expect(trace).toBeHidden();

    await expect(page.getByRole('table', { name: 'Recurring failures' })).toContainText('corrupt record #N');

    await tmLink.click();
    await expect(page).toHaveURL(/#\/taskmanagers\/[^/]+$/);
    expect(problems).toEqual([]);
  });

  test('timeline: the job, its vertices and, on demand, the subtasks of one vertex', async ({ page }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('eventTime');
    const job = await flinkJson<JobAnswer>(`/jobs/${jobId}`);
    await page.goto(tabUrl(jobId, 'timeline'));
    await expectChart(page, new RegExp(`^Timeline of the job and its ${job.vertices.length} vertices$`));

    const vertex = job.vertices[0];
    if (!vertex) throw new Error('the job has no vertices');
    await page.getByLabel('Show the subtasks of').selectOption(vertex.id);
    await expect(page).toHaveURL(new RegExp(`[?&]vertex=${vertex.id}`));
    await expectChart(page, new RegExp(`^Timeline of the ${vertex.parallelism} subtasks of `));

    await page.getByText('Show as a table').last().click();
    const rows = page.getByRole('table', { name: 'Subtask states' }).getByRole('row').filter({ hasText: 'RUNNING' });
    await expect(rows).toHaveCount(vertex.parallelism);
    expect(problems).toEqual([]);
  });

  test('configuration: the finished job shows its execution result', async ({ page }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('bounded');
    await page.goto(tabUrl(jobId, 'configuration'));
    const result = page.getByRole('table', { name: 'Execution result' });
    await expect(result.getByRole('row', { name: /Application status\s*SUCCEEDED/ })).toBeVisible();
    await expect(result.getByRole('row', { name: /Net runtime/ })).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Execution configuration' }).getByRole('row', { name: /Restart strategy/ }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('table', { name: 'JobManager configuration' })
        .getByRole('row', { name: /jobmanager\.rpc\.address/ }),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: 'Classpath' })).toBeVisible();

    // Every table filters.
    await page.getByRole('searchbox', { name: 'Filter jobmanager configuration' }).fill('rest.flamegraph');
    await expect(page.getByRole('table', { name: 'JobManager configuration' }).getByRole('rowheader')).toHaveText([
      'rest.flamegraph.enabled',
    ]);
    expect(problems).toEqual([]);
  });

  test('configuration: hostile accumulator names and values are literal text', async ({ page }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('hostile');
    const accumulators = await flinkJson<{ 'user-task-accumulators': { name: string; value: string }[] }>(
      `/jobs/${jobId}/accumulators`,
    );
    expect(accumulators['user-task-accumulators'].length).toBeGreaterThan(0);
    await page.goto(tabUrl(jobId, 'configuration'));
    const table = page.getByRole('table', { name: 'User accumulators' });
    for (const a of accumulators['user-task-accumulators']) {
      await expect(table.getByRole('rowheader', { name: a.name, exact: true })).toHaveText(a.name);
    }
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('main svg[onload], main a[href^="javascript"]')).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('deep links to each tab reload to the same tab', async ({ page }) => {
    const problems = watchForProblems(page);
    const cases: {
      job: Parameters<typeof demoJobId>[0];
      tab: string;
      label: string;
      sees: (p: Page) => ReturnType<Page['getByRole']>;
    }[] = [
      {
        job: 'eventTime',
        tab: 'checkpoints',
        label: 'Checkpoints',
        sees: (p) => p.getByRole('table', { name: 'Checkpoint history' }),
      },
      {
        job: 'flaky',
        tab: 'exceptions',
        label: 'Exceptions',
        sees: (p) => p.getByRole('list', { name: 'Root exceptions' }),
      },
      {
        job: 'eventTime',
        tab: 'timeline',
        label: 'Timeline',
        sees: (p) => p.getByRole('img', { name: /^Timeline of the job/ }),
      },
      {
        job: 'bounded',
        tab: 'configuration',
        label: 'Configuration',
        sees: (p) => p.getByRole('table', { name: 'Execution result' }),
      },
    ];
    for (const c of cases) {
      await test.step(c.tab, async () => {
        const url = tabUrl(demoJobId(c.job), c.tab);
        await page.goto(url);
        await expect(c.sees(page)).toBeVisible();
        await page.reload();
        await expect(page).toHaveURL(new RegExp(`#/jobs/${demoJobId(c.job)}/${c.tab}$`));
        await expect(c.sees(page)).toBeVisible();
        await expect(
          page.getByRole('navigation', { name: 'Job views' }).getByRole('link', { name: c.label }),
        ).toHaveAttribute('aria-current', 'page');
      });
    }
    await test.step('a checkpoint detail', async () => {
      const jobId = demoJobId('eventTime');
      const server = await flinkJson<CheckpointStatsAnswer>(`/jobs/${jobId}/checkpoints`);
      const id = server.latest.completed?.id;
      await page.goto(`./#/jobs/${jobId}/checkpoints/${id}`);
      await expect(page.getByRole('table', { name: 'Vertices in this checkpoint' })).toBeVisible();
      await page.reload();
      await expect(page.getByRole('table', { name: 'Vertices in this checkpoint' })).toBeVisible();
    });
    expect(problems).toEqual([]);
  });

  // How fast is measured by `npm run bench`; here: that it renders at all, whole.
  test('a 1,000-checkpoint history renders its table and charts', async ({ page }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('eventTime');
    // The real answer, with its history grown to 1,000 entries (renumbered copies of the real
    // ones), as a JobManager with web.checkpoints.history=1000 would send it.
    const real = await flinkJson<CheckpointStatsAnswer>(`/jobs/${jobId}/checkpoints`);
    const template = real.history;
    expect(template.length).toBeGreaterThan(0);
    const history = Array.from({ length: 1000 }, (_, i) => ({ ...template[i % template.length], id: 100_000 - i }));
    const body = JSON.stringify({ ...real, history });
    await page.route(new RegExp(`/api/jobs/${jobId}/checkpoints$`), (route) =>
      route.fulfill({ contentType: 'application/json', body }),
    );

    await page.goto(tabUrl(jobId, 'checkpoints'));
    await expect(page.getByText('1000 checkpoints seen while this dashboard was open')).toBeVisible();
    await expectChart(page, /^End-to-end duration of 1000 checkpoints$/);
    await expectChart(page, /^Checkpointed and full size of 1000 checkpoints$/);
    const table = page.getByRole('table', { name: 'Checkpoint history' });
    // The first page: 100 rows, drawn as they come into view (a page this long is a virtual list):
    // the table says how many rows it has, and scrolling to its end (the "Show all" button right
    // below it) shows the 100th checkpoint, the newest first.
    await expect(table).toHaveAttribute('aria-rowcount', '101');
    const lastOfPage = table.locator('tr[aria-rowindex="101"]');
    const showAll = page.getByRole('button', { name: 'Show all' });
    await expect(async () => {
      await showAll.scrollIntoViewIfNeeded({ timeout: 1000 });
      await expect(lastOfPage).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(lastOfPage.getByRole('rowheader')).toHaveText(String(100_000 - 99));
    await showAll.click();
    // All 1,000 rows, drawn as they come into view (a long table is a virtual list): the table
    // says how many rows it has, and scrolling to its end shows the last checkpoint's row.
    await expect(table).toHaveAttribute('aria-rowcount', '1001');
    const lastRow = table.locator('tr[aria-rowindex="1001"]');
    await expect(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect(lastRow).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(lastRow.getByRole('rowheader')).toContainText(/\d/);
    expect(await table.getByRole('rowheader').count()).toBeLessThan(1000);
    expect(problems).toEqual([]);
  });
});
