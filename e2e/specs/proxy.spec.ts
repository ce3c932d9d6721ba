import { expect, test } from '@playwright/test';
import { watchPage } from '../support/csp';
import { demoJob, demoJobId, flinkUrl } from '../support/flink';
import { startNginx, type RunningNginx } from '../support/nginx.mjs';

// The example nginx configuration, run for real in front of the sandbox, at two prefixes, with
// basic auth and the strict CSP. The same dist/ serves both: no rebuild, no rewriting.
const PREFIXES = ['/flink/', '/ops/streaming/dashboard/'];
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

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
      const finishedRow = page.getByRole('row').filter({ has: page.locator(`a[href$="/jobs/${demoJobId('bounded')}"]`) });
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

      // The watch is live: an inline script would be caught by the policy and reported here.
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.body.append(s);
      });
      await expect.poll(() => problems.cspViolations.length).toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
      await context.close();
    });
  });
}
