import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestJson } from './client';
import { endpoints } from './endpoints';
import { FlinkApiError } from './errors';
import { configureServerKind, isArchived, isHistoryServer, resetServerKind, webHistoryOf } from './history-server';
import { configureApi, resetApiSettings } from './settings';
import * as v from 'valibot';

const HS_CONFIG = JSON.stringify({
  'refresh-interval': 10000,
  features: { 'web-submit': false, 'web-cancel': false, 'web-rescale': false, 'web-history': true },
});

function fakeServer(configBody: string) {
  const urls: string[] = [];
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    urls.push(url);
    const body = url.endsWith('/config') ? configBody : '{"jobs":[]}';
    return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return urls;
}

afterEach(() => {
  resetServerKind();
  resetApiSettings();
  vi.unstubAllGlobals();
});

describe('the History Server detection', () => {
  it('knows which endpoints an archive holds', () => {
    expect(isArchived(endpoints.jobDetails)).toBe(true);
    expect(isArchived(endpoints.checkpointDetails)).toBe(true);
    expect(isArchived(endpoints.vertexMetrics)).toBe(false);
    expect(isArchived(endpoints.clusterOverview)).toBe(false);
    expect(isArchived(endpoints.cancelJob)).toBe(false);
  });

  it('reads web-history from /config', () => {
    expect(webHistoryOf(HS_CONFIG)).toBe(true);
    expect(webHistoryOf('{"features":{"web-history":false}}')).toBe(false);
    expect(webHistoryOf('not json')).toBeUndefined();
  });

  it('asks /config first, then refuses what the archive lacks without sending it', async () => {
    configureApi({ baseUrl: 'http://hs.test/' });
    configureServerKind('detect');
    const urls = fakeServer(HS_CONFIG);
    const metrics = requestJson(endpoints.clusterOverview, v.unknown(), {});
    await expect(metrics).rejects.toSatisfy((e) => e instanceof FlinkApiError && e.kind === 'not-archived');
    expect(isHistoryServer()).toBe(true);
    await requestJson(endpoints.jobsOverview, v.unknown(), {});
    expect(urls.map((u) => new URL(u).pathname)).toEqual(['/config', '/jobs/overview']);
  });

  it('sends everything to a JobManager', async () => {
    configureApi({ baseUrl: 'http://jm.test/' });
    configureServerKind('detect');
    const urls = fakeServer(HS_CONFIG.replace('"web-history":true', '"web-history":false'));
    await requestJson(endpoints.clusterOverview, v.unknown(), {});
    expect(isHistoryServer()).toBe(false);
    expect(urls.map((u) => new URL(u).pathname)).toEqual(['/config', '/overview']);
  });

  it('is a History Server from config.json without asking', async () => {
    configureApi({ baseUrl: 'http://hs.test/' });
    configureServerKind('history');
    const urls = fakeServer(HS_CONFIG);
    await expect(requestJson(endpoints.taskManagers, v.unknown(), {})).rejects.toSatisfy(
      (e) => e instanceof FlinkApiError && e.kind === 'not-archived',
    );
    expect(urls).toEqual([]);
  });
});
