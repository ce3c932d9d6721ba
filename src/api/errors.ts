// Errors as values: every way a request to the JobManager can fail becomes a FlinkApiError with
// a `kind` the UI can switch on, and `userMessage` turns it into one sentence a person can act on.

export type FlinkApiErrorKind =
  /** fetch rejected: DNS, refused connection, CORS, offline. */
  | 'network'
  /** The client's own deadline (settings.timeoutMs, or a polling deadline) passed. */
  | 'timeout'
  /** Non-2xx answer not covered by a more specific kind; Flink's `errors` in flinkMessages. */
  | 'http'
  /** A 2xx answer that is not the JSON we asked for (an HTML proxy page, for instance). */
  | 'not-json'
  /**
   * The user's session with an authenticating proxy ended: 401; a 403 that is not Flink's JSON;
   * a redirect that landed on an HTML (login) page; an opaque redirect.
   */
  | 'session-expired'
  /**
   * A 403 in Flink's own JSON error shape: the JobManager (or a proxy speaking its language)
   * refused this action; signing in again would not help.
   */
  | 'forbidden'
  /** The answer is JSON but does not have the shape the UI relies on. */
  | 'bad-shape'
  /** 404: the job, vertex, trigger id ... is not (or no longer) known to the JobManager. */
  | 'not-found'
  /** Refused locally: the dashboard runs read-only and this is not a GET. */
  | 'read-only'
  /** Refused locally: a History Server's archive does not hold this (see history-server.ts). */
  | 'not-archived'
  /** Refused locally: a path parameter or query value failed validation (nothing was sent). */
  | 'invalid-request'
  /** The caller aborted the request (react-query cancelled it, the page was left). */
  | 'aborted'
  /** An opened snapshot is shown and holds no answer for this request (nothing was sent). */
  | 'not-in-snapshot';

export interface FlinkApiErrorInit {
  kind: FlinkApiErrorKind;
  /** `${verb} ${template}`, e.g. `GET /jobs/:jobid`. */
  endpoint: string;
  url?: string;
  /** HTTP status, 0 when no response was received. */
  status?: number;
  /** Messages from Flink's `{"errors": [...]}` body. */
  flinkMessages?: readonly string[];
  /** A short, whitespace-collapsed beginning of a non-JSON body. */
  snippet?: string;
  /** For bad-shape: the decoding problems, e.g. `jobs[2].state: expected string`. */
  issues?: readonly string[];
  message?: string;
  cause?: unknown;
}

export class FlinkApiError extends Error {
  override readonly name = 'FlinkApiError';
  readonly kind: FlinkApiErrorKind;
  readonly endpoint: string;
  readonly url: string;
  readonly status: number;
  readonly flinkMessages: readonly string[];
  readonly snippet: string;
  readonly issues: readonly string[];

