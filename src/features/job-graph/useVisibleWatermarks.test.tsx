import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureApi, resetApiSettings } from '../../api/settings';
import { stubFetch } from '../../api/test-utils';
import { resetRefreshStore, setServerRefreshInterval } from '../../refresh/store';
import { READS_PER_REFRESH, readWindow } from './read-in-turn';
import { useVisibleWatermarks } from './useVisibleWatermarks';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const VERTICES = Array.from({ length: 8 }, (_, i) => `${'b'.repeat(31)}${i}`);

function wrapper() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
}

/** A vertex's low watermark request: Flink's minimum over its subtasks. */
const LOW_WATERMARK = /\/vertices\/(\w+)\/subtasks\/metrics\?get=currentInputWatermark&agg=min$/;

/** The vertices whose watermarks were asked for, in order. */
function askedVertices(fetch: { mock: { calls: unknown[][] } }): string[] {
  return fetch.mock.calls
    .map(([input]) => String(input))
    .map((url) => LOW_WATERMARK.exec(url)?.[1])
    .filter((vertex): vertex is string => vertex !== undefined);
}

/** Each vertex's answer: the minimum over its subtasks at 1000 + the vertex's last digit, plus `shift`. */
function answers(shift: () => number) {
  return (url: string): Response => {
    const vertex = LOW_WATERMARK.exec(url)?.[1]?.slice(-1) ?? '0';
    const low = 1000 + Number(vertex) + shift();
    const body = [{ id: 'currentInputWatermark', min: low }];
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
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

describe('useVisibleWatermarks', () => {
  it('reads READS_PER_REFRESH vertices a turn; the others keep the low watermark they last read', async () => {
    let shift = 0;
    const fetch = stubFetch(answers(() => shift));
    const { result, rerender } = renderHook(
      ({ turn }: { turn: number }) => useVisibleWatermarks(JOB, VERTICES, readWindow(VERTICES, turn), true),
      { wrapper: wrapper(), initialProps: { turn: 0 } },
    );
    await waitFor(() => expect(result.current.pending).toBe(false));
    await waitFor(() => expect(result.current.values.get(VERTICES[0]!)).toBe(1000));
    expect(askedVertices(fetch)).toEqual(VERTICES.slice(0, READS_PER_REFRESH));
    expect(result.current.values.get(VERTICES[READS_PER_REFRESH]!)).toBeUndefined();
    expect(result.current.readAt.get(VERTICES[READS_PER_REFRESH]!)).toBe(0);

    shift = 100;
    rerender({ turn: 1 });
    await waitFor(() => expect(result.current.values.get(VERTICES[READS_PER_REFRESH]!)).toBe(1105));
    expect(askedVertices(fetch).slice(READS_PER_REFRESH)).toEqual(VERTICES.slice(READS_PER_REFRESH));
    // Not read on this turn: the figure of the last one, and when it was read.
    expect(result.current.values.get(VERTICES[0]!)).toBe(1000);
    expect(result.current.readAt.get(VERTICES[0]!)).toBeGreaterThan(0);

    rerender({ turn: 2 });
    await waitFor(() => expect(result.current.values.get(VERTICES[0]!)).toBe(1100));
    expect(askedVertices(fetch)).toHaveLength(VERTICES.length + READS_PER_REFRESH);
  });

  it('of a job that ended, reads every vertex on screen once', async () => {
    const fetch = stubFetch(answers(() => 0));
    const { result } = renderHook(() => useVisibleWatermarks(JOB, VERTICES, new Set(), false), {
      wrapper: wrapper(),
    });
    await waitFor(() => expect(result.current.values.get(VERTICES[7]!)).toBe(1007));
    expect(askedVertices(fetch).sort()).toEqual([...VERTICES].sort());
  });
});
