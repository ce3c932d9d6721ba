// A fault-injecting HTTP proxy between the browser and a real JobManager.
//
// It serves the built dashboard (dist/, with a config.json of the test's choosing) and forwards
// `api/` to the JobManager, as the example nginx configuration does. Everything the app reads
// comes from the real JobManager, except that chosen endpoints can be made to fail, one fault at
// a time, the way real deployments fail:
//
//   flink-500            500 in Flink's own error JSON (an exception on the server side)
//   nginx-502, nginx-504 the HTML pages nginx sends (recorded in src/api/fixtures/proxy/)
//   unauthorized-401     nginx's 401 page (no WWW-Authenticate: an SSO proxy, not a browser prompt)
//   forbidden-403        nginx's 403 page (an authenticating proxy refusing an ended session)
//   forbidden-403-flink  a 403 in Flink's error JSON (the JobManager refusing an action)
//   redirect-login       302 to a sign-in page on the same origin, which answers 200 HTML
//   truncated-json       the real answer cut in half (framing intact: a JSON parse error)
//   invalid-json         the real answer with a bare NaN literal in it
//   wrong-shape          the real answer, reshaped by the test (a string for a number, ...)
//   delay                the real answer, after `delayMs` (default 10 s)
//   reset                the TCP connection reset without an answer
//
// When the JobManager does not answer at all (refused, killed), the proxy answers like nginx:
// 502 with nginx's page; after 60 s without an answer, 504.
//
// Every API request is logged (time, path, status, upstream latency, fault) so tests and the
// many-viewers script can measure the request rate the JobManager sees.

import { readFileSync } from 'node:fs';
import { readDistFile } from '../support/dist-files.mjs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type FaultKind =
  | 'flink-500'
  | 'nginx-502'
  | 'nginx-504'
  | 'unauthorized-401'
  | 'forbidden-403'
  | 'forbidden-403-flink'
  | 'redirect-login'
  | 'truncated-json'
  | 'invalid-json'
  | 'wrong-shape'
  | 'delay'
  | 'reset';

export interface FaultRule {
  /** Matched against the JobManager path with its query, e.g. `/jobs/<id>/exceptions?maxExceptions=10`. */
  readonly match: RegExp;
  readonly kind: FaultKind;
  /** `delay`: how long before the real answer is sent (default 10 s). */
  readonly delayMs?: number;
  /** `wrong-shape`: how the real answer is damaged (it gets a deep copy). */
  readonly reshape?: (json: unknown) => unknown;
}

export interface RequestRecord {
  /** When the request arrived (ms since the epoch). */
  readonly at: number;
  readonly method: string;
  /** The JobManager path with its query. */
  readonly path: string;
  /** What the browser got; 0 for a reset connection. */
  readonly status: number;
  /** From arrival to the end of the answer. */
  readonly ms: number;
  /** Whether the JobManager was asked (false for injected answers that never reach it). */
  readonly upstream: boolean;
  readonly fault: FaultKind | null;
}

export interface FaultProxy {
  /** The dashboard's address (with a trailing slash). */
  readonly url: string;
  readonly port: number;
  /** Replaces the active faults; the first matching rule applies to a request. */
  setFaults(rules: readonly FaultRule[]): void;
  clearFaults(): void;
  /** API requests seen so far (the newest 100,000). */
  readonly log: readonly RequestRecord[];
  stop(): Promise<void>;
}

export interface FaultProxyOptions {
  /** The JobManager's REST address, e.g. http://127.0.0.1:8081 */
  readonly jobManager: string;
  /** A built dashboard to serve at `/`; without it only `api/` is served. */
  readonly dist?: string;
  /** Served as `/config.json` instead of dist's. */
  readonly config?: Record<string, unknown>;
  /** Where the API lives under the proxy (default `/api/`). */
  readonly apiPrefix?: string;
}

interface Recorded {
  status: number;
  contentType: string;
  text: string;
}

function recordedPage(name: string): Recorded {
  const file = path.join(repoRoot, 'src/api/fixtures/proxy', `${name}.json`);
  const f = JSON.parse(readFileSync(file, 'utf8')) as Recorded;
  return { status: f.status, contentType: f.contentType, text: f.text };
}

