#!/usr/bin/env node
// @ts-check
// The project's Flink sandbox: a real standalone session cluster (one JobManager, two
// TaskManagers, each its own JVM) built from Apache Flink's release artifacts on Maven Central,
// bound to 127.0.0.1, running the project's own demo jobs submitted through the REST API.
//
// Beside it, a second small cluster on the adaptive scheduler (one JobManager, one TaskManager with
// two slots, REST port = SANDBOX_PORT + 1) runs the event-time demo job, so a job can be rescaled.
//
//   node e2e/sandbox/sandbox.mjs up      start (or reuse) it; prints ADAPTIVE_FLINK_URL=... and,
//                                        HISTORY_SERVER_URL=... (Flink's History Server) and,
//                                        last, FLINK_URL=http://127.0.0.1:<port>
//   node e2e/sandbox/sandbox.mjs down    stop every process it started, by PID
//   node e2e/sandbox/sandbox.mjs status  print what is running
//
// FLINK_VERSION (default below) picks the Flink line; SANDBOX_PORT (default 8081) the REST port;
// SANDBOX_ADAPTIVE=0 leaves the adaptive cluster out. `up --scale` (or SANDBOX_SCALE=1) starts the
// scale cluster instead (scale.mjs: one high-parallelism job, SANDBOX_PORT + 3); `down` stops it too.

import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  closeSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoJobs } from './demo-jobs.mjs';
import {
  archiveConfig,
  awaitArchivedJobs,
  historyServerAlive,
  startHistoryServer,
  stopHistoryServer,
} from './history-server.mjs';

export const DEFAULT_FLINK_VERSION = '2.3.0';
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const stateRoot = path.join(here, '.state');
const demoJobsDir = path.join(repoRoot, 'e2e/demo-jobs');

const JVM_OPENS = [
  '--add-exports=java.base/sun.net.util=ALL-UNNAMED',
  '--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED',
  '--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.net=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang.reflect=ALL-UNNAMED',
  '--add-opens=java.base/java.text=ALL-UNNAMED',
  '--add-opens=java.base/java.time=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED',
];
// Two cores run the cluster, a browser and the tests: keep each JVM's own threads few.
const JVM_QUIET = ['-XX:+UseSerialGC', '-XX:CICompilerCount=2', '-Xss512k'];

/**
 * @typedef {object} ProcessInfo
 * @property {string} role   jobmanager | taskmanager-1 | taskmanager-2
 * @property {number} pid
 * @property {string} logFile
 * @property {string[]} [argv]  how it was started, so a test can start it again after killing it
 */
/**
 * @typedef {object} SandboxState
 * @property {string} flinkVersion
 * @property {number} port
 * @property {string} url
 * @property {string} runDir
 * @property {ProcessInfo[]} processes
 * @property {string} [jarId]
 * @property {Record<string, string>} [jobIds]  demo job key -> job id
 * @property {import('./history-server.mjs').HistoryServerInfo} [historyServer]  see history-server.mjs
 * @property {string} startedAt
 * @property {AdaptiveClusterState} [adaptive]  the second cluster, on the adaptive scheduler
 */
/**
 * @typedef {object} AdaptiveClusterState
 * @property {number} port
 * @property {string} url
 * @property {string} runDir
 * @property {ProcessInfo[]} processes  adaptive-jobmanager | adaptive-taskmanager
 * @property {Record<string, string>} [jobIds]  demo job key -> job id (the event-time job)
 */

/** The adaptive cluster's REST port is the main one's plus this. */
export const ADAPTIVE_PORT_OFFSET = 1;

/** @param {number} port */
export function runDirFor(port) {
  return path.join(stateRoot, `cluster-${port}`);
}
/** @param {number} port */
function stateFileFor(port) {
  return path.join(runDirFor(port), 'sandbox.json');
}

