import { defineConfig } from '@playwright/test';

// Browser tests run in Debian's Chromium against the production build served by `vite preview`,
// which forwards `api/` to the real Flink sandbox (FLINK_URL, set by e2e/run-tests.mjs).
const previewPort = Number(process.env.PREVIEW_PORT ?? 4173);
const flinkUrl = process.env.FLINK_URL ?? 'http://127.0.0.1:8081';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e/specs',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT
    ? [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT }]]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${previewPort}/`,
    browserName: 'chromium',
    headless: true,
    trace: 'off',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --port ${previewPort} --strictPort`,
    url: `http://127.0.0.1:${previewPort}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    env: { FLINK_URL: flinkUrl },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
