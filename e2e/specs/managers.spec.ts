import { expect, test, type Page } from '@playwright/test';
import { demoJob, demoJobId, flinkJson } from '../support/flink';

// The task manager and job manager pages against the real sandbox: lists, memory, slots, logs
// (with the hostile demo job's markup in them), thread dumps, and tabs that survive a reload.

interface TaskManagerInfo {
  id: string;
  allocatedSlots?: { jobId: string }[];
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

async function taskManagerIds(): Promise<string[]> {
  const { taskmanagers } = await flinkJson<{ taskmanagers: { id: string }[] }>('/taskmanagers');
  return taskmanagers.map((tm) => tm.id);
}

/** The task manager running the hostile demo job (its log has the job's markup in it). */
async function hostileTaskManager(): Promise<string> {
  const hostile = demoJobId('hostile');
  const ids = await taskManagerIds();
  for (const id of ids) {
    const details = await flinkJson<TaskManagerInfo>(`/taskmanagers/${encodeURIComponent(id)}`);
    if (details.allocatedSlots?.some((s) => s.jobId === hostile)) return id;
  }
  throw new Error(`no task manager runs the hostile job ${hostile}`);
}

/** A metric chart by its exact title. */
function chart(page: Page, title: string) {
  return page.locator('figure', { has: page.locator('.metric-chart-title').getByText(title, { exact: true }) });
}

class ManagerPages {
  constructor(private readonly page: Page) {}

  taskManager(id: string, tab?: string) {
    return this.page.goto(`./#/taskmanagers/${encodeURIComponent(id)}${tab ? `/${tab}` : ''}`);
  }

  tab(name: string) {
    return this.page.getByRole('navigation', { name: /sections/ }).getByRole('link', { name, exact: true });
  }

  logSearch() {
    return this.page.getByRole('searchbox', { name: 'Search the log' });
  }

  logLines() {
    return this.page.getByRole('region', { name: /^Contents of / });
  }

