#!/usr/bin/env node
// @ts-check
// Records real responses for the unit tests of src/api: from the running Flink sandbox
// (src/api/fixtures/flink-<version>/) and from a real nginx in front of it
// (src/api/fixtures/proxy/): its 502/504/401/403 pages, a redirect that lands on an HTML page,
// an HTML page answered with 200, and a Flink answer passed through the proxy.
//
//   node e2e/contract/record-fixtures.mjs            (SANDBOX_PORT picks the sandbox, default 8081)
//   node e2e/contract/record-fixtures.mjs --no-proxy (skip nginx)
//   node e2e/contract/record-fixtures.mjs --applications (only the applications' answers)
//
// Fixtures are recorded, never edited by hand: re-run this to refresh them.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, readState, sandboxSettings } from '../sandbox/sandbox.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const fixturesRoot = path.join(repoRoot, 'src/api/fixtures');

/** @param {string} msg */
function log(msg) {
  process.stderr.write(`[fixtures] ${msg}\n`);
}

/**
 * @typedef {object} Fixture
 * @property {string} recordedFrom
 * @property {{ method: string, path: string }} request
 * @property {number} status
 * @property {string} contentType
 * @property {boolean} redirected
 * @property {string} [location]
 * @property {unknown} [json]
 * @property {string} [text]
 */

/**
 * @param {string} base @param {string} method @param {string} p @param {string} recordedFrom
 * @param {{ body?: string, headers?: Record<string, string>, redirect?: RequestRedirect, maxText?: number }} [opts]
 * @returns {Promise<Fixture>}
 */
