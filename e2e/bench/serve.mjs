// @ts-check
// Serving our production build for the benchmark the way an operator would: `vite build` into a
// temporary folder, then the repository's example nginx configuration (e2e/deploy/
// nginx-dashboard.conf: static files, `api/` proxied to the JobManager, gzip on, basic auth)
// on a loopback port. This is the same harness as e2e/support/nginx.ts, in plain JavaScript so
// `node e2e/bench/run.mjs` runs without a TypeScript loader.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NGINX_TEMPLATE = path.join(repoRoot, 'e2e/deploy/nginx-dashboard.conf');

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** @param {number} port @param {number} deadline */
async function waitForPort(port, deadline) {
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not listen on ${port}`);
}

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
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`vite build failed (exit ${code}):\n${text.slice(-3000)}`))));
  });
  return {
    dist,
    output: /** @type {string} */ (output),
    seconds: (Date.now() - started) / 1000,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * @typedef {object} RunningNginx
 * @property {string} url       the dashboard's address, e.g. http://127.0.0.1:PORT/
 * @property {number} pid
 * @property {string} user
 * @property {string} password
 * @property {() => Promise<void>} stop
 */

/**
 * Starts nginx in the foreground (its PID is ours to stop) with the example server block at `/`.
 * @param {{ dist: string, jobManager: string }} opts
 * @returns {Promise<RunningNginx>}
 */
export async function startNginx(opts) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dashboard-bench-nginx-'));
  const user = 'oncall';
  const password = 'flink-dashboard-bench';
  const htpasswd = path.join(dir, 'htpasswd');
  writeFileSync(htpasswd, `${user}:{SHA}${createHash('sha1').update(password).digest('base64')}\n`);
  const port = await freePort();
  const block = readFileSync(NGINX_TEMPLATE, 'utf8')
    .replaceAll('__LISTEN__', `127.0.0.1:${port}`)
    .replaceAll('__PREFIX__', '/')
    .replaceAll('__DIST__', opts.dist.endsWith('/') ? opts.dist : `${opts.dist}/`)
    .replaceAll('__JOBMANAGER__', opts.jobManager)
    .replaceAll('__HTPASSWD__', htpasswd);
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, 'tmp', sub), { recursive: true });
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `# Benchmark harness around the example server block.
${process.getuid?.() === 0 ? 'user root root;' : ''}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
${block}
}
`,
  );
  const child = spawn('nginx', ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise((resolve) => child.once('exit', () => resolve(undefined)));
  try {
    await waitForPort(port, Date.now() + 10_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${err instanceof Error ? err.message : String(err)}: ${stderr}`, { cause: err });
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    pid: child.pid ?? 0,
    user,
    password,
    stop: async () => {
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
