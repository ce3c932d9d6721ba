import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  getRefreshState,
  resetRefreshStore,
  setRefreshInterval,
  setRefreshPaused,
  setServerRefreshInterval,
} from '../refresh/store';
import { checkpointConfigQueryOptions } from './checkpoints';
import { clusterOverviewQueryOptions, webConfigQueryOptions } from './cluster';
import { requestOnce } from './endpoint-query';
import { jobDetailsQueryOptions, jobsOverviewQueryOptions } from './jobs';
import { usePolledQuery, useSampledQuery } from './polling';
import { configureApi, resetApiSettings } from './settings';
import { taskManagersQueryOptions } from './taskmanagers';
import { fixture, responseFrom, stubFetch } from './test-utils';
import { backPressureQueryOptions, isBackPressureReady } from './vertex-sampling';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const VERTEX = '0dcd6b6344e082cccdb531821571f082';

function wrapper() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
}

function routeFixtures(extra: (url: string) => Response | undefined = () => undefined) {
  return stubFetch((url) => {
    const path = new URL(url).pathname;
    const hit = extra(url);
    if (hit) return hit;
    const name = {
      '/config': 'config',
      '/overview': 'overview',
      '/jobs/overview': 'jobs-overview',
      '/taskmanagers': 'taskmanagers',
    }[path];
    if (!name) throw new Error(`unexpected request ${url}`);
    return responseFrom(fixture(`flink-2.3.0/${name}`));
  });
}

beforeEach(() => {
  configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
  localStorage.clear();
  resetRefreshStore();
  setServerRefreshInterval(null);
});

afterEach(() => {
  vi.unstubAllGlobals();
  resetApiSettings();
});

describe('the overview hooks', () => {
  it('decode recorded answers and take the refresh interval from /config', async () => {
    routeFixtures();
    const { result } = renderHook(
      () => ({
        config: usePolledQuery(webConfigQueryOptions()),
        overview: usePolledQuery(clusterOverviewQueryOptions()),
        jobs: usePolledQuery(jobsOverviewQueryOptions()),
        tms: usePolledQuery(taskManagersQueryOptions()),
      }),
      { wrapper: wrapper() },
    );
    await waitFor(() => expect(result.current.tms.data).toBeDefined());
    await waitFor(() => expect(result.current.overview.data).toBeDefined());
    expect(result.current.config.data?.['flink-version']).toBe('2.3.0');
    expect(result.current.overview.data?.taskmanagers).toBe(2);
    expect(result.current.jobs.data?.jobs.length).toBeGreaterThanOrEqual(8);
    expect(result.current.tms.data?.taskmanagers[0]?.hardware.cpuCores).toBeGreaterThan(0);
    expect(getRefreshState().serverDefaultMs).toBe(3000);
  });

  it('surface a typed error instead of throwing in the component', async () => {
    routeFixtures((url) =>
      url.endsWith('/jobs/overview') ? responseFrom(fixture('proxy/nginx-502-bad-gateway')) : undefined,
    );
    const { result } = renderHook(() => usePolledQuery(jobsOverviewQueryOptions()), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ kind: 'http', status: 502 });
  });
});

describe('a polled answer', () => {
  const countJobLists = (fetch: ReturnType<typeof routeFixtures>): number =>
    fetch.mock.calls.filter(([input]) =>
      (input instanceof Request ? input.url : input.toString()).endsWith('/jobs/overview'),
    ).length;

  it('is used, not asked again, by a view that mounts within half a refresh of it', async () => {
    const fetch = routeFixtures();
    const shared = wrapper();
    const first = renderHook(() => usePolledQuery(jobsOverviewQueryOptions()), { wrapper: shared });
    await waitFor(() => expect(first.result.current.data).toBeDefined());
    const second = renderHook(() => usePolledQuery(jobsOverviewQueryOptions()), { wrapper: shared });
    expect(second.result.current.data).toBe(first.result.current.data);
    await new Promise((r) => setTimeout(r, 100));
    expect(countJobLists(fetch)).toBe(1);
  });

  it('is asked again by a view that mounts with the refresh off', async () => {
    setRefreshPaused(true);
    const fetch = routeFixtures();
    const shared = wrapper();
    const first = renderHook(() => usePolledQuery(jobsOverviewQueryOptions()), { wrapper: shared });
    await waitFor(() => expect(first.result.current.data).toBeDefined());
    renderHook(() => usePolledQuery(jobsOverviewQueryOptions()), { wrapper: shared });
    await waitFor(() => expect(countJobLists(fetch)).toBe(2));
  });
});

describe('sampling endpoints', () => {
  it('poll quickly while Flink has no sample yet, then at the live rate', async () => {
    let calls = 0;
    routeFixtures((url) => {
      if (!url.endsWith('/backpressure')) return undefined;
      calls++;
      // Flink's answer before its metrics arrived is exactly `{"status":"deprecated"}`.
      return calls === 1
        ? new Response('{"status":"deprecated"}', { headers: { 'content-type': 'application/json' } })
        : responseFrom(fixture('flink-2.3.0/vertex-backpressure'));
    });
    const { result } = renderHook(() => useSampledQuery(backPressureQueryOptions(JOB, VERTEX), isBackPressureReady), {
      wrapper: wrapper(),
    });
    await waitFor(() => expect(result.current.data?.status).toBe('deprecated'));
    // Sampling rate (1 s), well before the live rate (3 s from /config).
    await waitFor(() => expect(result.current.data?.status).toBe('ok'), { timeout: 2000 });
    expect(calls).toBe(2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(calls).toBe(2);
  });
});

describe('the refresh kind an endpoint declares', () => {
  it('polls live data at the chosen interval and fetches static data once', async () => {
    let details = 0;
    let config = 0;
    routeFixtures((url) => {
      if (url.endsWith(`/jobs/${JOB}`)) {
        details++;
        return responseFrom(fixture('flink-2.3.0/job-details'));
      }
      if (url.endsWith(`/jobs/${JOB}/checkpoints/config`)) {
        config++;
        return responseFrom(fixture('flink-2.3.0/job-checkpoint-config'));
      }
      return undefined;
    });
    setRefreshInterval(500);
    const { result } = renderHook(
      () => ({
        details: usePolledQuery(jobDetailsQueryOptions(JOB)),
        config: usePolledQuery(checkpointConfigQueryOptions(JOB)),
      }),
      { wrapper: wrapper() },
    );
    await waitFor(() => expect(result.current.config.data?.interval).toBeGreaterThan(0));
    await waitFor(() => expect(details).toBeGreaterThanOrEqual(3), { timeout: 2500 });
    expect(config).toBe(1);
    expect(result.current.details.data?.jid).toBeDefined();
  });
});

describe('requestOnce', () => {
  it('sends the request of an endpoint outside react-query and decodes the answer', async () => {
    const fetchMock = routeFixtures();
    const overview = await requestOnce(jobsOverviewQueryOptions());
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('http://127.0.0.1:8081/jobs/overview');
    expect(overview.jobs.length).toBeGreaterThanOrEqual(8);
  });
});
