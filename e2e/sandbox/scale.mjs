// @ts-check
// The sandbox's scale cluster: one JobManager and one TaskManager with a slot per subtask, running
// one high-parallelism streaming job (ScaleJob in e2e/demo-jobs: an event-time source, a keyed
// exchange into 10 s windows, a sink; watermarks and checkpoints) for `npm run bench -- --scale`.
//
//   npm run sandbox:up -- --scale      (or SANDBOX_SCALE=1 npm run sandbox:up) starts it (or reuses
//                                      it) and prints SCALE_FLINK_URL=...; the normal sandbox is
//                                      neither started nor changed
//   npm run sandbox:down               stops the normal sandbox and this one
//   npm run sandbox:down -- --scale    stops only this one
//
// Its REST port is SANDBOX_PORT + 3 (8084 by default); SCALE_PARALLELISM (default 512) is the
// job's parallelism and the TaskManager's slot count. Flink's settings for it are SCALE_CONFIG
// below (network and managed memory, frame size, timeouts), described in the README.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  SandboxError,
  buildArtifacts,
  checkTools,
  down,
  flinkConfig,
  freePort,
  getJson,
  isAlive,
  jobSettled,
  log,
  portIsFree,
  readState,
  resourceParams,
  runDirFor,
  runJob,
  startJvm,
  uploadJar,
  waitFor,
  writeState,
} from './sandbox.mjs';

/** The scale cluster's REST port is the main sandbox's plus this. */
export const SCALE_PORT_OFFSET = 3;
export const DEFAULT_SCALE_PARALLELISM = 512;
const SCALE_JOB_CLASS = 'dev.flinkdashboard.demo.ScaleJob';
/** @param {number} parallelism */
export const scaleJobName = (parallelism) => `Demo: parallelism ${parallelism} pipeline`;

/** @param {NodeJS.ProcessEnv} [env] */
export function scaleParallelism(env = process.env) {
  const raw = env.SCALE_PARALLELISM;
  if (raw === undefined || raw === '') return DEFAULT_SCALE_PARALLELISM;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new SandboxError(`SCALE_PARALLELISM must be a positive integer, not ${raw}`);
  return n;
}

/**
 * Flink's settings for a job of `parallelism` subtasks per vertex in one TaskManager (three
 * vertices: `parallelism` slots, 3 x `parallelism` tasks, `parallelism`^2 channels in the keyed
 * exchange). Sized on a 2-core, 24 GiB machine; see the README's sandbox section.
 * @param {number} parallelism
 */
export function scaleConfig(parallelism) {
  // A pipelined partition needs one buffer per subpartition (+1): parallelism^2 + parallelism
  // buffers for the keyed exchange, plus the forward exchange and the input gates. 4 KiB
  // segments (Flink's smallest) keep that in memory: 512 -> ~263,000 buffers, ~1 GiB.
  const segmentKiB = 4;
  const buffers = parallelism * (parallelism + 1) + parallelism * 2 + parallelism * 2 * 10;
  const networkMiB = Math.max(128, Math.ceil((buffers * segmentKiB * 1.25) / 1024));
  // ~1.5 MiB of task heap per task for the window state, records and the task's own objects.
  const taskHeapMiB = Math.max(256, Math.ceil(parallelism * 3 * 1.5));
  // Framework heap 256 + off-heap 128 (Flink's default) + managed 64 + metaspace 320, plus the
  // JVM overhead Flink derives from the process size (at least 192 MiB, at most 1 GiB).
  const flinkMiB = 256 + taskHeapMiB + 128 + 64 + networkMiB + 320;
  const processMiB = flinkMiB + Math.min(1024, Math.max(192, Math.ceil(flinkMiB / 9)));
  return {
    'taskmanager.numberOfTaskSlots': parallelism,
    'taskmanager.memory.segment-size': `${segmentKiB}kb`,
    'taskmanager.memory.network.min': `${networkMiB}m`,
    'taskmanager.memory.network.max': `${networkMiB}m`,
    // Heap state (hashmap backend): managed memory would only serve RocksDB or batch operators.
    'taskmanager.memory.managed.size': '64m',
    'taskmanager.memory.task.heap.size': `${taskHeapMiB}m`,
    'taskmanager.memory.framework.heap.size': '256m',
    'taskmanager.memory.jvm-metaspace.size': '320m',
    'taskmanager.memory.process.size': `${processMiB}m`,
    'jobmanager.memory.process.size': parallelism > 64 ? '2048m' : '1024m',
    // A TaskManager's metric dump (every task's and operator's metrics) goes to the JobManager in
    // one RPC message; Flink drops a dump larger than the frame size (10 MiB by default).
    'pekko.framesize': '104857600b',
    // Deploying 3 x 512 tasks keeps two cores saturated for minutes: the TaskManager answers an
    // RPC (submitTask) late, and Flink's 10 s default timeout (or even 60 s) fails the deployment.
    'pekko.ask.timeout': '10 min',
    // The JobManager fetches that dump at most every 10 s (the sandbox: 3 s).
    'metrics.fetcher.update-interval': 10000,
    // Under that load a TaskManager can miss heartbeats for minutes; losing it restarts the job
    // (another deployment storm), and one that cannot re-register in time exits.
    'heartbeat.interval': 10000,
    'heartbeat.timeout': 600000,
    'taskmanager.registration.timeout': '30 min',
    'web.timeout': 60000,
    'slot.request.timeout': 600000,
    // The scale cluster runs one job: no History Server, no profiler, no flame graphs.
    'rest.flamegraph.enabled': false,
    'rest.profiling.enabled': false,
  };
}

