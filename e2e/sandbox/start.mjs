#!/usr/bin/env node
// @ts-check
// `npm start`: serve the production build of the dashboard on 127.0.0.1 against FLINK_URL, or,
// when no FLINK_URL is given, against the project's own Flink sandbox, brought up first.
//
// It serves what a deployment serves (dist/, through `vite preview` with the `api/` proxy of
// vite.config.ts), so a person using it gets the small first load of the build, not the
// development server's hundreds of module requests; `npm run dev` is the development server.
// dist/ is built once and rebuilt only when a source changed since the last build.
// Against the project's sandbox, config.json names the cluster "Flink sandbox"; the build itself
// ships the neutral default.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive, readState, sandboxSettings, up } from './sandbox.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.PORT ?? 5173);
const dist = path.join(repoRoot, 'dist');
/**
 * Written after a build by this script; its time is when that build started. Kept out of dist/
 * (in the git-ignored .vite/), so it is neither served nor deployed.
 */
const stamp = path.join(repoRoot, '.vite/npm-start-build.stamp');
/** What the build is made of: a change to any of these (a file added or removed included) rebuilds. */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];
const SANDBOX_CLUSTER_NAME = 'Flink sandbox';

/** @param {string} msg */
function log(msg) {
  process.stderr.write(`[start] ${msg}\n`);
}

/**
 * The newest modification time under `target` (folders count, so a deleted file is a change).
 * @param {string} target
 * @returns {number}
 */
function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Why dist/ must be (re)built, or null when the last build of this script is still current. */
function staleReason() {
  if (!existsSync(path.join(dist, 'index.html')) || !existsSync(stamp)) return 'no build by npm start in dist/';
  const built = statSync(stamp).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(path.join(repoRoot, source)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/** Builds dist/ when stale, with Vite's API (same config as `vite build`). */
async function ensureBuild() {
  const reason = staleReason();
  if (!reason) {
    log('dist/ is up to date');
    return;
  }
  log(`building dist/ (${reason})`);
  const startedAt = new Date();
  const { build } = await import('vite');
  await build({ root: repoRoot, logLevel: 'warn' });
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(
    stamp,
    `dist/ was built by npm start (e2e/sandbox/start.mjs) from the sources as they were at this file's time.\n`,
  );
  // The stamp carries the build's start: a source saved during the build triggers the next one.
  utimesSync(stamp, startedAt, startedAt);
}

/**
 * Whether `flinkUrl` is the project's sandbox (recorded in its state file, processes alive).
 * @param {string} flinkUrl
 */
function isProjectSandbox(flinkUrl) {
  const url = new URL(flinkUrl);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return false;
  const state = readState(Number(url.port || 80));
  return state !== undefined && state.processes.every((p) => isAlive(p.pid));
}

/**
 * Answers config.json with the build's own, with the sandbox's cluster name.
 * @param {string} clusterName
 * @returns {import('vite').Plugin}
 */
function clusterNamePlugin(clusterName) {
  return {
    name: 'npm-start-cluster-name',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/config.json') return next();
        const shipped = /** @type {Record<string, unknown>} */ (
          JSON.parse(readFileSync(path.join(dist, 'config.json'), 'utf8'))
        );
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
        res.end(JSON.stringify({ ...shipped, clusterName }));
      });
    },
  };
}

async function main() {
  let flinkUrl = process.env.FLINK_URL;
  if (!flinkUrl) {
    log('no FLINK_URL given: bringing up the Flink sandbox (npm run sandbox:down stops it)');
    flinkUrl = (await up(sandboxSettings())).url;
  }
  // vite.config.ts reads FLINK_URL for its `api/` proxy when it loads.
  process.env.FLINK_URL = flinkUrl;
  await ensureBuild();
  const { preview } = await import('vite');
  // Vite's preview server closes itself and exits on SIGTERM; Ctrl-C (SIGINT) ends the process.
  await preview({
    root: repoRoot,
    logLevel: 'warn',
    preview: { port, strictPort: true },
    plugins: isProjectSandbox(flinkUrl) ? [clusterNamePlugin(SANDBOX_CLUSTER_NAME)] : [],
  });
  process.stdout.write(
    `\nFlink dashboard: http://127.0.0.1:${port}/   (production build; JobManager: ${flinkUrl})\n\n`,
  );
}

main().catch((err) => {
  log(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
