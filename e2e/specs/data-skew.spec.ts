import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoJob, demoJobId, flinkJson, type DemoJobKey } from '../support/flink';
import { watchForProblems } from '../support/problems';
import { recordApiRequests } from '../support/api-requests';

// The job's "Data skew" tab against the real sandbox, on both Flink lines (1.20 and 2.x both
// serve the `skew` aggregation): every vertex of the job is listed, worst first, each row opens
// its vertex, and a refresh asks at most one aggregated request per vertex.

interface VertexSummary {
  id: string;
  name: string;
  parallelism: number;
}
interface AggregatedMetric {
  id: string;
  skew?: number;
}

const skewTab = (jobId: string): string => `./#/jobs/${jobId}/data-skew`;

/** The data skew page of a demo job, as a person sees it. */
class DataSkewPage {
  readonly table: Locator;
  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Data skew per vertex' });
  }

  async open(job: DemoJobKey): Promise<void> {
    await this.page.goto(skewTab(demoJobId(job)));
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(demoJob(job).name);
    await expect(this.page.getByRole('heading', { name: 'Data skew', level: 2 })).toBeVisible();
    await expect(
      this.page.getByRole('navigation', { name: 'Job views' }).getByRole('link', { name: 'Data skew' }),
    ).toHaveAttribute('aria-current', 'page');
  }

  names(): Promise<string[]> {
    return this.table.getByRole('rowheader').allTextContents();
  }

  hrefs(): Promise<(string | null)[]> {
    return this.table
      .getByRole('rowheader')
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  }

  /** The skew column's cells, top to bottom, as numbers (null for "–"). */
  async skews(): Promise<(number | null)[]> {
    const texts = await this.table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const header = Array.from(row.closest('table')?.querySelectorAll('thead th') ?? []);
        const index = header.findIndex((th) => th.textContent?.startsWith('Data skew'));
        return row.children[index]?.textContent ?? '';
      }),
    );
    return texts.map((t) => (/^\d+%$/.test(t) ? Number(t.slice(0, -1)) : null));
  }
}

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

/**
 * Over three refreshes: at most one aggregated skew request per vertex with more than one subtask
 * per refresh, none per subtask; the figures measured go into the test's annotations.
 */
