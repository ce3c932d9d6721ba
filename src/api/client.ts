// The only place that turns an endpoint template and its parameters into a URL, sends it, and
// turns the answer into a decoded value or a FlinkApiError.
//
// Layers (each unit-tested): buildUrl (pure) -> send (fetch, timeout, abort, classification)
// -> requestJson / requestText (decoding at the boundary).

import * as v from 'valibot';
import {
  isArchived,
  isHistoryServer,
  noteConfigSent,
  noteWebHistory,
  serverKindKnown,
  webHistoryOf,
} from './history-server';
import { endpointKey, endpoints, type EndpointSpec, type ParamName, type PathParams } from './endpoints';
import { FlinkApiError } from './errors';
import { decode, parseJsonText, snippetOf, type AnswerOrigin } from './decode';
import { checkPathParam } from './ids';
import { serializeQuery, type QueryParams } from './query';
import { emitRequest, emitResponse, getApiSettings, type ApiSettings, type ClusterTarget } from './settings';
import { activeSnapshot } from './snapshot';

type TemplateOf<E extends EndpointSpec> = E['template'];

/** `params` is required exactly when the template has parameters. */
export type ParamsOption<E extends EndpointSpec> = [keyof PathParams<TemplateOf<E>>] extends [never]
  ? { readonly params?: undefined }
  : { readonly params: PathParams<TemplateOf<E>> };

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

export type RequestOptions<E extends EndpointSpec> = ParamsOption<E> & {
  readonly query?: QueryParams;
  /** A JSON body, or multipart form data (jar upload). */
  readonly body?: JsonValue | FormData;
  /** react-query's signal, or any other: aborting it rejects with kind `aborted`. */
  readonly signal?: AbortSignal;
  /** Overrides settings.timeoutMs for this request. */
  readonly timeoutMs?: number;
  /**
   * Reports the request body's upload progress (a jar upload). fetch cannot, so such a request
   * goes through XMLHttpRequest; everything else (errors, read-only, instrumentation) is the same.
   */
  readonly onUploadProgress?: (loaded: number, total: number) => void;
  /**
   * Sends to this cluster rather than the active one (the fleet views read every cluster at
   * once). Such a request is a GET (anything else is refused as read-only) and takes no part in
   * the active cluster's History Server detection: the fleet knows each cluster's kind.
   */
  readonly target?: ClusterTarget;
  /**
   * A 2xx answer's body is handed on as bytes, not decoded to a string on the page: for an answer
   * decoded in a worker, where the bytes move without a copy (`requestDecoded`).
   */
  readonly bodyAsBytes?: boolean;
};

/** What `send` needs of an answer, from fetch or from XMLHttpRequest. */
interface TransportResponse {
  readonly status: number;
  readonly redirected: boolean;
  readonly type: string;
  readonly contentType: string;
  readonly text: () => Promise<string>;
  /** The body as bytes, undecoded (fetch only). */
  readonly bytes?: () => Promise<ArrayBuffer>;
}

async function fetchResponse(url: string, init: RequestInit): Promise<TransportResponse> {
  const response = await fetch(url, init);
  return {
    status: response.status,
    redirected: response.redirected,
    type: response.type,
    contentType: response.headers.get('content-type') ?? '',
    text: () => response.text(),
    bytes: () => response.arrayBuffer(),
  };
}

