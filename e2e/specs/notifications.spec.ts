import { expect, test } from '@playwright/test';
import { demoJob, demoJobId, flinkJson } from '../support/flink';

// A granted browser notification fires when the watched flaky job restarts (it throws every ~30 s).

test('a watched job that restarts sends a notification', async ({ page, context }) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['notifications']);
  await context.addInitScript(() => {
    const seen: { title: string; body: string; at: number }[] = [];
    (window as unknown as { __notifications: typeof seen }).__notifications = seen;
    const Original = window.Notification;
    class Recorded extends Original {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        seen.push({ title, body: options?.body ?? '', at: Date.now() });
      }
    }
    Object.defineProperty(Recorded, 'permission', { get: () => Original.permission });
    window.Notification = Recorded;
  });
  const flaky = demoJobId('flaky');
  const name = demoJob('flaky').name;
  await page.goto(`#/jobs/${flaky}/graph`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await test.step('notifications are off by default; watch the job and enable them', async () => {
    const watch = page.getByRole('button', { name: /Watch/ });
    await expect(watch).toHaveAttribute('aria-pressed', 'false');
    await watch.click();
    await expect(watch).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Notifications are off in this browser.')).toBeVisible();
    await page.getByRole('button', { name: 'Notifications' }).click();
    await page.getByRole('checkbox', { name: 'Browser notifications for watched jobs' }).check();
    await expect(page.getByText('Notifications are off in this browser.')).toBeHidden();
  });

  await test.step('the next restart notifies', async () => {
    const restarts = page.locator('.job-facts div', { hasText: 'Restarts' }).locator('dd');
    const started = Date.now();
    const before = Number(await restarts.textContent());
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __notifications: unknown[] }).__notifications.length), {
        timeout: 90_000,
        intervals: [500],
      })
      .toBeGreaterThan(0);
    const noted = await page.evaluate(
      () => (window as unknown as { __notifications: { title: string; body: string; at: number }[] }).__notifications,
    );
    expect(noted[0]?.title).toBe(`${name} restarted`);
    await expect.poll(async () => Number(await restarts.textContent())).toBeGreaterThan(before);
    const { timestamps } = await flinkJson<{ timestamps: Record<string, number> }>(`/jobs/${flaky}`);
    const restartedAt = timestamps.RESTARTING ?? 0;
    console.log(
      `[notifications] fired ${(((noted[0]?.at ?? 0) - restartedAt) / 1000).toFixed(1)} s after the job entered RESTARTING`,
    );
    console.log(
      `[notifications] "${noted[0]?.title}" (${noted[0]?.body}) ${((noted[0]?.at ?? 0) - started) / 1000} s after watching`,
    );
  });
});
