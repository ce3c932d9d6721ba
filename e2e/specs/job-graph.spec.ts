import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoJob, demoJobId, flinkJson } from '../support/flink';
import { watchForProblems } from '../support/problems';
import { recordApiRequests } from '../support/api-requests';

interface VertexSummary {
  id: string;
  name: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A node of the graph, found by its accessible name: the operator's full name first. */
function node(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('link', { name: new RegExp(`^${escapeRegExp(name)}: `) });
}

async function requestsDuring(page: Page, requests: { at: number; path: string }[], ms: number): Promise<string[]> {
  const from = Date.now();
  await page.waitForTimeout(ms);
  return requests.filter((r) => r.at >= from && r.at < from + ms).map((r) => r.path);
}

/** Whether any part of the element is inside the viewport (as toBeInViewport, without waiting). */
async function isInViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (el) =>
      new Promise<boolean>((resolve) => {
        const observer = new IntersectionObserver((entries) => {
          resolve((entries[0]?.intersectionRatio ?? 0) > 0);
          observer.disconnect();
        });
        observer.observe(el);
      }),
  );
}

/**
 * A request for a vertex's watermark: the graph asks for Flink's minimum over the subtasks (one
 * small answer whatever the parallelism); the list of every subtask's watermark counts too.
 */
function readsWatermark(path: string): boolean {
  return path.endsWith('/watermarks') || /\/subtasks\/metrics\?get=currentInputWatermark(&|$)/.test(path);
}

