// Every REST endpoint of the JobManager, called through the project's own client (src/api),
// against the real sandbox, with ids discovered from it; decoded answers are checked for the
// values the UI relies on. DELETE /cluster is in shutdown.contract.ts (run last, only when the
// runner owns the sandbox).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applicationDetailsQueryOptions,
  applicationExceptionsQueryOptions,
  applicationJobManagerConfigQueryOptions,
  applicationsOverviewQueryOptions,
  applicationsServed,
  cancelApplication,
} from '../../src/api/applications';
import {
  checkpointConfigQueryOptions,
  checkpointDetailsQueryOptions,
  checkpointingStatisticsQueryOptions,
  checkpointNow,
  checkpointSubtasksQueryOptions,
  checkpointTriggerStatusQueryOptions,
  triggerCheckpoint,
} from '../../src/api/checkpoints';
import { clusterOverviewQueryOptions, webConfigQueryOptions } from '../../src/api/cluster';
import { dataSetDeletionStatusQueryOptions, dataSetsQueryOptions, deleteDataSet } from '../../src/api/datasets';
import { requestOnce } from '../../src/api/endpoint-query';
import { allEndpoints, endpointKey, FILE_ENDPOINT_NAMES } from '../../src/api/endpoints';
import { FlinkApiError, userMessage } from '../../src/api/errors';
import { jobExceptionsQueryOptions } from '../../src/api/exceptions';
import { newTriggerId } from '../../src/api/ids';
import {
  deleteJar,
  jarIdOf,
  jarPlanQueryOptions,
  jarsQueryOptions,
  runJar,
  runJarAsApplication,
  uploadJar,
} from '../../src/api/jars';
import {
  jobAccumulatorsQueryOptions,
  jobConfigQueryOptions,
  jobExecutionResultQueryOptions,
  jobJobManagerConfigQueryOptions,
  jobJobManagerEnvironmentQueryOptions,
  jobJobManagerLogUrlQueryOptions,
  jobTaskManagerLogUrlQueryOptions,
} from '../../src/api/job-config';
import {
  jobResourceRequirementsQueryOptions,
  rescaleJob,
  rescaleWithRequirements,
  rescalingStatusQueryOptions,
  updateJobResourceRequirements,
} from '../../src/api/job-scaling';
import {
  jobManagerConfigQueryOptions,
  jobManagerEnvironmentQueryOptions,
  jobManagerLogsQueryOptions,
  jobManagerThreadDumpQueryOptions,
} from '../../src/api/jobmanager';
import {
  cancelJob,
  jobDetailsQueryOptions,
  jobPlanQueryOptions,
  jobsOverviewQueryOptions,
  jobsStatusesQueryOptions,
  jobStatusQueryOptions,
  sendClientHeartbeat,
  submitJob,
  type JobDetails,
} from '../../src/api/jobs';
import { jobManagerLogFileQueryOptions, taskManagerLogFileQueryOptions } from '../../src/api/logs';
import {
  jmOperatorMetricsQueryOptions,
  jobManagerMetricsQueryOptions,
  jobMetricsQueryOptions,
  jobsMetricsQueryOptions,
  metricValue,
  subtaskMetricsQueryOptions,
  lowWatermarkFromAggregates,
  lowWatermarkQueryOptions,
  subtasksMetricsQueryOptions,
  taskManagerMetricsQueryOptions,
  taskManagersMetricsQueryOptions,
  vertexMetricsQueryOptions,
} from '../../src/api/metrics';
import {
  isProfilingSettled,
  jobManagerProfilingFileQueryOptions,
  jobManagerProfilingQueryOptions,
  startProfiling,
  taskManagerProfilingFileQueryOptions,
  taskManagerProfilingQueryOptions,
  type ProfilerTarget,
} from '../../src/api/profiler';
import { subtaskRanges } from '../../src/api/query';
import {
  disposeSavepoint,
  savepointDisposalStatusQueryOptions,
  savepointNow,
  savepointStatusQueryOptions,
  stopWithSavepoint,
  triggerSavepoint,
} from '../../src/api/savepoints';
import {
  subtaskAttemptAccumulatorsQueryOptions,
  subtaskAttemptQueryOptions,
  subtaskDetailsQueryOptions,
  subtasksAccumulatorsQueryOptions,
  subtaskTimesQueryOptions,
} from '../../src/api/subtasks';
import {
  taskManagerDetailsQueryOptions,
  taskManagerLogsQueryOptions,
  taskManagersQueryOptions,
  taskManagerThreadDumpQueryOptions,
} from '../../src/api/taskmanagers';
import { backPressureQueryOptions, flameGraphQueryOptions, flameGraphState } from '../../src/api/vertex-sampling';
import {
  vertexAccumulatorsQueryOptions,
  vertexDetailsQueryOptions,
  vertexTaskManagersQueryOptions,
  watermarksBySubtask,
  watermarksQueryOptions,
} from '../../src/api/vertices';
import {
  jobRescaleDetailsQueryOptions,
  jobRescalesConfigQueryOptions,
  jobRescalesHistoryQueryOptions,
  jobRescalesOverviewQueryOptions,
  jobRescalesSummaryQueryOptions,
} from '../../src/api/rescales';
import { configureApi, getApiSettings } from '../../src/api/settings';
import { demoJob } from '../sandbox/demo-jobs.mjs';
import { contractSandbox, eventually, expectApiError, jobId, servedLine } from './support';

const sandbox = contractSandbox();
const UNKNOWN_ID = '0123456789abcdef0123456789abcdef';
const poll = { pollIntervalMs: 500, deadlineMs: 180_000 };

let eventTime: JobDetails;
let taskManagerIds: string[] = [];

beforeAll(async () => {
  eventTime = await requestOnce(jobDetailsQueryOptions(jobId(sandbox, 'eventTime')));
  taskManagerIds = (await requestOnce(taskManagersQueryOptions())).taskmanagers.map((tm) => tm.id);
});

function vertexNamed(job: JobDetails, pattern: RegExp) {
  const vertex = job.vertices.find((v) => pattern.test(v.name));
  if (!vertex)
    throw new Error(
      `job "${job.name}" has no vertex matching ${pattern}: ${job.vertices.map((v) => v.name).join(', ')}`,
    );
  return vertex;
}