const NGINX_502 = recordedPage('nginx-502-bad-gateway');
const NGINX_504 = recordedPage('nginx-504-gateway-timeout');
const NGINX_401 = recordedPage('nginx-401-basic-auth');
const NGINX_403 = recordedPage('nginx-403-forbidden');
/** The faults answered with a page recorded from nginx, as it is (status, type and body). */
const RECORDED_FAULTS: Partial<Record<FaultKind, Recorded>> = {
  'nginx-502': NGINX_502,
  'nginx-504': NGINX_504,
  'unauthorized-401': NGINX_401,
  'forbidden-403': NGINX_403,
};

/** Flink's answer to a handler that threw: the shape of src/api/fixtures/flink-2.3.0/error-*.json. */
export const FLINK_500_MESSAGE =
  'java.util.concurrent.TimeoutException: Invocation of [RemoteRpcInvocation(JobMasterGateway.requestJob(JobID, Duration))] at recipient [pekko.tcp://flink@127.0.0.1:6123/user/rpc/jobmanager_2] timed out. This is usually caused by: 1) Pekko failed sending the message silently, due to problems like oversized payload or serialization failures. In that case, you should find detailed error information in the logs. 2) The recipient needs more time for responding, due to problems like slow machines or network jitters. In that case, you can try to increase pekko.ask.timeout.';
const FLINK_500_BODY = JSON.stringify({
  errors: [
    'Internal server error.',
    `<Exception on server side:\njava.util.concurrent.CompletionException: ${FLINK_500_MESSAGE}\n\tat java.base/java.util.concurrent.CompletableFuture.encodeRelay(CompletableFuture.java:368)\n\tat org.apache.flink.runtime.rest.handler.AbstractHandler.respondAsLeader(AbstractHandler.java:196)\n\nEnd of exception on server side>`,
  ],
});
export const FLINK_403_MESSAGE = 'Forbidden: the fault proxy refuses this request.';
const FLINK_403_BODY = JSON.stringify({ errors: [FLINK_403_MESSAGE] });

const SIGN_IN_PATH = '/sso/sign_in';
const SIGN_IN_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Sign in to continue</h1><form method="post" action="/sso/sign_in"><input name="user"><button>Sign in</button></form></body></html>';

const UPSTREAM_TIMEOUT_MS = 60_000;
const LOG_LIMIT = 100_000;

