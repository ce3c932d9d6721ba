// Test helpers for src/api: recorded fixtures turned into fetch responses, and a fetch stub.
// Only imported by *.test.ts files.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

export interface RecordedFixture {
  recordedFrom: string;
  request: { method: string; path: string };
  status: number;
  contentType: string;
  redirected: boolean;
  location?: string;
  json?: unknown;
  text?: string;
}

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** `fixture('flink-2.3.0/config')`, `fixture('proxy/nginx-502-bad-gateway')`. */
export function fixture(name: string): RecordedFixture {
  return JSON.parse(readFileSync(path.join(fixturesDir, `${name}.json`), 'utf8')) as RecordedFixture;
}

/** The recorded Flink versions (folders `flink-<version>`). */
export function recordedVersions(): string[] {
  return readdirSync(fixturesDir)
    .filter((d) => d.startsWith('flink-'))
    .map((d) => d.slice('flink-'.length))
    .sort();
}

export function fixtureBody(f: RecordedFixture): string {
  return f.json === undefined ? (f.text ?? '') : JSON.stringify(f.json);
}

/** A fetch Response carrying a recorded answer (status, content type, redirected flag). */
export function responseFrom(
  f: RecordedFixture,
  overrides: { body?: string; status?: number; type?: ResponseType } = {},
): Response {
  const status = overrides.status ?? f.status;
  const response = new Response(overrides.body ?? fixtureBody(f), {
    status,
    headers: { 'content-type': f.contentType },
  });
  if (f.redirected) Object.defineProperty(response, 'redirected', { value: true });
  if (overrides.type) Object.defineProperty(response, 'type', { value: overrides.type });
  return response;
}

export type FetchHandler = (url: string, init: RequestInit) => Response | Promise<Response>;

/** Replaces global fetch; returns the mock (its calls are `[url, init]`). */
export function stubFetch(handler: FetchHandler) {
  const mock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return Promise.resolve(handler(url, init ?? {}));
  });
  vi.stubGlobal('fetch', mock);
  return mock;
}

/** A fetch that never answers until its signal aborts (then rejects like fetch does). */
export function hangingFetch() {
  const mock = vi.fn(
    (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        const signal = init?.signal;
        if (!signal) return;
        const fail = () => reject(new DOMException('This operation was aborted', 'AbortError'));
        if (signal.aborted) fail();
        else signal.addEventListener('abort', fail, { once: true });
      }),
  );
  vi.stubGlobal('fetch', mock);
  return mock;
}
