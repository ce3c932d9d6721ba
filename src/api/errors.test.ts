import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkpointingStatisticsQueryOptions } from './checkpoints';
import { requestJson } from './client';
import { clusterOverviewQueryOptions } from './cluster';
import { requestOnce } from './endpoint-query';
import { endpoints } from './endpoints';
import {
  FlinkApiError,
  isBrokenJson,
  isRetryable,
  shouldRetry,
  stripJavaExceptionPrefix,
  userMessage,
  type FlinkApiErrorKind,
} from './errors';
import { jobResourceRequirementsQueryOptions, rescaleJob } from './job-scaling';
import { cancelJob, jobDetailsQueryOptions, jobsOverviewQueryOptions, submitJob } from './jobs';
import { jobManagerLogFileQueryOptions } from './logs';
import { EmptySchema } from './schemas';
import { addApiListener, configureApi, resetApiSettings, type ResponseEvent } from './settings';
import { fixture, hangingFetch, responseFrom, stubFetch } from './test-utils';

const JOB = '52b55582369c4b745bdd71ecba17202d';

beforeEach(() => {
  configureApi({ baseUrl: 'http://127.0.0.1:8081/', timeoutMs: 5000 });
});

afterEach(() => {
  resetApiSettings();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

async function failure(promise: Promise<unknown>, kind: FlinkApiErrorKind): Promise<FlinkApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FlinkApiError);
  const apiError = error as FlinkApiError;
  expect(apiError.kind, apiError.message).toBe(kind);
  return apiError;
}

describe('errors from Flink (recorded from the 2.3.0 sandbox)', () => {
  it('404 for a job the JobManager does not know: not-found with its message', async () => {
    stubFetch(() => responseFrom(fixture('flink-2.3.0/error-job-not-found')));
    const error = await failure(requestOnce(jobDetailsQueryOptions('0123456789abcdef0123456789abcdef')), 'not-found');
    expect(error.status).toBe(404);
    expect(error.endpoint).toBe('GET /jobs/:jobid');
    expect(error.url).toBe('http://127.0.0.1:8081/jobs/0123456789abcdef0123456789abcdef');
    expect(error.flinkMessages[0]).toContain('NotFoundException');
    expect(error.flinkMessage).toBe(
      'org.apache.flink.runtime.rest.NotFoundException: Job 0123456789abcdef0123456789abcdef not found',
    );
    expect(userMessage(error)).toBe('Flink no longer knows this: Job 0123456789abcdef0123456789abcdef not found');
    expect(error.isRetryable).toBe(false);
  });

  it('404 for a path this Flink does not serve', async () => {
    stubFetch(() => responseFrom(fixture('flink-2.3.0/error-unknown-path')));
    const error = await failure(requestOnce(jobsOverviewQueryOptions()), 'not-found');
    expect(error.flinkMessage).toBe('Unable to load requested file /no-such-resource.');
    expect(userMessage(error)).toMatch(/this Flink version does not offer it/);
  });

  it("503 when rescaling is disabled: http, with Flink's reason", async () => {
    stubFetch(() => responseFrom(fixture('flink-2.3.0/error-rescaling-disabled')));
    const error = await failure(rescaleJob(JOB, 2), 'http');
    expect(error.status).toBe(503);
    expect(error.endpoint).toBe('PATCH /jobs/:jobid/rescaling');
    expect(error.url).toBe(`http://127.0.0.1:8081/jobs/${JOB}/rescaling?parallelism=2`);
    expect(userMessage(error)).toBe('Flink reported an error: Rescaling is temporarily disabled. See FLINK-12312.');
  });

  it('500 "Internal server error." takes the message from the server-side exception', async () => {
    stubFetch(() => responseFrom(fixture('flink-2.3.0/error-resource-requirements')));
    const error = await failure(requestOnce(jobResourceRequirementsQueryOptions(JOB)), 'http');
    expect(error.status).toBe(500);
    expect(error.flinkMessages[0]).toBe('Internal server error.');
    expect(error.flinkMessage).toMatch(
      /^java\.lang\.UnsupportedOperationException: The DefaultScheduler does not support/,
    );
    expect(userMessage(error)).toMatch(
      /^Flink reported an error: The DefaultScheduler does not support changing the parallelism/,
    );
    expect(error.isRetryable).toBe(false);
  });

  it('400 for a job submission without a JobGraph', async () => {
    stubFetch(() => responseFrom(fixture('flink-2.3.0/error-submit-without-jobgraph')));
    const error = await failure(submitJob({}), 'http');
    expect(error.status).toBe(400);
    expect(userMessage(error)).toBe(
      'Flink reported an error: The jobGraphFileName field must not be omitted or be null.',
    );
  });

  it("a 403 in Flink's JSON error shape is forbidden (not a lost session)", async () => {
    // The recorded Flink error body, answered with 403 as a gateway speaking Flink's shape would.
    stubFetch(() => responseFrom(fixture('flink-2.3.0/error-submit-without-jobgraph'), { status: 403 }));
    const error = await failure(submitJob({}), 'forbidden');
    expect(userMessage(error)).toBe(
      'The JobManager refused this action: The jobGraphFileName field must not be omitted or be null.',
    );
  });
});