/** @param {number} port @returns {SandboxState | undefined} */
export function readState(port) {
  const file = stateFileFor(port);
  if (!existsSync(file)) return undefined;
  try {
    return /** @type {SandboxState} */ (JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** @param {SandboxState} state */
export function writeState(state) {
  writeFileSync(stateFileFor(state.port), JSON.stringify(state, null, 2));
}

/** @param {number} pid */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {string} msg */
export function log(msg) {
  process.stderr.write(`[sandbox] ${msg}\n`);
}

export class SandboxError extends Error {}

export function checkTools() {
  for (const [tool, args] of /** @type {const} */ ([
    ['java', ['-version']],
    ['mvn', ['-v']],
  ])) {
    const r = spawnSync(tool, args, { stdio: 'ignore' });
    if (r.error) {
      throw new SandboxError(
        `${tool === 'java' ? 'Java (17 or later)' : 'Maven'} is not installed, so the Flink sandbox cannot start: ` +
          `install it, or point the dashboard at an existing JobManager instead with FLINK_URL=http://host:8081 npm start.`,
      );
    }
  }
}

/** @param {string} url @param {number} [timeoutMs] */
export async function getJson(url, timeoutMs = 5000) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** @param {string} url @param {RequestInit} init */
async function sendJson(url, init) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  if (!res.ok) throw new SandboxError(`${init.method ?? 'GET'} ${url}: HTTP ${res.status} ${text.slice(0, 2000)}`);
  return text ? JSON.parse(text) : {};
}

/** A free TCP port on loopback, as the OS hands one out. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** @param {number} port */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Newest modification time below a folder, to know when the demo jar is out of date. */
/** @param {string} dir @returns {number} */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'target') newest = Math.max(newest, newestMtime(p));
    } else {
      newest = Math.max(newest, statSync(p).mtimeMs);
    }
  }
  return newest;
}

/**
 * Builds the demo jobs' jar and resolves the cluster's classpath for one Flink version, once:
 * later runs reuse both until a demo job's source changes.
 * @param {string} flinkVersion
 * @param {string} [buildName]  its folder under .state (the scale cluster builds into its own)
 */