  /** Searches the open log and waits for the count. */
  async search(text: string): Promise<number> {
    await this.logSearch().fill(text);
    const count = this.page.getByRole('status').filter({ hasText: /of [\d,]+ matches|No matches/ });
    await expect(count).toHaveText(/^1 of [\d,]+ matches$/);
    const total = /of ([\d,]+) matches/.exec((await count.textContent()) ?? '')?.[1] ?? '0';
    return Number(total.replace(/,/g, ''));
  }
}

test.describe('task managers and the job manager', () => {
  let errors: string[] = [];
  test.beforeEach(({ page }) => {
    errors = watchErrors(page);
  });
  test.afterEach(async ({ page }) => {
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('the task managers list shows both task managers, filters and sorts in the URL', async ({ page }) => {
    const ids = await taskManagerIds();
    expect(ids).toHaveLength(2);
    await page.goto('./#/taskmanagers');
    const table = page.getByRole('table', { name: 'Task managers' });
    for (const id of ids) await expect(table.getByRole('link', { name: id, exact: true })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(3);
    // Heap use is read per task manager and shown as a percentage.
    await expect(table.locator('tbody tr').first()).toContainText(/\d+%/);

    await test.step('filter and sort, kept in the URL', async () => {
      const [first, second] = ids;
      if (!first || !second) throw new Error('two task managers expected');
      await page.getByRole('searchbox', { name: /Filter task managers/ }).fill(first);
      await expect(table.getByRole('link', { name: second, exact: true })).toHaveCount(0);
      await expect(page).toHaveURL(/[?&]q=/);
      await page.getByRole('searchbox', { name: /Filter task managers/ }).fill('');
      await page.getByRole('button', { name: 'Free / total slots' }).click();
      await expect(page).toHaveURL(/[?&]sort=slots/);
      await page.reload();
      await expect(page.getByRole('columnheader', { name: /Free \/ total slots/ })).toHaveAttribute(
        'aria-sort',
        'ascending',
      );
    });

    await test.step('a task manager links to its page', async () => {
      const first = ids[0] ?? '';
      await table.getByRole('link', { name: first, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Task manager ${first}`);
    });
  });

  test("a task manager's page shows its memory, its slots with their jobs, and charts", async ({ page }) => {
    const pages = new ManagerPages(page);
    const id = await hostileTaskManager();
    await pages.taskManager(id);
    await expect(pages.tab('Metrics')).toHaveAttribute('aria-current', 'page');

    await test.step('memory', async () => {
      await expect(page.getByRole('heading', { name: 'Memory', exact: true })).toBeVisible();
      const model = page.getByRole('table', { name: 'Memory model' });
      await expect(model.getByRole('rowheader', { name: 'Managed memory' })).toBeVisible();
      await expect(model.getByRole('rowheader', { name: 'JVM metaspace' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'JVM memory' }).getByRole('row', { name: /^Heap/ })).toContainText(
        /MiB/,
      );
    });

    await test.step('slots and the jobs in them', async () => {
      const slots = page.getByRole('table', { name: 'Allocated slots' });
      const hostile = slots.getByRole('link', { name: demoJob('hostile').name, exact: true });
      await expect(hostile).toBeVisible();
      await expect(hostile).toHaveAttribute('href', new RegExp(`/jobs/${demoJobId('hostile')}$`));
    });

    await test.step('charts over time', async () => {
      const heap = chart(page, 'Heap memory');
      await expect(heap.locator('canvas').first()).toBeVisible();
      await expect(heap.locator('figcaption')).toContainText(/used \d[\d.]* (MiB|GiB)/);
      await expect(chart(page, 'Network buffers (memory segments)').locator('canvas').first()).toBeVisible();
    });

    await test.step('the history survives leaving the tab', async () => {
      // GC time is a rate: it needs two samples, i.e. one refresh after the first answer.
      const gc = chart(page, 'Garbage collection time');
      await expect(gc.locator('canvas').first()).toBeVisible({ timeout: 20_000 });
      await pages.tab('Logs').click();
      await expect(page.getByRole('table', { name: 'Log files' })).toBeVisible();
      await pages.tab('Metrics').click();
      // Drawn from the kept history at once, without waiting for two new samples.
      await expect(gc.locator('canvas').first()).toBeVisible({ timeout: 1500 });
      await expect(gc.getByText(/A rate needs two samples/)).toHaveCount(0);
    });
  });

  test("a task manager's log opens, search finds a known line, and hostile markup stays text", async ({ page }) => {
    const pages = new ManagerPages(page);
    const id = await hostileTaskManager();
    await pages.taskManager(id);
    await pages.tab('Logs').click();
    await expect(page).toHaveURL(/\/logs$/);
    await expect(page.getByRole('table', { name: 'Log files' }).getByRole('button', { name: /\.log$/ })).toBeVisible();
    await expect(pages.logLines()).toBeVisible();

    await test.step('search finds "Starting TaskManager"', async () => {
      expect(await pages.search('Starting TaskManager')).toBeGreaterThanOrEqual(1);
      await expect(pages.logLines().locator('mark.log-match-current')).toHaveText('Starting TaskManager');
      await expect(
        pages.logLines().locator('.log-line', { has: page.locator('mark.log-match-current') }),
      ).toContainText('TaskManagerRunner');
    });

    await test.step('the hostile payload is shown as literal text', async () => {
      expect(await pages.search("<img src=x onerror=alert('xss-img')>")).toBeGreaterThanOrEqual(1);
      const line = pages.logLines().locator('.log-line', { has: page.locator('mark.log-match-current') });
      await expect(line).toContainText("<img src=x onerror=alert('xss-img')>");
      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      await pages.logSearch().press('Enter');
      await expect(page.getByRole('status').filter({ hasText: /matches/ })).toHaveText(/^2 of|^1 of 1 /);
    });

    await test.step('jump to a line, and the view stays virtualised', async () => {
      await page.getByRole('spinbutton', { name: 'Line' }).fill('3');
      await page.getByRole('button', { name: 'Go', exact: true }).click();
      await expect(pages.logLines().locator('.log-line-marked .log-ln')).toHaveText('3');
      const total = Number(
        (/^([\d,]+) lines/.exec((await page.locator('.log-size').textContent()) ?? '')?.[1] ?? '0').replace(/,/g, ''),
      );
      const rendered = await pages.logLines().locator('.log-line').count();
      expect(total).toBeGreaterThan(200);
      expect(rendered).toBeGreaterThan(0);
      expect(rendered).toBeLessThan(150);
    });

    await test.step("stdout, with the hostile job's stdout as text", async () => {
      await pages.tab('Stdout').click();
      await expect(page).toHaveURL(/\/stdout$/);
      await expect(page.getByText(/[\d,]+ lines ·/)).toBeVisible();
      expect(await pages.search('<script>alert("xss-script")</script>')).toBeGreaterThanOrEqual(1);
      const line = pages.logLines().locator('.log-line', { has: page.locator('mark.log-match-current') });
      await expect(line).toContainText('Hostile stdout');
    });
  });

  test('the job manager page lists its configuration, environment and logs', async ({ page }) => {
    const pages = new ManagerPages(page);
    await page.goto('./#/jobmanager');
    const config = page.getByRole('table', { name: 'Configuration' });
    await expect(config.getByRole('rowheader', { name: 'rest.flamegraph.enabled', exact: true })).toBeVisible();
    await page.getByRole('searchbox', { name: /Filter configuration/ }).fill('flamegraph');
    await expect(config.getByRole('row', { name: /rest\.flamegraph\.enabled/ })).toContainText('true');
    await expect(page).toHaveURL(/[?&]q=flamegraph/);

    await test.step('environment: the JVM and a filterable classpath', async () => {
      await pages.tab('Environment').click();
      await expect(page.getByRole('heading', { name: 'Classpath' })).toBeVisible();
      await page.getByRole('searchbox', { name: 'Filter classpath' }).fill('flink-runtime-web');
      await expect(page.getByRole('table', { name: 'Classpath' }).getByRole('rowheader')).toHaveCount(1);
    });

    await test.step('logs: the list of files and the current log, searchable', async () => {
      await pages.tab('Logs').click();
      const files = page.getByRole('table', { name: 'Log files' });
      await expect(files.getByRole('button', { name: 'jobmanager.log' })).toBeVisible();
      await expect(files.getByRole('button', { name: 'jobmanager.out' })).toBeVisible();
      expect(await pages.search('StandaloneSessionClusterEntrypoint')).toBeGreaterThanOrEqual(1);
      await files.getByRole('button', { name: 'jobmanager.out' }).click();
      await expect(page).toHaveURL(/[?&]file=jobmanager\.out/);
      await expect(page.getByRole('heading', { name: 'jobmanager.out' })).toBeVisible();
    });

    await test.step('metrics: heap, non-heap, threads and GC charts', async () => {
      await pages.tab('Metrics').click();
      for (const title of ['Heap memory', 'Non-heap memory', 'Threads']) {
        await expect(chart(page, title).locator('canvas').first()).toBeVisible();
      }
      await expect(chart(page, 'Garbage collection time')).toBeVisible();
    });
  });

  test('thread dumps are grouped by thread state', async ({ page }) => {
    const pages = new ManagerPages(page);
    const tm = (await taskManagerIds())[0] ?? '';
    const dumps: [() => Promise<unknown>, string][] = [
      [() => page.goto('./#/jobmanager/thread-dump'), 'Job manager'],
      [() => pages.taskManager(tm, 'thread-dump'), `Task manager ${tm}`],
    ];
    for (const [open, heading] of dumps) {
      await open();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      // A dump pauses the JVM: it is taken on request only.
      await page.getByRole('button', { name: 'Take a thread dump' }).click();
      const groups = page.getByRole('heading', {
        level: 3,
        name: /^(BLOCKED|RUNNABLE|WAITING|TIMED_WAITING|NEW|TERMINATED|UNKNOWN) \d+ threads?$/,
      });
      await expect(groups.first()).toBeVisible();
      expect(await groups.count()).toBeGreaterThanOrEqual(2);
      const perGroup = (await groups.allTextContents()).map((t) => Number(/ (\d+) thread/.exec(t)?.[1] ?? 0));
      const total = Number(
        /^(\d+) threads/.exec((await page.locator('.thread-dump-count').textContent()) ?? '')?.[1] ?? -1,
      );
      expect(perGroup.reduce((a, b) => a + b, 0)).toBe(total);
      await page.getByRole('searchbox', { name: 'Search threads' }).fill('main');
      await expect(page.locator('.thread-dump-count')).toHaveText(new RegExp(`^\\d+ of ${total} threads`));
    }
  });

  test('deep links reload to the same tab', async ({ page }) => {
    const pages = new ManagerPages(page);
    const id = (await taskManagerIds())[0] ?? '';
    const checks: [string, string, RegExp][] = [
      [`./#/taskmanagers/${encodeURIComponent(id)}/logs`, 'Logs', /Log files/],
      [`./#/taskmanagers/${encodeURIComponent(id)}/stdout`, 'Stdout', /lines ·|The file is empty/],
      // A thread dump waits for a click (it pauses the JVM): the tab opens on its button.
      [`./#/taskmanagers/${encodeURIComponent(id)}/thread-dump`, 'Thread dump', /^Take a thread dump$/],
      [`./#/taskmanagers/${encodeURIComponent(id)}/metrics`, 'Metrics', /Memory model/],
      ['./#/jobmanager/environment', 'Environment', /Classpath/],
      ['./#/jobmanager/thread-dump', 'Thread dump', /^Take a thread dump$/],
      ['./#/jobmanager/logs?file=jobmanager.log', 'Logs', /lines ·/],
      ['./#/jobmanager/stdout', 'Stdout', /lines ·|The file is empty/],
      ['./#/jobmanager/metrics', 'Metrics', /Heap memory/],
    ];
    for (const [url, tab, content] of checks) {
      await page.goto(url);
      await expect(pages.tab(tab)).toHaveAttribute('aria-current', 'page');
      await expect(page.getByText(content).first()).toBeVisible();
      await page.reload();
      await expect(pages.tab(tab)).toHaveAttribute('aria-current', 'page');
      await expect(page.getByText(content).first()).toBeVisible();
    }
    // An unknown tab falls back to the first.
    await page.goto(`./#/taskmanagers/${encodeURIComponent(id)}/nonsense`);
    await expect(pages.tab('Metrics')).toHaveAttribute('aria-current', 'page');
  });
});