describe('answers from a proxy (recorded from nginx 1.22)', () => {
  it('502 Bad Gateway page: http 502 with a snippet, retryable', async () => {
    stubFetch(() => responseFrom(fixture('proxy/nginx-502-bad-gateway')));
    const error = await failure(requestOnce(jobsOverviewQueryOptions()), 'http');
    expect(error.status).toBe(502);
    expect(error.flinkMessages).toEqual([]);
    expect(error.snippet).toBe('502 Bad Gateway nginx/1.22.1');
    expect(error.isRetryable).toBe(true);
    expect(userMessage(error)).toMatch(/^The proxy in front of the JobManager answered 502/);
  });

  it('504 Gateway Timeout page: http 504, retryable', async () => {
    stubFetch(() => responseFrom(fixture('proxy/nginx-504-gateway-timeout')));
    const error = await failure(requestOnce(jobsOverviewQueryOptions()), 'http');
    expect(error.status).toBe(504);
    expect(isRetryable(error)).toBe(true);
  });

  it('401 from basic auth: session-expired', async () => {
    stubFetch(() => responseFrom(fixture('proxy/nginx-401-basic-auth')));
    const error = await failure(requestOnce(jobsOverviewQueryOptions()), 'session-expired');
    expect(error.status).toBe(401);
    expect(userMessage(error)).toBe('Your session has expired; reload the page to sign in again.');
  });

  it('403 HTML page from the proxy: session-expired', async () => {
    stubFetch(() => responseFrom(fixture('proxy/nginx-403-forbidden')));
    const error = await failure(requestOnce(jobsOverviewQueryOptions()), 'session-expired');
    expect(error.status).toBe(403);
    expect(error.snippet).toContain('403 Forbidden');
  });

  it('a redirect that landed on an HTML page: session-expired', async () => {
    stubFetch(() => responseFrom(fixture('proxy/nginx-redirect-to-html')));
    const error = await failure(requestOnce(jobsOverviewQueryOptions()), 'session-expired');
    expect(error.status).toBe(200);
    expect(error.snippet).toMatch(/^Welcome to nginx!/);
  });

  it('an opaque redirect: session-expired', async () => {
    stubFetch(() =>
      responseFrom(fixture('proxy/nginx-redirect-to-html'), { body: '', status: 200, type: 'opaqueredirect' }),
    );
    await failure(requestOnce(jobsOverviewQueryOptions()), 'session-expired');
  });

  it('an HTML page with 200 where JSON was expected: not-json with a snippet', async () => {
    stubFetch(() => responseFrom(fixture('proxy/nginx-200-html-page')));
    const error = await failure(requestOnce(jobsOverviewQueryOptions()), 'not-json');
    expect(error.snippet).toMatch(/^Welcome to nginx! If you see this page/);
    expect(error.snippet.length).toBeLessThanOrEqual(163);
    expect(userMessage(error)).toMatch(/proxy/);
  });

  it('an HTML page where a log file was expected: not-json too', async () => {
    stubFetch(() => responseFrom(fixture('proxy/nginx-200-html-page')));
    await failure(requestOnce(jobManagerLogFileQueryOptions({ kind: 'log' })), 'not-json');
  });

  it('a Flink answer passed through the proxy decodes', async () => {
    stubFetch(() => responseFrom(fixture('proxy/nginx-proxied-flink-overview')));
    const overview = await requestOnce(clusterOverviewQueryOptions());
    expect(overview.taskmanagers).toBe(2);
  });
});

describe('bad shapes', () => {
  it('names the path of the field that broke decoding', async () => {
    const recorded = fixture('flink-2.3.0/jobs-overview');
    const json = structuredClone(recorded.json) as { jobs: { state: unknown; name?: unknown }[] };
    json.jobs[2]!.state = 42;
    stubFetch(() => responseFrom(recorded, { body: JSON.stringify(json) }));
    const error = await failure(requestOnce(jobsOverviewQueryOptions()), 'bad-shape');
    expect(error.issues[0]).toMatch(/^jobs\[2\]\.state: expected .*"RUNNING".*, received 42$/);
    expect(userMessage(error)).toMatch(/does not understand/);
  });

  it('reports a missing field', async () => {
    const recorded = fixture('flink-2.3.0/jobs-overview');
    const json = structuredClone(recorded.json) as { jobs: Record<string, unknown>[] };
    delete json.jobs[0]!.name;
    stubFetch(() => responseFrom(recorded, { body: JSON.stringify(json) }));
    const error = await failure(requestOnce(jobsOverviewQueryOptions()), 'bad-shape');
    expect(error.issues).toEqual(['jobs[0].name: missing']);
  });

  it('broken JSON with a JSON content type is not-json, and is not blamed on a proxy web page', async () => {
    stubFetch(() => responseFrom(fixture('flink-2.3.0/overview'), { body: '{"taskmanagers": 2,' }));
    const error = await failure(requestOnce(clusterOverviewQueryOptions()), 'not-json');
    expect(isBrokenJson(error)).toBe(true);
    expect(userMessage(error)).toMatch(
      /^The JobManager's answer was not valid JSON \(cut off or corrupted on the way\)/,
    );
  });
});