/** The same request through XMLHttpRequest, for its upload progress events. */
function xhrResponse(
  url: string,
  init: RequestInit,
  onUploadProgress: (loaded: number, total: number) => void,
): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method ?? 'GET', url);
    xhr.withCredentials = init.credentials === 'include';
    for (const [name, value] of Object.entries((init.headers ?? {}) as Record<string, string>))
      xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onUploadProgress(event.loaded, event.lengthComputable ? event.total : 0);
    xhr.onload = () => {
      const text = xhr.responseText;
      resolve({
        status: xhr.status,
        redirected: xhr.responseURL !== '' && xhr.responseURL !== new URL(url, document.baseURI).href,
        type: 'basic',
        contentType: xhr.getResponseHeader('content-type') ?? '',
        text: () => Promise.resolve(text),
      });
    };
    xhr.onerror = () => reject(new TypeError('XMLHttpRequest failed'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    const signal = init.signal;
    if (signal) {
      if (signal.aborted) {
        reject(new DOMException('aborted', 'AbortError'));
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
  });
}

const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:/i;

function resolveBase(settings: ApiSettings, endpoint: string): string {
  const base = settings.baseUrl.endsWith('/') ? settings.baseUrl : `${settings.baseUrl}/`;
  if (ABSOLUTE_URL.test(base)) return base;
  const documentBase = typeof document === 'undefined' ? undefined : document.baseURI;
  if (!documentBase) {
    throw new FlinkApiError({
      kind: 'invalid-request',
      endpoint,
      message: `the base URL "${settings.baseUrl}" is relative but there is no page to resolve it against; configureApi({ baseUrl: 'http://host:8081/' })`,
    });
  }
  return new URL(base, documentBase).href;
}

/** Fills a template's `:name` segments with validated, percent-encoded values. */
export function buildPath(
  endpoint: Pick<EndpointSpec, 'verb' | 'template'>,
  params: Readonly<Record<string, string | number>> | undefined,
): string {
  const key = endpointKey(endpoint);
  const used = new Set<string>();
  const path = endpoint.template
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment;
      const name = segment.slice(1) as ParamName;
      const value = params?.[name];
      const problem = checkPathParam(name, value);
      if (problem !== undefined) throw new FlinkApiError({ kind: 'invalid-request', endpoint: key, message: problem });
      used.add(name);
      return encodeURIComponent(String(value));
    })
    .join('/');
  for (const name of Object.keys(params ?? {})) {
    if (!used.has(name)) {
      throw new FlinkApiError({
        kind: 'invalid-request',
        endpoint: key,
        message: `${endpoint.template} has no parameter :${name}`,
      });
    }
  }
  return path;
}

/**
 * The absolute URL of an endpoint under the configured base URL and version prefix, e.g.
 * `http://127.0.0.1:8081/v1/jobs/<id>/vertices/<id>/subtasks/metrics?agg=max&subtasks=0-3`.
 * Also what a page uses to link to a log file (`<a href>`), so links follow the same rules.
 */
