import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoJobId, flinkJson } from '../support/flink';

// Every page, in both themes, scanned with axe-core (WCAG 2 A and AA rules) against the real
// sandbox: no serious or critical violation. Then a keyboard tour of the shell: every main
// control is reached with Tab and shows a visible focus outline.

const THEME_KEY = 'flink-dashboard.theme';
const THEMES = ['light', 'dark'] as const;

interface PageSpec {
  readonly name: string;
  /** The hash route, resolved once the sandbox's ids are known. */
  readonly route: (ids: Ids) => string;
  /** The page's main heading, to know it rendered. */
  readonly heading?: RegExp;
  /** What a person does first to see the page's content (a thread dump waits for a click). */
  readonly act?: (page: Page) => Promise<void>;
}

const takeThreadDump = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: 'Take a thread dump' }).click();
  await expect(page.getByRole('button', { name: 'Take a new dump' })).toBeVisible({ timeout: 60_000 });
};

interface Ids {
  readonly job: string;
  readonly flakyJob: string;
  readonly vertex: string;
  readonly taskManager: string;
}

const PAGES: readonly PageSpec[] = [
  { name: 'overview', route: () => '#/', heading: /Cluster overview/ },
  { name: 'jobs', route: () => '#/jobs' },
  { name: 'job graph', route: (ids) => `#/jobs/${ids.job}/graph` },
  { name: 'job exceptions', route: (ids) => `#/jobs/${ids.flakyJob}/exceptions` },
  { name: 'job checkpoints', route: (ids) => `#/jobs/${ids.job}/checkpoints` },
  { name: 'job timeline', route: (ids) => `#/jobs/${ids.job}/timeline` },
  { name: 'job configuration', route: (ids) => `#/jobs/${ids.job}/configuration` },
  ...(['subtasks', 'taskmanagers', 'backpressure', 'watermarks', 'accumulators', 'metrics', 'flamegraph'] as const).map(
    (tab): PageSpec => ({ name: `vertex ${tab}`, route: (ids) => `#/jobs/${ids.job}/vertices/${ids.vertex}/${tab}` }),
  ),
  { name: 'task managers', route: () => '#/taskmanagers' },
  ...(['metrics', 'logs', 'stdout', 'thread-dump'] as const).map((tab): PageSpec => ({
    name: `task manager ${tab}`,
    route: (ids) => `#/taskmanagers/${encodeURIComponent(ids.taskManager)}/${tab}`,
    ...(tab === 'thread-dump' ? { act: takeThreadDump } : {}),
  })),
  ...(['configuration', 'environment', 'metrics', 'logs'] as const).map((tab): PageSpec => ({
    name: `job manager ${tab}`,
    route: () => `#/jobmanager/${tab}`,
  })),
  { name: 'metrics', route: () => '#/metrics' },
  { name: 'jars', route: () => '#/jars' },
  { name: 'operations', route: () => '#/operations' },
  { name: 'health wall', route: () => '#/kiosk', heading: /Health wall/ },
  { name: 'kiosk wall', route: () => '#/kiosk?kiosk&rotate=0', heading: /Health wall/ },
];

let ids: Ids;

test.beforeAll(async () => {
  const job = demoJobId('eventTime');
  const details = await flinkJson<{ vertices: { id: string }[] }>(`/jobs/${job}`);
  const { taskmanagers } = await flinkJson<{ taskmanagers: { id: string }[] }>('/taskmanagers');
  const vertex = details.vertices[1]?.id ?? details.vertices[0]?.id;
  const taskManager = taskmanagers[0]?.id;
  if (!vertex || !taskManager) throw new Error('the sandbox has no vertex or no task manager to scan');
  ids = { job, flakyJob: demoJobId('flaky'), vertex, taskManager };
});

/** Waits until the page rendered its content: a heading, and no panel still loading. */
async function settle(page: Page, heading?: RegExp): Promise<void> {
  await expect(
    heading ? page.getByRole('heading', { level: 1, name: heading }) : page.locator('main h1').first(),
  ).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
  // Charts arrive in a lazy chunk and draw on the next frame.
  await page.waitForTimeout(600);
}

function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.map(
    (v) =>
      `${v.id} (${v.impact ?? '?'}): ${v.help} at ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join(' | ')}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ''}`,
  );
}

for (const theme of THEMES) {
  test.describe(`axe, ${theme} theme`, () => {
    for (const spec of PAGES) {
      test(`${spec.name} has no serious or critical violations`, async ({ page }) => {
        const pageErrors: string[] = [];
        page.on('pageerror', (e) => pageErrors.push(e.message));
        await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
        await page.goto(`./${spec.route(ids)}`);
        await settle(page, spec.heading);
        if (spec.act) {
          await spec.act(page);
          await settle(page, spec.heading);
        }
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);

        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
        const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        const minor = results.violations.filter((v) => !serious.includes(v));
        if (minor.length)
          test
            .info()
            .annotations.push({ type: 'axe (minor/moderate)', description: describeViolations(minor).join('\n') });
        expect(describeViolations(serious), `axe on ${spec.name} (${theme})`).toEqual([]);
        expect(pageErrors).toEqual([]);
      });
    }
  });
}

/** What the focused element is, and whether its focus is visible. */
async function focused(page: Page): Promise<{ name: string; tag: string; visible: boolean; outlined: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement)) return { name: '', tag: '', visible: false, outlined: false };
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    // A select's name is its label's text without the options the label wraps.
    const label =
      el instanceof HTMLSelectElement ? (el.labels?.[0]?.textContent ?? '').replace(el.textContent ?? '', '') : null;
    const name = (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim();
    const outlined =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) ||
      (style.boxShadow !== 'none' && style.boxShadow !== '');
    const visible =
      rect.width > 0 &&
      rect.height > 0 &&
      rect.bottom > 0 &&
      rect.right > 0 &&
      rect.top < window.innerHeight &&
      rect.left < window.innerWidth;
    return { name, tag: el.tagName.toLowerCase(), visible, outlined };
  });
}

for (const theme of THEMES) {
  test(`keyboard tour of the shell reaches the main controls with a visible focus (${theme})`, async ({ page }) => {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme] as const);
    await page.goto('./#/');
    await settle(page, /Cluster overview/);

    const wanted = [
      'Skip to content',
      'Overview',
      'Jobs',
      'Task managers',
      'Job manager',
      'Metrics',
      'Jars',
      'Operations',
      'Health wall',
      'Refresh',
      'Pause',
      'Theme',
    ];
    const reached = new Map<string, { visible: boolean; outlined: boolean }>();
    let firstJobLink = false;
    for (let i = 0; i < 40 && !(wanted.every((w) => reached.has(w)) && firstJobLink); i += 1) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (!reached.has(f.name)) reached.set(f.name, { visible: f.visible, outlined: f.outlined });
      if (f.tag === 'a' && f.name.startsWith('Demo:')) {
        firstJobLink = true;
        expect(f.visible && f.outlined, `focus on the job link "${f.name}" is visible`).toBe(true);
      }
    }
    for (const name of wanted) {
      expect(reached.get(name), `Tab reaches "${name}"`).toBeDefined();
      expect(reached.get(name), `"${name}" shows a visible focus outline`).toEqual({ visible: true, outlined: true });
    }
    expect(firstJobLink, 'Tab reaches the jobs in the page').toBe(true);

    // The skip link, first on a freshly loaded page, takes focus into the page past the navigation.
    await page.goto('./#/jobs');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
}
