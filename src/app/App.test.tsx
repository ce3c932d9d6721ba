import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isHistoryServer, resetServerKind } from '../api/history-server';
import { getApiSettings } from '../api/settings';
import { App } from './App';
import { parseRuntimeConfig, type RuntimeConfig } from './runtime-config';

/** Lazy pages load on a busy machine. */
const WAIT = { timeout: 10_000 };

function fleetConfig(): RuntimeConfig {
  const result = parseRuntimeConfig({
    clusters: [
      { id: 'archive', name: 'Archive', apiBase: 'api/archive/', kind: 'history' },
      { id: 'prod', name: 'Production', apiBase: 'api/prod/' },
      { id: 'staging', name: 'Staging', apiBase: 'api/staging/', readOnly: true },
    ],
  });
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.config;
}

/** Every request answers "no such thing": these tests are about which cluster is asked. */
function stubFetch(): string[] {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => {
      urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return Promise.resolve(
        new Response('{"errors":["Not found"]}', { status: 404, headers: { 'Content-Type': 'application/json' } }),
      );
    }),
  );
  return urls;
}

async function goTo(hash: string): Promise<void> {
  await act(async () => {
    window.history.pushState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await Promise.resolve();
  });
}

afterEach(() => {
  resetServerKind();
  window.history.replaceState(null, '', '#/');
});

describe('App with several clusters', () => {
  it('sends a route from before clusters into the first JobManager, and switches cluster with the hash', async () => {
    const urls = stubFetch();
    window.history.replaceState(null, '', '#/jobs');
    render(<App config={fleetConfig()} />);
    expect(window.location.hash).toBe('#/c/prod/jobs');
    expect(getApiSettings()).toMatchObject({ baseUrl: 'api/prod/', readOnly: false });
    expect(await screen.findByRole('heading', { name: 'Jobs' }, WAIT)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Cluster' })).toHaveProperty('value', 'prod');
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => new URL(u).pathname.startsWith('/api/prod/'))).toBe(true);

    urls.length = 0;
    await goTo('#/c/staging/jobs');
    expect(getApiSettings()).toMatchObject({ baseUrl: 'api/staging/', readOnly: true });
    expect(await screen.findByRole('heading', { name: 'Jobs' }, WAIT)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Cluster' })).toHaveProperty('value', 'staging');
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((u) => new URL(u).pathname.startsWith('/api/staging/'))).toBe(true);

    await goTo('#/c/archive/jobs');
    expect(isHistoryServer()).toBe(true);
    expect(await screen.findByText('History Server: archived jobs', {}, WAIT)).toBeTruthy();
  });

  it('names the known clusters for an unknown id', async () => {
    stubFetch();
    window.history.replaceState(null, '', '#/c/nope/jobs');
    render(<App config={fleetConfig()} />);
    expect(await screen.findByRole('heading', { name: 'Unknown cluster' }, WAIT)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Staging' }).getAttribute('href')).toBe('#/c/staging/');
    expect(screen.getByRole('link', { name: 'Fleet overview' }).getAttribute('href')).toBe('#/fleet');
  });
});