/**
 * @param {{ port: number, flinkVersion: string, parallelism?: number }} opts  port: the MAIN
 *   sandbox's port (SANDBOX_PORT); the scale cluster runs on port + SCALE_PORT_OFFSET
 * @returns {Promise<import('./sandbox.mjs').SandboxState & { scale: { parallelism: number, jobId: string } }>}
 */
export async function upScale({ port: mainPort, flinkVersion, parallelism = scaleParallelism() }) {
  const port = mainPort + SCALE_PORT_OFFSET;
  const existing = /** @type {any} */ (readState(port));
  if (existing?.scale) {
    const jobId = existing.scale.jobId;
    const ok =
      existing.flinkVersion === flinkVersion &&
      existing.scale.parallelism === parallelism &&
      existing.processes.every((/** @type {{ pid: number }} */ p) => isAlive(p.pid)) &&
      (await jobSettled(existing.url, jobId, 'RUNNING').catch(() => false));
    if (ok) {
      log(`reusing the running scale cluster (parallelism ${parallelism}, started ${existing.startedAt})`);
      return existing;
    }
    log('the recorded scale cluster is gone, not running its job or of another size; stopping what is left of it');
    await down(port);
  }
  checkTools();
  if (!(await portIsFree(port))) {
    throw new SandboxError(
      `port ${port} on 127.0.0.1 (the scale cluster's, SANDBOX_PORT + ${SCALE_PORT_OFFSET}) is already taken; choose another SANDBOX_PORT.`,
    );
  }
  const started = Date.now();
  // The main sandbox's build: the same jar holds the scale job.
  const { jar, classpath } = buildArtifacts(flinkVersion);
  const runDir = runDirFor(port);
  rmSync(runDir, { recursive: true, force: true });
  const confDir = path.join(runDir, 'conf');
  for (const sub of ['conf', 'uploads', 'web-tmp', 'tmp', 'blobs', 'checkpoints', 'savepoints', 'log', 'archive']) {
    mkdirSync(path.join(runDir, sub), { recursive: true });
  }
  const rpcPort = await freePort();
  writeFileSync(
    path.join(confDir, 'config.yaml'),
    flinkConfig({ port, rpcPort, runDir, extra: scaleConfig(parallelism) }),
  );
  const url = `http://127.0.0.1:${port}`;
  const state =
    /** @type {import('./sandbox.mjs').SandboxState & { scale: { parallelism: number, jobId: string } }} */ ({
      flinkVersion,
      port,
      url,
      runDir,
      processes: [],
      startedAt: new Date().toISOString(),
      scale: { parallelism, jobId: '' },
    });
  try {
    const logRoot = path.join(runDir, 'log');
    state.processes.push(
      startJvm({
        role: 'scale-jobmanager',
        mainClass: 'org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint',
        classpath,
        confDir,
        logDir: path.join(logRoot, 'jobmanager'),
        resources: resourceParams(classpath, confDir, 'GET_JM_RESOURCE_PARAMS'),
      }),
    );
    writeState(state);
    state.processes.push(
      startJvm({
        role: 'scale-taskmanager',
        mainClass: 'org.apache.flink.runtime.taskexecutor.TaskManagerRunner',
        classpath,
        confDir,
        logDir: path.join(logRoot, 'taskmanager'),
        resources: resourceParams(classpath, confDir, 'GET_TM_RESOURCE_PARAMS'),
      }),
    );
    writeState(state);
    log(`started ${state.processes.map((p) => `${p.role} (pid ${p.pid})`).join(', ')}`);
    await waitFor(
      `the scale cluster's JobManager and its TaskManager of ${parallelism} slots`,
      async () => {
        const dead = state.processes.find((p) => !isAlive(p.pid));
        if (dead) throw new SandboxError(`${dead.role} exited during start-up; see ${dead.logFile}`);
        const o = /** @type {{ taskmanagers: number, 'slots-total': number }} */ (await getJson(`${url}/overview`));
        return o.taskmanagers === 1 && o['slots-total'] === parallelism;
      },
      300_000,
    );
    state.jarId = await uploadJar(url, jar);
    state.scale.jobId = await runJob(url, state.jarId, {
      key: 'scale',
      entryClass: SCALE_JOB_CLASS,
      name: scaleJobName(parallelism),
      settlesAs: 'RUNNING',
      programArgs: ['--parallelism', String(parallelism)],
    });
    state.jobIds = { scale: state.scale.jobId };
    writeState(state);
    const jobId = state.scale.jobId;
    /** @type {string} */
    let last = '';
    await waitFor(
      `the parallelism-${parallelism} job's ${parallelism * 3} tasks to run`,
      async () => {
        const job = /** @type {{ state: string, 'status-counts'?: Record<string, number> }} */ (
          await getJson(`${url}/jobs/${jobId}`, 30_000)
        );
        last = `${job.state} ${JSON.stringify(job['status-counts'] ?? {})}`;
        if (job.state === 'FAILED') throw new SandboxError(`the scale job failed: ${last}`);
        return jobSettled(url, jobId, 'RUNNING');
      },
      900_000,
      () => `last ${last}`,
    );
    log(
      `scale cluster ready in ${((Date.now() - started) / 1000).toFixed(1)} s: job ${jobId} at parallelism ${parallelism}`,
    );
    return state;
  } catch (err) {
    await down(port);
    throw err;
  }
}

/** @param {number} mainPort the main sandbox's port */
export function downScale(mainPort) {
  return down(mainPort + SCALE_PORT_OFFSET);
}

/** @param {number} mainPort */
export function readScaleState(mainPort) {
  const state = /** @type {any} */ (readState(mainPort + SCALE_PORT_OFFSET));
  return state?.scale
    ? /** @type {import('./sandbox.mjs').SandboxState & { scale: { parallelism: number, jobId: string } }} */ (state)
    : undefined;
}
