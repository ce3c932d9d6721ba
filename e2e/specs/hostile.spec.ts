import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoJob, demoJobId, flinkJson } from '../support/flink';

// Hostile data, through a real job: the sandbox's "hostile" demo job (HostileNamesJob.java) puts
// untrusted text (HostilePayloads.java: script and img tags, SVG and MathML tricks, javascript:
// URLs, attribute breakouts, template syntax, entities, bidi overrides, newlines, a 2,000
// character word, terminal escapes, and two payloads that set a `window.__xss` canary) into its
// job name, operator names, accumulator names and values, metric names and values, user
// configuration keys and values, exception messages (a second pipeline region fails every few
// minutes with every payload in its message and cause), TaskManager log lines and stdout.
//
// On every page that shows them: they are text (the exact payload is the element's text), no
// script runs (no dialog, the canary stays 0), nothing is injected (no element carries an `on*`
// attribute, no img[src=x], iframe, math, javascript: link or payload <style>), the page's main
// heading stays visible, and no long string makes the page wider than the viewport.

interface JobDetails {
  name: string;
  vertices: { id: string; name: string; parallelism: number }[];
}
interface JobConfig {
  'execution-config': { 'user-config'?: Record<string, string> };
}
interface Problems {
  dialogs: string[];
  pageErrors: string[];
}

/** Every payload by its short name, as the job itself reports them in its user configuration. */
async function payloadsOf(jobId: string): Promise<Map<string, string>> {
  const config = await flinkJson<JobConfig>(`/jobs/${jobId}/config`);
  const payloads = new Map<string, string>();
  for (const [key, value] of Object.entries(config['execution-config']['user-config'] ?? {})) {
    if (key.startsWith('hostile.')) payloads.set(key.slice('hostile.'.length), value);
  }
  return payloads;
}

/**
 * The `text.<name>` accumulators' values, as the JobManager reports them: each payload (the two
 * that also name accumulators as a variant, see HostileNamesJob).
 */
async function textAccumulatorValues(jobId: string): Promise<Map<string, string>> {
  const answer = await flinkJson<{ 'user-task-accumulators': { name: string; value: string }[] }>(
    `/jobs/${jobId}/accumulators`,
  );
  return new Map(
    answer['user-task-accumulators'].filter((a) => a.name.startsWith('text.')).map((a) => [a.name, a.value]),
  );
}

function watch(page: Page): Problems {
  const problems: Problems = { dialogs: [], pageErrors: [] };
  page.on('pageerror', (e) => problems.pageErrors.push(e.message));
  page.on('dialog', (d) => {
    problems.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return problems;
}

/** Installs the canary before any script of the page runs. */
async function installCanary(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__xss = 0;
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      const original = window[name].bind(window) as (...args: unknown[]) => unknown;
      w[name] = (...args: unknown[]) => {
        w.__xss = Number(w.__xss ?? 0) + 1;
        return original(...args);
      };
    }
  });
}

interface PageReport {
  injected: string[];
  canary: number;
  scrollWidth: number;
  innerWidth: number;
  wide: string[];
}

/** What must never be on a page that shows hostile data. */
async function inspect(page: Page): Promise<PageReport> {
  return page.evaluate(() => {
    const injected: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      for (const attr of el.getAttributeNames()) {
        if (/^on/i.test(attr)) injected.push(`<${tag} ${attr}>`);
      }
      if (tag === 'img' && el.getAttribute('src') === 'x') injected.push('<img src=x>');
      if (tag === 'iframe' || tag === 'math' || tag === 'mglyph' || tag === 'animate') injected.push(`<${tag}>`);
      if (tag === 'a' && /^\s*javascript:/i.test(el.getAttribute('href') ?? '')) injected.push('<a href=javascript:>');
      if (tag === 'script' && /xss|alert\(/.test(el.textContent ?? '')) injected.push('<script> with a payload');
      if (tag === 'style' && /body\{display:none\}/.test(el.textContent ?? '')) injected.push('<style> from a payload');
    }
    const innerWidth = window.innerWidth;
    const wide: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth + 1) {
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect();
        if (r.right > innerWidth + 1 && r.width > 0 && wide.length < 5) {
          wide.push(
            `${el.tagName.toLowerCase()}.${el.className.toString().split(' ')[0] ?? ''} right=${Math.round(r.right)}: ${(el.textContent ?? '').slice(0, 40)}`,
          );
        }
      }
    }
    return {
      injected,
      canary: Number((window as unknown as { __xss?: number }).__xss ?? 0),
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      wide,
    };
  });
}

