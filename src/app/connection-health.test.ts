import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { FlinkApiError } from '../api/errors';
import { ConnectionHealth, connectionFailure } from './connection-health';

const err = (kind: ConstructorParameters<typeof FlinkApiError>[0]['kind'], status = 0): FlinkApiError =>
  new FlinkApiError({ kind, endpoint: 'GET /overview', status });

describe('connectionFailure', () => {
  it('tells connection failures from one panel’s problems', () => {
    expect(connectionFailure(err('network'))).toBe('unreachable');
    expect(connectionFailure(err('timeout'))).toBe('unreachable');
    expect(connectionFailure(err('http', 502))).toBe('unreachable');
    expect(connectionFailure(err('session-expired', 401))).toBe('session-expired');
    expect(connectionFailure(err('not-found', 404))).toBeNull();
    expect(connectionFailure(err('bad-shape'))).toBeNull();
    expect(connectionFailure(new Error('x'))).toBeNull();
  });

  it('takes a web page where JSON was expected for a sign-in page, but not broken JSON', () => {
    expect(connectionFailure(err('not-json', 200))).toBe('session-expired');
    const broken = new FlinkApiError({
      kind: 'not-json',
      endpoint: 'GET /overview',
      status: 200,
      cause: new SyntaxError('Unexpected end of JSON input'),
    });
    expect(connectionFailure(broken)).toBeNull();
  });
});

describe('ConnectionHealth', () => {
  it('keeps the time the connection went down until an answer comes back', () => {
    let t = 1000;
    const health = new ConnectionHealth(() => t);
    let notified = 0;
    health.subscribe(() => (notified += 1));
    health.recordError(err('network'));
    t = 5000;
    health.recordError(err('network'));
    expect(health.get()).toMatchObject({ state: 'unreachable', since: 1000 });
    health.recordError(err('timeout'));
    expect(health.get()).toMatchObject({ state: 'unreachable', since: 1000 });
    health.recordSuccess();
    expect(health.get()).toEqual({ state: 'ok' });
    expect(notified).toBe(2);
  });

  it('reports an expired session over an unreachable one', () => {
    const health = new ConnectionHealth(() => 7);
    health.recordError(err('network'));
    health.recordError(err('session-expired', 401));
    expect(health.get()).toEqual({ state: 'session-expired', since: 7, lastSuccessAt: null });
  });

  it('remembers when the last answer came, without notifying for it', () => {
    let t = 100;
    const health = new ConnectionHealth(() => t);
    let notified = 0;
    health.subscribe(() => (notified += 1));
    expect(health.lastSuccess()).toBeNull();
    health.recordSuccess();
    t = 200;
    health.recordSuccess();
    expect(health.lastSuccess()).toBe(200);
    expect(notified).toBe(0);
    t = 900;
    health.recordError(err('http', 502));
    expect(health.get()).toMatchObject({ state: 'unreachable', since: 900, lastSuccessAt: 200 });
  });
});

describe('an error that is still an answer from the JobManager', () => {
  it('clears the banner: a restarted JobManager answering 404 for the job on screen is reachable', () => {
    const health = new ConnectionHealth(() => 5);
    health.recordError(err('network'));
    expect(health.get().state).toBe('unreachable');
    health.recordError(err('not-found', 404));
    expect(health.get()).toEqual({ state: 'ok' });
    // An answer is not data: "updated X ago" still counts from the last success.
    expect(health.lastSuccess()).toBeNull();
  });

  it('counts Flink answers, not gateway pages, timeouts or local refusals', () => {
    for (const answered of [
      err('not-found', 404),
      err('forbidden', 403),
      err('bad-shape', 200),
      err('http', 500),
      err('http', 400),
    ]) {
      const health = new ConnectionHealth();
      health.recordError(err('http', 502));
      health.recordError(answered);
      expect(health.get().state, `${answered.kind} ${answered.status}`).toBe('ok');
    }
    for (const notAnswered of [
      err('http', 503),
      err('http', 504),
      err('timeout'),
      err('read-only'),
      err('invalid-request'),
      err('aborted'),
    ]) {
      const health = new ConnectionHealth();
      health.recordError(err('network'));
      health.recordError(notAnswered);
      expect(health.get().state, `${notAnswered.kind} ${notAnswered.status}`).toBe('unreachable');
    }
  });
});

describe('ConnectionHealth.follow', () => {
  it('hears of the first failed attempt, before the query client has finished retrying', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: 2, retryDelay: 60_000 } } });
    const health = new ConnectionHealth(() => 42);
    const stop = health.follow(client.getQueryCache());
    let attempts = 0;
    const pending = client.fetchQuery({
      queryKey: ['overview'],
      queryFn: () => {
        attempts += 1;
        return Promise.reject(err('network'));
      },
    });
    pending.catch(() => undefined);
    await expect.poll(() => health.get().state).toBe('unreachable');
    // One attempt so far; the retries would wait a minute before the query reports an error.
    expect(attempts).toBe(1);
    expect(client.getQueryState(['overview'])?.status).toBe('pending');
    stop();
    client.clear();
  });
});
