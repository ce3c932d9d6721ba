import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoJobId, flinkJson, type DemoJobKey } from '../support/flink';

// The vertex page's Subtasks tab against the real sandbox: each subtask's time in its state and
// its accumulated busy / back-pressured / idle time, the min / median / max rows at the foot of
// the table and the slowest subtask, checked against the rows the same page shows.

interface JobDetails {
  vertices: { id: string; name: string; parallelism: number }[];
}
interface VertexDetails {
  subtasks: {
    subtask: number;
    status: string;
    'status-duration'?: Record<string, number>;
    metrics: Record<string, unknown>;
  }[];
}

/** The table as one snapshot (one poll's render), so rows and aggregates are read together. */
interface Snapshot {
  headers: string[];
  body: string[][];
  foot: Record<string, string[]>;
}

async function vertexOf(key: DemoJobKey, match: (name: string) => boolean) {
  const jobId = demoJobId(key);
  const job = await flinkJson<JobDetails>(`/jobs/${jobId}`);
  const vertex = job.vertices.find((v) => match(v.name));
  if (!vertex) throw new Error(`no matching vertex in ${key}: ${job.vertices.map((v) => v.name).join(' | ')}`);
  return { jobId, ...vertex };
}

class SubtasksTab {
  constructor(readonly page: Page) {}

  async open(jobId: string, vertexId: string): Promise<void> {
    await this.page.goto(`./#/jobs/${jobId}/vertices/${vertexId}/subtasks`);
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Subtasks' });
  }