test.describe('job graph', () => {
  test('the wide job shows all 44 vertices by name; a refresh costs far less than 1 + 2 per vertex', async ({
    page,
  }) => {
    const problems = watchForProblems(page);
    const requests = recordApiRequests(page);
    const jobId = demoJobId('wide');
    const details = await flinkJson<{ vertices: VertexSummary[] }>(`/jobs/${jobId}`);
    const { 'refresh-interval': interval } = await flinkJson<{ 'refresh-interval': number }>('/config');
    expect(details.vertices).toHaveLength(44);

    await test.step('every vertex is drawn, named after its operator', async () => {
      await page.goto(`./#/jobs/${jobId}/graph`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoJob('wide').name);
      await expect(page).toHaveTitle(demoJob('wide').name);
      const graph = page.getByRole('group', { name: 'Job graph: 44 vertices' });
      await expect(graph.getByRole('link')).toHaveCount(44);
      for (const vertex of details.vertices) await expect(node(graph, vertex.name)).toBeVisible();
      await expect(graph.getByText('FORWARD').first()).toBeAttached();
    });

    await test.step('fitted: names readable from the sources on, watermarks only for the vertices on screen', async () => {
      await page.waitForTimeout(1000); // first fetches settle
      const paths = await requestsDuring(page, requests, interval * 3);
      const refreshes = paths.filter((p) => p === `/jobs/${jobId}`).length;
      expect(refreshes).toBeGreaterThanOrEqual(2);
      await expect(node(page, 'Source: Wide source')).toBeInViewport();
      const watermarkVertices = new Set(paths.filter(readsWatermark).map((p) => p.split('/')[4]));
      expect(watermarkVertices.size).toBeLessThan(44);
      const perRefreshFit = paths.length / refreshes;
      test.info().annotations.push({
        type: 'requests per refresh (wide job, fitted)',
        description: `${perRefreshFit.toFixed(1)} with ${watermarkVertices.size} vertices' watermarks; Flink's own dashboard: ${1 + 2 * 44}`,
      });
      expect(perRefreshFit).toBeLessThan(1 + 2 * 44);
    });

    const perRefresh =
      await test.step('zoomed out to the whole graph: the job details and the restart count per refresh', async () => {
        const hint = page.getByText('Zoom in to read details and watermarks');
        for (let i = 0; i < 12 && !(await hint.isVisible()); i += 1) {
          await page.getByRole('button', { name: 'Zoom out' }).click();
        }
        await expect(hint).toBeVisible();
        await page.waitForTimeout(1000);
        const paths = await requestsDuring(page, requests, interval * 3);
        const refreshes = paths.filter((p) => p === `/jobs/${jobId}`).length;
        expect(refreshes).toBeGreaterThanOrEqual(2);
        // Zoomed out this far the watermarks are unreadable, so none is asked for.
        expect(paths.filter(readsWatermark)).toEqual([]);
        return paths.length / refreshes;
      });
    test.info().annotations.push({
      type: 'requests per refresh (wide job, whole graph)',
      description: `${perRefresh.toFixed(1)}; Flink's own dashboard: ${1 + 2 * 44}`,
    });
    expect(perRefresh).toBeLessThanOrEqual(2.5);

    await test.step('zoomed in: watermarks only for the vertices on screen', async () => {
      const hint = page.getByText('Zoom in to read details and watermarks');
      await expect(hint).toBeVisible();
      for (let i = 0; i < 12 && (await hint.isVisible()); i += 1) {
        await page.getByRole('button', { name: 'Zoom in' }).click();
      }
      await expect(hint).toBeHidden();
      await expect(page.locator('.jg-node-line', { hasText: /watermark/ }).first()).toBeVisible();
      await page.waitForTimeout(1000);
      const paths = await requestsDuring(page, requests, interval * 3);
      const refreshes = Math.max(1, paths.filter((p) => p === `/jobs/${jobId}`).length);
      const watermarkVertices = new Set(paths.filter(readsWatermark).map((p) => p.split('/')[4]));
      expect(watermarkVertices.size).toBeGreaterThan(0);
      expect(watermarkVertices.size).toBeLessThan(44);
      const perRefreshZoomed = paths.length / refreshes;
      test.info().annotations.push({
        type: 'requests per refresh (wide job, zoomed in)',
        description: `${perRefreshZoomed.toFixed(1)} with ${watermarkVertices.size} vertices on screen`,
      });
      expect(perRefreshZoomed).toBeLessThan(1 + 2 * 44);
    });

    await test.step('keyboard focus on a node off screen pans it into view', async () => {
      // Zoomed in, one end of the long chain is off screen: the source or the last vertex.
      const ends = [
        node(page, 'Source: Wide source'),
        node(page, details.vertices[details.vertices.length - 1]?.name ?? ''),
      ];
      const offScreen = [];
      for (const end of ends) if (!(await end.isVisible()) || !(await isInViewport(end))) offScreen.push(end);
      expect(offScreen.length).toBeGreaterThan(0);
      const target = offScreen[0]!;
      await expect(target).not.toBeInViewport();
      // From the keyboard (a key pressed first), so the focus shows its ring and pans, as Tab does.
      await page.getByRole('button', { name: 'Zoom out' }).focus();
      await page.keyboard.press('Shift');
      await target.focus();
      await expect(target).toBeFocused();
      await expect(target).toBeInViewport();
    });

    await test.step('Fit to screen goes back to readable names from the sources on', async () => {
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await page.getByRole('button', { name: 'Fit to screen' }).click();
      await expect(node(page, 'Source: Wide source')).toBeInViewport();
    });
    expect(problems).toEqual([]);
  });

  test('the back-pressured source and the busy operator stand out; a node opens its vertex', async ({ page }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('backpressure');
    const details = await flinkJson<{ vertices: VertexSummary[] }>(`/jobs/${jobId}`);
    const slowId = details.vertices.find((v) => v.name === 'Slow enrichment')?.id;
    expect(slowId).toBeDefined();

    await page.goto(`./#/jobs/${jobId}/graph`);
    const source = node(page, 'Source: Fast event source -> Build payload');
    const slow = node(page, 'Slow enrichment');
    // Rates need two successive answers.
    await expect(source).toHaveAttribute('aria-label', /back-pressured (9\d|100)%$/, { timeout: 30_000 });
    await expect(source).toHaveClass(/jg-tone-bad/);
    await expect(source).toContainText(/back-pressured (9\d|100)%/);
    await expect(slow).toHaveAttribute('aria-label', /busy (9\d|100)%, back-pressured \d%$/);
    await expect(slow).toHaveClass(/jg-tone-warn/);
    const legend = page.getByRole('list', { name: 'Legend' });
    await expect(legend).toContainText('Back-pressured ≥ 50%');
    await expect(legend).toContainText('Busy ≥ 50%');
    await expect(page.getByText('FORWARD')).toHaveCount(2);

    await slow.click();
    await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}/vertices/${slowId}$`));

    // Keyboard: a node is a link; Enter opens it.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}/graph$`));
    await node(page, 'Slow enrichment').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}/vertices/${slowId}$`));
    expect(problems).toEqual([]);
  });

  test('a deep link to the graph reloads to the same view', async ({ page }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('eventTime');
    await page.goto(`./#/jobs/${jobId}/graph`);
    await expect(node(page, 'Source: Order generator')).toBeVisible();
    await page.reload();
    await expect(page).toHaveURL(new RegExp(`#/jobs/${jobId}/graph$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoJob('eventTime').name);
    await expect(
      page.getByRole('navigation', { name: 'Job views' }).getByRole('link', { name: 'Graph' }),
    ).toHaveAttribute('aria-current', 'page');
    await expect(node(page, 'Source: Order generator')).toBeVisible();
    await expect(page.getByText('HASH')).toHaveCount(2);
    // The keyed operators get a watermark from the event-time source.
    await expect(node(page, 'Running count per customer -> Discard running counts: Writer')).toContainText(
      /watermark \d{4}-\d\d-\d\d/,
    );
    expect(problems).toEqual([]);
  });

  test('hostile operator names are shown as text, and nothing they contain runs', async ({ page }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('hostile');
    await page.goto(`./#/jobs/${jobId}/graph`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoJob('hostile').name);
    await expect(page).toHaveTitle(demoJob('hostile').name);
    const img = node(page, "<img src=x onerror=alert('xss-img')>");
    await expect(img).toBeVisible();
    await expect(img).toContainText('<img src=x onerror=');
    await expect(node(page, 'Source: <script>alert("xss-script")</script>')).toBeVisible();
    await expect(node(page, "\"><svg/onload=alert('xss-attr')>")).toBeVisible();
    await expect(node(page, "<details open ontoggle=alert('xss-details')>: Writer")).toBeVisible();
    await expect(node(page, '&lt;b&gt;entity&lt;/b&gt; &amp;')).toBeVisible();
    await page.waitForTimeout(1500);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('details, b, main svg svg')).toHaveCount(0);
    expect(
      await page.locator('script').evaluateAll((els) => els.filter((e) => e.textContent?.includes('xss')).length),
    ).toBe(0);
    expect(problems).toEqual([]);
  });

  test('an unknown job says so, with a way back to the jobs list', async ({ page }) => {
    const problems = watchForProblems(page);
    await page.goto('./#/jobs/0123456789abcdef0123456789abcdef/graph');
    await expect(page.getByText('This job is not known to the JobManager (it may have restarted)')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByRole('link', { name: 'Back to the jobs list' }).click();
    await expect(page).toHaveURL(/#\/jobs$/);
    expect(problems).toEqual([]);
  });
});
