import { expect, test, type Page } from '@playwright/test';
import { flinkJson, flinkUrl } from '../support/flink';

// The profiler tab of the task manager and job manager pages against the real sandbox: a short
// async-profiler run on a task manager, its result opened as our own flame graph (or offered as
// a download, or, where the machine cannot profile, Flink's reason in words); without
// `rest.profiling.enabled` the tab says profiling is disabled and how to enable it.

interface ProfilingInfo {
  status: 'RUNNING' | 'FINISHED' | 'FAILED';
  mode: string;
  triggerTime: number;
  message: string | null;
  outputFile: string | null;
}

/** Every page error and every dialog (an injected `alert`) fails the test. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  return errors;
}

async function firstTaskManager(): Promise<string> {
  const { taskmanagers } = await flinkJson<{ taskmanagers: { id: string }[] }>('/taskmanagers');
  const id = taskmanagers[0]?.id;
  if (!id) throw new Error('the sandbox has no task manager');
  return id;
}

/** The profiler list as the JobManager answers it; null when it answers 404 (profiling disabled). */
async function profilingRuns(path: string): Promise<ProfilingInfo[] | null> {
  const res = await fetch(`${flinkUrl}${path}`, { signal: AbortSignal.timeout(15_000) });
  if (res.status === 404) return null;
  expect(res.ok, `${path} answered ${res.status}`).toBe(true);
  return ((await res.json()) as { profilingList: ProfilingInfo[] }).profilingList;
}

class ProfilerTab {
  constructor(private readonly page: Page) {}

  openTaskManager(id: string) {
    return this.page.goto(`./#/taskmanagers/${encodeURIComponent(id)}/profiler`);
  }

  openJobManager() {
    return this.page.goto('./#/jobmanager/profiler');
  }

  runs() {
    return this.page.getByRole('table', { name: 'Profiling runs' });
  }

  runRow(time: RegExp | string) {
    return this.runs().getByRole('row', { name: time });
  }

  disabled() {
    return this.page.getByText('Profiling is disabled on this cluster.');
  }
}

test('a profiling run on a task manager completes and its result opens, or the tab says why not', async ({ page }) => {
  const errors = watchErrors(page);
  const tab = new ProfilerTab(page);
  const tm = await firstTaskManager();
  const path = `/taskmanagers/${encodeURIComponent(tm)}/profiler`;
  const before = await profilingRuns(path);
  await tab.openTaskManager(tm);
  await expect(
    page.getByRole('navigation', { name: /sections/ }).getByRole('link', { name: 'Profiler' }),
  ).toHaveAttribute('aria-current', 'page');

  if (before === null) {
    await test.step('profiling is off: the tab says so and how to enable it', async () => {
      await expect(tab.disabled()).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText('rest.profiling.enabled: true')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Start profiling' })).toHaveCount(0);
    });
    expect(errors).toEqual([]);
    return;
  }

  await test.step('start a 5 s ITIMER run', async () => {
    await expect(page.getByRole('button', { name: 'Start profiling' })).toBeEnabled({ timeout: 60_000 });
    await page.getByLabel('Mode').selectOption('ITIMER');
    await page.getByLabel('Duration (s)').fill('5');
    await page.getByRole('button', { name: 'Start profiling' }).click();
  });

  const run = await test.step('the run appears and ends', async () => {
    let started: ProfilingInfo | undefined;
    await expect
      .poll(
        async () => {
          const runs = (await profilingRuns(path)) ?? [];
          started = runs.find((r) => !before.some((b) => b.triggerTime === r.triggerTime) && r.status !== 'RUNNING');
          return started?.status;
        },
        { timeout: 90_000 },
      )
      .toMatch(/FINISHED|FAILED/);
    if (!started) throw new Error('no new run');
    // The row of that run, as the dashboard lists it, with Flink's status and message.
    const row = tab.runs().getByRole('row').filter({ hasText: started.status }).filter({ hasText: 'ITIMER' }).first();
    await expect(row).toBeVisible({ timeout: 30_000 });
    if (started.message) await expect(tab.runs()).toContainText(started.message);
    return started;
  });

  if (run.status === 'FAILED') {
    // The machine could not profile: Flink's reason is on screen (checked above) and the run
    // has nothing to open.
    test.info().annotations.push({ type: 'profiler', description: `FAILED: ${run.message ?? ''}` });
    expect(errors).toEqual([]);
    return;
  }

  await test.step('open the result: our own flame graph, never the file itself', async () => {
    const file = run.outputFile ?? '';
    expect(file).not.toBe('');
    await page
      .getByRole('button', { name: /^Open the ITIMER result of / })
      .first()
      .click();
    const result = page.getByRole('region', { name: `Profiler result ${file}` });
    await expect(result).toBeVisible();
    await expect(result.getByText(/samples in [\d,]+ frames, read from async-profiler/)).toBeVisible({
      timeout: 60_000,
    });
    await expect(result.getByRole('group', { name: /flame graph/ })).toBeVisible();
    await expect(result.getByRole('button', { name: /^Download the HTML file/ })).toBeVisible();
    // The page never frames or navigates to async-profiler's HTML.
    await expect(page.locator('iframe, object, embed')).toHaveCount(0);
    expect(page.url()).toContain('#/taskmanagers/');
  });

  await test.step('the download is a file, not a page opened in the dashboard', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Download the HTML file/ }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/ITIMER.*\.html$/);
    expect(page.url()).toContain('#/taskmanagers/');
  });
  expect(errors).toEqual([]);
});

test('the job manager page has a profiler tab too', async ({ page }) => {
  const errors = watchErrors(page);
  const tab = new ProfilerTab(page);
  const runs = await profilingRuns('/jobmanager/profiler');
  await tab.openJobManager();
  if (runs === null) {
    await expect(tab.disabled()).toBeVisible({ timeout: 30_000 });
  } else {
    await expect(page.getByRole('form', { name: 'Start a profiling run' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByLabel('Mode').locator('option')).toHaveText(['CPU', 'ALLOC', 'LOCK', 'WALL', 'ITIMER']);
    if (runs.length > 0) await expect(tab.runs().getByRole('row')).toHaveCount(runs.length + 1);
  }
  expect(errors).toEqual([]);
});

test('hostile strings in the run list stay text', async ({ page }) => {
  const errors = watchErrors(page);
  const tab = new ProfilerTab(page);
  const tm = await firstTaskManager();
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  // The real answer (or the real 404 body's place) with one run whose strings are markup: Flink
  // would pass an exception message through as it is.
  await page.route(/\/profiler$/, async (route) => {
    const real = await route.fetch();
    const runs = real.ok() ? ((await real.json()) as { profilingList: unknown[] }).profilingList : [];
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        profilingList: [
          ...runs,
          {
            status: 'FAILED',
            mode: hostile,
            triggerTime: Date.now(),
            finishedTime: Date.now(),
            duration: 5,
            message: `Start profiler failed. ${hostile}`,
            outputFile: null,
          },
          {
            status: 'FINISHED',
            mode: 'ITIMER',
            triggerTime: Date.now() - 60_000,
            finishedTime: Date.now(),
            duration: 5,
            message: 'Profiling Successful',
            outputFile: `${hostile}.html`,
          },
        ],
      }),
    });
  });
  await tab.openTaskManager(tm);
  await expect(tab.runs()).toContainText(`Start profiler failed. ${hostile}`, { timeout: 30_000 });
  await expect(tab.runs().getByRole('cell', { name: hostile, exact: true })).toBeVisible();
  await expect(page.locator('.profiler img, .profiler script')).toHaveCount(0);
  expect(errors).toEqual([]);
});