export function buildArtifacts(flinkVersion, buildName = `build-${flinkVersion}`) {
  const buildDir = path.join(stateRoot, buildName);
  const jar = path.join(buildDir, 'demo-jobs.jar');
  const classpathFile = path.join(buildDir, 'classpath.txt');
  const upToDate = existsSync(jar) && existsSync(classpathFile) && statSync(jar).mtimeMs >= newestMtime(demoJobsDir);
  if (!upToDate) {
    log(
      `building the demo jobs and resolving Flink ${flinkVersion} from Maven Central (first run downloads the artifacts)`,
    );
    const started = Date.now();
    const r = spawnSync(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        path.join(demoJobsDir, 'pom.xml'),
        `-Dflink.version=${flinkVersion}`,
        `-Dsandbox.build.dir=${buildDir}`,
        '-DskipTests',
        'package',
        'dependency:build-classpath',
        `-Dmdep.outputFile=${classpathFile}`,
        '-Dmdep.includeScope=runtime',
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (r.status !== 0) {
      throw new SandboxError(
        `Maven could not build the demo jobs for Flink ${flinkVersion} (exit ${r.status}); is FLINK_VERSION a released version?`,
      );
    }
    log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return { jar, classpath: readFileSync(classpathFile, 'utf8').trim() };
}

/**
 * @param {{ port: number, rpcPort: number, runDir: string, extra?: Record<string, string | number | boolean> }} p
 */
export function flinkConfig({ port, rpcPort, runDir, extra = {} }) {
  const fileUrl = (/** @type {string} */ sub) => `file://${path.join(runDir, sub)}`;
  /** @type {Record<string, string | number | boolean>} */
  const conf = {
    'jobmanager.rpc.address': '127.0.0.1',
    'jobmanager.rpc.port': rpcPort,
    'jobmanager.bind-host': '127.0.0.1',
    'jobmanager.memory.process.size': '1024m',
    'taskmanager.host': '127.0.0.1',
    'taskmanager.bind-host': '127.0.0.1',
    'taskmanager.numberOfTaskSlots': 6,
    'taskmanager.memory.process.size': '1280m',
    'taskmanager.memory.managed.size': '64m',
    'cluster.evenly-spread-out-slots': true,
    'parallelism.default': 1,
    'rest.address': '127.0.0.1',
    'rest.bind-address': '127.0.0.1',
    'rest.port': port,
    'rest.flamegraph.enabled': true,
    // The profiler (async-profiler inside Flink, 1.19+): its result files go under the run dir.
    'rest.profiling.enabled': true,
    'rest.profiling.dir': path.join(runDir, 'profiler'),
    'web.submit.enable': true,
    'web.cancel.enable': true,
    'web.rescale.enable': true,
    'web.upload.dir': path.join(runDir, 'uploads'),
    'web.tmpdir': path.join(runDir, 'web-tmp'),
    'io.tmp.dirs': path.join(runDir, 'tmp'),
    'blob.storage.directory': path.join(runDir, 'blobs'),
    // Flink 2.x names first; 1.20 reads both, 2.x ignores the legacy ones.
    'execution.checkpointing.dir': fileUrl('checkpoints'),
    'execution.checkpointing.savepoint-dir': fileUrl('savepoints'),
    'state.checkpoints.dir': fileUrl('checkpoints'),
    'state.savepoints.dir': fileUrl('savepoints'),
    // Metrics reach the REST API sooner, and a killed TaskManager is noticed in seconds.
    'metrics.fetcher.update-interval': 3000,
    'heartbeat.interval': 3000,
    'heartbeat.timeout': 20000,
    'classloader.check-leaked-classloader': false,
    // Finished and canceled demo jobs stay listed for a day, not Flink's default hour, so a
    // sandbox left running keeps the states the tests look for.
    'jobstore.expiration-time': 86400,
    ...extra,
    ...archiveConfig(runDir),
  };
  return (
    Object.entries(conf)
      .map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`)
      .join('\n') + '\n'
  );
}

/**
 * Asks Flink's own BashJavaUtils (what flink-dist's scripts use) for the JVM memory flags and the
 * derived memory settings of a JobManager or TaskManager.
 * @param {string} classpath @param {string} confDir @param {'GET_JM_RESOURCE_PARAMS' | 'GET_TM_RESOURCE_PARAMS'} command
 */
export function resourceParams(classpath, confDir, command) {
  const r = spawnSync(
    'java',
    [
      '-Xmx128m',
      ...JVM_QUIET,
      '-cp',
      classpath,
      'org.apache.flink.runtime.util.bash.BashJavaUtils',
      command,
      '--configDir',
      confDir,
    ],
    { encoding: 'utf8' },
  );
  const lines = (r.stdout ?? '')
    .split('\n')
    .filter((l) => l.startsWith('BASH_JAVA_UTILS_EXEC_RESULT:'))
    .map((l) => l.slice('BASH_JAVA_UTILS_EXEC_RESULT:'.length).trim());
  if (r.status !== 0 || lines.length < 2) {
    throw new SandboxError(`Flink could not compute the memory settings (${command}): ${r.stdout}${r.stderr}`);
  }
  const jvm = (lines[0] ?? '').split(/\s+/).filter(Boolean);
  const dynamic = (lines[1] ?? '').split(/\s+/).filter(Boolean);
  return { jvm, dynamic };
}

/**
 * @param {{ role: string, mainClass: string, classpath: string, confDir: string, logDir: string,
 *           resources: { jvm: string[], dynamic: string[] } }} p
 * @returns {ProcessInfo}
 */
export function startJvm({ role, mainClass, classpath, confDir, logDir, resources }) {
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${role}.log`);
  const outFile = path.join(logDir, `${role}.out`);
  const argv = [
    ...resources.jvm,
    ...JVM_QUIET,
    ...JVM_OPENS,
    `-Dlog.file=${logFile}`,
    `-Dlog4j.configuration=file:${path.join(here, 'log4j.properties')}`,
    `-Dlog4j.configurationFile=file:${path.join(here, 'log4j.properties')}`,
    '-cp',
    classpath,
    mainClass,
    '--configDir',
    confDir,
    ...resources.dynamic,
  ];
  const pid = spawnDetached(argv, outFile);
  return { role, pid, logFile, argv };
}

/**
 * Starts a JVM in its own process group, its stdout and stderr going to the .out file Flink's
 * REST API serves as the process's stdout.
 * @param {string[]} argv @param {string} outFile @returns {number}
 */
export function spawnDetached(argv, outFile) {
  const out = openSync(outFile, 'a');
  const child = spawn('java', argv, { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  child.unref();
  if (!child.pid) throw new SandboxError(`could not start java for ${outFile}`);
  return child.pid;
}

/**
 * @param {string} what @param {() => Promise<boolean>} check @param {number} timeoutMs
 * @param {() => string} [describe]
 */
export async function waitFor(what, check, timeoutMs, describe) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) {
      throw new SandboxError(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}${describe ? `: ${describe()}` : ''}`,
      );
    }
    await sleep(1000);
  }
}

/** @param {string} url @param {string} jar */
export async function uploadJar(url, jar) {
  const form = new FormData();
  form.append('jarfile', new Blob([readFileSync(jar)], { type: 'application/java-archive' }), 'demo-jobs.jar');
  const body = /** @type {{ filename: string, status: string }} */ (
    await sendJson(`${url}/jars/upload`, { method: 'POST', body: form })
  );
  // Flink answers with the stored file's path; the jar id is its file name.
  return path.basename(body.filename);
}

/** @param {string} url @param {string} jarId @param {import('./demo-jobs.mjs').DemoJob} job */
export async function runJob(url, jarId, job) {
  const body = /** @type {{ jobid: string }} */ (
    await sendJson(`${url}/jars/${encodeURIComponent(jarId)}/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ entryClass: job.entryClass, programArgsList: job.programArgs ?? [] }),
    })
  );
  return body.jobid;
}