async function record(base, method, p, recordedFrom, opts = {}) {
  const res = await fetch(new URL(p.replace(/^\//, ''), base), {
    method,
    body: opts.body,
    headers: opts.headers,
    redirect: opts.redirect ?? 'follow',
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  /** @type {Fixture} */
  const fixture = {
    recordedFrom,
    request: { method, path: p },
    status: res.status,
    contentType,
    redirected: res.redirected,
  };
  const location = res.headers.get('location');
  if (location) fixture.location = location;
  if (/json/.test(contentType)) {
    fixture.json = JSON.parse(text);
  } else {
    fixture.text = opts.maxText && text.length > opts.maxText ? text.slice(0, opts.maxText) : text;
  }
  return fixture;
}

/** @param {string} dir @param {string} name @param {Fixture} fixture */
function save(dir, name, fixture) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
  log(
    `${path.relative(repoRoot, path.join(dir, `${name}.json`))}: ${fixture.request.method} ${fixture.request.path} -> ${fixture.status}`,
  );
}

/** @param {string} url */
async function getJson(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  return res.json();
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {string} flinkUrl @param {import('../sandbox/sandbox.mjs').SandboxState} state */
async function recordFlink(flinkUrl, state) {
  const base = `${flinkUrl}/`;
  const config = /** @type {{ 'flink-version': string }} */ (await getJson(`${flinkUrl}/config`));
  const version = config['flink-version'];
  const from = `Flink ${version} sandbox`;
  const dir = path.join(fixturesRoot, `flink-${version}`);
  const ids = state.jobIds ?? {};
  const eventTime = ids.eventTime ?? '';
  const flaky = ids.flaky ?? '';
  const failing = ids.failingCheckpoints ?? '';
  const bounded = ids.bounded ?? '';
  const unknownId = '0123456789abcdef0123456789abcdef';

  save(dir, 'config', await record(base, 'GET', '/config', from));
  save(dir, 'overview', await record(base, 'GET', '/overview', from));
  save(dir, 'jobs-overview', await record(base, 'GET', '/jobs/overview', from));
  save(dir, 'taskmanagers', await record(base, 'GET', '/taskmanagers', from));
  save(dir, 'job-details', await record(base, 'GET', `/jobs/${eventTime}`, from));
  save(dir, 'job-checkpoints', await record(base, 'GET', `/jobs/${failing}/checkpoints`, from));
  const stats = /** @type {{ latest: { completed: { id: number } | null } }} */ (
    await getJson(`${flinkUrl}/jobs/${eventTime}/checkpoints`)
  );
  const eventTimeDetails = /** @type {{ vertices: { id: string }[] }} */ (
    await getJson(`${flinkUrl}/jobs/${eventTime}`)
  );
  const latest = stats.latest.completed?.id ?? 0;
  save(dir, 'checkpoint-details', await record(base, 'GET', `/jobs/${eventTime}/checkpoints/details/${latest}`, from));
  save(
    dir,
    'checkpoint-subtasks',
    await record(
      base,
      'GET',
      `/jobs/${eventTime}/checkpoints/details/${latest}/subtasks/${eventTimeDetails.vertices[0]?.id ?? ''}`,
      from,
    ),
  );
  save(dir, 'job-checkpoint-config', await record(base, 'GET', `/jobs/${eventTime}/checkpoints/config`, from));
  save(dir, 'job-exceptions', await record(base, 'GET', `/jobs/${flaky}/exceptions?maxExceptions=2`, from));
  save(dir, 'job-execution-result-finished', await record(base, 'GET', `/jobs/${bounded}/execution-result`, from));
  const details = /** @type {{ vertices: { id: string }[] }} */ (await getJson(`${flinkUrl}/jobs/${eventTime}`));
  const source = details.vertices[0]?.id ?? '';
  save(dir, 'vertex-details', await record(base, 'GET', `/jobs/${eventTime}/vertices/${source}`, from));
  save(
    dir,
    'vertex-backpressure',
    await record(base, 'GET', `/jobs/${eventTime}/vertices/${source}/backpressure`, from),
  );
  // A vertex nobody asked about before: the first answer is "sampling started, no data yet"
  // (a vertex sampled within rest.flamegraph.refresh-interval answers from its cache).
  const wide = /** @type {{ vertices: { id: string }[] }} */ (await getJson(`${flinkUrl}/jobs/${ids.wide ?? ''}`));
  for (const vertex of [...wide.vertices].reverse()) {
    const flamegraph = `/jobs/${ids.wide}/vertices/${vertex.id}/flamegraph?type=OFF_CPU`;
    const first = await record(base, 'GET', flamegraph, from);
    if (!(first.json && typeof first.json === 'object' && !('data' in first.json))) continue;
    save(dir, 'vertex-flamegraph-waiting', first);
    for (let i = 0; i < 30; i++) {
      const f = await record(base, 'GET', flamegraph, from);
      if (f.json && typeof f.json === 'object' && 'data' in f.json) {
        save(dir, 'vertex-flamegraph-ready', f);
        break;
      }
      await sleep(1000);
    }
    break;
  }
  save(dir, 'job-metrics-get', await record(base, 'GET', `/jobs/${eventTime}/metrics?get=uptime,numRestarts`, from));
  save(
    dir,
    'subtasks-metrics-agg',
    await record(
      base,
      'GET',
      `/jobs/${eventTime}/vertices/${source}/subtasks/metrics?get=numRecordsOut&agg=min,max,sum&subtasks=0-1`,
      from,
    ),
  );

  // Errors, as Flink sends them.
  save(dir, 'error-job-not-found', await record(base, 'GET', `/jobs/${unknownId}`, from));
  save(dir, 'error-unknown-path', await record(base, 'GET', '/no-such-resource', from));
  save(
    dir,
    'error-savepoint-trigger-unknown',
    await record(base, 'GET', `/jobs/${eventTime}/savepoints/${unknownId}`, from),
  );
  save(
    dir,
    'error-rescaling-disabled',
    await record(base, 'PATCH', `/jobs/${eventTime}/rescaling?parallelism=2`, from),
  );
  save(dir, 'error-resource-requirements', await record(base, 'GET', `/jobs/${eventTime}/resource-requirements`, from));
  save(
    dir,
    'error-submit-without-jobgraph',
    await record(base, 'POST', '/jobs', from, {
      body: '--x\r\nContent-Disposition: form-data; name="request"\r\nContent-Type: application/json\r\n\r\n{}\r\n--x--\r\n',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
    }),
  );
  const dispose = /** @type {{ 'request-id': string }} */ (
    await (
      await fetch(`${flinkUrl}/savepoint-disposal`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ 'savepoint-path': 'file:/nonexistent/savepoint-000000-000000000000' }),
      })
    ).json()
  );
  for (let i = 0; i < 20; i++) {
    const f = await record(base, 'GET', `/savepoint-disposal/${dispose['request-id']}`, from);
    const status = /** @type {{ status?: { id?: string } }} */ (f.json);
    if (status.status?.id === 'COMPLETED') {
      save(dir, 'operation-disposal-failed', f);
      break;
    }
    await sleep(500);
  }
  return version;
}