describe('the endpoints table', () => {
  it('has a client function for every row of the reference list', () => {
    const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const tsv = readFileSync(path.join(repo, 'reference/rest-endpoints.tsv'), 'utf8');
    const rows = tsv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    const table = new Set(allEndpoints().map(({ spec }) => endpointKey(spec)));
    const missing = rows.map(([verb, p]) => `${verb} ${p}`).filter((key) => !table.has(key));
    expect(missing).toEqual([]);
    expect(rows).toHaveLength(70);
  });

  it('says which rows this line serves: every row of 1.x, applications only from 2.3', async () => {
    const line = await servedLine(sandbox);
    expect(line.flinkVersion).toBe(sandbox.flinkVersion);
    expect(line.capabilities).toContain('profiling');
    expect(line.served).toContain('GET /jobs/:jobid');
    expect(line.served.includes('GET /applications/overview')).toBe(applicationsServed(sandbox.flinkVersion));
  });
});

describe('cluster', () => {
  it('GET /config: the version under test, features and refresh interval', async () => {
    const config = await requestOnce(webConfigQueryOptions());
    expect(config['flink-version']).toBe(sandbox.flinkVersion);
    expect(config['refresh-interval']).toBeGreaterThan(0);
    expect(config.features['web-submit']).toBe(true);
    expect(config.features['web-cancel']).toBe(true);
    expect(config['timezone-name']).not.toBe('');
  });

  it('GET /overview: two TaskManagers with twelve slots and the demo jobs', async () => {
    const overview = await requestOnce(clusterOverviewQueryOptions());
    expect(overview.taskmanagers).toBe(2);
    expect(overview['slots-total']).toBe(12);
    expect(overview['jobs-running']).toBeGreaterThanOrEqual(6);
    expect(overview['jobs-finished']).toBeGreaterThanOrEqual(1);
    expect(overview['jobs-cancelled']).toBeGreaterThanOrEqual(1);
    expect(overview['flink-version']).toBe(sandbox.flinkVersion);
  });
});

