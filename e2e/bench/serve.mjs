// @ts-check
// Serving our production build for the benchmark the way an operator would: `vite build` into a
// temporary folder, then the repository's example nginx configuration (e2e/deploy/
// nginx-dashboard.conf: static files, `api/` proxied to the JobManager, gzip on, basic auth)
// on a loopback port, through the same harness as the browser tests (e2e/support/nginx.mjs).

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNginx as startHarness } from '../support/nginx.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `npx vite build` of the working tree into a fresh temporary folder (dist/ is left alone).
 * @returns {Promise<{ dist: string, output: string, seconds: number, remove: () => void }>}
 */
export async function buildDashboard() {
  const root = mkdtempSync(path.join(tmpdir(), 'dashboard-bench-'));
  const dist = path.join(root, 'dist');
  const started = Date.now();
  const output = await new Promise((resolve, reject) => {
    const child = spawn('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let text = '';
    child.stdout.on('data', (c) => (text += String(c)));
    child.stderr.on('data', (c) => (text += String(c)));
    child.on('close', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`vite build failed (exit ${code}):\n${text.slice(-3000)}`)),
    );
  });
  return {
    dist,
    output: /** @type {string} */ (output),
    seconds: (Date.now() - started) / 1000,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * The example server block at `/`, behind nginx (its PID is ours to stop).
 * @param {{ dist: string, jobManager: string }} opts
 * @returns {Promise<{ url: string, pid: number, user: string, password: string, stop: () => Promise<void> }>}
 */
export async function startNginx(opts) {
  const nginx = await startHarness({ prefixes: ['/'], jobManager: opts.jobManager, dist: opts.dist });
  const site = nginx.sites[0];
  if (!site) throw new Error('nginx started without a site');
  return { url: site.url, pid: nginx.pid, user: nginx.user, password: nginx.password, stop: nginx.stop };
}

/**
 * A loopback HTTP server for the synthetic responses of the scale measurements. The page's own
 * request (say `api/jobmanager/log`) is routed here with `route.continue({ url })`, so Chromium
 * fetches the body through its network stack, gzip-compressed as nginx would serve it, instead
 * of receiving it through the automation protocol (which costs seconds for 50 MB and would be
 * measured as ours).
 * @returns {Promise<{ add: (name: string, body: string, contentType: string) => string, stop: () => Promise<void> }>}
 */
export async function startFixtureServer() {
  const { createServer } = await import('node:http');
  const { gzipSync } = await import('node:zlib');
  /** @type {Map<string, { gz: Buffer, contentType: string }>} */
  const files = new Map();
  const server = createServer((req, res) => {
    const file = files.get(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-encoding': 'gzip',
      'content-length': file.gz.length,
      'cache-control': 'no-store',
    });
    res.end(file.gz);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    add(name, body, contentType) {
      files.set(`/${name}`, { gz: gzipSync(body, { level: 6 }), contentType });
      return `http://127.0.0.1:${port}/${name}`;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
