import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlinkApiError } from '../../api/errors';
import {
  bound,
  getOperations,
  markOperationsSeen,
  MAX_OPERATIONS,
  resetOperationsStore,
  subscribeOperations,
  trackOperation,
  unseenFailures,
  type OperationRecord,
  type TrackedOutcome,
} from './operations-store';

/** A run the test settles by hand. */
function deferred() {
  let resolve!: (outcome: TrackedOutcome) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<TrackedOutcome>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

afterEach(() => resetOperationsStore());

describe('the operations store', () => {
  it('adds an operation as running, newest first, and tells subscribers', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeOperations(listener);
    void trackOperation(
      { kind: 'savepoint', jobId: 'a'.repeat(32), subject: 'Demo: event-time orders', triggerId: 'b'.repeat(32) },
      () => deferred().promise,
      () => 1000,
    );
    void trackOperation(
      { kind: 'checkpoint', jobId: 'a'.repeat(32) },
      () => deferred().promise,
      () => 2000,
    );
    const { records } = getOperations();
    expect(records.map((r) => r.kind)).toEqual(['checkpoint', 'savepoint']);
    expect(records[1]).toMatchObject({
      state: 'running',
      startedAt: 1000,
      subject: 'Demo: event-time orders',
      triggerId: 'b'.repeat(32),
    });
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('follows an operation: notes and progress while it runs, then how it ended', async () => {
    const run = deferred();
    let ctx: Parameters<Parameters<typeof trackOperation>[1]>[0] | undefined;
    const settled = trackOperation(
      { kind: 'jar-upload', subject: 'demo-jobs.jar' },
      (c) => {
        ctx = c;
        return run.promise;
      },
      () => 5000,
    );
    ctx?.note('Uploading 37 KiB…');
    ctx?.progress(0.5);
    expect(getOperations().records[0]).toMatchObject({ state: 'running', note: 'Uploading 37 KiB…', progress: 0.5 });
    ctx?.progress(7);
    expect(getOperations().records[0]?.progress).toBe(1);

    run.resolve({ ok: true, result: 'c423c713_demo-jobs.jar' });
    await expect(settled).resolves.toEqual({ ok: true, result: 'c423c713_demo-jobs.jar' });
    const record = getOperations().records[0];
    expect(record).toMatchObject({
      state: 'completed',
      settledAt: 5000,
      outcome: { ok: true, result: 'c423c713_demo-jobs.jar' },
    });
    expect(record?.note).toBeUndefined();
    expect(record?.progress).toBeUndefined();
  });

  it('keeps following after the component that started it is gone: the store owns the promise', async () => {
    const run = deferred();
    const settled = trackOperation({ kind: 'stop-with-savepoint', jobId: 'a'.repeat(32) }, () => run.promise);
    // Nothing subscribes any more (the page was left); the outcome is still recorded.
    run.resolve({ ok: true, result: 'file:/savepoints/savepoint-1a2b3c-0123456789ab', copyable: true });
    await settled;
    expect(getOperations().records[0]).toMatchObject({ state: 'completed', outcome: { copyable: true } });
  });

  it('records a job the operation created, for a link', async () => {
    await trackOperation({ kind: 'jar-run', subject: 'demo-jobs.jar' }, () =>
      Promise.resolve({ ok: true, result: 'f'.repeat(32), jobId: 'f'.repeat(32) }),
    );
    expect(getOperations().records[0]?.jobId).toBe('f'.repeat(32));
  });

  it('settles a thrown error as a failure a person can read; a 403 says it is not allowed here', async () => {
    const forbidden = new FlinkApiError({
      kind: 'forbidden',
      endpoint: 'PATCH /jobs/:jobid',
      status: 403,
      flinkMessages: [
        'org.apache.flink.runtime.rest.handler.RestHandlerException: Cancelling jobs is disabled.\n\tat org.apache.Foo(Foo.java:1)',
      ],
    });
    const outcome = await trackOperation({ kind: 'cancel', jobId: 'a'.repeat(32) }, () => Promise.reject(forbidden));
    expect(outcome).toEqual({
      ok: false,
      message: 'You are not allowed to do this here.',
      detail: 'Cancelling jobs is disabled.',
    });
    expect(JSON.stringify(getOperations().records[0])).not.toContain('Foo.java');
    expect(getOperations().records[0]?.state).toBe('failed');
  });

  it('settles a synchronous throw too, and never rejects', async () => {
    const outcome = await trackOperation({ kind: 'checkpoint' }, () => {
      throw new Error('boom');
    });
    expect(outcome.ok).toBe(false);
    expect(getOperations().records[0]?.state).toBe('failed');
  });

  it('is bounded: the oldest settled operations go first, running ones stay', async () => {
    const running = deferred();
    void trackOperation({ kind: 'savepoint' }, () => running.promise); // the oldest, and still running
    for (let i = 0; i < MAX_OPERATIONS + 10; i++) {
      await trackOperation({ kind: 'checkpoint', subject: `#${i}` }, () => Promise.resolve({ ok: true }));
    }
    const { records } = getOperations();
    expect(records).toHaveLength(MAX_OPERATIONS);
    expect(records.at(-1)?.kind).toBe('savepoint');
    expect(records[0]?.subject).toBe(`#${MAX_OPERATIONS + 9}`);
    expect(records.some((r) => r.subject === '#0')).toBe(false);
    // The running one is still followed to its end.
    running.resolve({ ok: true, result: 'file:/sp' });
    await running.promise;
    await Promise.resolve();
    expect(getOperations().records.at(-1)).toMatchObject({ kind: 'savepoint', state: 'completed' });
  });

  it('bound() drops nothing that still runs, even over the limit', () => {
    const running = (id: number): OperationRecord => ({ id, kind: 'savepoint', startedAt: id, state: 'running' });
    const list = [running(3), running(2), running(1)];
    expect(bound(list, 2)).toEqual(list);
  });

  it('counts failures not yet seen on the operations page', async () => {
    await trackOperation({ kind: 'checkpoint' }, () => Promise.resolve({ ok: false, message: 'declined' }));
    await trackOperation({ kind: 'checkpoint' }, () => Promise.resolve({ ok: true }));
    expect(unseenFailures()).toBe(1);
    markOperationsSeen();
    expect(unseenFailures()).toBe(0);
    await trackOperation({ kind: 'savepoint' }, () => Promise.resolve({ ok: false, message: 'no space' }));
    expect(unseenFailures()).toBe(1);
  });
});
