// @ts-check
// Flink's own History Server beside the sandbox. The JobManager archives every job that ends
// (finished, canceled, failed) to the sandbox's `archive/` folder; the History Server
// (org.apache.flink.runtime.webmonitor.history.HistoryServer, in flink-runtime-web, on the same
// classpath as the JobManager) reads that folder every 2 s and serves the archived jobs over REST
// on 127.0.0.1. sandbox.mjs calls `archiveConfig` for the JobManager's config, `startHistoryServer`
// in `up` and `stopHistoryServer` in `down`; the state file records it as `historyServer`.

import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * @typedef {object} HistoryServerInfo
 * @property {number} pid
 * @property {number} port
 * @property {string} url
 * @property {string} logFile
 * @property {string[]} argv
 * @property {number} startedAtMs
 */

/** @param {string} runDir */
const archiveDir = (runDir) => path.join(runDir, 'archive');

/**
 * The JobManager's side: where it writes the archive of each job that ends.
 * @param {string} runDir @returns {Record<string, string>}
 */
export function archiveConfig(runDir) {
  return { 'jobmanager.archive.fs.dir': `file://${archiveDir(runDir)}` };
}

/**
 * Starts the History Server with a config of its own (port, archive folder, tmp dir).
 * @param {{ runDir: string, classpath: string, port: number, jvmFlags: string[] }} p
 * @returns {HistoryServerInfo}
 */
export function startHistoryServer({ runDir, classpath, port, jvmFlags }) {
  const home = path.join(runDir, 'history-server');
  const confDir = path.join(home, 'conf');
  for (const dir of [confDir, path.join(home, 'tmp'), path.join(home, 'log'), archiveDir(runDir)]) {
    mkdirSync(dir, { recursive: true });
  }
  /** @type {Record<string, string | number>} */
  const conf = {
    'historyserver.web.address': '127.0.0.1',
    'historyserver.web.port': port,
    'historyserver.web.tmpdir': path.join(home, 'tmp'),
    'historyserver.archive.fs.dir': `file://${archiveDir(runDir)}`,
    // Milliseconds (a plain number is read as ms by both lines).
    'historyserver.archive.fs.refresh-interval': 2000,
    'io.tmp.dirs': path.join(home, 'tmp'),
  };
  writeFileSync(
    path.join(confDir, 'config.yaml'),
    Object.entries(conf)
      .map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`)
      .join('\n') + '\n',
  );
  const logFile = path.join(home, 'log', 'historyserver.log');
  const argv = [
    '-Xms64m',
    '-Xmx256m',
    ...jvmFlags,
    `-Dlog.file=${logFile}`,
    `-Dlog4j.configuration=file:${path.join(here, 'log4j.properties')}`,
    `-Dlog4j.configurationFile=file:${path.join(here, 'log4j.properties')}`,
    '-cp',
    classpath,
    'org.apache.flink.runtime.webmonitor.history.HistoryServer',
    '--configDir',
    confDir,
  ];
  const out = openSync(path.join(home, 'log', 'historyserver.out'), 'a');
  const child = spawn('java', argv, { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  child.unref();
  if (!child.pid) throw new Error('could not start java for the History Server');
  return { pid: child.pid, port, url: `http://127.0.0.1:${port}`, logFile, argv, startedAtMs: Date.now() };
}

/** @param {HistoryServerInfo} hs @param {string} path */
async function hsJson(hs, path) {
  const res = await fetch(`${hs.url}${path}`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

/** @param {HistoryServerInfo} hs */
export async function historyServerAnswers(hs) {
  try {
    const config = /** @type {{ features?: Record<string, boolean> }} */ (await hsJson(hs, '/config'));
    return config.features?.['web-history'] === true;
  } catch {
    return false;
  }
}

/**
 * The ids of the jobs the History Server lists.
 * @param {HistoryServerInfo} hs @returns {Promise<Set<string>>}
 */
export async function archivedJobIds(hs) {
  const body = /** @type {{ jobs: { jid: string }[] }} */ (await hsJson(hs, '/jobs/overview'));
  return new Set(body.jobs.map((j) => j.jid));
}

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** @param {HistoryServerInfo} hs */
export function historyServerAlive(hs) {
  return alive(hs.pid);
}

/** @param {HistoryServerInfo} hs */
export async function stopHistoryServer(hs) {
  if (!alive(hs.pid)) return;
  process.kill(hs.pid, 'SIGTERM');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && alive(hs.pid)) await new Promise((r) => setTimeout(r, 250));
  if (alive(hs.pid)) process.kill(hs.pid, 'SIGKILL');
}

/**
 * Waits until the History Server answers and lists every job in `jobIds` (the demo jobs that
 * ended); logs how long each took.
 * @param {HistoryServerInfo} hs @param {string[]} jobIds @param {(msg: string) => void} log
 * @param {number} [timeoutMs]
 */
export async function awaitArchivedJobs(hs, jobIds, log, timeoutMs = 120_000) {
  const waitStarted = Date.now();
  const deadline = waitStarted + timeoutMs;
  /** @param {() => Promise<boolean>} check @param {() => string} what */
  const until = async (check, what) => {
    for (;;) {
      if (!alive(hs.pid)) throw new Error(`the History Server exited; see ${hs.logFile}`);
      if (await check().catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  await until(
    () => historyServerAnswers(hs),
    () => `the History Server at ${hs.url}`,
  );
  /** @type {string[]} */
  let missing = jobIds;
  await until(
    async () => {
      const listed = await archivedJobIds(hs);
      missing = jobIds.filter((id) => !listed.has(id));
      return missing.length === 0;
    },
    () => `the History Server to list ${missing.join(', ')}`,
  );
  // Started beside the cluster, the History Server is long up by now: what `up` waits for here is
  // the JobManager writing the archives and the History Server's next read of the folder.
  log(
    `History Server ${hs.url} lists the ${jobIds.length} ended demo jobs ` +
      `${((Date.now() - waitStarted) / 1000).toFixed(1)} s after the sandbox saw the last of them end`,
  );
}
