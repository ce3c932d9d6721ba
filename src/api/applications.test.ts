// Flink 2.3's applications, decoded from answers recorded from the 2.3 sandbox; 1.20 has none.
import { describe, expect, it } from 'vitest';
import {
  applicationDetailsQueryOptions,
  ApplicationDetailsSchema,
  applicationExceptionsQueryOptions,
  ApplicationExceptionsSchema,
  applicationJobManagerConfigQueryOptions,
  applicationsOverviewQueryOptions,
  ApplicationsOverviewSchema,
  applicationsServed,
  cancelApplication,
} from './applications';
import { decode } from './client';
import { requestOnce } from './endpoint-query';
import { FlinkApiError } from './errors';
import { JobDetailsSchema } from './jobs';
import { ConfigEntriesSchema } from './schemas';
import { configureApi } from './settings';
import { fixture, responseFrom, stubFetch } from './test-utils';

const V23 = 'flink-2.3.0';

function load(name: string) {
  const f = fixture(`${V23}/${name}`);
  expect(f.status).toBe(200);
  return f;
}

describe('applications (Flink 2.3)', () => {
  it('are served from 2.3 on, not by 1.20', () => {
    expect(applicationsServed('2.3.0')).toBe(true);
    expect(applicationsServed('1.20.5')).toBe(false);
    expect(applicationsServed(undefined)).toBe(false);
  });

  it('the overview lists each demo job as a single-job application with its job counts', () => {
    const f = load('applications-overview');
    const { applications } = decode(ApplicationsOverviewSchema, f.json, 'GET /applications/overview');
    expect(applications.length).toBeGreaterThan(0);
    const eventTime = applications.find((a) => a.name === 'SingleJobApplication(Demo: event-time orders)');
    expect(eventTime?.status).toBe('RUNNING');
    expect(eventTime?.jobs).toEqual({ RUNNING: 1 });
    expect(eventTime?.['end-time']).toBe(-1);
    const finished = applications.find((a) => a.status === 'FINISHED');
    expect(finished?.jobs['FINISHED']).toBe(1);
    expect(finished?.['end-time']).toBeGreaterThan(finished?.['start-time'] ?? Infinity);
  });

  it("one application's details carry its jobs as /jobs/overview lists them", () => {
    const f = load('application-details');
    const app = decode(ApplicationDetailsSchema, f.json, 'GET /applications/:id');
    expect(app.jobs).toHaveLength(1);
    const [job] = app.jobs;
    expect(job?.name).toBe('Demo: event-time orders');
    // A job run through /jars/:jarid/run is an application whose id is the job's.
    expect(job?.jid).toBe(app.id);
    expect(app.timestamps['RUNNING']).toBeGreaterThan(0);
    // ... and a job names its application (2.3's `application-id`), here its own id again.
    const details = decode(JobDetailsSchema, fixture(`${V23}/job-details`).json, 'GET /jobs/:id');
    expect(details['application-id']).toBe(details.jid);
  });

  it('exceptions and the JobManager configuration decode', () => {
    const exceptions = decode(ApplicationExceptionsSchema, load('application-exceptions').json, 'exceptions');
    expect(Array.isArray(exceptions.exceptionHistory.entries)).toBe(true);
    const config = decode(ConfigEntriesSchema, load('application-jobmanager-config').json, 'config');
    expect(config.find((e) => e.key === 'jobmanager.rpc.address')?.value).toBe('127.0.0.1');
  });

  it('through the client: the list, one application, and Flink 2.3 answering 500 for an unknown one', async () => {
    configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
    const details = load('application-details');
    const id = (details.json as { id: string }).id;
    const fetchMock = stubFetch((url) => {
      if (url.endsWith('/applications/overview')) return responseFrom(load('applications-overview'));
      if (url.endsWith(`/applications/${id}`)) return responseFrom(details);
      if (url.endsWith(`/applications/${id}/exceptions`)) return responseFrom(load('application-exceptions'));
      if (url.endsWith(`/applications/${id}/jobmanager/config`)) {
        return responseFrom(load('application-jobmanager-config'));
      }
      return responseFrom(fixture(`${V23}/error-application-not-found`));
    });
    expect((await requestOnce(applicationsOverviewQueryOptions())).applications.length).toBeGreaterThan(0);
    expect((await requestOnce(applicationDetailsQueryOptions(id))).id).toBe(id);
    expect((await requestOnce(applicationExceptionsQueryOptions(id))).exceptionHistory.entries).toBeDefined();
    expect((await requestOnce(applicationJobManagerConfigQueryOptions(id))).length).toBeGreaterThan(10);
    const unknown = '0123456789abcdef0123456789abcdef';
    const error = await requestOnce(applicationDetailsQueryOptions(unknown)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlinkApiError);
    expect((error as FlinkApiError).status).toBe(500);
    expect((error as FlinkApiError).flinkMessage).toContain('Could not find Flink application');
    expect(fetchMock).toHaveBeenCalledWith(
      `http://127.0.0.1:8081/applications/${id}/jobmanager/config`,
      expect.anything(),
    );
  });

  it('refuses a malformed application id before any request', async () => {
    configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
    const fetchMock = stubFetch(() => new Response('{}'));
    const error = await cancelApplication('../jobs').catch((e: unknown) => e);
    expect((error as FlinkApiError).kind).toBe('invalid-request');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('Flink 1.20 answers 404 for the list: a not-found error', async () => {
    configureApi({ baseUrl: 'http://127.0.0.1:8091/' });
    stubFetch(() => responseFrom(fixture('flink-1.20.5/error-applications-not-served')));
    const error = await requestOnce(applicationsOverviewQueryOptions()).catch((e: unknown) => e);
    expect((error as FlinkApiError).kind).toBe('not-found');
  });
});
