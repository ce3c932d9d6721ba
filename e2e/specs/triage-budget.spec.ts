import { expect, test, type Page } from '@playwright/test';
import { flinkJson } from '../support/flink';
import { recordApiRequests } from '../support/api-requests';

// The triage engine's request budget, measured against the real sandbox on both Flink lines: the
// overview (whose "what is wrong" panel runs the engine in its lean mode) and the triage page, each
// left open for BUDGET_WINDOW_S seconds (30 by default; 60 for the figures in the README) at the
// sandbox's refresh interval. A refresh is marked by the request each page makes once per refresh.

const windowMs = Number(process.env.BUDGET_WINDOW_S ?? 30) * 1000;

interface Measure {
  requests: number;
  refreshes: number;
  perRefresh: number;
  byPath: Record<string, number>;
}

/** Opens a page, lets its first reads settle, then counts what it sends over the window. */
async function measure(page: Page, url: string, marker: RegExp, ready: () => Promise<void>): Promise<Measure> {
  const requests = recordApiRequests(page);
  await page.goto(url);
  await ready();
  await page.waitForTimeout(8_000); // the first reads (everything once) settle
  const from = Date.now();
  await page.waitForTimeout(windowMs);
  const seen = requests.filter((r) => r.at >= from);
  const refreshes = seen.filter((r) => marker.test(r.path)).length;
  const byPath: Record<string, number> = {};
  for (const r of seen) {
    const shape = r.path
      .replace(/[0-9a-f]{32}/g, ':id')
      .replace(/\/taskmanagers\/[^/?]+/, '/taskmanagers/:tm')
      .replace(/\?.*/, '?…');
    byPath[shape] = (byPath[shape] ?? 0) + 1;
  }
  return { requests: seen.length, refreshes, perRefresh: refreshes > 0 ? seen.length / refreshes : NaN, byPath };
}

test('the overview and the triage page keep their request budget', async ({ page }) => {
  test.setTimeout(windowMs * 2 + 90_000);
  const { jobs } = await flinkJson<{ jobs: { state: string }[] }>('/jobs/overview');
  const running = jobs.filter((j) => j.state === 'RUNNING' || j.state === 'RESTARTING' || j.state === 'CREATED').length;
  const report = (what: string, m: Measure): void => {
    const text = `${m.perRefresh.toFixed(2)} per refresh (${m.requests} requests, ${m.refreshes} refreshes in ${windowMs / 1000} s, ${running} running jobs) ${JSON.stringify(m.byPath)}`;
    test.info().annotations.push({ type: `requests per refresh (${what})`, description: text });
    console.log(`[budget] ${what}: ${text}`);
  };

  await test.step('the overview', async () => {
    const m = await measure(page, './#/', /^\/overview$/, () =>
      expect(page.getByRole('heading', { level: 1, name: 'Cluster overview' })).toBeVisible(),
    );
    report('overview', m);
    expect(m.refreshes).toBeGreaterThan(0);
    // The overview's own reads (1.20: 3; 2.3: 4 with the applications) and the panel's one read every other refresh.
    const own = ['/overview', '/jobs/overview', '/taskmanagers', '/applications/overview'];
    const panel = Object.entries(m.byPath)
      .filter(([path]) => !own.includes(path))
      .reduce((sum, [, count]) => sum + count, 0);
    expect.soft(panel / m.refreshes).toBeLessThanOrEqual(0.6);
    expect.soft(m.perRefresh).toBeLessThanOrEqual(4.6);
  });

  await test.step('the triage page', async () => {
    const m = await measure(page, './#/triage', /^\/jobs\/overview$/, () =>
      expect(page.getByRole('heading', { level: 1, name: 'Triage' })).toBeVisible(),
    );
    report('triage page', m);
    expect(m.refreshes).toBeGreaterThan(0);
    // The stated budget: the job list, the details of at most 8 running jobs (all of them when 8 or fewer
    // run; DETAILS_PER_REFRESH in src/lib/triage/schedule.ts), at most 4 more read in turn.
    const details = Math.min(running, 8);
    expect.soft((m.byPath['/jobs/:id'] ?? 0) / m.refreshes).toBeLessThanOrEqual(details + 0.5);
    expect.soft(m.perRefresh).toBeLessThanOrEqual(1 + details + 4 + 0.5);
  });
});