/**
 * The checks every page gets: its main heading (`heading`: the page's own, so a page still
 * showing the previous route does not pass) is visible at the top, nothing ran, nothing was
 * injected, no long string widens the page.
 */
async function expectSafe(page: Page, problems: Problems, where: string, heading: string | RegExp): Promise<void> {
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1, `${where}: the main heading`).toHaveText(heading);
  await expect(h1, `${where}: the main heading`).toBeVisible();
  // Near the top of the document: nothing injected or overflowing pushes it away.
  const top = await h1.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const viewport = page.viewportSize();
  expect(top, `${where}: the heading's position`).toBeLessThan((viewport?.height ?? 720) / 2);
  const report = await inspect(page);
  expect(report.injected, `${where}: injected elements`).toEqual([]);
  expect(report.canary, `${where}: the window.__xss canary`).toBe(0);
  expect(problems.dialogs, `${where}: dialogs`).toEqual([]);
  expect(problems.pageErrors, `${where}: uncaught errors`).toEqual([]);
  expect(
    report.scrollWidth,
    `${where}: page width ${report.scrollWidth} > viewport ${report.innerWidth}: ${report.wide.join('; ')}`,
  ).toBeLessThanOrEqual(report.innerWidth + 1);
}

/** A vertex page's heading: "Vertex: " (for screen readers) and the name, whitespace collapsed. */
function vertexHeading(name: string): string {
  return `Vertex: ${name}`.replace(/\s+/g, ' ');
}

/** The exact texts of some elements (whitespace kept). */
async function textsOf(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((els) => els.map((e) => e.textContent ?? ''));
}

/** Which payloads are some element's exact text. */
function shownExactly(payloads: Map<string, string>, texts: readonly string[]): string[] {
  const set = new Set(texts);
  return [...payloads.entries()].filter(([, p]) => set.has(p)).map(([name]) => name);
}

/** A line for the report: where, and how many of the payloads were seen there as text. */
function note(where: string, names: readonly string[], of: number): void {
  test.info().annotations.push({
    type: 'payloads as text',
    description: `${where}: ${names.length} of ${of}${names.length < of ? '' : ' (all)'}`,
  });
}

const POLL = { timeout: 60_000 };

