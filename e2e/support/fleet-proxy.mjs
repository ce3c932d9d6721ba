// @ts-check
// Runs the repository's fleet nginx example (e2e/deploy/nginx-fleet.conf) for real: one nginx on
// loopback in front of a private build of the dashboard and several clusters, each under
// `api/<cluster>/`, with a config.json that lists them. For the fleet specs (and anything else
// that needs several clusters behind one prefix).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../sandbox/sandbox.mjs';
import { buildPrivateDist } from './dist-files.mjs';
import { runNginx } from './nginx.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FLEET_NGINX_TEMPLATE = path.join(repoRoot, 'e2e/deploy/nginx-fleet.conf');

/**
 * One cluster behind the proxy.
 * @typedef {object} FleetClusterSpec
 * @property {string} id its id in config.json and its path: `api/<id>/`
 * @property {string} upstream its REST address, e.g. http://127.0.0.1:8081 (a JobManager or a History Server)
 * @property {string} [name] shown in the header (default: the id)
 * @property {'jobmanager' | 'history'} [kind]
 * @property {boolean} [readOnly]
 */

/**
 * @typedef {object} RunningFleetProxy
 * @property {string} url the dashboard's address, e.g. http://127.0.0.1:PORT/fleet/
 * @property {number} port
 * @property {number} pid nginx's
 * @property {Record<string, unknown>} config the config.json it serves
 * @property {(config: Record<string, unknown>) => void} writeConfig replaces config.json (the next page load reads it)
 * @property {() => Promise<void>} stop
 */

/** @type {string | undefined} */
let builtDist;

/** A private production build, once per process (vite build of the working tree). */
function fleetDist() {
  if (builtDist && existsSync(path.join(builtDist, 'index.html'))) return builtDist;
  const dir = buildPrivateDist('fleet');
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  builtDist = dir;
  return dir;
}

/**
 * Renders the example for one prefix and a list of clusters, as an operator would: the block
 * between `# BEGIN cluster` and `# END cluster` once per cluster.
 * @param {{ listen: string, prefix: string, dist: string, clusters: { id: string, upstream: string }[] }} opts
 */
export function renderFleetServerBlock(opts) {
  const template = readFileSync(FLEET_NGINX_TEMPLATE, 'utf8');
  const begin = template.indexOf('    # BEGIN cluster');
  const endMarker = '    # END cluster\n';
  const end = template.indexOf(endMarker);
  if (begin < 0 || end < begin) throw new Error(`${FLEET_NGINX_TEMPLATE} has no BEGIN/END cluster block`);
  const block = template.slice(begin, end + endMarker.length);
  const perCluster = opts.clusters
    .map((c) => block.replaceAll('__CLUSTER__', c.id).replaceAll('__UPSTREAM__', c.upstream.replace(/\/+$/, '')))
    .join('');
  return (template.slice(0, begin) + perCluster + template.slice(end + endMarker.length))
    .replaceAll('__LISTEN__', opts.listen)
    .replaceAll('__PREFIX__', opts.prefix)
    .replaceAll('__DIST__', opts.dist.endsWith('/') ? opts.dist : `${opts.dist}/`);
}

/**
 * The config.json for these clusters: `clusters` with `apiBase: "api/<id>/"`, and `config`'s other
 * top-level fields (refreshIntervalMs, kiosk, ...).
 * @param {FleetClusterSpec[]} clusters @param {Record<string, unknown>} [config]
 */
export function fleetConfig(clusters, config = {}) {
  return {
    ...config,
    clusters: clusters.map((c) => ({
      id: c.id,
      name: c.name ?? c.id,
      apiBase: `api/${c.id}/`,
      ...(c.kind ? { kind: c.kind } : {}),
      ...(c.readOnly ? { readOnly: true } : {}),
    })),
  };
}

/**
 * Builds the app (once per process), writes a config.json listing `clusters`, starts nginx with
 * the fleet example on a free loopback port, and returns its URL and a stop function.
 * @param {{ clusters: FleetClusterSpec[], config?: Record<string, unknown>, prefix?: string }} opts
 * @returns {Promise<RunningFleetProxy>}
 */
export async function startFleetProxy(opts) {
  const prefix = opts.prefix ?? '/fleet/';
  const dir = mkdtempSync(path.join(tmpdir(), 'dashboard-fleet-nginx-'));
  // Each proxy serves its own copy of the build, so its config.json is its own.
  const site = path.join(dir, 'site');
  cpSync(fleetDist(), site, { recursive: true });
  const configFile = path.join(site, 'config.json');
  /** @param {Record<string, unknown>} config */
  const writeConfig = (config) => writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  const config = fleetConfig(opts.clusters, opts.config);
  writeConfig(config);
  const port = await freePort();
  const block = renderFleetServerBlock({ listen: `127.0.0.1:${port}`, prefix, dist: site, clusters: opts.clusters });
  const nginx = await runNginx({ dir, blocks: [block], ports: [port] });
  return { url: `http://127.0.0.1:${port}${prefix}`, port, pid: nginx.pid, config, writeConfig, stop: nginx.stop };
}