  aggregateRow(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  snapshot(): Promise<Snapshot> {
    return this.table.evaluate((table) => {
      const text = (row: Element): string[] => Array.from(row.children).map((c) => (c.textContent ?? '').trim());
      const headers = Array.from(table.querySelectorAll('thead th')).map((th) =>
        (th.textContent ?? '').replace(/[▲▼]/g, '').trim(),
      );
      const body = Array.from(table.querySelectorAll('tbody tr')).map(text);
      const foot: Record<string, string[]> = {};
      for (const row of Array.from(table.querySelectorAll('tfoot tr'))) {
        const cells = text(row);
        foot[cells[0] ?? ''] = cells;
      }
      return { headers, body, foot };
    });
  }
}

/** A cell's duration (or count) without its share: "1h 9m (99.9%)" -> "1h 9m". */
const valuePart = (cell: string | undefined): string => (cell ?? '').replace(/\s*\(\d+\.\d%\)$/, '');
const DURATION = /^(\d+ms|\d+(\.\d)?s|\d+m \d+s|\d+h \d+m|\d+d \d+h)$/;

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

test.describe('subtask times and aggregates', () => {
  test('the slow operator of the backpressured job: busy, slowest, and its aggregates', async ({ page }) => {
    const slow = await vertexOf('backpressure', (n) => n === 'Slow enrichment');
    const details = await flinkJson<VertexDetails>(`/jobs/${slow.jobId}/vertices/${slow.id}`);
    const tab = new SubtasksTab(page);
    await tab.open(slow.jobId, slow.id);
    await expect(tab.table).toBeVisible({ timeout: 30_000 });

    await test.step('the time columns show', async () => {
      for (const name of ['Busy', 'Back-pressured', 'Idle']) {
        await expect(tab.table.getByRole('columnheader', { name })).toBeVisible();
      }
      const hasStatusDuration = details.subtasks.some((s) => s['status-duration']?.[s.status] !== undefined);
      await expect(tab.table.getByRole('columnheader', { name: 'In state for' })).toHaveCount(
        hasStatusDuration ? 1 : 0,
      );
    });

    await test.step('subtask 0 is in its state for a duration, busy most of its running time, and slowest', async () => {
      const snap = await tab.snapshot();
      const row = snap.body.find((r) => /^0\b/.test(r[0] ?? ''));
      expect(row?.[0]).toBe('0 slowest');
      const inState = snap.headers.indexOf('In state for');
      if (inState >= 0) expect(row?.[inState]).toMatch(DURATION);
      const busy = row?.[snap.headers.indexOf('Busy')] ?? '';
      expect(valuePart(busy)).toMatch(DURATION);
      expect(parseFloat(/\((\d+\.\d)%\)/.exec(busy)?.[1] ?? '0')).toBeGreaterThan(50);
      await expect(tab.table.getByRole('row', { name: /^0 slowest/ })).toHaveClass(/row-slowest/);
      await expect(page.getByText(/"slowest" marks the subtask with the most busy time/)).toBeVisible();
    });

    await test.step('min, median and max of one subtask are its own values, max at subtask 0', async () => {
      for (const name of ['Min', 'Median', 'Max', 'Max at']) await expect(tab.aggregateRow(name)).toBeVisible();
      const snap = await tab.snapshot();
      expect(snap.body).toHaveLength(details.subtasks.length);
      for (const header of ['Busy', 'Idle', 'Duration']) {
        const i = snap.headers.indexOf(header);
        const own = snap.body.map((r) => valuePart(r[i]));
        expect(own.length).toBeGreaterThan(0);
        if (own.length === 1) {
          for (const line of ['Min', 'Median', 'Max']) expect(snap.foot[line]?.[i]).toBe(own[0]);
          expect(snap.foot['Max at']?.[i]).toBe('subtask 0');
        }
      }
    });
  });

  test('the event-time source: aggregates across its subtasks agree with the rows', async ({ page }) => {
    const source = await vertexOf('eventTime', (n) => n.startsWith('Source: Order generator'));
    expect(source.parallelism).toBeGreaterThan(1);
    const tab = new SubtasksTab(page);
    await tab.open(source.jobId, source.id);
    await expect(tab.aggregateRow('Max at')).toBeVisible({ timeout: 30_000 });
    const snap = await tab.snapshot();
    expect(snap.body).toHaveLength(source.parallelism);
    const col = (name: string): number => {
      const i = snap.headers.indexOf(name);
      expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const rowOf = (label: string | undefined): string[] | undefined =>
      snap.body.find((r) => r[0]?.replace(' slowest', '') === label?.replace('subtask ', ''));

    await test.step('records out: min, median and max computed from the rows', () => {
      const i = col('Records out');
      const counts = snap.body.map((r) => Number((r[i] ?? '').replace(/,/g, '')));
      const sorted = [...counts].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
      const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
      expect([snap.foot.Min?.[i], snap.foot.Median?.[i], snap.foot.Max?.[i]]).toEqual([
        fmt(sorted[0] ?? 0),
        fmt(median),
        fmt(sorted[sorted.length - 1] ?? 0),
      ]);
    });

    await test.step('each time column: min and max are values of the rows, the max at the row it names', () => {
      for (const name of ['Duration', 'In state for', 'Busy', 'Back-pressured', 'Idle']) {
        if (name === 'In state for' && !snap.headers.includes(name)) continue; // a line without status-duration
        const i = col(name);
        const values = snap.body.map((r) => valuePart(r[i]));
        expect(values).toContain(snap.foot.Min?.[i]);
        expect(values).toContain(snap.foot.Max?.[i]);
        expect(snap.foot.Median?.[i]).toMatch(DURATION);
        const maxAt = snap.foot['Max at']?.[i] ?? '';
        if (maxAt.startsWith('all ')) {
          expect(maxAt).toBe(`all ${source.parallelism} equal`);
          expect(new Set(values).size).toBe(1);
        } else {
          for (const label of maxAt.split(', ')) {
            expect(label).toMatch(/^subtask \d+$/);
            expect(valuePart(rowOf(label)?.[i])).toBe(snap.foot.Max?.[i]);
          }
        }
      }
    });

    await test.step('the slowest mark is on the row holding the max busy time', () => {
      const i = col('Busy');
      const slowest = snap.body.filter((r) => r[0]?.endsWith(' slowest'));
      expect(slowest).toHaveLength(1);
      const first = snap.foot['Max at']?.[i]?.split(', ')[0];
      if (first?.startsWith('subtask ')) expect(slowest[0]?.[0]).toBe(`${first.replace('subtask ', '')} slowest`);
      else expect(valuePart(slowest[0]?.[i])).toBe(snap.foot.Max?.[i]);
    });
  });
});
