import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getRefreshState, resetRefreshStore, setServerRefreshInterval } from '../refresh/store';
import { useClusterOverview, useWebConfig } from './cluster';
import { useJobsOverview } from './jobs';
import { configureApi, resetApiSettings } from './settings';
import { useTaskManagers } from './taskmanagers';
import { fixture, responseFrom, stubFetch } from './test-utils';
import { useBackPressure } from './vertices';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const VERTEX = '0dcd6b6344e082cccdb531821571f082';

function wrapper() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

function routeFixtures(extra: (url: string) => Response | undefined = () => undefined) {
  return stubFetch((url) => {
    const path = new URL(url).pathname;
    const hit = extra(url);
    if (hit) return hit;
    const name = { '/config': 'config', '/overview': 'overview', '/jobs/overview': 'jobs-overview', '/taskmanagers': 'taskmanagers' }[path];
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
      () => ({ config: useWebConfig(), overview: useClusterOverview(), jobs: useJobsOverview(), tms: useTaskManagers() }),
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
    routeFixtures((url) => (url.endsWith('/jobs/overview') ? responseFrom(fixture('proxy/nginx-502-bad-gateway')) : undefined));
    const { result } = renderHook(() => useJobsOverview(), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ kind: 'http', status: 502 });
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
    const { result } = renderHook(() => useBackPressure(JOB, VERTEX), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.data?.status).toBe('deprecated'));
    // Sampling rate (1 s), well before the live rate (3 s from /config).
    await waitFor(() => expect(result.current.data?.status).toBe('ok'), { timeout: 2000 });
    expect(calls).toBe(2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(calls).toBe(2);
  });
});
