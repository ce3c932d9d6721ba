import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  ADAPTIVE_APP_CONFIG,
  adaptiveCluster,
  adaptiveFlinkJson,
  demoJob,
  demoJobId,
  flinkJson,
} from '../support/flink';
import { watchForProblems } from '../support/problems';

// Rescaling for real, through the UI: on the sandbox's adaptive-scheduler cluster (reached at
// `api-adaptive/`, see e2e/support/flink.ts) a vertex of the event-time job goes from parallelism
// 1 to 2 and back through its resource requirements, seen in the job graph; on 2.3 the Rescales
// tab then lists those rescales. On the main cluster (default scheduler) the same control explains
// why it cannot rescale instead of failing.

interface JobDetails {
  schedulerType?: string;
  vertices: { id: string; name: string; parallelism: number }[];
}
interface RescalesOverview {
  rescalesCounts: { completed: number };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function graphNode(page: Page, name: string): Locator {
  return page
    .getByRole('group', { name: /^Job graph: / })
    .getByRole('link', { name: new RegExp(`^${escapeRegExp(name)}: `) });
}

/** Sets one vertex's upper bound in the resource requirements dialog and saves; returns the click time. */
async function setUpperBound(page: Page, vertexName: string, upper: number): Promise<number> {
  await page.getByRole('button', { name: 'Resource requirements' }).click();
  const dialog = page.getByRole('dialog', { name: 'Resource requirements' });
  const input = dialog.getByRole('textbox', { name: `Upper bound of ${vertexName}` });
  await expect(input).toBeVisible({ timeout: 30_000 });
  await input.fill(String(upper));
  const clickedAt = Date.now();
  await dialog.getByRole('button', { name: 'Save requirements' }).click();
  await expect(dialog).toBeHidden();
  return clickedAt;
}

test.describe('rescaling', () => {
  test('on the adaptive scheduler a vertex goes 1 → 2 → 1 through the UI; 2.3 lists it under Rescales', async ({
    page,
  }) => {
    test.setTimeout(420_000);
    const problems = watchForProblems(page);
    const { eventTimeJobId: jobId } = adaptiveCluster();
    const { 'flink-version': version } = await adaptiveFlinkJson<{ 'flink-version': string }>('/config');
    const details = await adaptiveFlinkJson<JobDetails>(`/jobs/${jobId}`);
    const vertex = details.vertices[details.vertices.length - 1];
    if (!vertex) throw new Error('the event-time job has no vertices');
    expect(vertex.parallelism, 'the sandbox runs the job at parallelism 1').toBe(1);
    const before = version.startsWith('1.')
      ? undefined
      : await adaptiveFlinkJson<RescalesOverview>(`/jobs/${jobId}/rescales/overview`);

    await page.route('**/config.json', (route) => route.fulfill({ json: ADAPTIVE_APP_CONFIG }));
    await page.goto(`./#/jobs/${jobId}/graph`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoJob('eventTime').name);
    const node = graphNode(page, vertex.name);
    await expect(node).toContainText('parallelism 1', { timeout: 30_000 });

    for (const [from, to] of [
      [1, 2],
      [2, 1],
    ] as const) {
      await test.step(`parallelism ${from} → ${to}, seen in the graph`, async () => {
        const clickedAt = await setUpperBound(page, vertex.name, to);
        await expect(node).toContainText(`parallelism ${to}`, { timeout: 180_000 });
        const seconds = (Date.now() - clickedAt) / 1000;
        const measured = `Flink ${version}: ${from} → ${to} in the graph ${seconds.toFixed(1)} s after the click`;
        test.info().annotations.push({ type: 'rescale', description: measured });
        console.log(`rescale: ${measured}`);
        expect((await adaptiveFlinkJson<JobDetails>(`/jobs/${jobId}`)).vertices.at(-1)?.parallelism).toBe(to);
      });
    }

    const rescalesLink = page.getByRole('navigation', { name: 'Job views' }).getByRole('link', { name: 'Rescales' });
    if (version.startsWith('1.')) {
      await test.step('1.20: no Rescales tab', async () => {
        await expect(
          page.getByRole('navigation', { name: 'Job views' }).getByRole('link', { name: 'Graph' }),
        ).toBeVisible();
        await expect(rescalesLink).toHaveCount(0);
      });
    } else {
      await test.step('2.3: the Rescales tab counts and lists both rescales, with each vertex before and after', async () => {
        await expect
          .poll(
            async () =>
              (await adaptiveFlinkJson<RescalesOverview>(`/jobs/${jobId}/rescales/overview`)).rescalesCounts.completed,
            {
              timeout: 60_000,
            },
          )
          .toBeGreaterThanOrEqual((before?.rescalesCounts.completed ?? 0) + 2);
        const overview = await adaptiveFlinkJson<RescalesOverview>(`/jobs/${jobId}/rescales/overview`);
        await rescalesLink.click();
        const counts = page.getByLabel('Rescale counts');
        await expect(counts.getByRole('term').first()).toHaveText('Completed');
        await expect(counts.getByRole('definition').first()).toHaveText(String(overview.rescalesCounts.completed));
        const updates = (await adaptiveFlinkJson<{ triggerCause: string }[]>(`/jobs/${jobId}/rescales/history`)).filter(
          (r) => r.triggerCause === 'UPDATE_REQUIREMENT',
        ).length;
        expect(updates).toBeGreaterThanOrEqual(2);
        const history = page.getByRole('table', { name: 'Rescale history' });
        await expect(history.getByRole('row').filter({ hasText: 'Update requirement' })).toHaveCount(updates, {
          timeout: 30_000,
        });
        // The latest rescale's details (shown by default): the vertex went from 2 back to 1.
        const perVertex = page.getByRole('table', { name: 'Parallelism per vertex' });
        await expect(perVertex.getByRole('row', { name: new RegExp(escapeRegExp(vertex.name)) })).toContainText(
          '2 → 1',
        );
        // The one before: 1 → 2.
        await history.getByRole('row').filter({ hasText: 'Update requirement' }).nth(1).getByRole('button').click();
        await expect(perVertex.getByRole('row', { name: new RegExp(escapeRegExp(vertex.name)) })).toContainText(
          '1 → 2',
        );
        await expect(page.getByRole('table', { name: 'Rescale durations' })).toBeVisible();
        await expect(page.getByRole('table', { name: 'Rescale configuration' })).toContainText(
          'Rescales kept in the history',
        );
      });
    }
    expect(problems).toEqual([]);
  });

  test('on the default scheduler the control explains why it cannot rescale, and no Rescales tab', async ({ page }) => {
    const problems = watchForProblems(page);
    const jobId = demoJobId('eventTime');
    const details = await flinkJson<JobDetails>(`/jobs/${jobId}`);
    expect(details.schedulerType ?? 'Default (1.20 does not say)').toMatch(/^Default/);
    await page.goto(`./#/jobs/${jobId}/graph`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoJob('eventTime').name);
    await page.getByRole('button', { name: 'Resource requirements' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resource requirements' });
    await expect(dialog.getByRole('status')).toContainText('runs on the default scheduler', { timeout: 30_000 });
    await expect(dialog.getByRole('status')).toContainText('jobmanager.scheduler: adaptive');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Save requirements' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(
      page.getByRole('navigation', { name: 'Job views' }).getByRole('link', { name: 'Rescales' }),
    ).toHaveCount(0);
    expect(problems).toEqual([]);
  });
});
