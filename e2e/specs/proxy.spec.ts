import { expect, test, type Page } from '@playwright/test';
import { watchPage, type PageProblems } from '../support/csp';
import { demoJob, demoJobId, flinkJson, flinkUrl } from '../support/flink';
import { startNginx, type RunningNginx } from '../support/nginx.mjs';

// The example nginx configuration, run for real in front of the sandbox, at two prefixes, with
// basic auth and the strict CSP, Trusted Types included. The same dist/ serves both: no rebuild,
// no rewriting.
const PREFIXES = ['/flink/', '/ops/streaming/dashboard/'];
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; " +
  "require-trusted-types-for 'script'; trusted-types default";

let nginx: RunningNginx;

test.beforeAll(async () => {
  nginx = await startNginx({ prefixes: PREFIXES, jobManager: flinkUrl });
});

test.afterAll(async () => {
  await nginx.stop();
});

for (const [index, prefix] of PREFIXES.entries()) {
  test.describe(`behind nginx at ${prefix}`, () => {
    const site = () => {
      const found = nginx.sites[index];
      if (!found) throw new Error(`no site for ${prefix}`);
      return found;
    };

    test('asks for credentials', async ({ request }) => {
      const res = await request.get(site().url);
      expect(res.status()).toBe(401);
      const api = await request.get(`${site().url}api/overview`);
      expect(api.status()).toBe(401);
    });

    test('loads, reloads deep links and runs under the strict CSP with zero violations', async ({ browser }) => {
      const context = await browser.newContext({ httpCredentials: { username: nginx.user, password: nginx.password } });
      const page = await context.newPage();
      const problems = await watchPage(page);

      const response = await page.goto(site().url);
      expect(response?.headers()['content-security-policy']).toBe(CSP);
      await expect(page.getByRole('heading', { name: 'Cluster overview' })).toBeVisible();
      await expect(page.getByRole('link', { name: demoJob('wide').name })).toBeVisible();

      // A deep link, loaded cold, then reloaded: same view, no server rewriting.
      await page.goto(`${site().url}#/jobs?state=FINISHED`);
      const finishedRow = page
        .getByRole('row')
        .filter({ has: page.locator(`a[href$="/jobs/${demoJobId('bounded')}"]`) });
      await expect(finishedRow).toContainText('FINISHED');
      await page.reload();
      await expect(finishedRow).toContainText('FINISHED');
      await expect(page.getByRole('button', { name: /^FINISHED/ })).toHaveAttribute('aria-pressed', 'true');

      // The API went through the prefix, to the JobManager.
      const apiCall = await page.request.get(`${site().url}api/config`);
      expect(apiCall.ok()).toBe(true);
      expect(((await apiCall.json()) as { 'flink-version': string })['flink-version']).toMatch(/^\d+\.\d+/);

      expect(problems.cspViolations).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);

      // The watch is live: an inline script would be caught by the policy and reported here
      // (Trusted Types refuse its text before script-src would refuse to run it).
      await page.evaluate(() => {
        const s = document.createElement('script');
        try {
          s.textContent = 'window.__inlineRan = true';
        } catch {
          // refused, and reported as a violation
        }
        document.body.append(s);
      });
      await expect.poll(() => problems.cspViolations.length).toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
      await context.close();
    });
  });
}

/** Nothing the page must never do happened: no CSP or Trusted Types violation, no error. */
function expectNoProblems(problems: PageProblems, where: string): void {
  expect(problems.cspViolations, `${where}: CSP and Trusted Types violations`).toEqual([]);
  expect(problems.pageErrors, `${where}: uncaught errors`).toEqual([]);
  expect(problems.consoleErrors, `${where}: console errors`).toEqual([]);
}

/** A chart is drawn (a sized canvas in its labelled box), then hovered so its tooltip shows. */
async function drawAndHover(page: Page, name: RegExp): Promise<void> {
  const chart = page.getByRole('img', { name });
  await expect(chart).toBeVisible({ timeout: 30_000 });
  const canvas = chart.locator('canvas').first();
  await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width * c.height)).toBeGreaterThan(0);
  // The mouse reaches only what is in the viewport.
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error(`chart ${name} has no box`);
  for (let x = box.x + box.width * 0.2; x < box.x + box.width * 0.9; x += box.width * 0.1) {
    for (const y of [box.y + box.height * 0.4, box.y + box.height * 0.6]) await page.mouse.move(x, y);
  }
}