async function expectBoundedRefresh(
  page: Page,
  requests: readonly { at: number; path: string }[],
  jobId: string,
  vertices: readonly VertexSummary[],
  interval: number,
  what: string,
): Promise<void> {
  await page.waitForTimeout(1000); // first fetches settle
  const from = Date.now();
  await page.waitForTimeout(interval * 3);
  const paths = requests.filter((r) => r.at >= from && r.at < from + interval * 3).map((r) => r.path);
  const refreshes = paths.filter((p) => p === `/jobs/${jobId}`).length;
  expect(refreshes).toBeGreaterThanOrEqual(2);
  const skewRequests = paths.filter((p) => p.includes('/subtasks/metrics'));
  const several = vertices.filter((v) => v.parallelism > 1).length;
  test.info().annotations.push({
    type: `requests per refresh (${what}, data skew tab)`,
    description: `${(paths.length / refreshes).toFixed(1)} in all, ${(skewRequests.length / refreshes).toFixed(1)} for skew (${vertices.length} vertices, ${several} with more than one subtask)`,
  });
  expect(skewRequests.length / refreshes).toBeLessThanOrEqual(several);
  expect(new Set(skewRequests).size).toBeLessThanOrEqual(several);
  expect(paths.filter((p) => /\/subtasks\/\d+\//.test(p))).toEqual([]); // never per subtask
}

test.describe('data skew', () => {
  test('the wide job lists every vertex; each row opens its vertex; requests per refresh', async ({ page }) => {
    const problems = watchForProblems(page);
    const requests = recordApiRequests(page);
    const jobId = demoJobId('wide');
    const { vertices } = await flinkJson<{ vertices: VertexSummary[] }>(`/jobs/${jobId}`);
    const { 'refresh-interval': interval } = await flinkJson<{ 'refresh-interval': number }>('/config');
    const view = new DataSkewPage(page);

    await test.step('every vertex of the job is a row, named as in the REST API', async () => {
      await view.open('wide');
      await expect(view.table.getByRole('rowheader')).toHaveCount(vertices.length);
      expect(sorted(await view.names())).toEqual(sorted(vertices.map((v) => v.name)));
      await expect(page.getByText(/average absolute deviation from the mean/)).toBeVisible();
    });

    await test.step('each row links to its vertex’s subtasks', async () => {
      const hrefs = await view.hrefs();
      expect(sorted(hrefs.map((h) => h ?? ''))).toEqual(
        sorted(vertices.map((v) => `#/jobs/${jobId}/vertices/${v.id}/subtasks`)),
      );
      // Figures for every row: Flink's answer, or the job details for one-subtask vertices.
      await expect.poll(async () => (await view.skews()).filter((s) => s !== null).length).toBe(vertices.length);
    });

    await test.step('a refresh asks at most one aggregated request per vertex with several subtasks', async () => {
      await expectBoundedRefresh(page, requests, jobId, vertices, interval, 'wide job');
    });

    await test.step('a row opens its vertex', async () => {
      const target = vertices[vertices.length - 1];
      if (!target) throw new Error('the wide job has vertices');
      await view.table.getByRole('link', { name: target.name, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}/vertices/${target.id}/subtasks$`));
    });
    expect(problems).toEqual([]);
  });

  test('the event-time job: every vertex, worst first, Flink’s own skew; each row opens its vertex', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    const requests = recordApiRequests(page);
    const jobId = demoJobId('eventTime');
    const { vertices } = await flinkJson<{ vertices: VertexSummary[] }>(`/jobs/${jobId}`);
    const { 'refresh-interval': interval } = await flinkJson<{ 'refresh-interval': number }>('/config');
    const view = new DataSkewPage(page);
    await view.open('eventTime');
    await expect(view.table.getByRole('rowheader')).toHaveCount(vertices.length);
    expect(sorted(await view.names())).toEqual(sorted(vertices.map((v) => v.name)));

    await test.step('worst first', async () => {
      await expect.poll(async () => (await view.skews()).every((s) => s !== null)).toBe(true);
      const skews = (await view.skews()).map((s) => s ?? -1);
      expect(skews).toEqual([...skews].sort((a, b) => b - a));
    });

    await test.step('a refresh asks one aggregated request per vertex with several subtasks', async () => {
      await expectBoundedRefresh(page, requests, jobId, vertices, interval, 'event-time job');
    });

    await test.step('the percentage is the one Flink computes', async () => {
      for (const vertex of vertices) {
        const row = view.table.getByRole('row').filter({ has: page.getByRole('link', { name: vertex.name }) });
        await expect
          .poll(async () => {
            const [answer] = await flinkJson<AggregatedMetric[]>(
              `/jobs/${jobId}/vertices/${vertex.id}/subtasks/metrics?get=numRecordsIn&agg=skew`,
            );
            // The cells after the vertex: subtasks, data skew, min, average, max.
            const shown = /^(\d+)%$/.exec((await row.getByRole('cell').nth(1).textContent()) ?? '')?.[1];
            // Counters move between the two reads: a point either way is the same answer.
            return shown !== undefined && answer?.skew !== undefined && Math.abs(Number(shown) - answer.skew) <= 1;
          })
          .toBe(true);
      }
    });

    for (const vertex of vertices) {
      await test.step(`"${vertex.name}" opens its vertex`, async () => {
        await page.goto(skewTab(jobId));
        await view.table.getByRole('link', { name: vertex.name, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}/vertices/${vertex.id}/subtasks$`));
      });
    }
    expect(problems).toEqual([]);
  });

  test('the job graph shows each vertex’s skew when its details are readable', async ({ page }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('eventTime');
    const { vertices } = await flinkJson<{ vertices: VertexSummary[] }>(`/jobs/${jobId}`);
    await page.goto(`./#/jobs/${jobId}/graph`);
    // Three vertices fit the screen at a readable zoom level.
    await expect(page.getByText('Zoom in to read details and watermarks')).toBeHidden();
    for (const vertex of vertices) {
      // The graph's node, not the vertex table's link under the graph (which carries the id too).
      const node = page.locator(`a.jg-node[data-vertex-id="${vertex.id}"]`);
      await expect(node).toContainText(/data skew \d+%/);
    }
    expect(problems).toEqual([]);
  });

  test('hostile vertex names stay text', async ({ page }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('hostile');
    const { vertices } = await flinkJson<{ vertices: VertexSummary[] }>(`/jobs/${jobId}`);
    const view = new DataSkewPage(page);
    await view.open('hostile');
    await expect(view.table.getByRole('rowheader')).toHaveCount(vertices.length);
    expect(sorted(await view.names())).toEqual(sorted(vertices.map((v) => v.name)));
    await expect(view.table.getByText("<img src=x onerror=alert('xss-img')>", { exact: true })).toBeVisible();
    await page.waitForTimeout(1500);
    await expect(page.locator('img')).toHaveCount(0);
    await expect(page.locator('main script, main iframe, main details, main b, main svg[onload]')).toHaveCount(0);
    expect(problems).toEqual([]);
  });
});
