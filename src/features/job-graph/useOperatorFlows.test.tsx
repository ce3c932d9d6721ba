import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureApi, resetApiSettings } from '../../api/settings';
import { stubFetch } from '../../api/test-utils';
import { resetRefreshStore, setServerRefreshInterval } from '../../refresh/store';
import { READS_PER_REFRESH } from './read-in-turn';
import { useOperatorFlows } from './useOperatorFlows';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const SOURCES = Array.from({ length: 8 }, (_, i) => ({
  id: `${'a'.repeat(31)}${i}`,
  name: `Source: Kafka ${i}`,
  role: { source: true, sink: false },
}));
const ON_SCREEN: ReadonlySet<string> = new Set(SOURCES.map((s) => s.id));

function wrapper() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
}

/** The vertices the metrics requests asked about, in order (the policy's /config request aside). */
function askedVertices(fetch: { mock: { calls: unknown[][] } }): string[] {
  return fetch.mock.calls
    .map(([input]) => String(input))
    .filter((url) => url.includes('/subtasks/metrics'))
    .map(vertexOf);
}

/** The vertex a request asks about. */
function vertexOf(url: string): string {
  return /\/vertices\/(\w+)\/subtasks\/metrics/.exec(url)?.[1] ?? '?';
}

/** An aggregated metrics answer: a sum for every metric the request asks for. */
function answer(url: string): Response {
  const ids = (new URL(url).searchParams.get('get') ?? '').split(',');
  return new Response(JSON.stringify(ids.map((id) => ({ id, sum: 10 }))), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}

beforeEach(() => {
  configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
  resetRefreshStore();
  setServerRefreshInterval(null);
});

afterEach(() => {
  vi.unstubAllGlobals();
  resetApiSettings();
});

describe('useOperatorFlows', () => {
  it('reads at most READS_PER_REFRESH on-screen source rows per refresh, the others on the next turn', async () => {
    const fetch = stubFetch(answer);
    const { result, rerender } = renderHook(
      ({ turn }: { turn: number }) => useOperatorFlows(JOB, SOURCES, ON_SCREEN, true, turn),
      { wrapper: wrapper(), initialProps: { turn: 0 } },
    );
    await waitFor(() => expect(askedVertices(fetch)).toHaveLength(READS_PER_REFRESH));
    expect(askedVertices(fetch)).toEqual(SOURCES.slice(0, READS_PER_REFRESH).map((s) => s.id));
    await waitFor(() => expect(result.current.get(SOURCES[0]!.id)?.sourceOut?.total).toBe(10));

    rerender({ turn: 1 });
    await waitFor(() => expect(askedVertices(fetch)).toHaveLength(SOURCES.length));
    expect(askedVertices(fetch).slice(READS_PER_REFRESH)).toEqual(SOURCES.slice(READS_PER_REFRESH).map((s) => s.id));
  });

  it('hands back the same map while no answer changed, so the table rows are not rebuilt', async () => {
    stubFetch(answer);
    const two = SOURCES.slice(0, 2);
    const { result, rerender } = renderHook(
      ({ vertices }: { vertices: typeof two }) => useOperatorFlows(JOB, vertices, ON_SCREEN, true, 0),
      { wrapper: wrapper(), initialProps: { vertices: two } },
    );
    await waitFor(() => expect(result.current.get(two[0]!.id)?.sourceOut).toBeDefined());
    const before = result.current;
    // A new list with the same vertices, as each refresh of the job's details brings.
    rerender({ vertices: two.map((v) => ({ ...v })) });
    expect(result.current).toBe(before);
  });
});
