import { expect, test, type Page } from '@playwright/test';
import { demoJobId, flinkJson } from '../support/flink';

// Issue 14, the per-process views: the job header's task counts and JobManager log link, the
// vertex header's I/O totals and task counts, the task managers' data port and managed memory,
// and the thread dump's warning. Every expected value is read from the real JobManager.

interface JobDetails {
  vertices: { id: string; name: string; tasks: Record<string, number>; metrics: Record<string, number> }[];
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

/** "2 RUNNING", ... for the non-zero states of a vertex-tasks map, sorted for comparison. */
function badgeTexts(counts: Record<string, number>): string[] {
  return Object.entries(counts)
    .filter(([state, n]) => n > 0 && state.toLowerCase() !== 'total')
    .map(([state, n]) => `${n} ${state.toUpperCase()}`)
    .sort();
}

function sum(records: Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, n] of Object.entries(r)) out[k] = (out[k] ?? 0) + n;
  return out;
}

/** "12,345" -> 12345. */
function count(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

/** "433 MiB", "16.1 MiB", "0 B" -> bytes (as shown: rounded). */
function bytesOf(text: string | null): number {
  const match = /^([\d.]+) (B|KiB|MiB|GiB|TiB)$/.exec((text ?? '').trim());
  if (!match) return NaN;
  return Number(match[1]) * 1024 ** ['B', 'KiB', 'MiB', 'GiB', 'TiB'].indexOf(match[2] ?? '');
}

/** Within the rounding of a shown size (one decimal below 10, none above: under 5 %). */
function nearly(shown: number, actual: number): boolean {
  return Math.abs(shown - actual) <= actual * 0.05;
}

test.describe('process views', () => {
  test("the job header shows the event-time job's task counts as the REST API does, and links to the JobManager log", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const jobId = demoJobId('eventTime');
    const details = await flinkJson<JobDetails>(`/jobs/${jobId}`);
    const overview = await flinkJson<{ jobs: { jid: string; tasks: Record<string, number> }[] }>('/jobs/overview');
    const expected = badgeTexts(sum(details.vertices.map((v) => v.tasks)));
    // The header's figures are the job overview's `tasks` too (the same subtasks, counted there).
    expect(badgeTexts(overview.jobs.find((j) => j.jid === jobId)?.tasks ?? {})).toEqual(expected);

    await page.goto(`./#/jobs/${jobId}`);
    const counts = page.locator('header.job-header').getByRole('list', { name: 'Tasks per state' });
    await expect(counts.getByRole('listitem')).toHaveText(expected, { timeout: 30_000 });

    await page.getByRole('link', { name: 'JobManager log' }).click();
    await expect(page).toHaveURL(/#\/jobmanager\/logs$/);
    expect(errors).toEqual([]);
  });

  test("the vertex header shows the source's I/O totals and task counts", async ({ page }) => {
    const errors = watchErrors(page);
    const jobId = demoJobId('eventTime');
    const before = await flinkJson<JobDetails>(`/jobs/${jobId}`);
    const source = before.vertices.find((v) => v.name.startsWith('Source: Order generator'));
    if (!source) throw new Error('the event-time job has no source vertex');

    await page.goto(`./#/jobs/${jobId}/vertices/${source.id}`);
    const header = page.locator('header.vertex-header');
    await expect(header.getByRole('list', { name: 'Tasks per state' }).getByRole('listitem')).toHaveText(
      badgeTexts(source.tasks),
      { timeout: 30_000 },
    );
    const stat = (term: string) =>
      header.locator('dl > div').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) });
    await expect(stat('Records sent').getByRole('definition')).toHaveText(/^[\d,]+$/, { timeout: 30_000 });
    // Counters only grow: what the page shows is at least what the API said before it loaded.
    expect(count(await stat('Records sent').getByRole('definition').textContent())).toBeGreaterThanOrEqual(
      source.metrics['write-records'] ?? Infinity,
    );
    // A source receives nothing over the network, as Flink's counters say, and the page says why.
    await expect(stat('Records received').getByRole('definition')).toHaveText('0');
    await expect(stat('Bytes sent').getByRole('definition')).toHaveText(/\d.*B$/);
    await expect(stat('Start').getByRole('definition')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    await expect(stat('Duration').getByRole('definition')).not.toHaveText('–');
    await expect(header.getByText(/0 received for a source, 0 sent for a sink/)).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('the task managers list shows each task manager’s data port and managed memory', async ({ page }) => {
    const errors = watchErrors(page);
    const { taskmanagers } = await flinkJson<{
      taskmanagers: {
        id: string;
        dataPort: number;
        blocked?: boolean;
        memoryConfiguration: { managedMemory: number };
      }[];
    }>('/taskmanagers');
    await page.goto('./#/taskmanagers');
    const table = page.getByRole('table', { name: 'Task managers' });
    await expect(table.getByRole('columnheader', { name: /Data port/ })).toBeVisible({ timeout: 30_000 });
    await expect(table.getByRole('columnheader', { name: /Managed memory/ })).toBeVisible();
    for (const tm of taskmanagers) {
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: tm.id, exact: true }) });
      await expect(row.getByRole('cell', { name: String(tm.dataPort), exact: true })).toBeVisible();
      const mib = tm.memoryConfiguration.managedMemory / 2 ** 20;
      await expect(row.getByRole('cell', { name: new RegExp(`^${Math.round(mib)}(\\.\\d)? MiB$`) })).toBeVisible();
      // Flink sends `blocked` only while a task manager is blocked (the sandbox blocks none).
      await expect(row.getByText('blocked', { exact: true })).toHaveCount(tm.blocked === true ? 1 : 0);
    }
    expect(errors).toEqual([]);
  });

  test('the thread dump waits for a click, and its button says that it pauses the JVM', async ({ page }) => {
    const errors = watchErrors(page);
    const dumps: string[] = [];
    page.on('request', (r) => {
      if (/\/thread-dump(\?|$)/.test(new URL(r.url()).pathname)) dumps.push(r.url());
    });
    await page.goto('./#/jobmanager/thread-dump');
    const button = page.getByRole('button', { name: 'Take a thread dump' });
    await expect(button).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/the JVM pauses briefly \(can be seconds with many threads\)/)).toBeVisible();
    await expect(button).toHaveAccessibleDescription(/JVM pauses briefly/);
    expect(dumps, 'no dump is taken before the click').toEqual([]);
    await button.click();
    const again = page.getByRole('button', { name: /Take a new dump|Taking a dump/ });
    await expect(again).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/^\d+ threads, taken /)).toBeVisible({ timeout: 60_000 });
    await expect(again).toHaveAccessibleDescription(/JVM pauses briefly/);
    expect(dumps).toHaveLength(1);
    expect(errors).toEqual([]);
  });
  test("the job manager's memory model and JVM memory, with their limits, from one request per refresh", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const M = 'Status.JVM.Memory';
    const api: { at: number; path: string }[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      const i = url.pathname.indexOf('/api/');
      if (i >= 0) api.push({ at: Date.now(), path: url.pathname.slice(i + 4) + url.search });
    });
    const config = await flinkJson<{ key: string; value: string }[]>('/jobmanager/config');
    const { 'refresh-interval': interval } = await flinkJson<{ 'refresh-interval': number }>('/config');
    const limits = await flinkJson<{ id: string; value: string }[]>(
      `/jobmanager/metrics?get=${M}.Heap.Max,${M}.NonHeap.Max,${M}.Metaspace.Max`,
    );
    const limit = (id: string): number => Number(limits.find((m) => m.id === `${M}.${id}`)?.value);

    await page.goto('./#/jobmanager/metrics');
    const jvm = page.getByRole('table', { name: 'JVM memory' });
    const row = (name: string) =>
      jvm.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    // Columns after the row header: Used, Committed, Max / total, Used of max, Buffers.
    const cell = (name: string, index: number) => row(name).getByRole('cell').nth(index);

    await test.step('heap, non-heap and metaspace: used, committed and their max as the JobManager says', async () => {
      for (const [name, id] of [
        ['Heap', 'Heap'],
        ['Non-heap', 'NonHeap'],
        ['Metaspace (in non-heap)', 'Metaspace'],
      ] as const) {
        await expect(cell(name, 0)).toHaveText(/\d.* (B|KiB|MiB|GiB)$/, { timeout: 60_000 });
        expect(bytesOf(await cell(name, 0).textContent()), `${name} used`).toBeGreaterThan(0);
        expect(bytesOf(await cell(name, 1).textContent()), `${name} committed`).toBeGreaterThan(0);
        const max = bytesOf(await cell(name, 2).textContent());
        expect(nearly(max, limit(`${id}.Max`)), `${name} max ${max} vs ${limit(`${id}.Max`)}`).toBe(true);
        await expect(cell(name, 3)).toHaveText(/^\d+%$/);
      }
    });

    await test.step('direct and mapped buffers: used, capacity and count', async () => {
      expect(bytesOf(await cell('Direct buffers', 0).textContent())).toBeGreaterThan(0);
      expect(bytesOf(await cell('Direct buffers', 2).textContent())).toBeGreaterThan(0);
      expect(count(await cell('Direct buffers', 4).textContent())).toBeGreaterThan(0);
      // The sandbox's JobManager maps no file: whatever it says, a size and a count (0 is a value).
      await expect(cell('Mapped buffers', 0)).toHaveText(/^[\d.]+ (B|KiB|MiB|GiB)$/);
      await expect(cell('Mapped buffers', 4)).toHaveText(/^[\d,]+$/);
    });

    await test.step('the memory model: the configured sizes of the effective configuration', async () => {
      const model = page.getByRole('table', { name: 'Memory model' });
      const size = (key: string): number => {
        const value = config.find((e) => e.key === `jobmanager.memory.${key}`)?.value ?? '';
        const match = /^(\d+)\s*([a-z]*)$/i.exec(value.trim());
        const units: Record<string, number> = { '': 1, b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };
        return match ? Number(match[1]) * (units[(match[2] ?? '').toLowerCase()] ?? NaN) : NaN;
      };
      for (const [name, key] of [
        ['JVM heap', 'heap.size'],
        ['Off-heap', 'off-heap.size'],
        ['JVM metaspace', 'jvm-metaspace.size'],
      ] as const) {
        const configured = model
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
          .getByRole('cell')
          .nth(1);
        const shown = bytesOf(await configured.textContent());
        expect(shown, name).toBeGreaterThan(0);
        expect(nearly(shown, size(key)), `${name}: ${shown} vs ${size(key)}`).toBe(true);
      }
      await expect(page.getByRole('img', { name: /^Memory model: .* in total$/ })).toBeVisible();
    });

    await test.step('one metrics request per refresh serves the memory panel and the charts', async () => {
      await expect(page.locator('.metric-chart-title').getByText('Heap memory', { exact: true })).toBeVisible();
      const from = Date.now();
      await page.waitForTimeout(interval * 3);
      const paths = api.filter((r) => r.at >= from).map((r) => r.path);
      const values = paths.filter((p) => p.startsWith('/jobmanager/metrics?get='));
      expect(values.length).toBeGreaterThanOrEqual(2);
      // The list of metric ids and the configuration are read once, not per refresh.
      expect(paths.filter((p) => p === '/jobmanager/metrics' || p === '/jobmanager/config')).toEqual([]);
      test.info().annotations.push({
        type: 'job manager metrics tab, requests per refresh',
        description: `${(paths.length / values.length).toFixed(1)} in all, of them 1 /jobmanager/metrics?get= (${values.length} in ${interval * 3} ms): ${[...new Set(paths)].join(' ')}`,
      });
      for (const p of values) {
        const asked = decodeURIComponent(p.slice('/jobmanager/metrics?get='.length)).split(',');
        for (const id of [
          'Heap.Used',
          'Heap.Max',
          'NonHeap.Max',
          'Metaspace.Max',
          'Direct.Count',
          'Mapped.TotalCapacity',
        ])
          expect(asked).toContain(`${M}.${id}`);
      }
    });
    expect(errors).toEqual([]);
  });
});
