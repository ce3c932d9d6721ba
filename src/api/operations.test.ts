import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkpointNow } from './checkpoints';
import { FlinkApiError } from './errors';
import { describeFailure, runAsyncOperation } from './operations';
import type { AsyncOperationStatus } from './schemas';
import { savepointNow, stopWithSavepoint } from './savepoints';
import { configureApi, resetApiSettings } from './settings';
import { fixture, responseFrom, stubFetch } from './test-utils';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const TRIGGER = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const inProgress: AsyncOperationStatus = { status: { id: 'IN_PROGRESS' } };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=UTF-8' } });
}

beforeEach(() => {
  vi.useFakeTimers();
  configureApi({ baseUrl: 'http://127.0.0.1:8081/', timeoutMs: 0 });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  resetApiSettings();
});

describe('runAsyncOperation', () => {
  it('triggers once, polls at the interval until COMPLETED, returns the result', async () => {
    const trigger = vi.fn(() => Promise.resolve(TRIGGER));
    const answers: AsyncOperationStatus[] = [
      inProgress,
      inProgress,
      { status: { id: 'COMPLETED' }, operation: { location: 'file:/sp/savepoint-1' } },
    ];
    const status = vi.fn(() => Promise.resolve(answers.shift() ?? inProgress));
    const onTriggered = vi.fn();
    const done = runAsyncOperation({
      trigger,
      status,
      result: (op) => op?.location,
      pollIntervalMs: 1000,
      deadlineMs: 60_000,
      onTriggered,
    });

    await vi.advanceTimersByTimeAsync(0);
    expect(trigger).toHaveBeenCalledTimes(1);
    expect(onTriggered).toHaveBeenCalledWith(TRIGGER);
    expect(status).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(status).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(status).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(done).resolves.toEqual({ status: 'completed', triggerId: TRIGGER, result: 'file:/sp/savepoint-1' });
    expect(status).toHaveBeenCalledTimes(3);
    expect(status).toHaveBeenCalledWith(TRIGGER, undefined, { baseUrl: 'http://127.0.0.1:8081/', versionPrefix: '' });
  });

  it('returns the failure cause as a value (recorded disposal failure)', async () => {
    const recorded = fixture('flink-2.3.0/operation-disposal-failed').json as AsyncOperationStatus;
    const outcome = await runAsyncOperation({
      trigger: () => Promise.resolve(TRIGGER),
      status: () => Promise.resolve(recorded),
      result: () => null,
    });
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.failure.className).toBe('org.apache.flink.util.FlinkException');
    expect(outcome.failure.message).toBe(
      "Could not dispose savepoint file:/nonexistent/savepoint-000000-000000000000. (Cannot find checkpoint or savepoint file/directory 'file:/nonexistent/savepoint-000000-000000000000' on file system 'file'.)",
    );
    expect(outcome.failure.stackTrace).toContain('at org.apache.flink.runtime.dispatcher.Dispatcher');
  });

  it('reads the checkpoint flavour of the failure (`failureCause`) too', () => {
    expect(
      describeFailure({
        class: 'x.Y',
        'stack-trace':
          'org.apache.flink.runtime.checkpoint.CheckpointException: Checkpoint expired before completing.\n\tat a',
      }).message,
    ).toBe('Checkpoint expired before completing.');
  });

  it('gives up at the deadline with a timeout error naming the trigger id', async () => {
    const status = vi.fn(() => Promise.resolve(inProgress));
    const done = runAsyncOperation({
      name: 'savepoint',
      trigger: () => Promise.resolve(TRIGGER),
      status,
      result: () => null,
      pollIntervalMs: 1000,
      deadlineMs: 10_000,
    });
    const settled = done.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    const error = await settled;
    expect(error).toBeInstanceOf(FlinkApiError);
    expect((error as FlinkApiError).kind).toBe('timeout');
    expect((error as FlinkApiError).message).toContain(TRIGGER);
    expect(status.mock.calls.length).toBeGreaterThanOrEqual(9);
    expect(status.mock.calls.length).toBeLessThanOrEqual(11);
  });

  it('keeps polling through transient errors, stops on others', async () => {
    const network = new FlinkApiError({ kind: 'network', endpoint: 'GET /x' });
    const answers: (AsyncOperationStatus | FlinkApiError)[] = [network, { status: { id: 'COMPLETED' }, operation: {} }];
    const done = runAsyncOperation({
      trigger: () => Promise.resolve(TRIGGER),
      status: () => {
        const next = answers.shift();
        return next instanceof FlinkApiError ? Promise.reject(next) : Promise.resolve(next ?? inProgress);
      },
      result: () => 'ok',
      pollIntervalMs: 500,
    });
    await vi.advanceTimersByTimeAsync(500);
    await expect(done).resolves.toMatchObject({ status: 'completed', result: 'ok' });

    const notFound = new FlinkApiError({ kind: 'not-found', endpoint: 'GET /x', status: 404 });
    await expect(
      runAsyncOperation({
        trigger: () => Promise.resolve(TRIGGER),
        status: () => Promise.reject(notFound),
        result: () => null,
      }),
    ).rejects.toBe(notFound);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const done = runAsyncOperation({
      trigger: () => Promise.resolve(TRIGGER),
      status: () => Promise.resolve(inProgress),
      result: () => null,
      signal: controller.signal,
      pollIntervalMs: 1000,
    });
    const settled = done.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1500);
    controller.abort();
    const error = await settled;
    expect((error as FlinkApiError).kind).toBe('aborted');
  });
});