interface UpstreamAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A bare NaN where the first number value is: what Jackson writes without WRITE_NAN_AS_STRINGS. */
function breakJson(text: string): string {
  const marker = '@@BARE_NAN@@';
  const root = JSON.parse(text) as unknown;
  let replaced = false;
  const walk = (node: unknown): void => {
    if (replaced || node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (replaced) return;
      if (typeof record[key] === 'number') {
        record[key] = marker;
        replaced = true;
      } else walk(record[key]);
    }
  };
  walk(root);
  const out = JSON.stringify(replaced ? root : { answer: root, extra: marker });
  return out.replace(JSON.stringify(marker), 'NaN');
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.jobManager);
  const apiPrefix = options.apiPrefix ?? '/api/';
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let rules: readonly FaultRule[] = [];
  const log: RequestRecord[] = [];
  const sockets = new Set<Socket>();

  const record = (entry: RequestRecord): void => {
    log.push(entry);
    if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
  };

  /** Sends the request to the JobManager and buffers its answer. */
  const ask = (req: http.IncomingMessage, body: Buffer, upstreamPath: string): Promise<UpstreamAnswer> =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: upstream.host };
      delete headers.connection;
      // The proxy may rewrite answers: ask for them uncompressed.
      delete headers['accept-encoding'];
      const forward = http.request(
        {
          protocol: upstream.protocol,
          hostname: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: upstreamPath,
          headers,
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      forward.setTimeout(UPSTREAM_TIMEOUT_MS, () => forward.destroy(new Error('upstream timeout')));
      forward.on('error', reject);
      forward.end(body);
    });

  const send = (
    res: http.ServerResponse,
    status: number,
    contentType: string,
    body: string | Buffer,
    extra: http.OutgoingHttpHeaders = {},
  ): void => {
    const buffer = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(status, {
      'content-type': contentType,
      'content-length': buffer.length,
      'cache-control': 'no-store',
      ...extra,
    });
    res.end(buffer);
  };

  const sendRecorded = (res: http.ServerResponse, page: Recorded): void =>
    send(res, page.status, page.contentType, page.text);

  const readBody = (req: http.IncomingMessage): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });

  const handleApi = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    upstreamPath: string,
  ): Promise<void> => {
    const started = Date.now();
    const rule = rules.find((r) => r.match.test(upstreamPath)) ?? null;
    const fault = rule?.kind ?? null;
    const done = (status: number, upstreamAsked: boolean): void =>
      record({
        at: started,
        method: req.method ?? 'GET',
        path: upstreamPath,
        status,
        ms: Date.now() - started,
        upstream: upstreamAsked,
        fault,
      });
    const body = await readBody(req);

    const recorded = fault ? RECORDED_FAULTS[fault] : undefined;
    if (recorded) {
      sendRecorded(res, recorded);
      return done(recorded.status, false);
    }
    switch (fault) {
      case 'flink-500':
        send(res, 500, 'application/json; charset=UTF-8', FLINK_500_BODY);
        return done(500, false);
      case 'forbidden-403-flink':
        send(res, 403, 'application/json; charset=UTF-8', FLINK_403_BODY);
        return done(403, false);
      case 'redirect-login':
        res.writeHead(302, {
          location: `${SIGN_IN_PATH}?rd=${encodeURIComponent(req.url ?? '/')}`,
          'content-length': 0,
        });
        res.end();
        return done(302, false);
      case 'reset':
        // An RST, not a clean close: what a crashing proxy or a firewall does.
        req.socket.resetAndDestroy();
        return done(0, false);
      default:
        break;
    }

    if (fault === 'delay') await new Promise((r) => setTimeout(r, rule?.delayMs ?? 10_000));
    let answer: UpstreamAnswer;
    try {
      answer = await ask(req, body, upstreamPath);
    } catch (error) {
      // The JobManager is down (refused, reset) or silent: answer as nginx would.
      const timedOut = error instanceof Error && error.message === 'upstream timeout';
      sendRecorded(res, timedOut ? NGINX_504 : NGINX_502);
      return done(timedOut ? 504 : 502, true);
    }
    const contentType = String(answer.headers['content-type'] ?? 'application/octet-stream');
    const isJson = /json/i.test(contentType);
    if (
      isJson &&
      answer.status < 300 &&
      (fault === 'truncated-json' || fault === 'invalid-json' || fault === 'wrong-shape')
    ) {
      const text = answer.body.toString('utf8');
      let damaged: string;
      if (fault === 'truncated-json') damaged = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      else if (fault === 'invalid-json') damaged = breakJson(text);
      else damaged = JSON.stringify((rule?.reshape ?? ((j: unknown) => j))(JSON.parse(text) as unknown));
      send(res, answer.status, contentType, damaged);
      return done(answer.status, true);
    }
    const headers: http.OutgoingHttpHeaders = { ...answer.headers, 'content-length': answer.body.length };
    delete headers['transfer-encoding'];
    delete headers.connection;
    delete headers['keep-alive'];
    res.writeHead(answer.status, headers);
    res.end(answer.body);
    return done(answer.status, true);
  };

  const handleStatic = async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> => {
    if (pathname === SIGN_IN_PATH) return send(res, 200, 'text/html; charset=utf-8', SIGN_IN_PAGE);
    if (!options.dist) return send(res, 404, 'text/plain', 'not found');
    if (pathname.endsWith('/config.json') && options.config) {
      return send(res, 200, 'application/json', JSON.stringify(options.config));
    }
    const file = await readDistFile(options.dist, pathname);
    if (!file) return send(res, 404, 'text/plain', 'not found');
    return send(res, 200, file.type, req.method === 'HEAD' ? Buffer.alloc(0) : file.data, {
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy.invalid');
    const work = url.pathname.startsWith(apiPrefix)
      ? handleApi(req, res, `/${url.pathname.slice(apiPrefix.length)}${url.search}`)
      : handleStatic(req, res, url.pathname);
    work.catch((error: unknown) => {
      if (!res.headersSent)
        send(res, 500, 'text/plain', `fault proxy: ${error instanceof Error ? error.message : String(error)}`);
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    setFaults(next) {
      rules = [...next];
    },
    clearFaults() {
      rules = [];
    },
    log,
    async stop() {
      rules = [];
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      agent.destroy();
      await closed;
    },
  };
}