describe('transport', () => {
  it('network: fetch rejected', async () => {
    stubFetch(() => {
      throw new TypeError('fetch failed');
    });
    const error = await failure(requestOnce(clusterOverviewQueryOptions()), 'network');
    expect(error.message).toContain('fetch failed');
    expect(error.isRetryable).toBe(true);
    expect(userMessage(error)).toMatch(/cannot reach the JobManager/);
  });

  it("timeout: the client's deadline passed, distinct from an abort", async () => {
    vi.useFakeTimers();
    hangingFetch();
    configureApi({ timeoutMs: 2000 });
    const pending = failure(requestOnce(clusterOverviewQueryOptions()), 'timeout');
    await vi.advanceTimersByTimeAsync(2001);
    const error = await pending;
    expect(error.message).toContain('2000 ms');
    expect(error.isRetryable).toBe(true);
  });

  it('aborted: react-query cancelled the request', async () => {
    hangingFetch();
    const controller = new AbortController();
    const pending = failure(requestOnce(clusterOverviewQueryOptions(), controller.signal), 'aborted');
    controller.abort();
    const error = await pending;
    expect(error.isRetryable).toBe(false);
  });

  it('an already aborted signal does not reach the network', async () => {
    const fetchMock = stubFetch(() => responseFrom(fixture('flink-2.3.0/overview')));
    const controller = new AbortController();
    controller.abort();
    await failure(requestOnce(clusterOverviewQueryOptions(), controller.signal), 'aborted');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('read-only mode', () => {
  it('refuses every verb but GET locally, without touching the network', async () => {
    const fetchMock = stubFetch(() => responseFrom(fixture('flink-2.3.0/overview')));
    configureApi({ readOnly: true });
    const error = await failure(cancelJob(JOB), 'read-only');
    expect(error.endpoint).toBe('PATCH /jobs/:jobid');
    expect(error.status).toBe(0);
    expect(userMessage(error)).toMatch(/read-only/);
    await failure(requestJson(endpoints.shutdownCluster, EmptySchema, {}), 'read-only');
    expect(fetchMock).not.toHaveBeenCalled();
    await expect(requestOnce(clusterOverviewQueryOptions())).resolves.toMatchObject({ taskmanagers: 2 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('a request to another cluster (fleet views)', () => {
  it("goes to the target's base URL and version prefix, and only as a GET", async () => {
    const fetchMock = stubFetch(() => responseFrom(fixture('flink-2.3.0/overview')));
    const target = { baseUrl: 'http://127.0.0.1:9091/proxy/staging/', versionPrefix: 'v1' };
    await expect(requestJson(endpoints.clusterOverview, EmptySchema, { target })).resolves.toBeDefined();
    expect(fetchMock.mock.calls[0]?.[0] as string).toBe('http://127.0.0.1:9091/proxy/staging/v1/overview');
    await failure(requestJson(endpoints.shutdownCluster, EmptySchema, { target }), 'read-only');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // The active cluster is untouched.
    await requestOnce(clusterOverviewQueryOptions());
    expect(fetchMock.mock.calls[1]?.[0] as string).toBe('http://127.0.0.1:8081/overview');
  });
});

describe('instrumentation', () => {
  it("reports every request with its verb and template, and the answer's status", async () => {
    stubFetch(() => responseFrom(fixture('flink-2.3.0/error-job-not-found')));
    const events: ResponseEvent[] = [];
    const remove = addApiListener({ onResponse: (e) => events.push(e) });
    await requestOnce(jobDetailsQueryOptions(JOB)).catch(() => undefined);
    await requestOnce(checkpointingStatisticsQueryOptions('bad')).catch(() => undefined);
    remove();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      endpoint: 'GET /jobs/:jobid',
      verb: 'GET',
      template: '/jobs/:jobid',
      status: 404,
      ok: false,
      errorKind: 'not-found',
    });
  });
});

describe('helpers', () => {
  it('strips Java exception classes from messages', () => {
    expect(
      stripJavaExceptionPrefix(
        'java.util.concurrent.CompletionException: org.apache.flink.runtime.rest.handler.RestHandlerException: Boom',
      ),
    ).toBe('Boom');
    expect(stripJavaExceptionPrefix('Job abc not found')).toBe('Job abc not found');
  });

  it('retries only what may succeed, a limited number of times', () => {
    const network = new FlinkApiError({ kind: 'network', endpoint: 'GET /x' });
    const missing = new FlinkApiError({ kind: 'not-found', endpoint: 'GET /x', status: 404 });
    expect(shouldRetry(0, network)).toBe(true);
    expect(shouldRetry(2, network)).toBe(false);
    expect(shouldRetry(0, missing)).toBe(false);
    expect(shouldRetry(0, new Error('bug'))).toBe(false);
  });

  it('has a sentence for errors that are not FlinkApiErrors', () => {
    expect(userMessage(new Error('x is undefined'))).toBe('Something went wrong in the dashboard: x is undefined');
  });
});
