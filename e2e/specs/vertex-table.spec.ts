import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoJobId, flinkJson } from '../support/flink';
import { watchForProblems } from '../support/problems';
import { recordApiRequests } from '../support/api-requests';

// The vertex table under the job graph, against the real sandbox: every vertex a row, task
// counts by state, sources' and sinks' records from operator metrics, sorting, the graph and the
// table marking one vertex together, and what a refresh costs with the table in view.

interface Vertex {
  id: string;
  name: string;
  parallelism: number;
  maxParallelism: number;
  tasks: Record<string, number>;
}
interface Details {
  vertices: Vertex[];
  plan: { nodes: { id: string; inputs?: { id: string }[] }[] };
}
type Aggregated = { id: string; sum?: number }[];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The vertex table as a person uses it. */
class VertexTable {
  readonly table: Locator;
  constructor(
    readonly page: Page,
    count: number,
  ) {
    this.table = page.getByRole('table', { name: `Vertices of the job (${count})` });
  }

  async open(jobId: string): Promise<void> {
    await this.page.goto(`./#/jobs/${jobId}/graph`);
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** The data cells of a column, by its header's position. */
  async cell(name: string, header: string): Promise<Locator> {
    await expect(this.row(name)).toHaveCount(1);
    const headers = await this.table.getByRole('columnheader').allInnerTexts();
    const index = headers.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === header);
    expect(index, `column ${header} in ${headers.join(' | ')}`).toBeGreaterThan(0);
    // The first column is the row header (th); the others are cells (td).
    return this.row(name)
      .getByRole('cell')
      .nth(index - 1);
  }

  async firstNames(n: number): Promise<string[]> {
    return (await this.table.getByRole('rowheader').allInnerTexts()).slice(0, n);
  }
}

const numberIn = (text: string, before: string): number => {
  const match = new RegExp(`([\\d,.]+)\\s*${escapeRegExp(before)}`).exec(text);
  return match ? Number(match[1]?.replace(/,/g, '')) : NaN;
};

function roles(details: Details): { sources: Vertex[]; sinks: Vertex[] } {
  const fed = new Set(details.plan.nodes.flatMap((n) => (n.inputs ?? []).map((i) => i.id)));
  const withInput = new Set(details.plan.nodes.filter((n) => (n.inputs ?? []).length > 0).map((n) => n.id));
  return {
    sources: details.vertices.filter((v) => !withInput.has(v.id)),
    sinks: details.vertices.filter((v) => !fed.has(v.id)),
  };
}