/**
 * A job is settled when it reached its state and, for a streaming job, every task is running.
 * @param {string} url @param {string} jobId @param {string} want
 */
export async function jobSettled(url, jobId, want) {
  const job = /** @type {{ state: string, vertices: { status: string }[] }} */ (await getJson(`${url}/jobs/${jobId}`));
  if (job.state !== want) return false;
  return want !== 'RUNNING' || job.vertices.every((v) => v.status === 'RUNNING');
}

/** @param {SandboxState} state */
async function stopProcesses(state) {
  const alive = state.processes.filter((p) => isAlive(p.pid));
  for (const p of alive) {
    try {
      process.kill(p.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && alive.some((p) => isAlive(p.pid))) await sleep(250);
  for (const p of alive.filter((x) => isAlive(x.pid))) {
    log(`${p.role} (pid ${p.pid}) did not stop on SIGTERM; killing it`);
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  while (alive.some((p) => isAlive(p.pid))) await sleep(100);
}

/** @param {number} port */
export async function down(port) {
  const state = readState(port);
  if (!state) {
    log(`no sandbox is recorded on port ${port}`);
    return;
  }
  const all = [...state.processes, ...(state.adaptive?.processes ?? [])];
  await stopProcesses({ ...state, processes: all });
  if (state.historyServer) await stopHistoryServer(state.historyServer);
  rmSync(stateFileFor(port), { force: true });
  log(`stopped ${all.map((p) => `${p.role} (pid ${p.pid})`).join(', ')}`);
}

/** @param {SandboxState} state */
async function clusterAnswers(state) {
  if (!state.processes.every((p) => isAlive(p.pid))) return false;
  try {
    const overview = /** @type {{ taskmanagers: number }} */ (await getJson(`${state.url}/overview`));
    return overview.taskmanagers === 2;
  } catch {
    return false;
  }
}

/** @param {AdaptiveClusterState} adaptive */
async function adaptiveAnswers(adaptive) {
  if (!adaptive.processes.every((p) => isAlive(p.pid))) return false;
  try {
    const overview = /** @type {{ taskmanagers: number }} */ (await getJson(`${adaptive.url}/overview`));
    return overview.taskmanagers === 1;
  } catch {
    return false;
  }
}

/**
 * The adaptive cluster's own settings on top of the main cluster's: the adaptive scheduler, two
 * slots (room to rescale a vertex from 1 to 2), a rescale history (2.3) and no cool-down, so a
 * change of the resource requirements rescales within a checkpoint or two.
 */
const ADAPTIVE_CONFIG = {
  'jobmanager.scheduler': 'adaptive',
  'taskmanager.numberOfTaskSlots': 2,
  // Flink 2.3 keeps this many rescales for the REST API's rescales endpoints (0, the default, keeps none).
  'web.adaptive-scheduler.rescale-history.size': 20,
  // Flink 2.x names, then their 1.20 predecessors (each line ignores the other's).
  'jobmanager.adaptive-scheduler.executing.cooldown-after-rescaling': '1 s',
  'jobmanager.adaptive-scheduler.executing.resource-stabilization-timeout': '1 s',
  'jobmanager.adaptive-scheduler.scaling-interval.min': '1 s',
  'jobmanager.adaptive-scheduler.resource-stabilization-timeout': '1 s',
};

/**
 * Starts the adaptive cluster's two JVMs (not waiting for them) with the main cluster's memory
 * settings, its files under the main run dir.
 * @param {{ port: number, mainRunDir: string, classpath: string,
 *           jmResources: { jvm: string[], dynamic: string[] }, tmResources: { jvm: string[], dynamic: string[] } }} p
 * @returns {Promise<AdaptiveClusterState>}
 */
async function startAdaptiveCluster({ port, mainRunDir, classpath, jmResources, tmResources }) {
  if (!(await portIsFree(port))) {
    throw new SandboxError(
      `port ${port} on 127.0.0.1 (the adaptive cluster's, SANDBOX_PORT + ${ADAPTIVE_PORT_OFFSET}) is already taken; ` +
        `choose another SANDBOX_PORT, or leave the adaptive cluster out with SANDBOX_ADAPTIVE=0.`,
    );
  }
  const runDir = path.join(mainRunDir, 'adaptive');
  rmSync(runDir, { recursive: true, force: true });
  const confDir = path.join(runDir, 'conf');
  for (const sub of ['conf', 'uploads', 'web-tmp', 'tmp', 'blobs', 'checkpoints', 'savepoints', 'log', 'profiler']) {
    mkdirSync(path.join(runDir, sub), { recursive: true });
  }
  const rpcPort = await freePort();
  writeFileSync(path.join(confDir, 'config.yaml'), flinkConfig({ port, rpcPort, runDir, extra: ADAPTIVE_CONFIG }));
  const logRoot = path.join(runDir, 'log');
  const processes = [
    startJvm({
      role: 'adaptive-jobmanager',
      mainClass: 'org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint',
      classpath,
      confDir,
      logDir: path.join(logRoot, 'jobmanager'),
      resources: jmResources,
    }),
    startJvm({
      role: 'adaptive-taskmanager',
      mainClass: 'org.apache.flink.runtime.taskexecutor.TaskManagerRunner',
      classpath,
      confDir,
      logDir: path.join(logRoot, 'taskmanager'),
      resources: tmResources,
    }),
  ];
  return { port, url: `http://127.0.0.1:${port}`, runDir, processes };
}

/**
 * Waits for the adaptive cluster, uploads the demo jar and runs the event-time job on it at
 * parallelism 1 (its upper bound; raising it is the rescale).
 * @param {AdaptiveClusterState} adaptive @param {string} jar
 */
async function submitToAdaptiveCluster(adaptive, jar) {
  await waitFor(
    'the adaptive cluster (JobManager and one TaskManager)',
    async () => {
      const dead = adaptive.processes.find((p) => !isAlive(p.pid));
      if (dead) throw new SandboxError(`${dead.role} exited during start-up; see ${dead.logFile}`);
      return adaptiveAnswers(adaptive);
    },
    120_000,
  );
  const jarId = await uploadJar(adaptive.url, jar);
  const job = demoJobs.find((j) => j.key === 'eventTime');
  if (!job) throw new SandboxError('no event-time demo job');
  adaptive.jobIds = {
    eventTime: await runJob(adaptive.url, jarId, { ...job, programArgs: ['--parallelism', '1'] }),
  };
}

/** @param {AdaptiveClusterState} adaptive */
async function adaptiveJobsSettled(adaptive) {
  const id = adaptive.jobIds?.eventTime ?? '';
  await waitFor(
    `the event-time job on the adaptive cluster to run`,
    () => jobSettled(adaptive.url, id, 'RUNNING'),
    180_000,
  );
}

/** Whether `up` starts the adaptive cluster too (SANDBOX_ADAPTIVE=0 leaves it out). */
function adaptiveWanted() {
  return process.env.SANDBOX_ADAPTIVE !== '0';
}

/**
 * `adaptive` and `historyServer` say whether the side processes start too: specs that start a
 * sandbox of their own to break it (faults, kiosk, snapshot) leave them out, which saves their JVMs
 * and start-up time.
 * @param {{ port: number, flinkVersion: string, versionRequested: boolean, adaptive?: boolean, historyServer?: boolean }} opts
 * @returns {Promise<SandboxState>}
 */
export async function up({ port, flinkVersion, versionRequested, adaptive = adaptiveWanted(), historyServer = true }) {
  const existing = readState(port);
  if (existing) {
    if ((await clusterAnswers(existing)) && (!versionRequested || existing.flinkVersion === flinkVersion)) {
      log(`reusing the running Flink ${existing.flinkVersion} sandbox (started ${existing.startedAt})`);
      if (adaptive && !(existing.adaptive && (await adaptiveAnswers(existing.adaptive)))) {
        await addAdaptiveCluster(existing);
      }
      if (historyServer) await ensureHistoryServer(existing);
      return existing;
    }
    log('the recorded sandbox is gone, half-up or another version; stopping what is left of it');
    await down(port);
  }
  checkTools();
  if (!(await portIsFree(port))) {
    throw new SandboxError(
      `port ${port} on 127.0.0.1 is already taken by something this sandbox did not start; ` +
        `choose another with SANDBOX_PORT, or point the dashboard at that JobManager with FLINK_URL=http://127.0.0.1:${port}.`,
    );
  }

  const started = Date.now();
  const { jar, classpath } = buildArtifacts(flinkVersion);
  const runDir = runDirFor(port);
  rmSync(runDir, { recursive: true, force: true });
  const confDir = path.join(runDir, 'conf');
  for (const sub of ['conf', 'uploads', 'web-tmp', 'tmp', 'blobs', 'checkpoints', 'savepoints', 'log', 'profiler']) {
    mkdirSync(path.join(runDir, sub), { recursive: true });
  }
  const rpcPort = await freePort();
  writeFileSync(path.join(confDir, 'config.yaml'), flinkConfig({ port, rpcPort, runDir }));

  const url = `http://127.0.0.1:${port}`;
  /** @type {SandboxState} */
  const state = { flinkVersion, port, url, runDir, processes: [], startedAt: new Date().toISOString() };
  try {
    const jmResources = resourceParams(classpath, confDir, 'GET_JM_RESOURCE_PARAMS');
    const tmResources = resourceParams(classpath, confDir, 'GET_TM_RESOURCE_PARAMS');
    const logRoot = path.join(runDir, 'log');
    state.processes.push(
      startJvm({
        role: 'jobmanager',
        mainClass: 'org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint',
        classpath,
        confDir,
        logDir: path.join(logRoot, 'jobmanager'),
        resources: jmResources,
      }),
    );
    writeState(state);
    for (const n of [1, 2]) {
      state.processes.push(
        startJvm({
          role: `taskmanager-${n}`,
          mainClass: 'org.apache.flink.runtime.taskexecutor.TaskManagerRunner',
          classpath,
          confDir,
          logDir: path.join(logRoot, `taskmanager-${n}`),
          resources: tmResources,
        }),
      );
    }
    if (adaptive) {
      state.adaptive = await startAdaptiveCluster({
        port: port + ADAPTIVE_PORT_OFFSET,
        mainRunDir: runDir,
        classpath,
        jmResources,
        tmResources,
      });
    }
    if (historyServer) {
      state.historyServer = startHistoryServer({
        runDir,
        classpath,
        port: await freePort(),
        jvmFlags: [...JVM_QUIET, ...JVM_OPENS],
      });
    }
    writeState(state);
    log(
      `started ${[...state.processes, ...(state.adaptive?.processes ?? [])].map((p) => `${p.role} (pid ${p.pid})`).join(', ')}`,
    );

    await waitFor(
      'the JobManager and two TaskManagers',
      async () => {
        const dead = state.processes.find((p) => !isAlive(p.pid));
        if (dead) throw new SandboxError(`${dead.role} exited during start-up; see ${dead.logFile}`);
        return clusterAnswers(state);
      },
      120_000,
    );

    state.jarId = await uploadJar(url, jar);
    state.jobIds = {};
    for (const job of demoJobs) {
      state.jobIds[job.key] = await runJob(url, state.jarId, job);
    }
    writeState(state);
    const jobIds = state.jobIds;

    const cancelMe = demoJobs.find((j) => j.settlesAs === 'CANCELED');
    if (cancelMe) {
      const id = jobIds[cancelMe.key] ?? '';
      await waitFor(`${cancelMe.name} to run`, () => jobSettled(url, id, 'RUNNING'), 120_000);
      await sendJson(`${url}/jobs/${id}?mode=cancel`, { method: 'PATCH' });
    }
    for (const job of demoJobs.filter((j) => !j.settlesLater)) {
      const id = jobIds[job.key] ?? '';
      /** @type {string} */
      let last = '';
      await waitFor(
        `"${job.name}" to be ${job.settlesAs}`,
        async () => {
          const ok = await jobSettled(url, id, job.settlesAs);
          last = ok ? '' : JSON.stringify(await getJson(`${url}/jobs/${id}/status`));
          return ok;
        },
        180_000,
        () => `last status ${last}`,
      );
    }
    // The adaptive cluster's JVMs started with the main ones; its job is submitted only now, so
    // that its deployment does not compete with the main demo jobs' on a busy two-core machine.
    if (state.adaptive) {
      await submitToAdaptiveCluster(state.adaptive, jar);
      writeState(state);
      await adaptiveJobsSettled(state.adaptive);
    }
    writeState(state);
    if (state.historyServer) await awaitArchivedJobs(state.historyServer, endedDemoJobIds(state), log);
    log(
      `Flink ${flinkVersion} sandbox ready in ${((Date.now() - started) / 1000).toFixed(1)} s with ${demoJobs.length} demo jobs`,
    );
    return state;
  } catch (err) {
    const jm = state.processes.find((p) => p.role === 'jobmanager');
    if (jm && existsSync(jm.logFile)) {
      const tail = readFileSync(jm.logFile, 'utf8')
        .split('\n')
        .filter((l) => /ERROR|Exception/.test(l))
        .slice(-15);
      if (tail.length) log(`JobManager log (errors):\n${tail.join('\n')}`);
    }
    await down(port);
    throw err;
  }
}

/**
 * Adds the adaptive cluster to a running sandbox that has none (one started before it existed,
 * or with SANDBOX_ADAPTIVE=0).
 * @param {SandboxState} state
 */
async function addAdaptiveCluster(state) {
  const started = Date.now();
  const { jar, classpath } = buildArtifacts(state.flinkVersion);
  if (state.adaptive) await stopProcesses({ ...state, processes: state.adaptive.processes });
  const confDir = path.join(state.runDir, 'conf');
  state.adaptive = await startAdaptiveCluster({
    port: state.port + ADAPTIVE_PORT_OFFSET,
    mainRunDir: state.runDir,
    classpath,
    jmResources: resourceParams(classpath, confDir, 'GET_JM_RESOURCE_PARAMS'),
    tmResources: resourceParams(classpath, confDir, 'GET_TM_RESOURCE_PARAMS'),
  });
  writeState(state);
  await submitToAdaptiveCluster(state.adaptive, jar);
  writeState(state);
  await adaptiveJobsSettled(state.adaptive);
  log(`adaptive cluster added in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** @param {SandboxState} state */
function endedDemoJobIds(state) {
  // A job that settles later (the adaptive batch job) is not waited for: it is still running.
  return demoJobs.filter((j) => j.settlesAs !== 'RUNNING' && !j.settlesLater).map((j) => state.jobIds?.[j.key] ?? '');
}

/** A reused sandbox whose History Server is gone (or that predates it) gets one. @param {SandboxState} state */
async function ensureHistoryServer(state) {
  if (state.historyServer && historyServerAlive(state.historyServer)) return;
  const classpath = buildArtifacts(state.flinkVersion).classpath;
  state.historyServer = startHistoryServer({
    runDir: state.runDir,
    classpath,
    port: await freePort(),
    jvmFlags: [...JVM_QUIET, ...JVM_OPENS],
  });
  writeState(state);
  await awaitArchivedJobs(state.historyServer, endedDemoJobIds(state), log);
}

export function sandboxSettings() {
  return {
    port: Number(process.env.SANDBOX_PORT ?? 8081),
    flinkVersion: process.env.FLINK_VERSION || DEFAULT_FLINK_VERSION,
    versionRequested: Boolean(process.env.FLINK_VERSION),
  };
}

async function main() {
  const command = process.argv[2] ?? 'up';
  const settings = sandboxSettings();
  // `--scale` (or SANDBOX_SCALE=1): the scale cluster alone (scale.mjs), on SANDBOX_PORT + 3.
  const scale = process.argv.includes('--scale') || process.env.SANDBOX_SCALE === '1';
  if (scale || command === 'down') {
    const { downScale, readScaleState, upScale } = await import('./scale.mjs');
    if (command === 'up') {
      const state = await upScale(settings);
      process.stdout.write(`SCALE_JOB_ID=${state.scale.jobId}\nSCALE_FLINK_URL=${state.url}\n`);
      return;
    }
    if (command === 'down') {
      if (readScaleState(settings.port)) await downScale(settings.port);
      if (scale) return;
    } else if (command === 'status') {
      const state = readScaleState(settings.port);
      process.stdout.write(state ? `${JSON.stringify(state, null, 2)}\n` : 'no scale cluster\n');
      process.exitCode = state ? 0 : 1;
      return;
    }
  }
  if (command === 'up') {
    const state = await up(settings);
    if (state.adaptive) process.stdout.write(`ADAPTIVE_FLINK_URL=${state.adaptive.url}\n`);
    if (state.historyServer) process.stdout.write(`HISTORY_SERVER_URL=${state.historyServer.url}\n`);
    process.stdout.write(`FLINK_URL=${state.url}\n`);
  } else if (command === 'down') {
    await down(settings.port);
  } else if (command === 'status') {
    const state = readState(settings.port);
    if (!state) {
      process.stdout.write(`no sandbox on port ${settings.port}\n`);
      process.exitCode = 1;
      return;
    }
    const answers = await clusterAnswers(state);
    process.stdout.write(`${JSON.stringify({ ...state, answers }, null, 2)}\n`);
    process.exitCode = answers ? 0 : 1;
  } else {
    throw new SandboxError(`unknown command ${command}: use up, down or status`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(
      `[sandbox] ${err instanceof SandboxError ? err.message : err instanceof Error ? err.stack : String(err)}\n`,
    );
    process.exit(1);
  });
}