describe('jobs', () => {
  it('GET /jobs/overview: every demo job by name, in its settled state', async () => {
    const { jobs } = await requestOnce(jobsOverviewQueryOptions());
    for (const key of [
      'eventTime',
      'backpressure',
      'flaky',
      'bounded',
      'cancelMe',
      'wide',
      'failingCheckpoints',
      'hostile',
    ]) {
      const job = jobs.find((j) => j.jid === jobId(sandbox, key));
      expect(job, key).toBeDefined();
      expect(job?.name).toBe(demoJob(key).name);
    }
    const bounded = jobs.find((j) => j.jid === jobId(sandbox, 'bounded'));
    expect(bounded?.state).toBe('FINISHED');
    expect(bounded?.tasks.finished).toBeGreaterThan(0);
    expect(jobs.find((j) => j.jid === jobId(sandbox, 'cancelMe'))?.state).toBe('CANCELED');
    const wide = jobs.find((j) => j.jid === jobId(sandbox, 'wide'));
    expect(wide?.state).toBe('RUNNING');
    expect(wide?.tasks.running).toBeGreaterThanOrEqual(44);
    expect(wide?.['end-time']).toBe(-1);
  });

  it('GET /jobs: ids with statuses', async () => {
    const { jobs } = await requestOnce(jobsStatusesQueryOptions());
    expect(jobs.find((j) => j.id === jobId(sandbox, 'bounded'))?.status).toBe('FINISHED');
    expect(jobs.find((j) => j.id === jobId(sandbox, 'eventTime'))?.status).toBe('RUNNING');
  });

  it('GET /jobs/:jobid, /status, /plan, /config', async () => {
    const id = jobId(sandbox, 'eventTime');
    expect(eventTime.jid).toBe(id);
    expect(eventTime.state).toBe('RUNNING');
    expect(eventTime.vertices.length).toBeGreaterThanOrEqual(3);
    expect(eventTime.vertices.every((v) => v.status === 'RUNNING')).toBe(true);
    expect(eventTime.plan.nodes).toHaveLength(eventTime.vertices.length);
    expect(eventTime['job-type']).toBe('STREAMING');
    expect((await requestOnce(jobStatusQueryOptions(id))).status).toBe('RUNNING');
    const { plan } = await requestOnce(jobPlanQueryOptions(id));
    expect(plan.nodes.map((n) => n.id).sort()).toEqual(eventTime.vertices.map((v) => v.id).sort());
    const config = await requestOnce(jobConfigQueryOptions(id));
    expect(config.jid).toBe(id);
    expect(config.name).toBe(demoJob('eventTime').name);
    expect(config['execution-config']?.['job-parallelism']).toBe(2);
  });

  it('hostile job names arrive as plain text', async () => {
    const hostile = await requestOnce(jobDetailsQueryOptions(jobId(sandbox, 'hostile')));
    expect(hostile.name).toBe(demoJob('hostile').name);
  });

  it('GET /jobs/:jobid/accumulators', async () => {
    const acc = await requestOnce(
      jobAccumulatorsQueryOptions(jobId(sandbox, 'eventTime'), { includeSerializedValue: true }),
    );
    expect(Array.isArray(acc['user-task-accumulators'])).toBe(true);
    expect(Array.isArray(acc['job-accumulators'])).toBe(true);
  });

  it('GET /jobs/:jobid/execution-result: finished job succeeded, running one in progress', async () => {
    const finished = await requestOnce(jobExecutionResultQueryOptions(jobId(sandbox, 'bounded')));
    expect(finished.status.id).toBe('COMPLETED');
    expect(finished['job-execution-result']?.id).toBe(jobId(sandbox, 'bounded'));
    expect(finished['job-execution-result']?.['application-status']).toBe('SUCCEEDED');
    expect(finished['job-execution-result']?.['net-runtime']).toBeGreaterThan(0);
    const running = await requestOnce(jobExecutionResultQueryOptions(jobId(sandbox, 'eventTime')));
    expect(running.status.id).toBe('IN_PROGRESS');
    expect(running['job-execution-result']).toBeUndefined();
  });

  it('GET /jobs/:jobid/exceptions: the flaky job failed and restarted', async () => {
    const id = jobId(sandbox, 'flaky');
    const exceptions = await eventually(
      'the flaky job to record an exception',
      () => requestOnce(jobExceptionsQueryOptions(id)),
      (e) => e.exceptionHistory.entries.length > 0,
      {
        timeoutMs: 120_000,
        intervalMs: 2000,
      },
    );
    const first = exceptions.exceptionHistory.entries[0];
    expect(first?.exceptionName).toBe('java.lang.IllegalStateException');
    expect(first?.stacktrace).toContain('Simulated failure');
    expect(first?.timestamp).toBeGreaterThan(0);
    const one = await requestOnce(jobExceptionsQueryOptions(id, { maxExceptions: 1 }));
    expect(one.exceptionHistory.entries.length).toBe(1);
    const filtered = await requestOnce(jobExceptionsQueryOptions(id, { failureLabels: { type: 'no-such-label' } }));
    expect(filtered.exceptionHistory.entries).toEqual([]);
  });

  it('the JobManager as one job sees it: config, environment, log URLs', async () => {
    const id = jobId(sandbox, 'eventTime');
    const config = await requestOnce(jobJobManagerConfigQueryOptions(id));
    expect(config.find((e) => e.key === 'rest.port')?.value).toBe(String(sandbox.port));
    const env = await requestOnce(jobJobManagerEnvironmentQueryOptions(id));
    expect(env.jvm.version).not.toBe('');
    expect(env.classpath.length).toBeGreaterThan(0);
    // Log URLs answer where a URL pattern exists; otherwise Flink answers 404.
    const jmUrl = await requestOnce(jobJobManagerLogUrlQueryOptions(id)).catch((e: unknown) => e);
    const tmUrl = await requestOnce(jobTaskManagerLogUrlQueryOptions(id, taskManagerIds[0] ?? '')).catch(
      (e: unknown) => e,
    );
    for (const answer of [jmUrl, tmUrl]) {
      if (answer instanceof FlinkApiError) expect(answer.kind).toBe('not-found');
      else expect((answer as { url: string }).url).toMatch(/^https?:\/\//);
    }
  });

  it('PATCH /jobs/:jobid/clientHeartbeat is accepted', async () => {
    await expect(sendClientHeartbeat(jobId(sandbox, 'eventTime'), Date.now() + 60_000)).resolves.toBeUndefined();
  });

  it('POST /jobs without a serialized JobGraph: Flink says what is missing', async () => {
    const error = await expectApiError(submitJob({}), 'http');
    expect(error.status).toBe(400);
    expect(error.flinkMessage).toContain('jobGraphFileName');
    expect(userMessage(error)).toContain('jobGraphFileName');
  });

  it("an unknown job is a not-found error carrying Flink's message", async () => {
    const error = await expectApiError(requestOnce(jobDetailsQueryOptions(UNKNOWN_ID)), 'not-found');
    expect(error.status).toBe(404);
    expect(error.flinkMessage).toContain(`Job ${UNKNOWN_ID} not found`);
    expect(userMessage(error)).toContain('not found');
  });

  it('PATCH /jobs/:jobid/rescaling and its status: Flink refuses with its reason', async () => {
    const id = jobId(sandbox, 'eventTime');
    const error = await expectApiError(rescaleJob(id, 1, poll), 'http');
    expect(error.status).toBe(503);
    expect(error.flinkMessage).toContain('Rescaling is temporarily disabled');
    const status = await expectApiError(requestOnce(rescalingStatusQueryOptions(id, UNKNOWN_ID)), 'http');
    expect(status.flinkMessage).toContain('Rescaling is temporarily disabled');
    expect(status.isRetryable).toBe(true);
  });

  it("resource requirements: read and update, or the scheduler's refusal", async () => {
    const id = jobId(sandbox, 'eventTime');
    const requirements = {
      ...Object.fromEntries(
        eventTime.vertices.map((v) => [v.id, { parallelism: { lowerBound: 1, upperBound: v.parallelism } }]),
      ),
    };
    const read = await requestOnce(jobResourceRequirementsQueryOptions(id)).catch((e: unknown) => e);
    if (read instanceof FlinkApiError) {
      // The default scheduler cannot change parallelism without a restart and says so.
      expect(read.kind).toBe('http');
      expect(read.flinkMessage).toMatch(/does not support|not supported|AdaptiveScheduler/);
    } else {
      expect(Object.keys(read as object).sort()).toEqual(eventTime.vertices.map((v) => v.id).sort());
    }
    const update = await updateJobResourceRequirements(id, requirements).catch((e: unknown) => e);
    if (update instanceof FlinkApiError) {
      expect(update.kind).toBe('http');
      expect(update.flinkMessage).toMatch(/does not support|not supported|AdaptiveScheduler/);
    }
    const incomplete = await expectApiError(updateJobResourceRequirements(id, {}), 'http');
    expect(incomplete.status).toBe(400);
  });
});

describe('applications (Flink 2.3; absent before)', () => {
  const served = applicationsServed(sandbox.flinkVersion);

  it.runIf(served)('the list, one application with its job, exceptions, JobManager configuration', async () => {
    const appId = eventTime['application-id'] ?? '';
    // A job run through /jars/:jarid/run is an application of its own, with the job's id.
    expect(appId).toBe(eventTime.jid);
    const { applications } = await requestOnce(applicationsOverviewQueryOptions());
    const listed = applications.find((a) => a.id === appId);
    expect(listed?.name).toBe(`SingleJobApplication(${demoJob('eventTime').name})`);
    expect(listed?.status).toBe('RUNNING');
    expect(listed?.jobs).toEqual({ RUNNING: 1 });
    const finished = applications.find((a) => a.id === jobId(sandbox, 'bounded'));
    expect(finished?.status).toBe('FINISHED');
    expect(finished?.jobs).toEqual({ FINISHED: 1 });

    const details = await requestOnce(applicationDetailsQueryOptions(appId));
    expect(details.jobs.map((j) => [j.jid, j.name, j.state])).toEqual([[eventTime.jid, eventTime.name, 'RUNNING']]);
    expect(details.timestamps['RUNNING']).toBeGreaterThan(0);
    const exceptions = await requestOnce(applicationExceptionsQueryOptions(appId));
    expect(Array.isArray(exceptions.exceptionHistory.entries)).toBe(true);
    const config = await requestOnce(applicationJobManagerConfigQueryOptions(appId));
    expect(config.find((e) => e.key === 'rest.port')?.value).toBe(String(sandbox.port));
  });

  it.runIf(served)('an unknown application: Flink 2.3 answers 500 with FlinkApplicationNotFoundException', async () => {
    const error = await expectApiError(requestOnce(applicationDetailsQueryOptions(UNKNOWN_ID)), 'http');
    expect(error.status).toBe(500);
    expect(error.flinkMessage).toContain(`Could not find Flink application (${UNKNOWN_ID})`);
  });

  it.skipIf(served)('before 2.3: no applications, every application path is not found', async () => {
    expect(eventTime['application-id']).toBeUndefined();
    await expectApiError(requestOnce(applicationsOverviewQueryOptions()), 'not-found');
    await expectApiError(requestOnce(applicationDetailsQueryOptions(eventTime.jid)), 'not-found');
    await expectApiError(requestOnce(applicationExceptionsQueryOptions(eventTime.jid)), 'not-found');
    await expectApiError(requestOnce(applicationJobManagerConfigQueryOptions(eventTime.jid)), 'not-found');
    await expectApiError(cancelApplication(eventTime.jid), 'not-found');
  });
});

describe("rescales (Flink 2.3, on the sandbox's adaptive-scheduler cluster)", () => {
  const adaptive = sandbox.adaptive;
  const served = sandbox.flinkVersion.startsWith('2.');
  /** Runs `body` with the client pointed at the adaptive cluster, then points it back. */
  async function onAdaptive<T>(body: (jobId: string) => Promise<T>): Promise<T> {
    if (!adaptive) throw new Error('the sandbox runs no adaptive-scheduler cluster (SANDBOX_ADAPTIVE=0?)');
    const main = getApiSettings().baseUrl;
    configureApi({ baseUrl: `${adaptive.url}/` });
    try {
      return await body(adaptive.jobId);
    } finally {
      configureApi({ baseUrl: main });
    }
  }

  it.runIf(served)(
    'a rescale 1 -> 2 through resource requirements shows in overview, history, details, summary',
    async () => {
      await onAdaptive(async (id) => {
        const config = await requestOnce(jobRescalesConfigQueryOptions(id));
        expect(config).toBeTypeOf('object');
        const before = await requestOnce(jobRescalesOverviewQueryOptions(id));
        // The browser tests may have rescaled this job already: look for a rescale that is new.
        const seen = new Set((await requestOnce(jobRescalesHistoryQueryOptions(id))).map((r) => r.rescaleUuid));
        const isNew = (r: { rescaleUuid: string; triggerCause?: string | null; terminalState?: string | null }) =>
          !seen.has(r.rescaleUuid) && r.triggerCause === 'UPDATE_REQUIREMENT' && r.terminalState === 'COMPLETED';
        await rescaleWithRequirements(id, 2);
        const history = await eventually(
          'a new completed rescale in the history',
          () => requestOnce(jobRescalesHistoryQueryOptions(id)),
          (h) => h.some(isNew),
          { timeoutMs: 120_000 },
        );
        const rescale = history.find(isNew);
        const details = await requestOnce(jobRescaleDetailsQueryOptions(id, rescale?.rescaleUuid ?? ''));
        expect(details.rescaleUuid).toBe(rescale?.rescaleUuid);
        await eventually(
          'the overview to count the new rescale',
          () => requestOnce(jobRescalesOverviewQueryOptions(id)),
          (after) => JSON.stringify(after.rescalesCounts) !== JSON.stringify(before.rescalesCounts),
          { timeoutMs: 60_000 },
        );
        const summary = await requestOnce(jobRescalesSummaryQueryOptions(id));
        expect(summary).toBeTypeOf('object');
        // Back to parallelism 1, as the browser tests expect the sandbox.
        await rescaleWithRequirements(id, 1);
      });
    },
  );

  it.skipIf(served)('before 2.3: the adaptive cluster has no rescales endpoints', async () => {
    await onAdaptive(async (id) => {
      await expectApiError(requestOnce(jobRescalesConfigQueryOptions(id)), 'not-found');
    });
  });
});

describe('profiler (rest.profiling.enabled in the sandbox)', () => {
  // A short ITIMER run (works without perf events) on the JobManager and on a TaskManager; its
  // result file is read as text. Where async-profiler cannot run, the run ends FAILED with
  // Flink's reason, and the file endpoint is asked for a file that does not exist.
  async function profile(target: ProfilerTarget) {
    const list = () =>
      requestOnce(
        target.kind === 'jobmanager'
          ? jobManagerProfilingQueryOptions()
          : taskManagerProfilingQueryOptions(target.taskManagerId),
      );
    const readFile = (name: string) =>
      requestOnce(
        target.kind === 'jobmanager'
          ? jobManagerProfilingFileQueryOptions(name)
          : taskManagerProfilingFileQueryOptions(target.taskManagerId, name),
      );
    const before = (await list()).profilingList.length;
    const started = await startProfiling(target, { mode: 'ITIMER', duration: 2 });
    expect(started.status).toBe('RUNNING');
    expect(started.mode).toBe('ITIMER');
    const settled = await eventually(
      'the profiling run to end',
      list,
      (l) => l.profilingList.length > before && isProfilingSettled(l),
      { timeoutMs: 60_000 },
    );
    const run = settled.profilingList.find((r) => r.triggerTime === started.triggerTime);
    expect(run?.status).toMatch(/FINISHED|FAILED/);
    if (run?.status === 'FINISHED' && run.outputFile) {
      const html = await readFile(run.outputFile);
      expect(html.length).toBeGreaterThan(100);
      return `FINISHED (${run.outputFile}, ${html.length} characters)`;
    }
    const missing = await readFile('no-such-profile.html').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(FlinkApiError);
    return `FAILED: ${run?.message ?? ''}`;
  }

  it('JobManager: list, start a run, read its result', async () => {
    console.info(`[contract] JobManager profiling: ${await profile({ kind: 'jobmanager' })}`);
  });

  it('TaskManager: list, start a run, read its result', async () => {
    const taskManagerId = taskManagerIds[0] ?? '';
    console.info(`[contract] TaskManager profiling: ${await profile({ kind: 'taskmanager', taskManagerId })}`);
  });
});

describe('metrics', () => {
  it('JobManager, TaskManagers, jobs, one job', async () => {
    const jmIds = await requestOnce(jobManagerMetricsQueryOptions());
    expect(jmIds.map((m) => m.id)).toContain('Status.JVM.Memory.Heap.Used');
    const jm = await requestOnce(
      jobManagerMetricsQueryOptions({ get: ['Status.JVM.Memory.Heap.Used', 'numRegisteredTaskManagers'] }),
    );
    expect(Number(metricValue(jm, 'Status.JVM.Memory.Heap.Used'))).toBeGreaterThan(0);
    expect(metricValue(jm, 'numRegisteredTaskManagers')).toBe('2');

    const tms = await requestOnce(
      taskManagersMetricsQueryOptions({
        get: ['Status.JVM.Memory.Heap.Used'],
        agg: ['min', 'max', 'sum'],
        taskmanagers: taskManagerIds,
      }),
    );
    expect(tms[0]?.id).toBe('Status.JVM.Memory.Heap.Used');
    expect(tms[0]?.sum).toBeGreaterThan(0);
    const tm = await requestOnce(
      taskManagerMetricsQueryOptions(taskManagerIds[0] ?? '', { get: ['Status.JVM.CPU.Load'] }),
    );
    expect(tm[0]?.id).toBe('Status.JVM.CPU.Load');

    const id = jobId(sandbox, 'eventTime');
    const jobs = await requestOnce(jobsMetricsQueryOptions({ get: ['numRestarts'], agg: ['max'], jobs: [id] }));
    expect(jobs[0]?.max).toBe(0);
    const job = await requestOnce(jobMetricsQueryOptions(id, { get: ['uptime', 'numRestarts'] }));
    expect(Number(metricValue(job, 'uptime'))).toBeGreaterThan(0);
    expect(metricValue(job, 'numRestarts')).toBe('0');
  });

  it('a vertex, its subtasks (aggregated over a subtask range), one subtask, JM operator', async () => {
    const id = jobId(sandbox, 'eventTime');
    const source = vertexNamed(eventTime, /^Source/);
    const ids = await requestOnce(vertexMetricsQueryOptions(id, source.id));
    expect(ids.map((m) => m.id)).toContain('0.numRecordsOut');
    const values = await requestOnce(vertexMetricsQueryOptions(id, source.id, { get: ['0.numRecordsOut'] }));
    expect(Number(metricValue(values, '0.numRecordsOut'))).toBeGreaterThan(0);
    const agg = await requestOnce(
      subtasksMetricsQueryOptions(id, source.id, {
        get: ['numRecordsOut'],
        agg: ['min', 'max', 'sum', 'avg', 'skew'],
        subtasks: subtaskRanges([0, 1]),
      }),
    );
    expect(agg[0]?.id).toBe('numRecordsOut');
    expect(agg[0]?.sum).toBeGreaterThan(0);
    const one = await requestOnce(subtaskMetricsQueryOptions(id, source.id, 1, { get: ['numRecordsOut'] }));
    expect(Number(metricValue(one, 'numRecordsOut'))).toBeGreaterThan(0);
    const jm = await requestOnce(jmOperatorMetricsQueryOptions(id, source.id));
    expect(Array.isArray(jm)).toBe(true);
  });
});

describe('vertices', () => {
  it('details, subtasks, attempts, times, TaskManagers, accumulators', async () => {
    const id = jobId(sandbox, 'eventTime');
    const source = vertexNamed(eventTime, /^Source/);
    const details = await requestOnce(vertexDetailsQueryOptions(id, source.id));
    expect(details.parallelism).toBe(2);
    expect(details.subtasks.map((s) => s.subtask)).toEqual([0, 1]);
    const sub = details.subtasks[1];
    expect(sub?.status).toBe('RUNNING');
    expect(taskManagerIds).toContain(sub?.['taskmanager-id']);

    const current = await requestOnce(subtaskDetailsQueryOptions(id, source.id, 1));
    expect(current.subtask).toBe(1);
    const attempt = await requestOnce(subtaskAttemptQueryOptions(id, source.id, 1, current.attempt));
    expect(attempt.attempt).toBe(current.attempt);
    expect(attempt.metrics['write-records']).toBeGreaterThan(0);
    const attemptAcc = await requestOnce(subtaskAttemptAccumulatorsQueryOptions(id, source.id, 1, current.attempt));
    expect(attemptAcc.subtask).toBe(1);

    const times = await requestOnce(subtaskTimesQueryOptions(id, source.id));
    expect(times.subtasks).toHaveLength(2);
    expect(times.subtasks[0]?.timestamps.RUNNING).toBeGreaterThan(0);
    const tms = await requestOnce(vertexTaskManagersQueryOptions(id, source.id));
    expect(tms.taskmanagers.length).toBeGreaterThan(0);
    expect(tms.taskmanagers.every((t) => taskManagerIds.includes(t['taskmanager-id']))).toBe(true);
    const acc = await requestOnce(vertexAccumulatorsQueryOptions(id, source.id));
    expect(acc.id).toBe(source.id);
    const subAcc = await requestOnce(subtasksAccumulatorsQueryOptions(id, source.id));
    expect(subAcc.subtasks).toHaveLength(2);
  });

  it('watermarks of the event-time windows', async () => {
    const id = jobId(sandbox, 'eventTime');
    const window = vertexNamed(eventTime, /revenue/i);
    const marks = await eventually(
      'watermarks',
      () => requestOnce(watermarksQueryOptions(id, window.id)),
      (m) => [...watermarksBySubtask(m).values()].some((w) => w !== null),
    );
    expect([...watermarksBySubtask(marks).keys()].sort()).toEqual([0, 1]);
  });

  it("a vertex's low watermark: Flink's minimum over subtasks equals the lowest of /watermarks", async () => {
    // The job graph reads the aggregate (one small answer at any parallelism) instead of the list.
    const id = jobId(sandbox, 'eventTime');
    const window = vertexNamed(eventTime, /revenue/i);
    // Both are read from the JobManager's metric store, which a fetch may update between the two
    // requests: read them again until one pair was taken from the same state.
    const [aggregate, list] = await eventually(
      'the same low watermark from both',
      () =>
        Promise.all([
          requestOnce(lowWatermarkQueryOptions(id, window.id)),
          requestOnce(watermarksQueryOptions(id, window.id)),
        ]),
      ([a, l]) => {
        const values = [...watermarksBySubtask(l).values()];
        const known = values.filter((w): w is number => w !== null);
        return (
          known.length > 0 && known.length === values.length && lowWatermarkFromAggregates(a) === Math.min(...known)
        );
      },
    );
    expect(lowWatermarkFromAggregates(aggregate)).toBeGreaterThan(Date.UTC(2020, 0, 1));
    expect(aggregate).toHaveLength(1);
    expect(list.length).toBe(window.parallelism);
    // A source has no input watermark: no value in either answer.
    const source = vertexNamed(eventTime, /^Source/);
    expect(lowWatermarkFromAggregates(await requestOnce(lowWatermarkQueryOptions(id, source.id)))).toBeNull();
  });

  it("back pressure: the backpressured job's source reports high", async () => {
    const job = await requestOnce(jobDetailsQueryOptions(jobId(sandbox, 'backpressure')));
    const source = vertexNamed(job, /^Source/);
    const bp = await eventually(
      'back pressure high',
      () => requestOnce(backPressureQueryOptions(job.jid, source.id)),
      (b) => b.status === 'ok' && b.backpressureLevel === 'high',
      { timeoutMs: 120_000, intervalMs: 2000 },
    );
    if (bp.status !== 'ok') throw new Error('unreachable');
    expect(bp.subtasks.length).toBe(source.parallelism);
    expect(bp.subtasks[0]?.ratio).toBeGreaterThan(0.5);
    expect(bp['end-timestamp']).toBeGreaterThan(0);
  });

  it('flame graph: sampling, then samples', async () => {
    const id = jobId(sandbox, 'eventTime');
    const vertex = vertexNamed(eventTime, /running count/i);
    const graph = await eventually(
      'a flame graph sample',
      () => requestOnce(flameGraphQueryOptions(id, vertex.id, { type: 'FULL' })),
      (g) => flameGraphState(g) === 'ready',
      { timeoutMs: 120_000, intervalMs: 1000 },
    );
    expect(graph.endTimestamp).toBeGreaterThan(0);
    expect(graph.data?.value).toBeGreaterThan(0);
    expect(graph.data?.children.length).toBeGreaterThan(0);
    const oneSubtask = await eventually(
      'an on-CPU flame graph of subtask 0',
      () => requestOnce(flameGraphQueryOptions(id, vertex.id, { type: 'ON_CPU', subtaskIndex: 0 })),
      (g) => flameGraphState(g) !== 'waiting',
      { timeoutMs: 120_000, intervalMs: 1000 },
    );
    expect(['ready', 'terminated']).toContain(flameGraphState(oneSubtask));
  });
});

describe('checkpoints', () => {
  it('statistics: completed checkpoints of the event-time job, failed ones of the failing job', async () => {
    const stats = await requestOnce(checkpointingStatisticsQueryOptions(jobId(sandbox, 'eventTime')));
    expect(stats.counts.completed).toBeGreaterThan(0);
    expect(stats.latest.completed?.className).toBe('completed');
    expect(stats.history.length).toBeGreaterThan(0);
    const failing = await eventually(
      'a failed checkpoint',
      () => requestOnce(checkpointingStatisticsQueryOptions(jobId(sandbox, 'failingCheckpoints'))),
      (s) => s.counts.failed > 0 && s.history.some((c) => c.className === 'failed'),
      { timeoutMs: 120_000, intervalMs: 2000 },
    );
    const failed = failing.history.find((c) => c.className === 'failed');
    expect(failed?.status).toBe('FAILED');
    if (failed?.className === 'failed') expect(failed.failure_timestamp).toBeGreaterThan(0);
    expect(failing.latest.failed?.status).toBe('FAILED');
  });

  it('configuration', async () => {
    const config = await requestOnce(checkpointConfigQueryOptions(jobId(sandbox, 'eventTime')));
    expect(config.interval).toBe(5000);
    expect(config.mode.toLowerCase()).toBe('exactly_once');
  });

  it('trigger a checkpoint, follow its trigger id, read its details and a vertex in it', async () => {
    const id = jobId(sandbox, 'eventTime');
    const outcome = await checkpointNow(id, { checkpointType: 'FULL' }, poll);
    if (outcome.status !== 'completed') throw new Error(`checkpoint failed: ${outcome.failure.message}`);
    const checkpointId = outcome.result;
    expect(checkpointId).toBeGreaterThan(0);
    const status = await requestOnce(checkpointTriggerStatusQueryOptions(id, outcome.triggerId));
    expect(status.status.id).toBe('COMPLETED');
    expect(status.operation?.checkpointId).toBe(checkpointId);

    // The JobManager caches execution graphs (and their checkpoint statistics) for a few seconds.
    const details = await eventually(
      'the new checkpoint in the statistics',
      () => requestOnce(checkpointDetailsQueryOptions(id, checkpointId ?? -1)),
      () => true,
      {
        timeoutMs: 30_000,
      },
    );
    expect(details.id).toBe(checkpointId);
    expect(details.className).toBe('completed');
    expect(Object.keys(details.tasks).sort()).toEqual(eventTime.vertices.map((v) => v.id).sort());
    const source = vertexNamed(eventTime, /^Source/);
    const sub = await requestOnce(checkpointSubtasksQueryOptions(id, checkpointId ?? -1, source.id));
    expect(sub.subtasks).toHaveLength(2);
    expect(sub.subtasks.every((s) => s.className === 'completed')).toBe(true);
    expect(sub.summary.end_to_end_duration.max).toBeGreaterThanOrEqual(0);
    expect(sub.num_acknowledged_subtasks).toBe(2);

    const unknown = await expectApiError(requestOnce(checkpointTriggerStatusQueryOptions(id, UNKNOWN_ID)), 'not-found');
    expect(unknown.flinkMessage).toContain('There is no checkpoint operation');
    // A retried trigger with the same id is the same operation, not a second checkpoint. Its
    // status is read once more: Flink keeps unread operation results, and its shutdown
    // (DELETE /cluster) waits until every result was read (or rest.async.store-duration passed).
    expect(await triggerCheckpoint(id, { triggerId: outcome.triggerId })).toBe(outcome.triggerId);
    expect(
      (await requestOnce(checkpointTriggerStatusQueryOptions(id, outcome.triggerId))).operation?.checkpointId,
    ).toBe(checkpointId);
  });
});

describe('savepoints', () => {
  let location = '';

  it('a retried savepoint trigger (same trigger id) makes one savepoint', async () => {
    const id = jobId(sandbox, 'eventTime');
    const dir = path.join(sandbox.runDir, 'savepoints');
    const prefix = `savepoint-${id.slice(0, 6)}`;
    const before = existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(prefix)) : [];

    const triggerId = newTriggerId();
    expect(await triggerSavepoint(id, { triggerId })).toBe(triggerId);
    // The retry a flaky network would cause: same body, same trigger id.
    expect(await triggerSavepoint(id, { triggerId })).toBe(triggerId);
    const outcome = await savepointNow(id, { triggerId }, poll);
    if (outcome.status !== 'completed') throw new Error(`savepoint failed: ${outcome.failure.message}`);
    expect(outcome.triggerId).toBe(triggerId);
    location = outcome.result.location ?? '';
    expect(location).toContain(prefix);

    const status = await requestOnce(savepointStatusQueryOptions(id, triggerId));
    expect(status.operation?.location).toBe(location);
    const after = readdirSync(dir).filter((f) => f.startsWith(prefix));
    expect(after.filter((f) => !before.includes(f))).toEqual([path.basename(location)]);

    const unknown = await expectApiError(requestOnce(savepointStatusQueryOptions(id, UNKNOWN_ID)), 'not-found');
    expect(unknown.flinkMessage).toContain('There is no savepoint operation');
  });

  it('dispose of that savepoint', async () => {
    expect(location).not.toBe('');
    const outcome = await disposeSavepoint(location, poll);
    expect(outcome.status).toBe('completed');
    expect(existsSync(location.replace(/^file:/, ''))).toBe(false);
    const status = await requestOnce(savepointDisposalStatusQueryOptions(outcome.triggerId));
    expect(status.status.id).toBe('COMPLETED');
    const unknown = await expectApiError(requestOnce(savepointDisposalStatusQueryOptions(UNKNOWN_ID)), 'not-found');
    expect(unknown.flinkMessage).toContain('Operation not found');
    const missing = await disposeSavepoint('file:/nonexistent/savepoint-000000-000000000000', poll);
    expect(missing.status).toBe('failed');
    if (missing.status === 'failed') expect(missing.failure.message).toContain('Could not dispose savepoint');
  });
});

