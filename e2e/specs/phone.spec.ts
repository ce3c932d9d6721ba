import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoJob, demoJobId, flinkJson } from '../support/flink';

// A phone (390 x 844): the main paths fit the screen, the name column stays legible, the menu
// opens, axe finds no violation; and the wide job's graph at "fit" shows names one can read.

test.use({ viewport: { width: 390, height: 844 } });

async function noPageOverflow(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
}

async function axeClean(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('overview, jobs list, a job page and the triage page work at 390 x 844', async ({ page }) => {
  const { jobs } = await flinkJson<{ jobs: { jid: string; name: string }[] }>('/jobs/overview');
  const longest = jobs.reduce((a, b) => (b.name.length > a.name.length ? b : a));
  const widths: Record<string, number> = {};

  await test.step('overview', async () => {
    await page.goto('#/');
    await expect(page.getByRole('heading', { level: 1, name: 'Cluster overview' })).toBeVisible();
    const cell = page.getByRole('rowheader').filter({ hasText: longest.name }).first();
    await expect(cell).toBeVisible();
    // Read until the cell is laid out (a poll may re-render the table between two reads).
    await expect
      .poll(async () => (widths.overview = (await cell.boundingBox())?.width ?? 0))
      .toBeGreaterThanOrEqual(120);
    await noPageOverflow(page);
    await axeClean(page);
  });

  await test.step('the menu opens and leads to the jobs list', async () => {
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    const menu = page.getByRole('button', { name: 'Menu' });
    expect((await menu.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    const jobsLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' });
    expect((await jobsLink.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await noPageOverflow(page);
    await jobsLink.click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  });

  await test.step('jobs list', async () => {
    const cell = page.getByRole('rowheader').filter({ hasText: longest.name }).first();
    await expect(cell).toBeVisible();
    // Read until the cell is laid out (a poll may re-render the table between two reads).
    await expect.poll(async () => (widths.jobs = (await cell.boundingBox())?.width ?? 0)).toBeGreaterThanOrEqual(120);
    await noPageOverflow(page);
    await axeClean(page);
  });

  await test.step('a job page: actions in one menu below the state', async () => {
    await page.goto(`#/jobs/${demoJobId('eventTime')}/graph`);
    await expect(page.getByRole('heading', { level: 1, name: demoJob('eventTime').name })).toBeVisible();
    const state = page.getByText('State', { exact: true });
    const actions = page.getByRole('button', { name: /Job actions/ });
    await expect(actions).toBeVisible();
    expect((await actions.boundingBox())?.y ?? 0).toBeGreaterThan((await state.boundingBox())?.y ?? Infinity);
    await actions.click();
    await expect(page.getByRole('button', { name: 'Trigger checkpoint…' })).toBeVisible();
    await actions.click();
    await expect(page.locator('.jg-node').first()).toBeVisible();
    await noPageOverflow(page);
    await axeClean(page);
  });

  await test.step('the triage page', async () => {
    await page.goto('#/triage');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Triage');
    const region = page.getByRole('region', { name: 'Back pressure and its bottleneck' });
    const row = region.getByRole('row').filter({ hasText: demoJob('backpressure').name });
    await expect(row).toBeVisible({ timeout: 30_000 });
    // Read until the cell is laid out (a poll may re-render the table between two reads).
    await expect
      .poll(async () => (widths.triage = (await row.getByRole('rowheader').boundingBox())?.width ?? 0))
      .toBeGreaterThanOrEqual(120);
    await noPageOverflow(page);
    await axeClean(page);
  });
  console.log(`[phone] longest job name "${longest.name}": cell ${JSON.stringify(widths)} px wide at 390 px`);
});

test('the wide job graph, top to bottom, shows names one can read at fit', async ({ page }) => {
  const wide = demoJobId('wide');
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1440, height: 900 },
  ]) {
    await test.step(`${viewport.width} px`, async () => {
      await page.setViewportSize(viewport);
      await page.goto(`#/jobs/${wide}/graph?direction=TB`);
      await expect(page.getByRole('button', { name: 'Top to bottom' })).toHaveAttribute('aria-pressed', 'true');
      const source = page.locator('.jg-node', { hasText: 'Source: Wide source' });
      await expect(source).toBeVisible();
      await page.getByRole('button', { name: 'Fit to screen' }).click();
      const name = source.locator('.jg-node-name');
      // The name as drawn: its glyphs' height on screen, and all of it inside the graph's frame.
      await expect.poll(async () => (await name.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(10);
      const frame = await page.locator('.jg-frame').boundingBox();
      const box = await name.boundingBox();
      expect(frame && box && box.x >= frame.x && box.x + box.width <= frame.x + frame.width).toBe(true);
      await expect(name).toHaveText('Source: Wide source');
      console.log(`[graph] ${viewport.width} px, top to bottom at fit: name ${box?.height.toFixed(1)} px tall`);
    });
  }
});
