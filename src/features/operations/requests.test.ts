import { describe, expect, it } from 'vitest';
import { FlinkApiError } from '../../api/errors';
import { describeFailure } from '../../api/operations';
import { fixture } from '../../api/test-utils';
import { describeActionError, describeOperationFailure, NOT_ALLOWED } from './action-errors';
import {
  checkpointRequestFrom,
  draftFrom,
  parsePositiveInt,
  requirementsUpdateFrom,
  savepointRequestFrom,
  stopRequestFrom,
} from './requests';

const TRIGGER = '0123456789abcdef0123456789abcdef';

function recordedError(name: string, endpoint: string): FlinkApiError {
  const f = fixture(`flink-2.3.0/${name}`);
  const json = f.json as { errors: string[] };
  return new FlinkApiError({
    kind: f.status === 404 ? 'not-found' : 'http',
    endpoint,
    status: f.status,
    flinkMessages: json.errors,
  });
}

describe('requests from the forms', () => {
  it('savepoint: the client-chosen trigger id is always sent; an empty directory means the default', () => {
    expect(savepointRequestFrom({ targetDirectory: '  ', formatType: 'CANONICAL', cancelJob: false }, TRIGGER)).toEqual(
      {
        formatType: 'CANONICAL',
        cancelJob: false,
        triggerId: TRIGGER,
      },
    );
    expect(
      savepointRequestFrom({ targetDirectory: ' s3://bucket/sp ', formatType: 'NATIVE', cancelJob: true }, TRIGGER),
    ).toEqual({
      targetDirectory: 's3://bucket/sp',
      formatType: 'NATIVE',
      cancelJob: true,
      triggerId: TRIGGER,
    });
  });

  it('stop: drain and format as chosen, with the trigger id', () => {
    expect(stopRequestFrom({ targetDirectory: '', formatType: 'CANONICAL', drain: true }, TRIGGER)).toEqual({
      formatType: 'CANONICAL',
      drain: true,
      triggerId: TRIGGER,
    });
  });

  it('checkpoint: full or as configured, with the trigger id', () => {
    expect(checkpointRequestFrom('FULL', TRIGGER)).toEqual({ checkpointType: 'FULL', triggerId: TRIGGER });
  });

  it('parses whole positive numbers only', () => {
    expect(parsePositiveInt(' 4 ')).toBe(4);
    for (const bad of ['', '0', '-1', '1.5', '1e3', 'two']) expect(parsePositiveInt(bad)).toBeUndefined();
  });

  it('resource requirements: validated per vertex, sent in full', () => {
    const draft = draftFrom({
      a: { parallelism: { lowerBound: 1, upperBound: 4 } },
      b: { parallelism: { lowerBound: 2, upperBound: 2 } },
    });
    expect(draft).toEqual({ a: { lower: '1', upper: '4' }, b: { lower: '2', upper: '2' } });
    expect(requirementsUpdateFrom({ ...draft, b: { lower: '3', upper: '8' } })).toEqual({
      ok: true,
      update: {
        a: { parallelism: { lowerBound: 1, upperBound: 4 } },
        b: { parallelism: { lowerBound: 3, upperBound: 8 } },
      },
    });
    expect(requirementsUpdateFrom({ a: { lower: '5', upper: '4' } }, () => 'Source: orders')).toEqual({
      ok: false,
      problem: 'Source: orders: the lower bound is above the upper bound.',
    });
    expect(requirementsUpdateFrom({ a: { lower: '0', upper: '4' } })).toMatchObject({ ok: false });
  });
});

describe('describeActionError', () => {
  it("shows the scheduler's own refusal, not a generic error, with the full text as detail", () => {
    const failure = describeActionError(
      recordedError('error-resource-requirements', 'GET /jobs/:jobid/resource-requirements'),
    );
    expect(failure.message).toBe(
      'The DefaultScheduler does not support changing the parallelism without a job restart. This feature is currently only expected to work with the AdaptiveScheduler.',
    );
    expect(failure.detail).toContain('SchedulerNG');
  });

  it("shows Flink's reason when rescaling is disabled", () => {
    const failure = describeActionError(recordedError('error-rescaling-disabled', 'PATCH /jobs/:jobid/rescaling'));
    expect(failure.message).toBe('Rescaling is temporarily disabled. See FLINK-12312.');
  });

  it('a 403 says the action is not allowed here, never a stack trace', () => {
    const html = new FlinkApiError({ kind: 'forbidden', endpoint: 'DELETE /cluster', status: 403 });
    expect(describeActionError(html)).toEqual({ message: NOT_ALLOWED });
    const flink = new FlinkApiError({
      kind: 'forbidden',
      endpoint: 'DELETE /cluster',
      status: 403,
      flinkMessages: [
        'org.apache.flink.runtime.rest.handler.RestHandlerException: Shutdown is not allowed.\n\tat a.b.C(C.java:1)',
      ],
    });
    expect(describeActionError(flink)).toEqual({ message: NOT_ALLOWED, detail: 'Shutdown is not allowed.' });
  });

  it("a proxy's own 403 page to an action (only GET let through) is a refusal too, not an expired session", () => {
    const f = fixture('proxy/nginx-403-forbidden');
    const proxy = new FlinkApiError({
      kind: 'session-expired',
      endpoint: 'PATCH /jobs/:jobid',
      status: f.status,
      snippet: '403 Forbidden nginx/1.22.1',
    });
    expect(describeActionError(proxy)).toEqual({ message: NOT_ALLOWED });
  });

  it('other kinds read as the API says them', () => {
    expect(
      describeActionError(new FlinkApiError({ kind: 'read-only', endpoint: 'PATCH /jobs/:jobid' })).message,
    ).toMatch(/read-only/);
    expect(describeActionError(new Error('oops')).message).toMatch(/oops/);
  });

  it("a failed operation's cause reads as Flink's message, its trace as detail", () => {
    const f = fixture('flink-2.3.0/operation-disposal-failed');
    const cause = (f.json as { operation: { 'failure-cause': { class: string; 'stack-trace': string } } }).operation[
      'failure-cause'
    ];
    const failure = describeOperationFailure(describeFailure(cause));
    expect(failure.message).toMatch(/^Could not dispose savepoint file:/);
    expect(failure.detail).toContain('Dispatcher');
  });
});
