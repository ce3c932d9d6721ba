// Runtime settings of the REST client, and its instrumentation hook.
//
// The dashboard is served at any sub-path with the JobManager proxied beneath it at `api/`, so
// the default base URL is relative to the page. Node tests configure an absolute URL instead.

import type { HttpVerb } from './endpoints';

export interface ApiSettings {
  /** Where the JobManager's REST API lives, relative to the page (`'api/'`) or absolute. */
  readonly baseUrl: string;
  /** Optional REST version prefix such as `'v1'`; empty for none (Flink picks the oldest). */
  readonly versionPrefix: string;
  /** When true the client refuses every verb but GET, without touching the network. */
  readonly readOnly: boolean;
  /** Per-request deadline in milliseconds (0 disables the client's own timeout). */
  readonly timeoutMs: number;
}

/**
 * Another cluster than the active one, for the views that read several clusters at once (the
 * fleet overview, the fleet's health wall): its base URL and version prefix.
 */
export interface ClusterTarget {
  readonly baseUrl: string;
  readonly versionPrefix: string;
}

export const DEFAULT_API_SETTINGS: ApiSettings = Object.freeze({
  baseUrl: 'api/',
  versionPrefix: '',
  readOnly: false,
  timeoutMs: 30_000,
});

let current: ApiSettings = DEFAULT_API_SETTINGS;

/** Changes the client's settings; fields left out keep their current value. */
export function configureApi(changes: Partial<ApiSettings>): ApiSettings {
  const next: ApiSettings = { ...current, ...changes };
  if (!/^(v\d+)?$/.test(next.versionPrefix)) {
    throw new Error(`versionPrefix must look like "v1" or be empty, got "${next.versionPrefix}"`);
  }
  if (!Number.isFinite(next.timeoutMs) || next.timeoutMs < 0) {
    throw new Error(`timeoutMs must be a non-negative number, got ${String(next.timeoutMs)}`);
  }
  current = Object.freeze(next);
  return current;
}

export function getApiSettings(): ApiSettings {
  return current;
}

/** Restores the defaults (tests). */
export function resetApiSettings(): void {
  current = DEFAULT_API_SETTINGS;
}

/** What the client reports for every request it is asked to make, before it is sent. */
export interface RequestEvent {
  readonly verb: HttpVerb;
  /** The endpoint template, e.g. `/jobs/:jobid/vertices/:vertexid`. */
  readonly template: string;
  /** `${verb} ${template}`: the key the endpoints table and the contract suite use. */
  readonly endpoint: string;
  readonly url: string;
}

/** What the client reports once a request settled (answered, decoded or failed). */
export interface ResponseEvent extends RequestEvent {
  /** HTTP status, or 0 when there was no response (refused locally, network, timeout). */
  readonly status: number;
  readonly ok: boolean;
  readonly errorKind?: string;
  readonly durationMs: number;
}

export interface ApiListener {
  onRequest?: (event: RequestEvent) => void;
  onResponse?: (event: ResponseEvent) => void;
}

const listeners = new Set<ApiListener>();

/** Registers an instrumentation listener; returns the function that removes it. */
export function addApiListener(listener: ApiListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function emitRequest(event: RequestEvent): void {
  for (const l of listeners) l.onRequest?.(event);
}

export function emitResponse(event: ResponseEvent): void {
  for (const l of listeners) l.onResponse?.(event);
}
