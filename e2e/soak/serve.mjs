// @ts-check
// A tiny server for the soak runner: the built dashboard from a folder (with a config.json of
// the runner's choosing) and `api/` forwarded to a real JobManager, as the example nginx config
// does. Counts the API requests it forwards, so the runner can report the rate the JobManager sees.

import { readDistFile } from '../support/dist-files.mjs';
import http from 'node:http';

/**
 * @param {{ dist: string, jobManager: string, config: Record<string, unknown> }} opts
 * @returns {Promise<{ url: string, requests: { at: number, path: string, status: number, ms: number }[], stop: () => Promise<void> }>}
 */
export async function serve({ dist, jobManager, config }) {
  const upstream = new URL(jobManager);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  /** @type {{ at: number, path: string, status: number, ms: number }[]} */
  const requests = [];
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://soak.invalid');
    if (url.pathname.startsWith('/api/')) {
      const started = Date.now();
      const target = `/${url.pathname.slice('/api/'.length)}${url.search}`;
      const headers = { ...req.headers, host: upstream.host };
      const forward = http.request(
        { hostname: upstream.hostname, port: upstream.port, method: req.method, path: target, headers, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('end', () => {
            requests.push({ at: started, path: target, status: answer.statusCode ?? 0, ms: Date.now() - started });
            if (requests.length > 500_000) requests.splice(0, 100_000);
          });
        },
      );
      forward.setTimeout(60_000, () => forward.destroy(new Error('timeout')));
      forward.on('error', () => {
        requests.push({ at: started, path: target, status: 502, ms: Date.now() - started });
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>');
      });
      req.pipe(forward);
      return;
    }
    void (async () => {
      if (url.pathname === '/config.json') {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
        res.end(JSON.stringify(config));
        return;
      }
      const file = await readDistFile(dist, url.pathname);
      if (file) {
        res.writeHead(200, { 'content-type': file.type, 'content-length': file.data.length });
        res.end(file.data);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    })();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        agent.destroy();
      }),
  };
}
