import { expect, test } from '@playwright/test';
import { watchPage } from '../support/csp';
import { adaptiveCluster, adaptiveFlinkJson, demoJob, demoJobId, flinkUrl } from '../support/flink';
import { startFleetProxy, type RunningFleetProxy } from '../support/fleet-proxy.mjs';

// Several clusters in one dashboard, behind the fleet nginx example (e2e/deploy/nginx-fleet.conf):
// the sandbox's main cluster and its adaptive-scheduler cluster, each under `api/<cluster>/`, the
// second one read-only in config.json. Every cluster view lives under `#/c/<id>/...`.

const MAIN = { id: 'main', name: 'Main cluster' };
const SECOND = { id: 'adaptive', name: 'Adaptive cluster' };

let proxy: RunningFleetProxy;

test.beforeAll(async () => {
  test.setTimeout(240_000); // a private production build on a busy machine
  proxy = await startFleetProxy({
    clusters: [
      { ...MAIN, upstream: flinkUrl },
      { ...SECOND, upstream: adaptiveCluster().url, readOnly: true },
    ],
  });
});

test.afterAll(async () => {
  await proxy?.stop();
});

test('cluster routes: deep link and reload, header, switching, legacy links, per-cluster read-only', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const problems = await watchPage(page);
  const switcher = page.getByRole('combobox', { name: 'Cluster' });
  const brand = page.getByRole('banner').locator('.brand');
  const cancel = page.getByRole('button', { name: 'Cancel job…' });
  const secondJobId = adaptiveCluster().eventTimeJobId;
  const secondJob = await adaptiveFlinkJson<{ name: string; state: string }>(`/jobs/${secondJobId}`);
  const mainJobId = demoJobId('eventTime');

  await test.step("a deep link into the second cluster's job, then a reload: same view", async () => {
    const deepLink = `${proxy.url}#/c/${SECOND.id}/jobs/${secondJobId}/graph`;
    await page.goto(deepLink);
    await expect(page.getByRole('heading', { level: 1, name: secondJob.name })).toBeVisible({ timeout: 30_000 });
    await expect(brand).toHaveText(SECOND.name);
    await expect(switcher).toHaveValue(SECOND.id);
    await page.reload();
    expect(page.url()).toBe(deepLink);
    await expect(page.getByRole('heading', { level: 1, name: secondJob.name })).toBeVisible({ timeout: 30_000 });
    await expect(brand).toHaveText(SECOND.name);
  });

  await test.step('the read-only cluster shows no Cancel on its running job', async () => {
    await expect(page.getByText(secondJob.state, { exact: true }).first()).toBeVisible();
    await expect(cancel).toHaveCount(0);
  });

  await test.step("switching cluster shows the first cluster's jobs", async () => {
    await switcher.selectOption(MAIN.id);
    await expect(page).toHaveURL(new RegExp(`#/c/${MAIN.id}/jobs$`));
    await expect(brand).toHaveText(MAIN.name);
    await expect(page.getByRole('link', { name: demoJob('wide').name })).toBeVisible({ timeout: 30_000 });
    // The links of the views stay inside the cluster.
    await page.getByRole('link', { name: demoJob('eventTime').name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/c/${MAIN.id}/jobs/${mainJobId}`));
  });

  await test.step('the writable cluster shows Cancel on the same kind of job', async () => {
    await expect(page.getByRole('heading', { level: 1, name: demoJob('eventTime').name })).toBeVisible();
    await expect(cancel).toBeVisible({ timeout: 30_000 });
  });

  await test.step('a link from before clusters opens in the first cluster', async () => {
    await page.goto(`${proxy.url}#/jobs/${mainJobId}/checkpoints`);
    await expect(page).toHaveURL(new RegExp(`#/c/${MAIN.id}/jobs/${mainJobId}/checkpoints$`));
    await expect(page.getByRole('heading', { level: 1, name: demoJob('eventTime').name })).toBeVisible({
      timeout: 30_000,
    });
    await expect(brand).toHaveText(MAIN.name);
  });

  await test.step('an unknown cluster id names the known clusters', async () => {
    await page.goto(`${proxy.url}#/c/nope/jobs`);
    await expect(page.getByRole('heading', { name: 'Unknown cluster' })).toBeVisible();
    await expect(page.getByText('nope', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: SECOND.name }).click();
    await expect(page).toHaveURL(new RegExp(`#/c/${SECOND.id}/$`));
    await expect(brand).toHaveText(SECOND.name);
  });

  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});
