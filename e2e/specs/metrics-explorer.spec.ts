import { expect, test, type Page } from '@playwright/test';
import { flinkJson } from '../support/flink';

// The metrics explorer against the real sandbox: a picked metric charts real values, lives in
// the URL, and survives a reload of that URL.

const HEAP = 'Status.JVM.Memory.Heap.Used';

/** "123 MiB" -> bytes. */
function bytes(text: string): number {
  const m = /([\d.]+) (B|KiB|MiB|GiB)/.exec(text);
  if (!m) return Number.NaN;
  const unit = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 }[m[2] as 'B' | 'KiB' | 'MiB' | 'GiB'];
  return Number(m[1]) * unit;
}

class Explorer {
  constructor(private readonly page: Page) {}

  chart(metric: string, scope?: RegExp) {
    const section = scope
      ? this.page.locator('section.scope-charts', { has: this.page.getByRole('heading', { name: scope }) })
      : this.page;
    return section.locator('figure', {
      has: this.page.locator('.metric-chart-title', { hasText: new RegExp(`^${metric.replace(/\./g, '\\.')}$`) }),
    });
  }

  async pick(metric: string, search: string) {
    await this.page.getByRole('searchbox', { name: 'Search metrics' }).fill(search);
    await this.page.getByRole('button', { name: `Chart ${metric}`, exact: true }).click();
  }
}

test.describe('metrics explorer', () => {
  test('a job manager metric picked in the explorer charts real values and survives a reload', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const explorer = new Explorer(page);
    const [max] = await flinkJson<{ id: string; value: string }[]>(
      '/jobmanager/metrics?get=Status.JVM.Memory.Heap.Max',
    );
    const heapMax = Number(max?.value);
    expect(heapMax).toBeGreaterThan(0);

    await page.goto('./#/metrics');
    await expect(page.getByLabel('Scope')).toHaveValue('jm');
    await explorer.pick(HEAP, 'heap used');
    await expect(page).toHaveURL(/[?&]m=jm(:|%3A)Status\.JVM\.Memory\.Heap\.Used/);

    const chart = explorer.chart(HEAP, /^Job manager$/);
    await test.step('the chart shows the job manager heap, as Flink reports it', async () => {
      await expect(chart.locator('canvas').first()).toBeVisible();
      await expect(chart.locator('.metric-chart-latest')).toHaveText(/\d[\d.]* (KiB|MiB|GiB)/);
      const shown = bytes((await chart.locator('.metric-chart-latest').textContent()) ?? '');
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThanOrEqual(heapMax * 1.01);
    });

    await test.step('reloading the URL keeps the chart', async () => {
      const url = page.url();
      await page.reload();
      expect(page.url()).toBe(url);
      await expect(chart.locator('canvas').first()).toBeVisible();
      await expect(chart.locator('.metric-chart-latest')).toHaveText(/\d[\d.]* (KiB|MiB|GiB)/);
    });

    await test.step('removing it empties the URL', async () => {
      await chart.getByRole('button', { name: `Remove ${HEAP}` }).click();
      await expect(page).not.toHaveURL(/[?&]m=/);
      await expect(page.getByText('No metric picked yet.', { exact: false })).toBeVisible();
    });
    expect(errors).toEqual([]);
  });

  test('aggregated task manager metrics and a shared link with several picks', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const explorer = new Explorer(page);

    await page.goto('./#/metrics');
    await page.getByLabel('Scope').selectOption('tms');
    await page.getByRole('checkbox', { name: 'sum' }).check();
    await explorer.pick(HEAP, 'heap used');
    const aggregated = explorer.chart(HEAP, /^All task managers$/);
    await expect(aggregated.locator('.metric-chart-latest')).toHaveText(
      /min [\d.]+ \w+B\s*max [\d.]+ \w+B\s*sum [\d.]+ \w+B\s*avg [\d.]+ \w+B/,
    );
    await expect(page).toHaveURL(/tm(:|%3A)\*(:|%3A)Status\.JVM\.Memory\.Heap\.Used(:|%3A)min-max-sum-avg/);

    // A hand-written link: a bad token is dropped, the good ones chart.
    await page.goto('./#/metrics?m=jm:Status.JVM.Threads.Count,tm:*:Status.JVM.CPU.Load:max,bogus:token');
    await expect(
      explorer.chart('Status.JVM.Threads.Count', /^Job manager$/).locator('.metric-chart-latest'),
    ).toHaveText(/^\d+$/);
    await expect(
      explorer
        .chart('Status.JVM.CPU.Load', /^All task managers$/)
        .locator('canvas')
        .first(),
    ).toBeVisible();
    await expect(page.locator('figure.metric-chart')).toHaveCount(2);
    expect(errors).toEqual([]);
  });
});
