import { QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../api/settings';
import { fixture, responseFrom, stubFetch } from '../../api/test-utils';
import type { WebConfig } from '../../api/webConfig';
import { createTestQueryClient } from '../../components/testing/render-with-api';
import { JobActions } from './JobActions';
import { resetOperationsStore } from './operations-store';
import { NO_PERMISSIONS, permissionsFrom, usePermissions } from './permissions';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const ALL: WebConfig['features'] = {
  'web-submit': true,
  'web-cancel': true,
  'web-rescale': true,
  'web-history': false,
};

describe('permissionsFrom', () => {
  it('read-only mode allows nothing, whatever the cluster offers', () => {
    expect(permissionsFrom(true, ALL)).toEqual({ ...NO_PERMISSIONS, jarsServed: true });
    expect(permissionsFrom(true, undefined)).toEqual(NO_PERMISSIONS);
  });

  it('honours each /config feature', () => {
    expect(permissionsFrom(false, ALL)).toEqual({
      readOnly: false,
      submit: true,
      cancel: true,
      rescale: true,
      snapshot: true,
      cluster: true,
      jarsServed: true,
    });
    const none = permissionsFrom(false, {
      'web-submit': false,
      'web-cancel': false,
      'web-rescale': false,
      'web-history': false,
    });
    expect(none).toMatchObject({
      submit: false,
      cancel: false,
      rescale: false,
      snapshot: true,
      cluster: true,
      jarsServed: false,
    });
    expect(permissionsFrom(false, { ...ALL, 'web-cancel': false })).toMatchObject({
      submit: true,
      cancel: false,
      rescale: true,
    });
  });

  it('allows nothing that needs a feature flag until /config answered', () => {
    expect(permissionsFrom(false, undefined)).toMatchObject({
      submit: false,
      cancel: false,
      rescale: false,
      jarsServed: undefined,
    });
  });
});

function wrapper() {
  const client = createTestQueryClient();
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}

/** The recorded /config (web-submit and web-cancel on, web-rescale off) and job details. */
function recordedCluster(features?: Partial<WebConfig['features']>) {
  return stubFetch((url, init) => {
    expect(init.method ?? 'GET').toBe('GET');
    const path = new URL(url).pathname;
    if (path === '/config') {
      const config = fixture('flink-2.3.0/config');
      const json = config.json as WebConfig;
      return responseFrom(config, { body: JSON.stringify({ ...json, features: { ...json.features, ...features } }) });
    }
    if (path === `/jobs/${JOB}`) return responseFrom(fixture('flink-2.3.0/job-details'));
    throw new Error(`unexpected request ${url}`);
  });
}

beforeEach(() => {
  configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
});

afterEach(() => {
  resetOperationsStore();
});

describe('usePermissions', () => {
  it('reads the features from GET /config and read-only mode from the API settings', async () => {
    recordedCluster();
    const { result } = renderHook(() => usePermissions(), { wrapper: wrapper() });
    expect(result.current.submit).toBe(false);
    await waitFor(() => expect(result.current.submit).toBe(true));
    expect(result.current).toMatchObject({ readOnly: false, cancel: true, rescale: false });
  });

  it('is all-false in read-only mode', async () => {
    recordedCluster();
    configureApi({ readOnly: true });
    const { result } = renderHook(() => usePermissions(), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.jarsServed).toBe(true));
    expect(result.current).toMatchObject({
      readOnly: true,
      submit: false,
      cancel: false,
      snapshot: false,
      cluster: false,
    });
  });
});

describe('JobActions', () => {
  const actionNames = () =>
    within(screen.getByRole('group', { name: 'Job actions' }))
      .queryAllByRole('button')
      .map((b) => b.textContent);

  it('offers what the running job and the cluster allow (no rescale without web-rescale)', async () => {
    recordedCluster();
    render(<JobActions jobId={JOB} />, { wrapper: wrapper() });
    await waitFor(() => expect(actionNames()).toContain('Cancel job…'));
    expect(actionNames()).toEqual([
      'Trigger savepoint…',
      'Stop with savepoint…',
      'Trigger checkpoint…',
      'Resource requirements',
      'Cancel job…',
    ]);
  });

  it('hides cancel and stop without web-cancel, and shows rescale with web-rescale', async () => {
    recordedCluster({ 'web-cancel': false, 'web-rescale': true });
    render(<JobActions jobId={JOB} />, { wrapper: wrapper() });
    await waitFor(() => expect(actionNames()).toContain('Rescale…'));
    expect(actionNames()).toEqual(['Trigger savepoint…', 'Trigger checkpoint…', 'Rescale…', 'Resource requirements']);
  });

  it('renders no control that changes anything in read-only mode', async () => {
    const fetchMock = recordedCluster();
    configureApi({ readOnly: true });
    render(<JobActions jobId={JOB} />, { wrapper: wrapper() });
    await waitFor(() => expect(actionNames()).toEqual(['Resource requirements']));
    expect(fetchMock.mock.calls.every(([, init]) => (init?.method ?? 'GET') === 'GET')).toBe(true);
  });
});
