import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The dev server proxies the JobManager's REST API so the browser only ever talks to the
// dashboard's own origin, exactly as it does behind a reverse proxy in production.
const flinkUrl = process.env.FLINK_URL ?? 'http://127.0.0.1:8081';
// The sandbox's second cluster, on the adaptive scheduler (REST port = FLINK_URL's + 1, see
// e2e/sandbox/sandbox.mjs): specs reach it at `api-adaptive/` by serving a config.json whose
// apiBase names it. The app itself never uses this prefix.
const adaptiveFlinkUrl = process.env.ADAPTIVE_FLINK_URL ?? portPlusOne(flinkUrl);

function portPlusOne(url: string): string {
  const u = new URL(url);
  u.port = String(Number(u.port || (u.protocol === 'https:' ? 443 : 80)) + 1);
  return u.origin;
}

// The app calls the JobManager at `api/` relative to the page (see public/config.json); the dev
// and preview servers forward that prefix to the JobManager, as the example nginx config does.
const apiProxy = {
  '/api/': {
    target: flinkUrl,
    changeOrigin: true,
    rewrite: (p: string) => p.replace(/^\/api/, ''),
  },
  '/api-adaptive/': {
    target: adaptiveFlinkUrl,
    changeOrigin: true,
    rewrite: (p: string) => p.replace(/^\/api-adaptive/, ''),
  },
};

export default defineConfig({
  // Relative asset URLs: the same dist/ works at / and at any prefix without a rebuild.
  base: './',
  plugins: [react()],
  server: { host: '127.0.0.1', proxy: apiProxy },
  preview: { host: '127.0.0.1', proxy: apiProxy },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'e2e/support/**/*.test.ts'],
    // The resets every test needs (storage, refresh store, API settings, stubs, DOM), once.
    setupFiles: ['src/test/setup.ts'],
    // jsdom tests that render a table of thousands of rows take a few seconds on a busy 2-core
    // machine; the default 5 s limit turned load into failures.
    testTimeout: 15_000,
  },
});