// Trusted Types reach what writes to the DOM: chart libraries (ECharts' renderer and tooltips,
// d3-flame-graph's labels and details), the job graph and Vite's module preloading. One prefix is
// enough for this (the prefix changes nothing in the page); the other test covers both.
test('charts, the job graph and the flame graph raise no Trusted Types violation behind nginx', async ({ browser }) => {
  test.setTimeout(180_000);
  const site = nginx.sites[1];
  if (!site) throw new Error('no site for the second prefix');
  const context = await browser.newContext({ httpCredentials: { username: nginx.user, password: nginx.password } });
  const page = await context.newPage();
  const problems = await watchPage(page);

  await test.step('checkpoint charts and their tooltips', async () => {
    await page.goto(`${site.url}#/jobs/${demoJobId('eventTime')}/checkpoints`);
    await drawAndHover(page, /^End-to-end duration of \d+ checkpoints$/);
    await drawAndHover(page, /^Checkpointed and full size of \d+ checkpoints$/);
    expectNoProblems(problems, 'checkpoints');
  });

  await test.step('job timeline and its tooltips', async () => {
    await page.goto(`${site.url}#/jobs/${demoJobId('eventTime')}/timeline`);
    await drawAndHover(page, /^Timeline of the job and its \d+ vertices$/);
    expectNoProblems(problems, 'timeline');
  });

  await test.step('back pressure history chart', async () => {
    const job = await flinkJson<{ vertices: { id: string; name: string }[] }>(`/jobs/${demoJobId('backpressure')}`);
    const source = job.vertices.find((v) => v.name.startsWith('Source: Fast event source'));
    if (!source) throw new Error('the backpressure job has no fast source');
    await page.goto(`${site.url}#/jobs/${demoJobId('backpressure')}/vertices/${source.id}/backpressure`);
    await drawAndHover(page, /Back-pressured, busy and idle time/);
    expectNoProblems(problems, 'back pressure');
  });

  await test.step('job graph', async () => {
    await page.goto(`${site.url}#/jobs/${demoJobId('wide')}/graph`);
    await expect(page.getByRole('group', { name: 'Job graph: 44 vertices' }).getByRole('link')).toHaveCount(44);
    expectNoProblems(problems, 'job graph');
  });

  await test.step('flame graph: frames, labels, hover details, zoom', async () => {
    const job = await flinkJson<{ vertices: { id: string; name: string }[] }>(`/jobs/${demoJobId('backpressure')}`);
    const slow = job.vertices.find((v) => v.name === 'Slow enrichment');
    if (!slow) throw new Error('the backpressure job has no "Slow enrichment" vertex');
    await page.goto(`${site.url}#/jobs/${demoJobId('backpressure')}/vertices/${slow.id}/flamegraph?flame=FULL`);
    const graph = page.getByRole('group', { name: /flame graph of all subtasks/ });
    await expect(graph).toBeVisible({ timeout: 60_000 });
    const frames = graph.locator('svg g.frame');
    await expect.poll(() => frames.count(), { timeout: 60_000 }).toBeGreaterThan(5);
    await expect(graph.locator('.d3-flame-graph-label', { hasText: 'java.lang.Thread.run' }).first()).toBeVisible();
    await frames.filter({ hasText: 'java.lang.Thread.run' }).first().hover();
    await expect(page.locator('.flame-graph-details')).toContainText('java.lang.Thread.run');
    await frames.filter({ hasText: 'Thread.sleep' }).first().click();
    await expect.poll(() => graph.locator('svg g.frame.fade').count()).toBeGreaterThan(0);
    expectNoProblems(problems, 'flame graph');
  });

  await test.step('Trusted Types are in force: an HTML string is refused and reported', async () => {
    const outcome = await page.evaluate(() => {
      const probe = document.createElement('div');
      try {
        probe.innerHTML = '<img src=x>';
        return 'assigned';
      } catch (err) {
        return err instanceof TypeError ? 'refused' : String(err);
      }
    });
    expect(outcome).toBe('refused');
    await expect.poll(() => problems.cspViolations.join('\n')).toContain('require-trusted-types-for');
  });
  await context.close();
});