export function buildUrl<E extends EndpointSpec>(
  endpoint: E,
  options: ParamsOption<E> & { readonly query?: QueryParams },
  settings: ApiSettings = getApiSettings(),
): string {
  const key = endpointKey(endpoint);
  const path = buildPath(endpoint, options.params).replace(/^\//, '');
  const prefix = settings.versionPrefix ? `${settings.versionPrefix}/` : '';
  return new URL(`${prefix}${path}${serializeQuery(options.query, key)}`, resolveBase(settings, key)).href;
}

// ---- sending ----------------------------------------------------------------------------------

const FlinkErrorBody = v.looseObject({ errors: v.array(v.string()) });

/** Flink's `{"errors": [...]}` messages, or undefined when the body is not in that shape. */
export function parseFlinkErrors(text: string): string[] | undefined {
  try {
    const parsed = v.safeParse(FlinkErrorBody, JSON.parse(text));
    return parsed.success ? parsed.output.errors : undefined;
  } catch {
    return undefined;
  }
}

function isHtml(contentType: string, text: string): boolean {
  return /html/i.test(contentType) || /^\s*<(!doctype|html|head|body)\b/i.test(text);
}

/** Classifies a non-2xx (or redirected-to-login) answer. Exported for unit tests. */
export function classifyResponse(args: {
  endpoint: string;
  url: string;
  status: number;
  redirected: boolean;
  type: string;
  contentType: string;
  text: string;
}): FlinkApiError | undefined {
  const { endpoint, url, status, redirected, type, contentType, text } = args;
  if (type === 'opaqueredirect') {
    return new FlinkApiError({
      kind: 'session-expired',
      endpoint,
      url,
      status,
      message: `${endpoint}: redirected (opaque redirect), most likely to a sign-in page`,
    });
  }
  // A plain 2xx answer is the common case: no error to describe, so the body is not parsed
  // or scanned here (a 50 MB log or a 3 MB flame graph would be, twice).
  if (status >= 200 && status < 300 && !(redirected && isHtml(contentType, text))) return undefined;
  const flinkMessages = parseFlinkErrors(text);
  const snippet = flinkMessages ? '' : snippetOf(text);
  if (status === 401)
    return new FlinkApiError({ kind: 'session-expired', endpoint, url, status, flinkMessages, snippet });
  if (status === 403) {
    // Rule: a 403 in Flink's JSON error shape comes from the JobManager (or a proxy that speaks
    // its language) and means "not allowed"; any other 403 (an HTML or empty page) comes from an
    // authenticating proxy whose session ended, and signing in again is what helps.
    return new FlinkApiError({
      kind: flinkMessages ? 'forbidden' : 'session-expired',
      endpoint,
      url,
      status,
      flinkMessages,
      snippet,
    });
  }
  if (status >= 200 && status < 300) {
    if (redirected && isHtml(contentType, text)) {
      return new FlinkApiError({
        kind: 'session-expired',
        endpoint,
        url,
        status,
        snippet,
        message: `${endpoint}: redirected to a web page (${snippet.slice(0, 60)}), most likely a sign-in page`,
      });
    }
    return undefined;
  }
  if (status === 404) return new FlinkApiError({ kind: 'not-found', endpoint, url, status, flinkMessages, snippet });
  return new FlinkApiError({ kind: 'http', endpoint, url, status, flinkMessages, snippet });
}

/** A 2xx answer that passed classification: its body read, with what instrumentation needs. */
interface CheckedResponse {
  readonly status: number;
  readonly contentType: string;
  /** The body; only its start when `bytes` holds it (`bodyAsBytes`). */
  readonly text: string;
  readonly bytes?: ArrayBuffer | undefined;
  readonly url: string;
  readonly key: string;
  readonly started: number;
}

// ---- early reads -------------------------------------------------------------------------------
// A deep link's first answers (the server's /config, the job's details) are asked for as soon as
// config.json is read, while the page's code still downloads: else the first request leaves only
// once the route's chunks have loaded and rendered (on a slow link or a loaded JobManager, the two
// waits add up). The first request for the same URL takes the answer, once; one nobody takes is
// dropped after EARLY_KEPT_MS.

/** How long an early answer waits for its request (a page's chunks may take this long to load). */
const EARLY_KEPT_MS = 15_000;
const earlyAnswers = new Map<string, Promise<TransportResponse>>();

/** Starts a GET of the active cluster now, for the first `send` of the same URL to take. */
export function readEarly<E extends EndpointSpec>(endpoint: E, options: RequestOptions<E>): void {
  if (endpoint.verb !== 'GET' || options.target || activeSnapshot()) return;
  const settings = getApiSettings();
  if (isHistoryServer(settings.baseUrl) && !isArchived(endpoint)) return;
  let url: string;
  try {
    url = buildUrl(endpoint, options, settings);
  } catch {
    return; // A link with a malformed id: the page says so when it asks.
  }
  if (earlyAnswers.has(url)) return;
  const answer = fetchResponse(url, {
    method: 'GET',
    headers: { Accept: endpoint.response === 'json' ? 'application/json' : 'text/plain, */*' },
    credentials: 'same-origin',
    redirect: 'follow',
    signal: settings.timeoutMs > 0 ? AbortSignal.timeout(settings.timeoutMs) : undefined,
  });
  // A failure is the taker's to report (send classifies it as for any request); unhandled, never.
  answer.catch(() => undefined);
  earlyAnswers.set(url, answer);
  setTimeout(() => {
    if (earlyAnswers.get(url) === answer) earlyAnswers.delete(url);
  }, EARLY_KEPT_MS);
}

/** The early answer for `url`, taken (a second request sends its own). */
function takeEarly(url: string): Promise<TransportResponse> | undefined {
  const answer = earlyAnswers.get(url);
  earlyAnswers.delete(url);
  return answer;
}

/** `answer`, or a rejection as soon as `signal` aborts (the taker's timeout or cancellation). */
function untilAborted<T>(answer: Promise<T>, signal: AbortSignal): Promise<T> {
  // send tells a timeout from a cancellation by its own signals, not by this reason.
  const aborted = (): DOMException => new DOMException('The request was aborted', 'AbortError');
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(aborted());
      return;
    }
    const onAbort = (): void => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Sends `GET /config` for the History Server detection when no one else has (history-server.ts). */
function detectServerKind(): void {
  send(endpoints.webConfig, {}).catch(() => undefined);
}

async function send<E extends EndpointSpec>(endpoint: E, options: RequestOptions<E>): Promise<CheckedResponse> {
  const target = options.target;
  // The active cluster when the request was asked for: a dashboard with several clusters may
  // switch while this one waits for the detection below; it still goes where it was meant to.
  const active = getApiSettings();
  if (endpoint.verb === 'GET' && !target) await serverKindKnown(endpoint, detectServerKind, active.baseUrl);
  const isConfig = !target && endpoint.verb === 'GET' && endpoint.template === endpoints.webConfig.template;
  const settings: ApiSettings = target
    ? { ...active, baseUrl: target.baseUrl, versionPrefix: target.versionPrefix, readOnly: true }
    : active;
  const key = endpointKey(endpoint);
  const url = buildUrl(endpoint, options, settings);
  const started = Date.now();
  const base = { verb: endpoint.verb, template: endpoint.template, endpoint: key, url };
  const fail = (error: FlinkApiError): never => {
    if (isConfig) noteWebHistory(undefined, active.baseUrl);
    emitResponse({ ...base, status: error.status, ok: false, errorKind: error.kind, durationMs: Date.now() - started });
    throw error;
  };

  // An opened snapshot has no JobManager: nothing is ever sent (queries answer from the snapshot).
  if (activeSnapshot()) {
    fail(
      new FlinkApiError({
        kind: 'not-in-snapshot',
        endpoint: key,
        url,
        message: `${key}: not in this snapshot`,
      }),
    );
  }
  if (!target && isHistoryServer(active.baseUrl) && !isArchived(endpoint)) {
    fail(
      new FlinkApiError({
        kind: 'not-archived',
        endpoint: key,
        url,
        message: `${key}: not sent, a History Server's archive does not hold it`,
      }),
    );
  }
  if (settings.readOnly && endpoint.verb !== 'GET') {
    fail(
      new FlinkApiError({
        kind: 'read-only',
        endpoint: key,
        url,
        message: `${key}: refused, the dashboard is read-only`,
      }),
    );
  }
  if (options.signal?.aborted) fail(new FlinkApiError({ kind: 'aborted', endpoint: key, url }));

  const timeoutMs = options.timeoutMs ?? settings.timeoutMs;
  const timeout = new AbortController();
  const timer = timeoutMs > 0 ? setTimeout(() => timeout.abort(), timeoutMs) : undefined;
  const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;

  const headers: Record<string, string> = {
    Accept: endpoint.response === 'json' ? 'application/json' : 'text/plain, */*',
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }

  const whyStopped = (cause: unknown): FlinkApiError => {
    if (timeout.signal.aborted) {
      return new FlinkApiError({
        kind: 'timeout',
        endpoint: key,
        url,
        cause,
        message: `${key}: no answer within ${timeoutMs} ms`,
      });
    }
    if (options.signal?.aborted) return new FlinkApiError({ kind: 'aborted', endpoint: key, url, cause });
    return new FlinkApiError({
      kind: 'network',
      endpoint: key,
      url,
      cause,
      message: `${key}: ${cause instanceof Error ? cause.message : String(cause)}`,
    });
  };

  if (isConfig) noteConfigSent(active.baseUrl);
  emitRequest(base);
  try {
    let response: TransportResponse;
    const init: RequestInit = {
      method: endpoint.verb,
      headers,
      body,
      signal,
      credentials: 'same-origin',
      redirect: 'follow',
    };
    try {
      const early = endpoint.verb === 'GET' && !target ? takeEarly(url) : undefined;
      response = early
        ? await untilAborted(early, signal)
        : options.onUploadProgress
          ? await xhrResponse(url, init, options.onUploadProgress)
          : await fetchResponse(url, init);
    } catch (cause) {
      return fail(whyStopped(cause));
    }
    let text: string;
    let bytes: ArrayBuffer | undefined;
    try {
      if (options.bodyAsBytes && response.bytes && response.status >= 200 && response.status < 300) {
        bytes = await response.bytes();
        // Decoded here only as far as the checks below look (an HTML page in place of JSON).
        text = new TextDecoder().decode(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 1024)));
      } else {
        text = await response.text();
      }
    } catch (cause) {
      return fail(whyStopped(cause));
    }
    const contentType = response.contentType;
    const problem = classifyResponse({
      endpoint: key,
      url,
      status: response.status,
      redirected: response.redirected,
      type: response.type,
      contentType,
      text,
    });
    if (problem) fail(problem);
    if (isConfig) noteWebHistory(webHistoryOf(text), active.baseUrl);
    return { status: response.status, contentType, text, bytes, url, key, started };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

export { decode, formatIssues, parseJsonText, snippetOf, type AnswerOrigin } from './decode';

/** Sends a request and decodes its JSON answer with `schema`. */
export function requestJson<E extends EndpointSpec, S extends v.GenericSchema>(
  endpoint: E,
  schema: S,
  options: RequestOptions<E>,
): Promise<v.InferOutput<S>> {
  return requestDecoded(endpoint, options, (body, at) =>
    decode(schema, parseJsonText(body, at), at.endpoint, at.url, at.status),
  );
}

/**
 * Sends a request for JSON and hands its answer's body to `decodeBody` (requestJson parses and
 * decodes it here; a large answer polled often may be decoded in a worker instead, its bytes
 * undecoded: `bodyAsBytes`). An HTML page in place of JSON is refused first, and the outcome is
 * reported as for any request.
 */
export async function requestDecoded<E extends EndpointSpec, T>(
  endpoint: E,
  options: RequestOptions<E>,
  decodeBody: (body: string | ArrayBuffer, at: AnswerOrigin) => T | Promise<T>,
): Promise<T> {
  const sent = await send(endpoint, options);
  const base = { verb: endpoint.verb, template: endpoint.template, endpoint: sent.key, url: sent.url };
  const at: AnswerOrigin = { endpoint: sent.key, url: sent.url, status: sent.status };
  try {
    if (isHtml(sent.contentType, sent.text)) {
      throw new FlinkApiError({ kind: 'not-json', ...at, snippet: snippetOf(sent.text) });
    }
    const output = await decodeBody(sent.bytes ?? sent.text, at);
    emitResponse({ ...base, status: sent.status, ok: true, durationMs: Date.now() - sent.started });
    return output;
  } catch (error) {
    if (error instanceof FlinkApiError) {
      emitResponse({
        ...base,
        status: sent.status,
        ok: false,
        errorKind: error.kind,
        durationMs: Date.now() - sent.started,
      });
    }
    throw error;
  }
}

/** Sends a request for a text file (logs, stdout) and returns its content. */
export async function requestText<E extends EndpointSpec>(endpoint: E, options: RequestOptions<E>): Promise<string> {
  const sent = await send(endpoint, options);
  const base = {
    verb: endpoint.verb,
    template: endpoint.template,
    endpoint: sent.key,
    url: sent.url,
    status: sent.status,
  };
  if (/html/i.test(sent.contentType)) {
    // Log files are served as text/plain; an HTML page here is a proxy's or an app shell's.
    const error = new FlinkApiError({
      kind: 'not-json',
      endpoint: sent.key,
      url: sent.url,
      status: sent.status,
      snippet: snippetOf(sent.text),
      message: `${sent.key}: expected a text file, got a web page: ${snippetOf(sent.text).slice(0, 80)}`,
    });
    emitResponse({ ...base, ok: false, errorKind: error.kind, durationMs: Date.now() - sent.started });
    throw error;
  }
  emitResponse({ ...base, ok: true, durationMs: Date.now() - sent.started });
  return sent.text;
}
