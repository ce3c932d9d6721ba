import type { Page } from '@playwright/test';

/** One request a page sent to the JobManager through the `api/` proxy: when, and its path and query. */
export interface ApiRequest {
  readonly at: number;
  /** The path below `api/` with its query, e.g. `/jobs/<id>?x=1`. */
  readonly path: string;
}

/**
 * Records every request the page sends to the JobManager (through the `api/` proxy), with its
 * time, into the returned array as they go out: what the specs' request budgets count.
 */
export function recordApiRequests(page: Page): ApiRequest[] {
  const requests: ApiRequest[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const index = url.pathname.indexOf('/api/');
    if (index >= 0) requests.push({ at: Date.now(), path: url.pathname.slice(index + 4) + url.search });
  });
  return requests;
}