  constructor(init: FlinkApiErrorInit) {
    super(init.message ?? defaultMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.url = init.url ?? '';
    this.status = init.status ?? 0;
    this.flinkMessages = init.flinkMessages ?? [];
    this.snippet = init.snippet ?? '';
    this.issues = init.issues ?? [];
  }

  /** Whether the same request may succeed when tried again; see {@link isRetryable}. */
  get isRetryable(): boolean {
    return isRetryable(this);
  }

  /**
   * Flink's message for a person: the first line of its first meaningful message (the rest is
   * a server-side stack trace). For `["Internal server error.", "<Exception on server side:\n
   * java.lang.X: what happened ..."]` it is the exception's line, `java.lang.X: what happened`.
   */
  get flinkMessage(): string | undefined {
    return summarizeFlinkMessages(this.flinkMessages);
  }
}

export function isFlinkApiError(value: unknown): value is FlinkApiError {
  return value instanceof FlinkApiError;
}

/** A snapshot is shown and did not record this answer. */
export function isNotInSnapshot(error: unknown): error is FlinkApiError {
  return error instanceof FlinkApiError && error.kind === 'not-in-snapshot';
}

/** The JobManager answered 404: the job, vertex, checkpoint ... it was asked about is gone. */
export function isNotFound(error: unknown): error is FlinkApiError {
  return error instanceof FlinkApiError && error.kind === 'not-found';
}

/**
 * A `not-json` answer that looked like JSON but did not parse (cut off, corrupted, a bare NaN),
 * as opposed to a web page (a proxy's error or sign-in page) where JSON was expected. Only the
 * latter says something about a proxy or a session.
 */
export function isBrokenJson(error: unknown): boolean {
  return error instanceof FlinkApiError && error.kind === 'not-json' && error.cause instanceof SyntaxError;
}

/** See {@link FlinkApiError.flinkMessage}. */
export function summarizeFlinkMessages(messages: readonly string[]): string | undefined {
  const meaningful = messages.map((m) => m.trim()).filter((m) => m !== '' && m !== 'Internal server error.');
  const first = meaningful[0];
  if (first === undefined) return messages.length ? firstLine(messages[0] ?? '') || undefined : undefined;
  const serverSide = /^<Exception on server side:\s*\n?([^\n]*)/.exec(first);
  if (serverSide?.[1]) return serverSide[1].trim();
  return firstLine(first);
}

function firstLine(text: string): string {
  const line = text.trim().split('\n', 1)[0] ?? '';
  return line.trim();
}

function defaultMessage(init: FlinkApiErrorInit): string {
  const where = `${init.endpoint}${init.url ? ` (${init.url})` : ''}`;
  const flink = summarizeFlinkMessages(init.flinkMessages ?? []);
  switch (init.kind) {
    case 'bad-shape':
      return `${where}: unexpected response shape: ${(init.issues ?? []).slice(0, 3).join('; ')}`;
    case 'not-json':
      return `${where}: expected JSON, got: ${init.snippet ?? ''}`;
    default:
      return `${where}: ${init.kind}${init.status ? ` ${init.status}` : ''}${flink ? `: ${flink}` : ''}`;
  }
}

/**
 * Some Flink messages start with the Java exception class that carried them; a person does not
 * need it. `org.apache.flink.runtime.rest.NotFoundException: Job 1234 not found` -> `Job 1234 not found`.
 */
export function stripJavaExceptionPrefix(message: string): string {
  let out = message;
  for (;;) {
    const next = out.replace(/^(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable): /, '');
    if (next === out) return out;
    out = next;
  }
}

/** A request a History Server's archive cannot answer, refused without sending it. */
export function isNotArchived(error: unknown): boolean {
  return error instanceof FlinkApiError && error.kind === 'not-archived';
}

/** One sentence a user can act on. */
export function userMessage(error: unknown): string {
  if (!(error instanceof FlinkApiError)) {
    return error instanceof Error
      ? `Something went wrong in the dashboard: ${error.message}`
      : 'Something went wrong in the dashboard.';
  }
  const flink = error.flinkMessage === undefined ? undefined : stripJavaExceptionPrefix(error.flinkMessage);
  switch (error.kind) {
    case 'network':
      return 'The dashboard cannot reach the JobManager; check your connection and that the cluster is running.';
    case 'timeout':
      return 'The JobManager did not answer in time; it may be overloaded, try again in a moment.';
    case 'session-expired':
      return 'Your session has expired; reload the page to sign in again.';
    case 'forbidden':
      return flink ? `The JobManager refused this action: ${flink}` : 'You are not allowed to do this on this cluster.';
    case 'not-found':
      return flink && !/^(Not found: \/|Unable to load requested file )/.test(flink)
        ? `Flink no longer knows this: ${flink}`
        : 'Flink does not know this resource; it may have finished and been removed, or this Flink version does not offer it.';
    case 'read-only':
      return 'The dashboard is in read-only mode, so it does not change anything on the cluster.';
    case 'not-archived':
      return "This is not kept in the History Server's archive: it holds what Flink saved when the job ended, without metrics, samples or logs.";
    case 'invalid-request':
      return `The dashboard refused to send an invalid request: ${error.message}`;
    case 'aborted':
      return 'The request was cancelled.';
    case 'not-in-snapshot':
      return 'Not in this snapshot: the dashboard had not loaded this when the snapshot was taken.';
    case 'not-json':
      return isBrokenJson(error)
        ? "The JobManager's answer was not valid JSON (cut off or corrupted on the way); it is asked again at the next refresh."
        : 'Something between the dashboard and the JobManager (a proxy?) answered with a web page instead of data; check the proxy configuration.';
    case 'bad-shape':
      return 'The JobManager answered in a form this dashboard does not understand; this Flink version may not be supported.';
    case 'http':
      if (flink) return `Flink reported an error: ${flink}`;
      if (error.status === 502 || error.status === 503 || error.status === 504) {
        return `The proxy in front of the JobManager answered ${error.status}: the JobManager may be down or restarting, try again shortly.`;
      }
      return `The JobManager answered with HTTP ${error.status}; try again, and check its logs if this persists.`;
  }
}

/** Whether trying the same request again may succeed (a GET, or an idempotent trigger). */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof FlinkApiError)) return false;
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return true;
    case 'http':
      return error.status === 429 || error.status === 502 || error.status === 503 || error.status === 504;
    default:
      return false;
  }
}

/** A react-query `retry` function: up to `maxRetries` attempts for retryable errors only. */
export function shouldRetry(failureCount: number, error: unknown, maxRetries = 2): boolean {
  return failureCount < maxRetries && isRetryable(error);
}

// ---- connection failures -------------------------------------------------------------------

const CONNECTION_DOWN_STATUSES = new Set([502, 503, 504]);

/**
 * Which failures mean the connection is down, as opposed to one panel's problem. An expired
 * session behind an authenticating proxy shows as a 401, a 403 that is not Flink's, a redirect
 * to a sign-in page, or a web page where JSON was expected (`not-json` that is not broken JSON):
 * the JobManager itself always answers JSON, so a web page comes from something in front of it.
 */
export function connectionFailure(error: unknown): 'unreachable' | 'session-expired' | null {
  if (!(error instanceof FlinkApiError)) return null;
  if (error.kind === 'session-expired') return 'session-expired';
  // A web page where JSON was expected, not JSON that broke on the way, which is one answer's problem.
  if (error.kind === 'not-json' && !isBrokenJson(error)) return 'session-expired';
  if (error.kind === 'network' || error.kind === 'timeout') return 'unreachable';
  if (error.kind === 'http' && CONNECTION_DOWN_STATUSES.has(error.status)) return 'unreachable';
  return null;
}