describe('jars and job lifecycle', () => {
  let jarId = '';
  const cancelMe = demoJob('cancelMe');

  it('GET /jars lists the sandbox jar', async () => {
    const jars = await requestOnce(jarsQueryOptions());
    const jar = jars.files.find((f) => f.id === sandbox.jarId);
    expect(jar?.name).toBe('demo-jobs.jar');
    expect(jars.address).toMatch(/^https?:\/\//);
  });

  it('POST /jars/upload the demo jar', async () => {
    expect(sandbox.demoJar, 'the demo jar was built').not.toBe('');
    const upload = await uploadJar(
      new Blob([readFileSync(sandbox.demoJar)], { type: 'application/x-java-archive' }),
      'contract-demo-jobs.jar',
    );
    expect(upload.status).toBe('success');
    jarId = jarIdOf(upload);
    expect(jarId).toMatch(/_contract-demo-jobs\.jar$/);
    expect((await requestOnce(jarsQueryOptions())).files.map((f) => f.id)).toContain(jarId);
  });

  it('POST /jars/:jarid/plan (body and query parameters)', async () => {
    const { plan } = await requestOnce(
      jarPlanQueryOptions(jarId, { entryClass: demoJob('eventTime').entryClass, parallelism: 1 }),
    );
    expect(plan.name).toBe(demoJob('eventTime').name);
    expect(plan.nodes.length).toBeGreaterThanOrEqual(3);
    const byQuery = await requestOnce(
      jarPlanQueryOptions(
        jarId,
        {},
        { 'entry-class': cancelMe.entryClass, parallelism: 1, programArg: ['--rate', '2'] },
      ),
    );
    expect(byQuery.plan.name).toBe(cancelMe.name);
  });

  async function runFresh(): Promise<string> {
    const { jobid } = await runJar(jarId, { entryClass: cancelMe.entryClass, programArgsList: ['--rate', '5'] });
    await eventually(
      'the fresh job to run',
      () => requestOnce(jobDetailsQueryOptions(jobid)),
      (j) => j.state === 'RUNNING' && j.vertices.every((v) => v.status === 'RUNNING'),
    );
    return jobid;
  }

  it('POST /jars/:jarid/run, then stop it with a savepoint', async () => {
    const id = await runFresh();
    const outcome = await stopWithSavepoint(id, { drain: false }, poll);
    if (outcome.status !== 'completed') throw new Error(`stop failed: ${outcome.failure.message}`);
    expect(outcome.result.location).toMatch(/savepoint-/);
    const final = await eventually(
      'the stopped job to finish',
      () => requestOnce(jobStatusQueryOptions(id)),
      (s) => s.status === 'FINISHED',
    );
    expect(final.status).toBe('FINISHED');
    const stopStatus = await requestOnce(savepointStatusQueryOptions(id, outcome.triggerId));
    expect(stopStatus.operation?.location).toBe(outcome.result.location);
    await disposeSavepoint(outcome.result.location ?? '', poll);
  });

  it('run another, then cancel it', async () => {
    const id = await runFresh();
    await cancelJob(id);
    const final = await eventually(
      'the canceled job',
      () => requestOnce(jobStatusQueryOptions(id)),
      (s) => s.status === 'CANCELED',
    );
    expect(final.status).toBe('CANCELED');
  });

  it('POST /jars/:jarid/run-application (2.3), then cancel the application', async () => {
    if (!applicationsServed(sandbox.flinkVersion)) {
      const refused = await expectApiError(
        runJarAsApplication(jarId, { entryClass: cancelMe.entryClass }),
        'not-found',
      );
      expect(refused.flinkMessage).toContain('run-application');
      return;
    }
    const { applicationid } = await runJarAsApplication(jarId, {
      entryClass: cancelMe.entryClass,
      programArgsList: ['--rate', '5'],
    });
    const running = await eventually(
      'the application and its job to run',
      () => requestOnce(applicationDetailsQueryOptions(applicationid)),
      (a) => a.status === 'RUNNING' && a.jobs.length === 1 && a.jobs[0]?.state === 'RUNNING',
    );
    expect(running.name).toBe(cancelMe.entryClass);
    const job = running.jobs[0]?.jid ?? '';
    // The job names the application it belongs to; its id is its own.
    expect((await requestOnce(jobDetailsQueryOptions(job)))['application-id']).toBe(applicationid);
    expect(job).not.toBe(applicationid);

    await cancelApplication(applicationid);
    const canceled = await eventually(
      'the canceled application',
      () => requestOnce(applicationDetailsQueryOptions(applicationid)),
      (a) => a.status === 'CANCELED',
    );
    expect(canceled.jobs.map((j) => j.state)).toEqual(['CANCELED']);
    expect(canceled.timestamps['CANCELING']).toBeGreaterThan(0);
    // Cancelling it again: Flink no longer knows it as cancellable.
    const again = await expectApiError(cancelApplication(applicationid), 'not-found');
    expect(again.flinkMessages.join('\n')).toContain('Application could not be found');
  });

  it('DELETE /jars/:jarid', async () => {
    await deleteJar(jarId);
    expect((await requestOnce(jarsQueryOptions())).files.map((f) => f.id)).not.toContain(jarId);
    const again = await expectApiError(deleteJar(jarId), 'http');
    expect(again.flinkMessage).toContain(jarId);
  });
});

describe('datasets', () => {
  it('list, delete an unknown one and follow the trigger', async () => {
    const { dataSets } = await requestOnce(dataSetsQueryOptions());
    expect(Array.isArray(dataSets)).toBe(true);
    const outcome = await deleteDataSet(UNKNOWN_ID, poll).catch((e: unknown) => e);
    if (outcome instanceof FlinkApiError) {
      expect(outcome.flinkMessages.length).toBeGreaterThan(0);
    } else {
      // Flink treats deleting an unknown data set as done (nothing to delete).
      expect((outcome as { status: string }).status).toMatch(/completed|failed/);
    }
    const unknown = await expectApiError(requestOnce(dataSetDeletionStatusQueryOptions(UNKNOWN_ID)), 'not-found');
    expect(unknown.flinkMessage).toContain('Operation not found');
  });
});

describe('jobmanager and taskmanagers', () => {
  it('JobManager config, environment, logs list, thread dump', async () => {
    const config = await requestOnce(jobManagerConfigQueryOptions());
    expect(config.find((e) => e.key === 'rest.port')?.value).toBe(String(sandbox.port));
    const env = await requestOnce(jobManagerEnvironmentQueryOptions());
    expect(env.jvm.version).toMatch(/\d/);
    const logs = await requestOnce(jobManagerLogsQueryOptions());
    expect(logs.logs.map((l) => l.name)).toContain('jobmanager.log');
    const dump = await requestOnce(jobManagerThreadDumpQueryOptions());
    expect(dump.threadInfos.length).toBeGreaterThan(10);
  });

  it('TaskManagers: list, details, logs list, thread dump', async () => {
    const { taskmanagers } = await requestOnce(taskManagersQueryOptions());
    expect(taskmanagers).toHaveLength(2);
    expect(taskmanagers.reduce((n, tm) => n + tm.slotsNumber, 0)).toBe(12);
    const id = taskmanagers[0]?.id ?? '';
    const details = await requestOnce(taskManagerDetailsQueryOptions(id));
    expect(details.id).toBe(id);
    expect(details.metrics.heapUsed).toBeGreaterThan(0);
    expect(details.metrics.garbageCollectors.length).toBeGreaterThan(0);
    const logs = await requestOnce(taskManagerLogsQueryOptions(id));
    expect(logs.logs.some((l) => l.name.endsWith('.log'))).toBe(true);
    const dump = await requestOnce(taskManagerThreadDumpQueryOptions(id));
    expect(dump.threadInfos.length).toBeGreaterThan(10);
  });

  it('log files as text: main log, stdout, a named file', async () => {
    const jmLog = await requestOnce(jobManagerLogFileQueryOptions({ kind: 'log' }));
    expect(jmLog).toContain('StandaloneSessionClusterEntrypoint');
    expect(typeof (await requestOnce(jobManagerLogFileQueryOptions({ kind: 'stdout' })))).toBe('string');
    const jmFiles = await requestOnce(jobManagerLogsQueryOptions());
    const jmNamed = jmFiles.logs.find((l) => l.name.endsWith('.log'))?.name ?? '';
    expect(await requestOnce(jobManagerLogFileQueryOptions({ kind: 'file', name: jmNamed }))).toContain(
      'StandaloneSessionClusterEntrypoint',
    );

    const tm = taskManagerIds[0] ?? '';
    expect(await requestOnce(taskManagerLogFileQueryOptions(tm, { kind: 'log' }))).toContain('TaskManagerRunner');
    expect(typeof (await requestOnce(taskManagerLogFileQueryOptions(tm, { kind: 'stdout' })))).toBe('string');
    const tmFiles = await requestOnce(taskManagerLogsQueryOptions(tm));
    const tmNamed = tmFiles.logs.find((l) => l.name.endsWith('.log'))?.name ?? '';
    expect(await requestOnce(taskManagerLogFileQueryOptions(tm, { kind: 'file', name: tmNamed }))).toContain(
      'TaskManagerRunner',
    );
    expect(FILE_ENDPOINT_NAMES).toHaveLength(6);
  });
});
