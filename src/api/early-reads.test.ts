import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readEarly, requestJson } from './client';
import { endpoints } from './endpoints';
import { FlinkApiError } from './errors';
import { JobDetailsSchema, readJobDetailsEarly } from './jobs';
import { configureApi, resetApiSettings } from './settings';
import { fixture, responseFrom, stubFetch } from './test-utils';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const details = { params: { jobid: JOB } };

beforeEach(() => configureApi({ baseUrl: 'http://127.0.0.1:8081/' }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  resetApiSettings();
});

describe('a deep link read early', () => {
  it('sends the request at once, and the first request for the same URL takes its answer', async () => {
    const fetch = stubFetch(() => responseFrom(fixture('flink-2.3.0/job-details')));
    readJobDetailsEarly(JOB);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe(`http://127.0.0.1:8081/jobs/${JOB}`);
    const job = await requestJson(endpoints.jobDetails, JobDetailsSchema, details);
    expect(job.jid).toBe(JOB);
    expect(fetch).toHaveBeenCalledTimes(1);
    // Taken once: the next refresh asks again.
    await requestJson(endpoints.jobDetails, JobDetailsSchema, details);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('reports a failed early answer to its taker as any failed request', async () => {
    stubFetch(() => responseFrom(fixture('proxy/nginx-502-bad-gateway')));
    readJobDetailsEarly(JOB);
    await expect(requestJson(endpoints.jobDetails, JobDetailsSchema, details)).rejects.toBeInstanceOf(FlinkApiError);
  });

  it('drops an answer nobody took after a while', async () => {
    vi.useFakeTimers();
    const fetch = stubFetch(() => responseFrom(fixture('flink-2.3.0/job-details')));
    readJobDetailsEarly(JOB);
    await vi.advanceTimersByTimeAsync(16_000);
    vi.useRealTimers();
    await requestJson(endpoints.jobDetails, JobDetailsSchema, details);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('reads nothing early but GETs, and nothing for a malformed id', () => {
    const fetch = stubFetch(() => new Response('{}'));
    readEarly(endpoints.cancelJob, { params: { jobid: JOB } });
    readJobDetailsEarly('../../taskmanagers');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('lets the taker give up on an early answer that does not come', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => undefined)),
    );
    readJobDetailsEarly(JOB);
    const stop = new AbortController();
    const asked = requestJson(endpoints.jobDetails, v.unknown(), { ...details, signal: stop.signal });
    stop.abort();
    await expect(asked).rejects.toSatisfy((e) => e instanceof FlinkApiError && e.kind === 'aborted');
  });
});
