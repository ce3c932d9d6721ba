import { expect, test, type Page } from '@playwright/test';
import { flinkUrl } from '../support/flink';
import { startNginx, type GateMode, type ProxySite, type RunningNginx } from '../support/nginx.mjs';

// An expired session behind an authenticating proxy, for real: the example nginx configuration
// in front of the sandbox, and in front of it the harness's stand-in for an SSO proxy, which
// can be flipped to answer `api/` with a 401, a 302 to its sign-in page, or that page itself.
// The dashboard must say "session expired" (not "unreachable", not a broken panel), offer to
// reload, and recover by itself when the proxy lets requests through again.

let nginx: RunningNginx;

test.beforeAll(async () => {
  nginx = await startNginx({ prefixes: ['/secure/'], jobManager: flinkUrl, authGate: true });
});

test.afterAll(async () => {
  await nginx.stop();
});

function gate() {
  const g = nginx.gate;
  const site: ProxySite | undefined = g?.sites[0];
  if (!g || !site) throw new Error('nginx was started without its auth gate');
  return { set: (mode: GateMode) => g.set(mode), url: site.url };
}

test.afterEach(() => gate().set('open'));

const banner = (page: Page) => page.getByRole('alert').filter({ hasText: /session expired/i });

test('says the session expired on a 401, a redirect to a sign-in page and a sign-in page, and recovers', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ httpCredentials: { username: nginx.user, password: nginx.password } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // What the proxy answered the app's API requests with, as the browser saw it.
  const proxyAnswers: string[] = [];
  page.on('response', (r) => {
    const html = (r.headers()['content-type'] ?? '').includes('html');
    if (r.url().endsWith('/login.html') && r.request().redirectedFrom()?.url().includes('/api/'))
      proxyAnswers.push('redirected to sign-in');
    else if (r.url().includes('/api/') && r.status() === 200 && html) proxyAnswers.push('sign-in page');
  });
  const { url, set } = gate();

  await test.step('the app loads through the proxy', async () => {
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Cluster overview' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Running jobs' }).getByRole('row').nth(1)).toBeVisible();
    await expect(banner(page)).toHaveCount(0);
  });

  await test.step('the proxy answers 401: session expired, with a way to sign in again', async () => {
    set('401');
    await expect(banner(page)).toBeVisible({ timeout: 30_000 });
    await expect(banner(page).getByRole('button', { name: 'Reload to sign in' })).toBeVisible();
    // The last good data stays on screen, dimmed.
    await expect(page.getByRole('table', { name: 'Running jobs' }).getByRole('row').nth(1)).toBeVisible();
    await expect(page.locator('main')).toHaveClass(/stale/);
    await expect(page.getByRole('alert').filter({ hasText: /unreachable/i })).toHaveCount(0);
  });

  await test.step('then a 302 to the sign-in page: still session expired', async () => {
    set('login-redirect');
    await expect.poll(() => proxyAnswers.includes('redirected to sign-in'), { timeout: 30_000 }).toBe(true);
    await expect(banner(page)).toBeVisible();
  });

  await test.step('the proxy lets requests through again: the banner goes by itself', async () => {
    set('open');
    await expect(banner(page)).toHaveCount(0, { timeout: 45_000 });
    await expect(page.locator('main')).not.toHaveClass(/stale/);
  });

  await test.step('a redirect to the sign-in page alone is recognised', async () => {
    set('login-redirect');
    await expect(banner(page)).toBeVisible({ timeout: 30_000 });
    set('open');
    await expect(banner(page)).toHaveCount(0, { timeout: 45_000 });
  });

  await test.step('so is the sign-in page (HTML) where JSON was expected', async () => {
    set('login-page');
    await expect.poll(() => proxyAnswers.includes('sign-in page'), { timeout: 30_000 }).toBe(true);
    await expect(banner(page)).toBeVisible({ timeout: 30_000 });
    set('open');
    await expect(banner(page)).toHaveCount(0, { timeout: 45_000 });
  });

  await test.step('"Reload to sign in" reloads the page', async () => {
    set('401');
    await expect(banner(page)).toBeVisible({ timeout: 30_000 });
    await page.evaluate(() => ((window as unknown as { __beforeReload?: boolean }).__beforeReload = true));
    await Promise.all([
      page.waitForEvent('load'),
      banner(page).getByRole('button', { name: 'Reload to sign in' }).click(),
    ]);
    expect(
      await page.evaluate(() => (window as unknown as { __beforeReload?: boolean }).__beforeReload),
    ).toBeUndefined();
    // Still expired after the reload; signing in again (here: the proxy opening) brings it back.
    await expect(banner(page)).toBeVisible({ timeout: 30_000 });
    set('open');
    await expect(banner(page)).toHaveCount(0, { timeout: 45_000 });
    await expect(page.getByRole('table', { name: 'Running jobs' }).getByRole('row').nth(1)).toBeVisible();
  });

  expect(pageErrors).toEqual([]);
  await context.close();
});

test('a kiosk reloads itself once the proxy answers again after its session expired', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ httpCredentials: { username: nginx.user, password: nginx.password } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // The deployment's own runtime config, with a quick kiosk poll so the test does not wait long.
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: { apiBase: 'api/', clusterName: 'Wall behind SSO', kiosk: { refreshIntervalMs: 2000, rotateSeconds: 0 } },
    }),
  );
  const { url, set } = gate();

  await page.goto(`${url}?kiosk#/kiosk`);
  await expect(page.getByRole('heading', { name: 'Health wall' })).toBeVisible();
  await expect(page.locator('.wall-tile').first()).toBeVisible();
  await page.evaluate(() => ((window as unknown as { __beforeReload?: boolean }).__beforeReload = true));

  set('401');
  const kioskBanner = banner(page);
  await expect(kioskBanner).toBeVisible({ timeout: 30_000 });
  await expect(kioskBanner).toContainText(/reloads by itself/);
  await expect(kioskBanner.getByRole('button')).toHaveCount(0);

  set('open');
  await page.waitForFunction(
    () => (window as unknown as { __beforeReload?: boolean }).__beforeReload === undefined,
    undefined,
    { timeout: 60_000 },
  );
  await expect(page.getByRole('heading', { name: 'Health wall' })).toBeVisible();
  await expect(page.locator('.wall-tile').first()).toBeVisible();
  await expect(kioskBanner).toHaveCount(0);
  expect(pageErrors).toEqual([]);
  await context.close();
});
