// @ts-check
// Runs the repository's example nginx configuration (e2e/deploy/nginx-dashboard.conf) for real:
// Debian's nginx on loopback, in front of a built dashboard and a Flink JobManager, with basic
// auth. One harness for the Playwright specs and the benchmark (plain JavaScript, so
// `node e2e/bench/run.mjs` needs no TypeScript loader).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../sandbox/sandbox.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NGINX_TEMPLATE = path.join(repoRoot, 'e2e/deploy/nginx-dashboard.conf');

/**
 * @typedef {object} ProxySite
 * @property {string} prefix
 * @property {number} port
 * @property {string} url the dashboard's address, e.g. http://127.0.0.1:PORT/flink/
 */

/**
 * How the harness's authenticating proxy answers for `api/`: passing requests through (`open`),
 * with a bare 401, with a 302 to its sign-in page, or with that page itself (HTML, 200) in place
 * of the JSON the app asked for.
 * @typedef {'open' | '401' | 'login-redirect' | 'login-page'} GateMode
 */

/**
 * @typedef {object} AuthGate
 * @property {ProxySite[]} sites the dashboard's address through the gate, one per prefix
 * @property {(mode: GateMode) => void} set
 */

/**
 * @typedef {object} RunningNginx
 * @property {ProxySite[]} sites
 * @property {number} pid
 * @property {string} user
 * @property {string} password
 * @property {AuthGate} [gate] with `authGate`: an authenticating proxy in front of each site whose session can expire
 * @property {() => Promise<void>} stop
 */

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
 * Renders the example server block for one prefix, as an operator would.
 * @param {{ listen: string, prefix: string, dist: string, jobManager: string, htpasswd: string }} opts
 */
export function renderServerBlock(opts) {
  return readFileSync(NGINX_TEMPLATE, 'utf8')
    .replaceAll('__LISTEN__', opts.listen)
    .replaceAll('__PREFIX__', opts.prefix)
    .replaceAll('__DIST__', opts.dist.endsWith('/') ? opts.dist : `${opts.dist}/`)
    .replaceAll('__JOBMANAGER__', opts.jobManager)
    .replaceAll('__HTPASSWD__', opts.htpasswd);
}

/** @type {Record<Exclude<GateMode, 'open'>, string>} */
const GATE_FLAGS = { 401: 'gate-401', 'login-redirect': 'gate-302', 'login-page': 'gate-html' };

/**
 * TEST HARNESS ONLY, not part of the example configuration: a stand-in for an authenticating
 * proxy (oauth2-proxy, an SSO gateway) in front of the example server block. Normally it passes
 * everything through; a flag file in the harness directory makes it answer `api/` the way such a
 * proxy does once the session ended. nginx checks the flag on every request: no reload needed.
 * @param {{ listen: string, prefix: string, upstream: string, flags: string }} opts
 */
function renderGateBlock(opts) {
  const login = `${opts.prefix}login.html`;
  return `
  server {
    listen ${opts.listen};
    location = ${login} {
      default_type text/html;
      add_header Cache-Control "no-store" always;
      return 200 '<!doctype html><html lang="en"><head><title>Sign in</title></head><body><h1>Sign in</h1><form method="post"><label>User <input name="user"></label></form></body></html>';
    }
    location ${opts.prefix}api/ {
      if (-f ${opts.flags}/${GATE_FLAGS['401']}) { return 401; }
      if (-f ${opts.flags}/${GATE_FLAGS['login-redirect']}) { return 302 ${login}; }
      if (-f ${opts.flags}/${GATE_FLAGS['login-page']}) { rewrite ^ ${login} last; }
      proxy_pass ${opts.upstream};
    }
    location / {
      proxy_pass ${opts.upstream};
    }
  }
`;
}

/**
 * Starts nginx in the foreground (so its PID is ours to stop) with one site per prefix, serving
 * `dist` (default: the repository's dist/).
 * @param {{ prefixes: string[], jobManager: string, dist?: string, authGate?: boolean }} opts
 * @returns {Promise<RunningNginx>}
 */
export async function startNginx(opts) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dashboard-nginx-'));
  const user = 'oncall';
  const password = 'flink-dashboard-test';
  // nginx's {SHA} scheme: base64 of the SHA-1 digest.
  const htpasswd = path.join(dir, 'htpasswd');
  writeFileSync(htpasswd, `${user}:{SHA}${createHash('sha1').update(password).digest('base64')}\n`);
  const dist = opts.dist ?? path.join(repoRoot, 'dist');
  /** @type {ProxySite[]} */
  const sites = [];
  /** @type {ProxySite[]} */
  const gateSites = [];
  /** @type {string[]} */
  const blocks = [];
  for (const prefix of opts.prefixes) {
    const port = await freePort();
    sites.push({ prefix, port, url: `http://127.0.0.1:${port}${prefix}` });
    blocks.push(
      renderServerBlock({ listen: `127.0.0.1:${port}`, prefix, dist, jobManager: opts.jobManager, htpasswd }),
    );
    if (opts.authGate) {
      const gatePort = await freePort();
      gateSites.push({ prefix, port: gatePort, url: `http://127.0.0.1:${gatePort}${prefix}` });
      blocks.push(
        renderGateBlock({ listen: `127.0.0.1:${gatePort}`, prefix, upstream: `http://127.0.0.1:${port}`, flags: dir }),
      );
    }
  }
  /** @type {AuthGate | undefined} */
  const gate = opts.authGate
    ? {
        sites: gateSites,
        set: (mode) => {
          for (const flag of Object.values(GATE_FLAGS)) rmSync(path.join(dir, flag), { force: true });
          if (mode !== 'open') writeFileSync(path.join(dir, GATE_FLAGS[mode]), '');
        },
      }
    : undefined;
  const nginx = await runNginx({ dir, blocks, ports: [...sites, ...gateSites].map((site) => site.port) });
  return { sites, pid: nginx.pid, user, password, ...(gate ? { gate } : {}), stop: nginx.stop };
}

/**
 * Runs Debian's nginx in the foreground (so its PID is ours to stop) with the given server blocks,
 * everything it writes in `dir`, and waits until it listens on every port. `stop` ends it and
 * removes `dir`.
 * @param {{ dir: string, blocks: string[], ports: number[] }} opts
 * @returns {Promise<{ pid: number, stop: () => Promise<void> }>}
 */
export async function runNginx({ dir, blocks, ports }) {
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    mkdirSync(path.join(dir, 'tmp', sub), { recursive: true });
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `# Test harness around the example server blocks.
${process.getuid?.() === 0 ? 'user root root;' : ''}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
${blocks.join('\n')}
}
`,
  );
  const child = spawn('nginx', ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise((resolve) => child.once('exit', () => resolve(undefined)));
  try {
    for (const port of ports) await waitForPort(port, Date.now() + 10_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${err instanceof Error ? err.message : String(err)}: ${stderr}`, { cause: err });
  }
  return {
    pid: child.pid ?? 0,
    stop: async () => {
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
