import { expect, test } from '@playwright/test';
import { demoJob, demoJobId, flinkJson, flinkUrl, sandboxState } from '../support/flink';
import { watchForProblems } from '../support/problems';

// A bounded job in BATCH mode runs on the adaptive batch scheduler. On Flink 2.x the job graph is
// built while the job runs: the job page shows the stream graph and the pending operators until
// every operator has its vertex, then the job graph. The sandbox's own copy has finished by the
// time this runs (it keeps its graph and timeline); a fresh copy is submitted to see it running.
// On 1.20 the details have neither field: the job graph shows, and nothing complains.

interface JobDetails {
  state: string;
  'pending-operators'?: number;
  vertices: { id: string; name: string }[];
}

test('an adaptive batch job: stream graph and pending operators while running, job graph when finished', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const problems = watchForProblems(page);
  const { 'flink-version': version } = await flinkJson<{ 'flink-version': string }>('/config');
  const name = demoJob('adaptiveBatch').name;

  await test.step('a fresh copy, while running', async () => {
    const res = await fetch(`${flinkUrl}/jars/${encodeURIComponent(sandboxState().jarId ?? '')}/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ entryClass: demoJob('adaptiveBatch').entryClass }),
      signal: AbortSignal.timeout(60_000),
    });
    expect(res.ok, `run answered ${res.status}`).toBe(true);
    const { jobid } = (await res.json()) as { jobid: string };
    await expect
      .poll(async () => (await flinkJson<JobDetails>(`/jobs/${jobid}`)).state, { timeout: 120_000 })
      .toBe('RUNNING');
    const details = await flinkJson<JobDetails>(`/jobs/${jobid}`);
    await page.goto(`./#/jobs/${jobid}/graph`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    if (version.startsWith('1.')) {
      expect(details['pending-operators']).toBeUndefined();
      await expect(page.getByRole('group', { name: /^Job graph: / })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('group', { name: /^Stream graph: / })).toHaveCount(0);
    } else {
      const pending = details['pending-operators'] ?? 0;
      expect(pending, 'operators not yet in a job vertex').toBeGreaterThan(0);
      const stream = page.getByRole('group', { name: /^Stream graph: \d+ operators, \d+ pending$/ });
      await expect(stream).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('status').filter({ hasText: 'The job graph is being built' })).toContainText(
        `${pending} pending`,
      );
      await expect(stream.getByRole('link', { name: /^Sum amount per customer: pending/ })).toBeVisible();
      await expect(stream.getByRole('link', { name: /^Build order: parallelism 1/ })).toBeVisible();
    }
  });

  await test.step('the sandbox copy, finished: its job graph with every vertex, and its timeline', async () => {
    const id = demoJobId('adaptiveBatch');
    await expect
      .poll(async () => (await flinkJson<JobDetails>(`/jobs/${id}`)).state, { timeout: 180_000 })
      .toBe('FINISHED');
    const details = await flinkJson<JobDetails>(`/jobs/${id}`);
    await page.goto(`./#/jobs/${id}/graph`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    const graph = page.getByRole('group', { name: `Job graph: ${details.vertices.length} vertices` });
    await expect(graph).toBeVisible({ timeout: 30_000 });
    await expect(graph.getByRole('link')).toHaveCount(details.vertices.length);
    await expect(page.getByRole('group', { name: /^Stream graph: / })).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Job views' }).getByRole('link', { name: 'Timeline' }).click();
    await expect(
      page.getByRole('img', { name: `Timeline of the job and its ${details.vertices.length} vertices` }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
  expect(problems).toEqual([]);
});
