import { expect, test, type Page } from '@playwright/test';
import { demoJobId, flinkJson, type DemoJobKey } from '../support/flink';

// The vertex page against the real sandbox: what an on-call engineer sees on each tab.

interface JobDetails {
  vertices: { id: string; name: string; parallelism: number }[];
}
interface VertexDetails {
  subtasks: { subtask: number; 'taskmanager-id': string }[];
}

const TABS = [
  ['subtasks', 'Subtasks'],
  ['taskmanagers', 'Task managers'],
  ['backpressure', 'Back pressure'],
  ['watermarks', 'Watermarks'],
  ['accumulators', 'Accumulators'],
  ['metrics', 'Metrics'],
  ['flamegraph', 'Flame graph'],
] as const;

async function vertexOf(
  key: DemoJobKey,
  match: (name: string) => boolean,
): Promise<{ jobId: string; id: string; name: string; parallelism: number }> {
  const jobId = demoJobId(key);
  const job = await flinkJson<JobDetails>(`/jobs/${jobId}`);
  const vertex = job.vertices.find((v) => match(v.name));
  if (!vertex) throw new Error(`no matching vertex in ${key}: ${job.vertices.map((v) => v.name).join(' | ')}`);
  return { jobId, ...vertex };
}

/** The vertex page as a person uses it. */
class VertexPage {
  constructor(readonly page: Page) {}

  async open(jobId: string, vertexId: string, tab: string, search = ''): Promise<void> {
    await this.page.goto(`./#/jobs/${jobId}/vertices/${vertexId}/${tab}${search}`);
  }

  tabLink(label: string) {
    return this.page.getByRole('navigation', { name: 'Vertex views' }).getByRole('link', { name: label, exact: true });
  }

  tabHeading() {
    return this.page.getByRole('heading', { level: 2 }).first();
  }

  table(name: string) {
    return this.page.getByRole('table', { name });
  }

  stat(term: string) {
    return this.page.locator('dl > div', { has: this.page.getByText(term, { exact: true }) }).locator('dd');
  }
}

// Every test: no uncaught error and no dialog (an injected alert would open one).
let problems: string[] = [];
test.beforeEach(({ page }) => {
  problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
});
test.afterEach(() => {
  expect(problems).toEqual([]);
});