test.describe('vertex table', () => {
  test('the wide job: a row per vertex with its task counts; sorting; requests per refresh', async ({ page }) => {
    const problems = watchForProblems(page);
    const requests = recordApiRequests(page);
    const jobId = demoJobId('wide');
    const details = await flinkJson<Details>(`/jobs/${jobId}`);
    const { 'refresh-interval': interval } = await flinkJson<{ 'refresh-interval': number }>('/config');
    const vertices = new VertexTable(page, details.vertices.length);

    await test.step('every vertex of the job (from the REST API) is a row, with its task counts', async () => {
      await vertices.open(jobId);
      await expect(vertices.table.getByRole('rowheader')).toHaveCount(details.vertices.length);
      for (const vertex of details.vertices) {
        const row = vertices.row(vertex.name);
        await expect(row).toHaveCount(1);
        const counts = row.getByRole('list', { name: `Tasks of ${vertex.name} by state` });
        for (const [state, count] of Object.entries(vertex.tasks)) {
          if (count > 0) await expect(counts.getByText(`${count} ${state}`, { exact: true })).toBeVisible();
        }
        await expect(await vertices.cell(vertex.name, 'Parallelism')).toHaveText(String(vertex.parallelism));
        await expect(await vertices.cell(vertex.name, 'Max parallelism')).toHaveText(String(vertex.maxParallelism));
      }
    });

    await test.step('sorting by name reorders the rows, both ways', async () => {
      const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
      const sorted = details.vertices.map((v) => v.name).sort(collator.compare);
      await vertices.table.getByRole('button', { name: 'Name' }).click();
      await expect.poll(() => vertices.firstNames(3)).toEqual(sorted.slice(0, 3));
      await expect(page).toHaveURL(/[?&]sort=name\b/);
      await vertices.table.getByRole('button', { name: 'Name' }).click();
      await expect.poll(() => vertices.firstNames(3)).toEqual([...sorted].reverse().slice(0, 3));
      await expect(vertices.table.getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
        'aria-sort',
        'descending',
      );
    });

    const { sources, sinks } = roles(details);
    await test.step('with the whole table in view: requests per refresh', async () => {
      // Tall enough for the graph and all 44 rows: every source and sink row is on screen.
      await page.setViewportSize({ width: 1400, height: 4000 });
      await page.goto(`./#/jobs/${jobId}/graph`);
      for (const vertex of [...sources, ...sinks]) {
        await expect(vertices.row(vertex.name)).toContainText('from operator metrics', { timeout: 30_000 });
      }
      // "Fit" keeps names readable, so the graph reads the watermarks of the nodes it shows (see
      // job-graph.spec): zoomed out to the whole graph it reads none, and what is left is the table's cost.
      const hint = page.getByText('Zoom in to read details and watermarks');
      for (let i = 0; i < 12 && !(await hint.isVisible()); i += 1) {
        await page.getByRole('button', { name: 'Zoom out' }).click();
      }
      await expect(hint).toBeVisible();
      await page.waitForTimeout(1000); // first fetches settle
      const from = Date.now();
      await page.waitForTimeout(interval * 3);
      const paths = requests.filter((r) => r.at >= from && r.at < from + interval * 3).map((r) => r.path);
      const refreshes = paths.filter((p) => p === `/jobs/${jobId}`).length;
      expect(refreshes).toBeGreaterThanOrEqual(2);
      const operatorMetrics = paths.filter((p) => p.includes('/subtasks/metrics'));
      // One aggregated request per source or sink vertex per refresh, never one per subtask.
      expect(operatorMetrics.length / refreshes).toBeLessThanOrEqual(sources.length + sinks.length + 0.5);
      for (const p of operatorMetrics) expect(p).toMatch(/agg=sum/);
      const perRefresh = paths.length / refreshes;
      test.info().annotations.push({
        type: 'requests per refresh (wide job, whole graph zoomed out, whole vertex table in view)',
        description: `${perRefresh.toFixed(1)} (${(operatorMetrics.length / refreshes).toFixed(1)} of them operator metrics for ${sources.length} source(s) and ${sinks.length} sink(s)); Flink's own dashboard: ${1 + 2 * 44}`,
      });
      expect(perRefresh).toBeLessThanOrEqual(2.5 + sources.length + sinks.length);
    });
    expect(problems).toEqual([]);
  });

  test("the back-pressured job: the source's records come from its operator's metrics, said so", async ({ page }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('backpressure');
    const details = await flinkJson<Details>(`/jobs/${jobId}`);
    const { sources, sinks } = roles(details);
    const source = sources[0];
    const sink = sinks[0];
    if (!source || !sink) throw new Error('the back-pressured job has a source and a sink');
    const vertices = new VertexTable(page, details.vertices.length);
    await vertices.open(jobId);

    const received = await vertices.cell(source.name, 'Records received');
    // Operator metrics are read only for rows on screen: scroll down to the table, as a person would.
    await received.scrollIntoViewIfNeeded();
    await expect(received).toContainText('(from operator metrics)', { timeout: 30_000 });
    await expect(received.locator('abbr')).toHaveAttribute('title', /numRecordsOut/);
    // A rate needs the operator's meter: it may read 0/s just after a restart; wait for it.
    await expect.poll(async () => numberIn(await received.innerText(), '/s'), { timeout: 60_000 }).toBeGreaterThan(0);
    const shown = numberIn(await received.innerText(), '*');
    expect(shown).toBeGreaterThan(0);
    // The same number Flink's operator metric gives (read after the page, so at least as large).
    const operator = source.name.split(' -> ')[0]?.replace(/[ .:,]/g, '_');
    const vertexMetrics = await flinkJson<Aggregated>(
      `/jobs/${jobId}/vertices/${source.id}/subtasks/metrics?get=${operator}.numRecordsOut&agg=sum`,
    );
    expect(vertexMetrics[0]?.sum).toBeGreaterThanOrEqual(shown);

    const sent = await vertices.cell(sink.name, 'Records sent');
    await sent.scrollIntoViewIfNeeded();
    await expect(sent).toContainText('(from operator metrics)');
    await expect(sent.locator('abbr')).toHaveAttribute('title', /numRecordsIn/);
    expect(numberIn(await sent.innerText(), '*')).toBeGreaterThan(0);
    await expect(page.getByText(/From operator metrics: Flink counts records between vertices only/)).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('the graph and the table mark one vertex together; a name opens the vertex', async ({ page }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('backpressure');
    const details = await flinkJson<Details>(`/jobs/${jobId}`);
    const slow = details.vertices.find((v) => v.name === 'Slow enrichment');
    if (!slow) throw new Error('no Slow enrichment vertex');
    const vertices = new VertexTable(page, details.vertices.length);
    await vertices.open(jobId);
    const graph = page.getByRole('group', { name: /^Job graph: / });
    const node = graph.getByRole('link', { name: /^Slow enrichment: / });
    const row = vertices.row(slow.name);
    const rowLink = row.getByRole('link', { name: slow.name, exact: true });

    await test.step('pointing at a node in the graph marks its row', async () => {
      await expect(rowLink).not.toHaveAttribute('aria-current', 'true');
      await node.hover();
      await expect(rowLink).toHaveAttribute('aria-current', 'true');
      await expect(row).toHaveClass(/vt-highlighted/);
      await page.getByRole('heading', { level: 1 }).hover();
      await expect(rowLink).not.toHaveAttribute('aria-current', 'true');
    });

    await test.step('pointing at a row marks its node; clicking the row keeps it marked, in the URL', async () => {
      const parallelism = await vertices.cell(slow.name, 'Parallelism');
      await parallelism.hover();
      await expect(node).toHaveAttribute('aria-current', 'true');
      await parallelism.click();
      await expect(page).toHaveURL(new RegExp(`[?&]vertex=${slow.id}`));
      await page.getByRole('heading', { level: 1 }).hover();
      await expect(node).toHaveAttribute('aria-current', 'true');
      await page.reload();
      await expect(node).toHaveAttribute('aria-current', 'true');
      await expect(rowLink).toHaveAttribute('aria-current', 'true');
    });

    await test.step("the row's name opens the vertex page", async () => {
      await rowLink.click();
      await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}/vertices/${slow.id}$`));
      await expect(page.getByRole('heading', { level: 1 }).locator('bdi')).toHaveText(slow.name);
    });
    expect(problems).toEqual([]);
  });
});