test.describe('hostile data renders as text everywhere', () => {
  let jobId: string;
  let job: JobDetails;
  let payloads: Map<string, string>;
  let problems: Problems;

  test.beforeAll(async () => {
    jobId = demoJobId('hostile');
    job = await flinkJson<JobDetails>(`/jobs/${jobId}`);
    payloads = await payloadsOf(jobId);
    // A sandbox started from an older tree runs a job without them: say so, do not pass quietly.
    expect(
      payloads.size,
      'the hostile job reports its payloads in its user configuration (if not, the sandbox runs an older HostileNamesJob: npm run sandbox:down && npm run sandbox:up)',
    ).toBeGreaterThanOrEqual(15);
  });

  test.beforeEach(async ({ page }) => {
    problems = watch(page);
    await installCanary(page);
  });

  test('the job carries at least 15 payloads', () => {
    expect(payloads.size).toBeGreaterThanOrEqual(15);
    test
      .info()
      .annotations.push({ type: 'payloads', description: `${payloads.size}: ${[...payloads.keys()].join(', ')}` });
  });

  test('overview, jobs list, job graph and page title', async ({ page }) => {
    const name = demoJob('hostile').name;
    await test.step('overview', async () => {
      await page.goto('./#/');
      await expect(page.getByRole('link', { name, exact: true }).first()).toHaveText(name);
      await expectSafe(page, problems, 'overview', 'Cluster overview');
    });
    await test.step('jobs list', async () => {
      await page.goto('./#/jobs');
      await expect(page.getByRole('link', { name, exact: true }).first()).toHaveText(name);
      await expectSafe(page, problems, 'jobs list', 'Jobs');
    });
    await test.step('job graph: every operator name is a node, as text; the title is the name', async () => {
      await page.goto(`./#/jobs/${jobId}/graph`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page).toHaveTitle(name);
      const nodes = page.getByRole('navigation', { name: 'Job views' });
      await expect(nodes).toBeVisible();
      for (const v of job.vertices) {
        const node = page.locator('a', { has: page.getByText(v.name, { exact: true }) }).first();
        await expect(node, `node of ${JSON.stringify(v.name.slice(0, 60))}`).toBeAttached({ timeout: 15_000 });
      }
      const nodeTexts = await textsOf(page.locator('main a *'));
      note(
        'operator names (graph nodes)',
        shownExactly(
          payloads,
          nodeTexts.flatMap((t) => [t, t.replace(/^Source: /, '').replace(/: Writer$/, '')]),
        ),
        payloads.size,
      );
      await page.waitForTimeout(1500);
      await expectSafe(page, problems, 'job graph', name);
    });
  });

  test('issue 14 views: vertex table, data skew tab and subtask aggregate rows keep the names as text', async ({
    page,
  }) => {
    const name = demoJob('hostile').name;
    const names = job.vertices.map((v) => v.name).sort();
    /** No element of `scope` is an img or script from a name, and no dialog or canary fired. */
    const noMarkupIn = async (scope: Locator, where: string): Promise<void> => {
      await expect(scope.locator('img, script, iframe, svg[onload], details, b'), `${where}: elements`).toHaveCount(0);
    };
    await test.step('vertex table under the graph: every operator name is its row header, as text', async () => {
      await page.goto(`./#/jobs/${jobId}/graph`);
      const table = page.getByRole('table', { name: `Vertices of the job (${job.vertices.length})` });
      await expect(table.getByRole('rowheader')).toHaveCount(job.vertices.length, POLL);
      expect((await textsOf(table.getByRole('rowheader'))).sort()).toEqual(names);
      await expect(table.getByText("<img src=x onerror=alert('xss-img')>", { exact: true })).toBeVisible();
      note(
        'operator names (vertex table)',
        shownExactly(payloads, await textsOf(table.getByRole('rowheader'))),
        payloads.size,
      );
      await noMarkupIn(table, 'vertex table');
      await page.waitForTimeout(1500);
      await expectSafe(page, problems, 'vertex table', name);
    });
    await test.step('data skew tab: every operator name is its row header, as text', async () => {
      await page.goto(`./#/jobs/${jobId}/data-skew`);
      const table = page.getByRole('table', { name: 'Data skew per vertex' });
      await expect(table.getByRole('rowheader')).toHaveCount(job.vertices.length, POLL);
      expect((await textsOf(table.getByRole('rowheader'))).sort()).toEqual(names);
      await expect(table.getByText("<img src=x onerror=alert('xss-img')>", { exact: true })).toBeVisible();
      await noMarkupIn(table, 'data skew');
      await page.waitForTimeout(1500);
      await expectSafe(page, problems, 'data skew', name);
    });
    await test.step("subtasks of the <img> and <script> operators: aggregate rows under the name's heading", async () => {
      const hostileVertices = job.vertices.filter((v) => /<img|<script/i.test(v.name));
      expect(hostileVertices.length).toBeGreaterThan(0);
      for (const v of hostileVertices) {
        await page.goto(`./#/jobs/${jobId}/vertices/${v.id}/subtasks`);
        const heading = page.getByRole('heading', { level: 1 }).locator('bdi');
        await expect.poll(() => heading.evaluate((el) => el.textContent), POLL).toBe(v.name);
        const table = page.getByRole('table', { name: 'Subtasks' });
        for (const row of ['Min', 'Median', 'Max', 'Max at']) {
          await expect(
            table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: row, exact: true }) }),
            `${row} row of ${JSON.stringify(v.name.slice(0, 40))}`,
          ).toBeVisible(POLL);
        }
        await noMarkupIn(page.locator('main'), `subtasks of ${JSON.stringify(v.name.slice(0, 40))}`);
        await page.waitForTimeout(500);
        await expectSafe(page, problems, `subtasks of ${JSON.stringify(v.name.slice(0, 40))}`, vertexHeading(v.name));
      }
    });
  });

  test('exceptions: payload-bearing messages, causes and stack traces as text', async ({ page }) => {
    await page.goto(`./#/jobs/${jobId}/exceptions`);
    const list = page.getByRole('list', { name: 'Root exceptions' });
    // The failing region throws 20 s after the job starts, then every 5 minutes.
    await expect(list).toBeVisible(POLL);
    const entry = list.getByRole('listitem').filter({ hasText: 'Hostile failure (attempt' }).first();
    await expect(entry).toBeVisible();
    await expect(entry.locator('.exception-headline')).toContainText('<script>alert("xss-script")</script>');
    await expect(entry.locator('.exception-cause')).toContainText('Hostile cause:');
    await entry.getByText('Stack trace', { exact: true }).click();
    const trace = (await entry.locator('pre').first().textContent()) ?? '';
    const inTrace = [...payloads.entries()].filter(([, p]) => trace.includes(p)).map(([n]) => n);
    note('exception messages (stack trace)', inTrace, payloads.size);
    expect(inTrace.length).toBe(payloads.size);
    await page.waitForTimeout(1000);
    await expectSafe(page, problems, 'exceptions', demoJob('hostile').name);
  });

  test('configuration: user configuration keys and values, accumulator names and values as text', async ({ page }) => {
    await page.goto(`./#/jobs/${jobId}/configuration`);
    const user = page.getByRole('table', { name: 'User configuration' });
    await expect(user.getByRole('rowheader', { name: 'hostile.script', exact: true })).toBeVisible(POLL);
    const userTexts = await textsOf(user.locator('td, th'));
    const values = shownExactly(payloads, userTexts);
    note('user configuration values', values, payloads.size);
    expect(values.length).toBe(payloads.size);
    for (const key of ["<img src=x onerror=alert('xss-img')>", '<script>alert("xss-script")</script>']) {
      expect(userTexts, `the key ${key}`).toContain(key);
    }
    const accumulators = page.getByRole('table', { name: 'User accumulators' });
    await expect(accumulators.getByRole('rowheader', { name: 'text.script', exact: true })).toBeVisible(POLL);
    const accumulatorTexts = await textsOf(accumulators.locator('td, th'));
    const textValues = await textAccumulatorValues(jobId);
    const accValues = shownExactly(textValues, accumulatorTexts);
    note('accumulator values (job configuration)', accValues, textValues.size);
    expect(accValues.length).toBe(textValues.size);
    expect(textValues.size).toBe(payloads.size);
    expect(accumulatorTexts).toEqual(
      expect.arrayContaining(["<svg onload=alert('xss-svg')>", '<a href="javascript:alert(1)">click</a>']),
    );
    await expectSafe(page, problems, 'configuration', demoJob('hostile').name);
  });

  test('timeline and checkpoints: chart labels and tooltips stay text', async ({ page }) => {
    await page.goto(`./#/jobs/${jobId}/timeline`);
    const chart = page.getByRole('img', { name: /^Timeline of the job/ });
    await expect(chart).toBeVisible(POLL);
    const box = await chart.boundingBox();
    if (box) {
      // Hover each row's bar: the tooltip (canvas text) shows the vertex name.
      for (let y = box.y + 40; y < box.y + box.height - 40; y += 18) await page.mouse.move(box.x + box.width * 0.6, y);
    }
    await expectSafe(page, problems, 'timeline', demoJob('hostile').name);
    await page.goto(`./#/jobs/${jobId}/checkpoints`);
    await expect(
      page.getByRole('navigation', { name: 'Job views' }).getByRole('link', { name: 'Checkpoints' }),
    ).toHaveAttribute('aria-current', 'page');
    await page.waitForTimeout(1000);
    await expectSafe(page, problems, 'checkpoints', demoJob('hostile').name);
  });

  test('vertex pages: headings, subtasks, accumulators, metric names and values, flame graph', async ({ page }) => {
    test.setTimeout(240_000);
    const tabs = ['subtasks', 'taskmanagers', 'backpressure', 'watermarks', 'accumulators', 'metrics', 'flamegraph'];
    await test.step('every vertex, every tab: the name is the heading, as text', async () => {
      for (const v of job.vertices) {
        for (const tab of v.name.length > 1000 || v.name.includes('\n') ? tabs : ['subtasks']) {
          await page.goto(`./#/jobs/${jobId}/vertices/${v.id}/${tab}`);
          const heading = page.getByRole('heading', { level: 1 }).locator('bdi');
          await expect.poll(() => heading.evaluate((el) => el.textContent)).toBe(v.name);
          await page.waitForTimeout(300);
          await expectSafe(
            page,
            problems,
            `vertex ${JSON.stringify(v.name.slice(0, 40))} ${tab}`,
            vertexHeading(v.name),
          );
        }
      }
    });
    const instrumented = job.vertices.find((v) => v.name === "<img src=x onerror=alert('xss-img')>");
    if (!instrumented) throw new Error('the hostile job has no <img> vertex');
    await test.step('flame graph of the hostile operator', async () => {
      await page.goto(`./#/jobs/${jobId}/vertices/${instrumented.id}/flamegraph`);
      await page.waitForTimeout(3000);
      await expectSafe(page, problems, 'flame graph', vertexHeading(instrumented.name));
    });
    await test.step('accumulator values', async () => {
      await page.goto(`./#/jobs/${jobId}/vertices/${instrumented.id}/accumulators`);
      const table = page.getByRole('table', { name: 'Vertex accumulators' });
      await expect(table.getByRole('rowheader', { name: 'text.img', exact: true })).toBeVisible(POLL);
      const texts = await textsOf(table.locator('td, th'));
      const textValues = await textAccumulatorValues(jobId);
      const values = shownExactly(textValues, texts);
      note('accumulator values (vertex)', values, textValues.size);
      expect(values.length).toBe(textValues.size);
      await expectSafe(page, problems, 'vertex accumulators', vertexHeading(instrumented.name));
    });
    await test.step('metric names (one gauge per payload) in the list, the table and a chart', async () => {
      await page.goto(`./#/jobs/${jobId}/vertices/${instrumented.id}/metrics`);
      await page.getByLabel('Search metrics').fill('payloads');
      const list = page.getByRole('list', { name: 'Matching metrics' });
      await expect(list.getByRole('button').first()).toBeVisible(POLL);
      const names = await textsOf(list.getByRole('button'));
      // Flink's metric query service writes spaces, dots, colons and commas as underscores.
      const mangled = (p: string): string => p.replace(/[ .:,]/g, '_');
      const listed = [...payloads.entries()]
        .filter(([, p]) => names.some((n) => n.endsWith(`.payloads.${mangled(p)}`)))
        .map(([n]) => n);
      note('metric names (vertex metrics list)', listed, payloads.size);
      expect(listed.length).toBe(payloads.size);
      const script = names.find((n) => n.endsWith('.payloads.<script>alert("xss-script")</script>'));
      if (!script) throw new Error('no metric named after the <script> payload');
      await list.getByRole('button', { name: script, exact: true }).click();
      await expect(page.getByRole('img', { name: `Chart of ${script.slice(2)}, subtask 0` })).toBeVisible(POLL);
      await page.getByRole('img', { name: `Chart of ${script.slice(2)}, subtask 0` }).hover();
      await expectSafe(page, problems, 'vertex metrics', vertexHeading(instrumented.name));
    });
  });

  test('logs and stdout: log lines with payloads, and the exception in the logs, as text', async ({ page }) => {
    test.setTimeout(180_000);
    const search = page.getByRole('searchbox', { name: 'Search the log' });
    const lines = page.getByRole('region', { name: /^Contents of / });
    const logOf = (file: string): Locator => page.getByRole('region', { name: `Contents of ${file}`, exact: true });
    const current = lines.locator('.log-line', { has: page.locator('mark.log-match-current') });
    const find = async (text: string): Promise<void> => {
      await search.fill(text);
      await expect(page.getByRole('status').filter({ hasText: /of [\d,]+ matches|No matches/ })).toHaveText(
        /^1 of [\d,]+ matches$/,
        POLL,
      );
    };

    const tms = await flinkJson<{ taskmanagers: { id: string }[] }>('/taskmanagers');
    let hostileTm = '';
    for (const tm of tms.taskmanagers) {
      const details = await flinkJson<{ allocatedSlots?: { jobId: string }[] }>(
        `/taskmanagers/${encodeURIComponent(tm.id)}`,
      );
      if (details.allocatedSlots?.some((s) => s.jobId === jobId)) hostileTm = tm.id;
    }
    expect(hostileTm, 'a task manager runs the hostile job').not.toBe('');
    // The viewer names a task manager's files after its id (see src/features/logs/log-source.ts).
    const tmFile = hostileTm.replace(/[^\w.-]+/g, '_');

    await test.step('task manager log', async () => {
      await page.goto(`./#/taskmanagers/${encodeURIComponent(hostileTm)}/logs`);
      await expect(logOf(`taskmanager-${tmFile}.log`)).toBeVisible(POLL);
      await find("<img src=x onerror=alert('xss-img')>");
      await expect(current).toContainText("<img src=x onerror=alert('xss-img')>");
      await find('<style>body{display:none}</style>');
      await expect(current).toContainText('<style>body{display:none}</style>');
      await find('Hostile failure (attempt');
      await expect(current).toContainText('<script>alert("xss-script")</script>');
      await expectSafe(page, problems, 'task manager log', `Task manager ${hostileTm}`);
    });
    await test.step('task manager stdout', async () => {
      await page.goto(`./#/taskmanagers/${encodeURIComponent(hostileTm)}/stdout`);
      await expect(logOf(`taskmanager-${tmFile}.out`)).toBeVisible(POLL);
      await find('Hostile stdout');
      await expect(current).toContainText('<script>alert("xss-script")</script>');
      await expectSafe(page, problems, 'task manager stdout', `Task manager ${hostileTm}`);
    });
    await test.step('job manager log: the job name and the failure', async () => {
      await page.goto('./#/jobmanager/logs');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Job manager');
      await expect(logOf('jobmanager.log')).toBeVisible(POLL);
      await find("<img src=x onerror=alert('xss-job')>");
      await expect(current).toContainText("<img src=x onerror=alert('xss-job')>");
      await find('Hostile failure (attempt');
      await expect(current).toContainText("<img src=x onerror=alert('xss-img')>");
      await expectSafe(page, problems, 'job manager log', 'Job manager');
    });
  });
});
