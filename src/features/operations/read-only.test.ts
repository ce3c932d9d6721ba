import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointNow } from '../../api/checkpoints';
import { shutdownCluster } from '../../api/cluster';
import { deleteDataSet } from '../../api/datasets';
import { requestOnce } from '../../api/endpoint-query';
import { FlinkApiError } from '../../api/errors';
import { deleteJar, jarsQueryOptions, runJar, uploadJar } from '../../api/jars';
import { rescaleJob, updateJobResourceRequirements } from '../../api/job-scaling';
import { cancelJob } from '../../api/jobs';
import { disposeSavepoint, savepointNow, stopWithSavepoint } from '../../api/savepoints';
import { configureApi } from '../../api/settings';
import { stubFetch } from '../../api/test-utils';
import { resetOperationsStore, trackOperation } from './operations-store';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const JAR = 'c423c713-fc12-4957-9c01-09a826f9dd6b_demo-jobs.jar';

// The client itself refuses every verb but GET in read-only mode, before any network access: a
// control that slipped through the UI still cannot change the cluster.
const actions: [string, () => Promise<unknown>][] = [
  ['cancel', () => cancelJob(JOB)],
  ['savepoint', () => savepointNow(JOB, { formatType: 'CANONICAL' }, { pollIntervalMs: 1 })],
  ['stop with savepoint', () => stopWithSavepoint(JOB, { drain: true }, { pollIntervalMs: 1 })],
  ['checkpoint', () => checkpointNow(JOB, { checkpointType: 'FULL' }, { pollIntervalMs: 1 })],
  ['rescale', () => rescaleJob(JOB, 2, { pollIntervalMs: 1 })],
  [
    'resource requirements',
    () => updateJobResourceRequirements(JOB, { v: { parallelism: { lowerBound: 1, upperBound: 2 } } }),
  ],
  ['upload jar', () => uploadJar(new Blob(['PK']), 'demo-jobs.jar')],
  ['run jar', () => runJar(JAR, { entryClass: 'dev.flinkdashboard.demo.CancelMeJob' })],
  ['delete jar', () => deleteJar(JAR)],
  ['delete data set', () => deleteDataSet('0123456789abcdef0123456789abcdef', { pollIntervalMs: 1 })],
  [
    'dispose savepoint',
    () => disposeSavepoint('file:/savepoints/savepoint-1a2b3c-0123456789ab', { pollIntervalMs: 1 }),
  ],
  ['shut down cluster', () => shutdownCluster()],
];

let fetchMock: ReturnType<typeof stubFetch>;

beforeEach(() => {
  configureApi({ baseUrl: 'http://127.0.0.1:8081/', readOnly: true });
  fetchMock = stubFetch(
    () =>
      new Response('{"files":[],"address":"http://127.0.0.1:8081"}', {
        headers: { 'content-type': 'application/json' },
      }),
  );
});

afterEach(() => {
  resetOperationsStore();
});

describe('read-only mode', () => {
  it.each(actions)('refuses to %s without touching the network', async (_name, act) => {
    const error = await act().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FlinkApiError);
    expect((error as FlinkApiError).kind).toBe('read-only');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('still reads: GET goes through', async () => {
    await expect(requestOnce(jarsQueryOptions())).resolves.toMatchObject({ files: [] });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('an operation tracked anyway ends as a failure that says why', async () => {
    const outcome = await trackOperation({ kind: 'cancel', jobId: JOB }, async () => {
      await cancelJob(JOB);
      return { ok: true };
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.message).toMatch(/read-only mode/);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