/** @param {string} flinkUrl */
async function recordProxy(flinkUrl) {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  if (!nginx) {
    log('nginx is not installed: skipping the proxy fixtures');
    return;
  }
  const dir = path.join(fixturesRoot, 'proxy');
  const work = mkdtempSync(path.join(os.tmpdir(), 'flink-dashboard-nginx-'));
  const port = await freePort();
  const closedPort = await freePort();
  // A peer that accepts connections and never answers, for the gateway timeout.
  const silent = net.createServer(() => {});
  await new Promise((r) => silent.listen(0, '127.0.0.1', () => r(undefined)));
  const silentAddress = silent.address();
  const silentPort = typeof silentAddress === 'object' && silentAddress ? silentAddress.port : 0;
  writeFileSync(path.join(work, 'htpasswd'), 'someone:$apr1$Pn1r8cXs$3TgZ4nGdJ9ZC3M.9J1xN0/\n');
  const conf = `
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  server {
    listen 127.0.0.1:${port};
    root /var/www/html;
    location /flink/ { proxy_pass ${flinkUrl}/; }
    location /down/ { proxy_pass http://127.0.0.1:${closedPort}/; }
    location /slow/ { proxy_pass http://127.0.0.1:${silentPort}/; proxy_read_timeout 1s; }
    location /basic/ { auth_basic "Flink"; auth_basic_user_file ${work}/htpasswd; }
    location /denied/ { deny all; }
    location /expired/ { return 302 /welcome/; }
    location /welcome/ { alias /var/www/html/; index index.nginx-debian.html index.html; }
  }
}
`;
  writeFileSync(path.join(work, 'nginx.conf'), conf);
  const child = spawn(nginx, ['-p', work, '-c', path.join(work, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(base, { signal: AbortSignal.timeout(500) });
        break;
      } catch {
        await sleep(100);
      }
    }
    const from = 'nginx 1.22 (Debian) in front of the Flink sandbox';
    save(dir, 'nginx-502-bad-gateway', await record(base, 'GET', '/down/jobs/overview', from));
    save(dir, 'nginx-504-gateway-timeout', await record(base, 'GET', '/slow/jobs/overview', from));
    save(dir, 'nginx-401-basic-auth', await record(base, 'GET', '/basic/jobs/overview', from));
    save(dir, 'nginx-403-forbidden', await record(base, 'GET', '/denied/jobs/overview', from));
    save(dir, 'nginx-redirect-to-html', await record(base, 'GET', '/expired/jobs/overview', from));
    save(dir, 'nginx-200-html-page', await record(base, 'GET', '/welcome/', from));
    save(dir, 'nginx-proxied-flink-overview', await record(base, 'GET', '/flink/overview', from));
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    silent.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Flink 2.3's applications: the list, one application (the event-time job's), its exceptions and
 * JobManager configuration, an unknown one; before 2.3 the 404 of the list.
 * @param {string} flinkUrl @param {import('../sandbox/sandbox.mjs').SandboxState} state
 */
async function recordApplications(flinkUrl, state) {
  const base = `${flinkUrl}/`;
  const config = /** @type {{ 'flink-version': string }} */ (await getJson(`${flinkUrl}/config`));
  const version = config['flink-version'];
  const from = `Flink ${version} sandbox`;
  const dir = path.join(fixturesRoot, `flink-${version}`);
  const overview = await record(base, 'GET', '/applications/overview', from);
  if (overview.status === 404) {
    save(dir, 'error-applications-not-served', overview);
    return version;
  }
  save(dir, 'applications-overview', overview);
  const jobDetails = /** @type {{ 'application-id': string }} */ (
    await getJson(`${flinkUrl}/jobs/${state.jobIds?.eventTime ?? ''}`)
  );
  const id = jobDetails['application-id'];
  save(dir, 'application-details', await record(base, 'GET', `/applications/${id}`, from));
  save(dir, 'application-exceptions', await record(base, 'GET', `/applications/${id}/exceptions`, from));
  save(dir, 'application-jobmanager-config', await record(base, 'GET', `/applications/${id}/jobmanager/config`, from));
  save(
    dir,
    'error-application-not-found',
    await record(base, 'GET', '/applications/0123456789abcdef0123456789abcdef', from),
  );
  return version;
}

async function main() {
  const settings = sandboxSettings();
  const state = readState(settings.port);
  if (!state) throw new Error(`no sandbox on port ${settings.port}: run node e2e/sandbox/sandbox.mjs up first`);
  if (process.argv.includes('--applications')) {
    log(`recorded the applications of Flink ${await recordApplications(state.url, state)}`);
    return;
  }
  await recordApplications(state.url, state);
  const version = await recordFlink(state.url, state);
  log(`recorded Flink ${version}`);
  if (!process.argv.includes('--no-proxy')) await recordProxy(state.url);
}

main().catch((err) => {
  process.stderr.write(`[fixtures] ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