test.describe('vertex page', () => {
  test('the backpressured source shows level high with its ratios, and a chart of them', async ({ page }) => {
    const source = await vertexOf('backpressure', (n) => n.startsWith('Source: Fast event source'));
    const vertex = new VertexPage(page);
    await vertex.open(source.jobId, source.id, 'backpressure');

    await test.step('the level, in words', async () => {
      await expect(vertex.stat('Back pressure level')).toHaveText('high', { timeout: 30_000 });
      await expect(page.getByText(/ago/).first()).toBeVisible();
    });

    await test.step('ratios per subtask', async () => {
      const row = vertex.table('Back pressure per subtask').getByRole('row', { name: /^0\b/ });
      await expect(row.getByRole('cell').first()).toHaveText('high');
      const [backPressured, busy, idle] = await Promise.all(
        [1, 2, 3].map(async (i) => parseFloat((await row.getByRole('cell').nth(i).innerText()).replace('%', ''))),
      );
      expect(backPressured).toBeGreaterThan(50);
      expect((backPressured ?? 0) + (busy ?? 0) + (idle ?? 0)).toBeGreaterThan(90);
    });

    await test.step('a chart of how they moved while the page was open', async () => {
      await expect(page.getByRole('img', { name: /Back-pressured, busy and idle time/ })).toBeVisible({
        timeout: 30_000,
      });
    });

    await test.step('the busy downstream operator is busy, not back-pressured', async () => {
      const slow = await vertexOf('backpressure', (n) => n === 'Slow enrichment');
      await vertex.open(slow.jobId, slow.id, 'backpressure');
      const row = vertex.table('Back pressure per subtask').getByRole('row', { name: /^0\b/ });
      await expect(row.getByRole('cell').nth(2)).toHaveText(/^(9\d|100)\.\d%$/, { timeout: 30_000 });
    });
  });

  test('the event-time window shows a watermark per subtask with a lag, in the chosen time zone', async ({
    browser,
  }) => {
    const context = await browser.newContext({ timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    const windowVertex = await vertexOf('eventTime', (n) => n.startsWith('10s revenue per customer'));
    const vertex = new VertexPage(page);
    await vertex.open(windowVertex.jobId, windowVertex.id, 'watermarks');

    const table = vertex.table('Watermarks per subtask');
    await expect(table.getByRole('row')).toHaveCount(windowVertex.parallelism + 1);
    for (let i = 0; i < windowVertex.parallelism; i++) {
      const row = table.getByRole('row', { name: new RegExp(`^${i}\\b`) });
      await expect(row).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}/);
      await expect(row).toContainText(/\d+(\.\d)?(ms|s|m \d+s) (behind|ahead)/);
    }
    await expect(vertex.stat('Skew across subtasks')).toHaveText(/\d/);
    await expect(table.getByRole('columnheader', { name: /Watermark \(Asia\/Tokyo\)/ })).toBeVisible();

    await test.step('UTC by choice, kept in the URL', async () => {
      const firstRow = table.getByRole('row', { name: /^0\b/ });
      const tokyo = (await firstRow.getByRole('cell').first().innerText()).slice(11, 13);
      await page.getByRole('button', { name: 'UTC', exact: true }).click();
      await expect(table.getByRole('columnheader', { name: 'Watermark (UTC)' })).toBeVisible();
      expect(page.url()).toContain('tz=utc');
      const utc = (await firstRow.getByRole('cell').first().innerText()).slice(11, 13);
      expect((Number(tokyo) - Number(utc) + 24) % 24).toBe(9);
      await page.reload();
      await expect(table.getByRole('columnheader', { name: 'Watermark (UTC)' })).toBeVisible();
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the subtasks table lists every subtask with its task manager, linked', async ({ page }) => {
    const source = await vertexOf('eventTime', (n) => n.startsWith('Source: Order generator'));
    const details = await flinkJson<VertexDetails>(`/jobs/${source.jobId}/vertices/${source.id}`);
    const vertex = new VertexPage(page);
    await vertex.open(source.jobId, source.id, 'subtasks');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Source: Order generator/);
    const table = vertex.table('Subtasks');
    // The header row, one row per subtask, and the min / median / max / max-at rows at the foot.
    const FOOT = 4;
    await expect(table.getByRole('row')).toHaveCount(details.subtasks.length + 1 + FOOT);
    for (const s of details.subtasks) {
      const row = table.getByRole('row', { name: new RegExp(`^${s.subtask}\\b`) });
      await expect(row.getByRole('link', { name: s['taskmanager-id'] })).toHaveAttribute(
        'href',
        `#/taskmanagers/${encodeURIComponent(s['taskmanager-id'])}`,
      );
      await expect(row).toContainText('RUNNING');
    }
    await test.step('the table sorts and filters', async () => {
      await table.getByRole('button', { name: /Subtask/ }).click();
      await expect(table.getByRole('row').nth(1)).toHaveAccessibleName(
        new RegExp(`^${details.subtasks.length - 1}\\b`),
      );
      await page.getByLabel('Filter subtasks').fill('RUNNING');
      await expect(table.getByRole('row')).toHaveCount(details.subtasks.length + 1 + FOOT);
      await page.getByLabel('Filter subtasks').fill('no such thing');
      await expect(table).toContainText('No rows match the filter.');
    });
  });

  test('earlier attempts of a restarted subtask can be expanded', async ({ page }) => {
    const flaky = await vertexOf('flaky', (n) => n.startsWith('Source: Raw record source'));
    const vertex = new VertexPage(page);
    await vertex.open(flaky.jobId, flaky.id, 'subtasks');
    const toggle = vertex.table('Subtasks').getByRole('button', { name: /show earlier attempts of subtask 0/ });
    await expect(toggle).toBeVisible({ timeout: 60_000 });
    await toggle.click();
    const history = vertex.table('Attempts of subtask 0');
    await expect(history.getByRole('row').filter({ hasText: 'current' })).toHaveCount(1);
    await expect(
      history
        .getByRole('row')
        .filter({ hasText: /earlier/ })
        .first(),
    ).toBeVisible();
    await expect(
      history
        .getByRole('row')
        .filter({ hasText: /CANCELED|FAILED|no longer kept/ })
        .first(),
    ).toBeVisible();
  });

  test('the task managers tab aggregates the vertex per task manager', async ({ page }) => {
    const source = await vertexOf('eventTime', (n) => n.startsWith('Source: Order generator'));
    const tms = await flinkJson<{ taskmanagers: { 'taskmanager-id': string }[] }>(
      `/jobs/${source.jobId}/vertices/${source.id}/taskmanagers`,
    );
    const vertex = new VertexPage(page);
    await vertex.open(source.jobId, source.id, 'taskmanagers');
    const table = vertex.table('Task managers');
    await expect(table.getByRole('row')).toHaveCount(tms.taskmanagers.length + 1);
    for (const tm of tms.taskmanagers)
      await expect(table.getByRole('link', { name: tm['taskmanager-id'] })).toBeVisible();
    await expect(table).toContainText(/\d+ running/);
  });

  test('a flame graph renders frames for a running vertex, searches and zooms, and resizes', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1280, height: 900 });
    const slow = await vertexOf('backpressure', (n) => n === 'Slow enrichment');
    const vertex = new VertexPage(page);
    const chunks: string[] = [];
    page.on('request', (r) => chunks.push(r.url()));

    await test.step('the overview does not download the flame graph library', async () => {
      await page.goto('./');
      await expect(page.getByRole('heading', { name: 'Cluster overview' })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(chunks.filter((u) => /flamegraph-setup/.test(u))).toEqual([]);
    });

    await vertex.open(slow.jobId, slow.id, 'flamegraph', '?flame=FULL');
    await expect(page.getByRole('button', { name: 'Mixed' })).toHaveAttribute('aria-pressed', 'true');
    const graph = page.getByRole('group', { name: /Mixed flame graph of all subtasks/ });
    await expect(graph).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/^Sampled at \d{4}-\d\d-\d\d/)).toBeVisible();
    const frames = graph.locator('svg g.frame');
    await expect.poll(() => frames.count()).toBeGreaterThan(5);
    await expect(graph.locator('svg g.frame title', { hasText: 'java.lang.Thread.run' }).first()).toBeAttached();
    await expect(graph.locator('.d3-flame-graph-label', { hasText: 'java.lang.Thread.run' }).first()).toBeVisible();
    expect(chunks.some((u) => /flamegraph-setup/.test(u))).toBe(true);

    await test.step('search highlights frames, literally (regex characters included)', async () => {
      await page.getByLabel('Find frames').fill('Thread.sleep');
      await expect(page.getByText(/\d+ frames? match, [\d.]+% of samples\./)).toBeVisible();
      await page.getByLabel('Find frames').fill('$$Lambda(');
      await expect(page.getByText('No frame matches.')).toBeVisible();
      await page.getByLabel('Find frames').fill('');
    });

    await test.step('clicking a frame zooms into it; reset zooms out', async () => {
      const width = async (name: string) =>
        Number(await graph.locator('svg g.frame', { hasText: name }).first().locator('rect').getAttribute('width'));
      const root = await width('java.lang.Thread.run');
      await graph.locator('svg g.frame', { hasText: 'Thread.sleep' }).first().click();
      await expect.poll(() => graph.locator('svg g.frame.fade').count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Reset zoom' }).click();
      await expect.poll(() => graph.locator('svg g.frame.fade').count()).toBe(0);
      expect(await width('java.lang.Thread.run')).toBeCloseTo(root, 0);
    });

    await test.step('it follows the window width', async () => {
      const before = Number(await graph.locator('svg').getAttribute('width'));
      await page.setViewportSize({ width: 800, height: 900 });
      await expect
        .poll(async () => Number(await graph.locator('svg').getAttribute('width')))
        .toBeLessThan(before - 200);
    });

    await test.step('one subtask, in the URL', async () => {
      await page.getByRole('combobox', { name: 'Subtasks' }).selectOption({ label: 'Subtask 0' });
      expect(page.url()).toContain('subtask=0');
      await expect(page.getByRole('group', { name: /Mixed flame graph of subtask 0/ })).toBeVisible({
        timeout: 60_000,
      });
    });
  });

  test('a finished task says it has nothing to sample', async ({ page }) => {
    const bounded = await vertexOf('bounded', () => true);
    const vertex = new VertexPage(page);
    await vertex.open(bounded.jobId, bounded.id, 'flamegraph');
    await expect(page.getByText(/The task is not running/)).toBeVisible({ timeout: 30_000 });
  });

  test('a picked metric charts, and the pick survives a reload and leaving the tab', async ({ page }) => {
    const windowVertex = await vertexOf('eventTime', (n) => n.startsWith('10s revenue per customer'));
    const vertex = new VertexPage(page);
    await vertex.open(windowVertex.jobId, windowVertex.id, 'metrics');

    await page.getByLabel('Search metrics').fill('0.numRecordsInPerSecond');
    await page
      .getByRole('list', { name: 'Matching metrics' })
      .getByRole('button', { name: '0.numRecordsInPerSecond', exact: true })
      .click();
    await expect.poll(() => decodeURIComponent(page.url())).toContain('metrics=0.numRecordsInPerSecond');
    const chart = page.getByRole('img', { name: 'Chart of numRecordsInPerSecond, subtask 0' });
    await expect(chart).toBeVisible({ timeout: 30_000 });
    await expect(vertex.table('Charted metrics').getByRole('row', { name: /numRecordsInPerSecond/ })).toContainText(
      /\d/,
    );

    await test.step('reload keeps the pick', async () => {
      await page.reload();
      await expect(page.getByRole('img', { name: 'Chart of numRecordsInPerSecond, subtask 0' })).toBeVisible({
        timeout: 30_000,
      });
    });

    await test.step('aggregated over subtasks', async () => {
      await page
        .getByLabel('Show numRecordsInPerSecond, subtask 0 as')
        .selectOption({ label: 'average over subtasks' });
      await expect.poll(() => decodeURIComponent(page.url())).toContain('avg(numRecordsInPerSecond)');
      await expect(
        page.getByRole('img', { name: 'Chart of numRecordsInPerSecond, average over subtasks' }),
      ).toBeVisible({ timeout: 30_000 });
    });

    await test.step('history survives leaving the tab and coming back', async () => {
      const note = page.locator('.metric-chart .chart-note').first();
      await expect(note).toHaveText(/^[2-9]\d* values since|^\d{2,} values since/, { timeout: 30_000 });
      const before = parseInt(await note.innerText(), 10);
      await vertex.tabLink('Subtasks').click();
      await expect(vertex.table('Subtasks')).toBeVisible();
      await vertex.tabLink('Metrics').click();
      await expect(
        page.getByRole('img', { name: 'Chart of numRecordsInPerSecond, average over subtasks' }),
      ).toBeVisible();
      expect(parseInt(await note.innerText(), 10)).toBeGreaterThanOrEqual(before);
    });
  });

  test('deep links to each tab reload to the same tab', async ({ page }) => {
    const source = await vertexOf('eventTime', (n) => n.startsWith('Source: Order generator'));
    const vertex = new VertexPage(page);
    for (const [tab, label] of TABS) {
      await vertex.open(source.jobId, source.id, tab);
      await page.reload();
      await expect(vertex.tabLink(label)).toHaveAttribute('aria-current', 'page');
      await expect(vertex.tabHeading()).toHaveText(label);
    }
  });

  test("the hostile job's names show as literal text, and nothing is injected", async ({ page }) => {
    const jobId = demoJobId('hostile');
    const job = await flinkJson<JobDetails>(`/jobs/${jobId}`);
    const img = job.vertices.find((v) => v.name === "<img src=x onerror=alert('xss-img')>");
    if (!img) throw new Error('the hostile job has no <img> vertex');
    const vertex = new VertexPage(page);

    await test.step('every vertex name is the heading, as text', async () => {
      for (const v of job.vertices) {
        await vertex.open(jobId, v.id, 'subtasks');
        const heading = page.getByRole('heading', { level: 1 }).locator('bdi');
        await expect.poll(() => heading.evaluate((el) => el.textContent)).toBe(v.name);
      }
    });

    await test.step('accumulator names and values as text', async () => {
      await vertex.open(jobId, img.id, 'accumulators');
      const table = vertex.table('Vertex accumulators');
      await expect(table.getByRole('rowheader', { name: "<svg onload=alert('xss-svg')>", exact: true })).toBeVisible();
      await expect(
        table.getByRole('rowheader', { name: '<a href="javascript:alert(1)">click</a>', exact: true }),
      ).toBeVisible();
      await expect(
        vertex
          .table('Accumulators per subtask')
          .getByRole('cell', { name: "<svg onload=alert('xss-svg')>", exact: true }),
      ).toBeVisible();
    });

    await test.step('metric names and values as text, in the list, the table and the charts', async () => {
      const payload = "0.<img_src=x_onerror=alert('xss-img')>.hostile.lastPayload";
      const gauge = "0.<img_src=x_onerror=alert('xss-img')>.hostile.<img_src=x_onerror=alert('xss-img')>";
      await vertex.open(jobId, img.id, 'metrics');
      await page.getByLabel('Search metrics').fill('hostile');
      const list = page.getByRole('list', { name: 'Matching metrics' });
      await list.getByRole('button', { name: payload, exact: true }).click();
      await list.getByRole('button', { name: gauge, exact: true }).click();
      const picked = vertex.table('Charted metrics');
      await expect(
        picked.getByRole('rowheader', {
          name: "<img_src=x_onerror=alert('xss-img')>.hostile.lastPayload",
          exact: true,
        }),
      ).toBeVisible();
      await expect(page.getByText(/Not a number, so not charted/)).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('img', { name: `Chart of ${gauge.slice(2)}, subtask 0` })).toBeVisible({
        timeout: 30_000,
      });
      // Hover the chart so the tooltip draws the hostile series name.
      await page.getByRole('img', { name: `Chart of ${gauge.slice(2)}, subtask 0` }).hover();
    });

    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('svg[onload], details[ontoggle], a[href^="javascript"]')).toHaveCount(0);
    expect(
      await page.locator('script').evaluateAll((els) => els.filter((e) => e.textContent?.includes('xss')).length),
    ).toBe(0);
  });

  test('charts and the flame graph work under a strict Content-Security-Policy', async ({ page }) => {
    await page.route(
      (url) => url.pathname === '/' || url.pathname.endsWith('/index.html'),
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: {
            ...response.headers(),
            'content-security-policy':
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'",
          },
        });
      },
    );
    await page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`),
      );
    });
    const source = await vertexOf('backpressure', (n) => n.startsWith('Source: Fast event source'));
    const vertex = new VertexPage(page);
    await vertex.open(source.jobId, source.id, 'backpressure');
    await expect(page.getByRole('img', { name: /Back-pressured, busy and idle time/ })).toBeVisible({
      timeout: 30_000,
    });
    await vertex.tabLink('Flame graph').click();
    await page.getByRole('button', { name: 'Mixed' }).click();
    await expect.poll(() => page.locator('.flame-graph svg g.frame').count(), { timeout: 60_000 }).toBeGreaterThan(5);
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(violations).toEqual([]);
    // The policy is really in force: a style attribute written as markup is refused.
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.setAttribute('style', 'color: red');
      document.body.append(probe);
    });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.length))
      .toBeGreaterThan(0);
  });
});