describe('savepoints through the client', () => {
  it('sends its own trigger id, and a retried trigger reuses it (one savepoint)', async () => {
    const bodies: { triggerId: string; 'cancel-job': boolean }[] = [];
    let posts = 0;
    const fetchMock = stubFetch((url, init) => {
      if (init.method === 'POST') {
        posts++;
        const body = JSON.parse(init.body as string) as { triggerId: string; 'cancel-job': boolean };
        bodies.push(body);
        // The first POST never got an answer through (a dropped connection).
        if (posts === 1) throw new TypeError('fetch failed');
        return json({ 'request-id': body.triggerId }, 202);
      }
      expect(url).toMatch(new RegExp(`/jobs/${JOB}/savepoints/[0-9a-f]{32}$`));
      return json({ status: { id: 'COMPLETED' }, operation: { location: 'file:/sp/savepoint-52b555-abc' } });
    });
    const done = savepointNow(JOB, {}, { pollIntervalMs: 200 });
    await vi.advanceTimersByTimeAsync(200);
    const outcome = await done;
    expect(outcome).toMatchObject({ status: 'completed', result: { location: 'file:/sp/savepoint-52b555-abc' } });
    expect(bodies).toHaveLength(2);
    expect(bodies[0]?.triggerId).toMatch(/^[0-9a-f]{32}$/);
    expect(bodies[1]?.triggerId).toBe(bodies[0]?.triggerId);
    expect(bodies[0]?.['cancel-job']).toBe(false);
    expect(outcome.triggerId).toBe(bodies[0]?.triggerId);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('stop-with-savepoint posts to /stop with drain and its trigger id, polls the savepoint status', async () => {
    const urls: string[] = [];
    stubFetch((url, init) => {
      urls.push(`${init.method} ${url}`);
      if (init.method === 'POST') {
        const body = JSON.parse(init.body as string) as { triggerId: string; drain: boolean };
        expect(body.drain).toBe(true);
        expect(body.triggerId).toBe(TRIGGER);
        return json({ 'request-id': TRIGGER }, 202);
      }
      return json({ status: { id: 'COMPLETED' }, operation: { location: 'file:/sp/x' } });
    });
    const outcome = await stopWithSavepoint(JOB, { drain: true, triggerId: TRIGGER });
    expect(outcome).toEqual({ status: 'completed', triggerId: TRIGGER, result: { location: 'file:/sp/x' } });
    expect(urls).toEqual([
      `POST http://127.0.0.1:8081/jobs/${JOB}/stop`,
      `GET http://127.0.0.1:8081/jobs/${JOB}/savepoints/${TRIGGER}`,
    ]);
  });

  it('asks for the status on the cluster the operation started on, after a switch to another (fleet)', async () => {
    const urls: string[] = [];
    stubFetch((url, init) => {
      urls.push(`${init.method} ${url}`);
      if (init.method === 'POST') return json({ 'request-id': TRIGGER }, 202);
      return json(
        urls.length < 3 ? inProgress : { status: { id: 'COMPLETED' }, operation: { location: 'file:/sp/y' } },
      );
    });
    configureApi({ baseUrl: 'http://127.0.0.1:8081/api/prod/', versionPrefix: 'v1' });
    const done = stopWithSavepoint(JOB, { drain: false, triggerId: TRIGGER }, { pollIntervalMs: 200 });
    await vi.advanceTimersByTimeAsync(0);
    // The user opens another cluster while the savepoint is being written.
    configureApi({ baseUrl: 'http://127.0.0.1:8081/api/staging/', versionPrefix: '' });
    await vi.advanceTimersByTimeAsync(200);
    await expect(done).resolves.toMatchObject({ status: 'completed', result: { location: 'file:/sp/y' } });
    expect(urls).toEqual([
      `POST http://127.0.0.1:8081/api/prod/v1/jobs/${JOB}/stop`,
      `GET http://127.0.0.1:8081/api/prod/v1/jobs/${JOB}/savepoints/${TRIGGER}`,
      `GET http://127.0.0.1:8081/api/prod/v1/jobs/${JOB}/savepoints/${TRIGGER}`,
    ]);
  });

  it('a checkpoint answers with its id', async () => {
    stubFetch((_url, init) =>
      init.method === 'POST'
        ? json({ 'request-id': TRIGGER }, 202)
        : json({ status: { id: 'COMPLETED' }, operation: { checkpointId: 61 } }),
    );
    await expect(checkpointNow(JOB)).resolves.toEqual({ status: 'completed', triggerId: TRIGGER, result: 61 });
  });

  it('a failed status request surfaces as the typed error', async () => {
    stubFetch((_url, init) =>
      init.method === 'POST'
        ? json({ 'request-id': TRIGGER }, 202)
        : responseFrom(fixture('flink-2.3.0/error-savepoint-trigger-unknown')),
    );
    const error = await savepointNow(JOB, { triggerId: TRIGGER }).catch((e: unknown) => e);
    expect((error as FlinkApiError).kind).toBe('not-found');
    expect((error as FlinkApiError).flinkMessage).toContain('There is no savepoint operation');
  });
});
