// @ts-check
// Reading the built dashboard's files for the test servers that serve it themselves (the fault
// proxy, the soak server): one place for the content types and the path check, in plain
// JavaScript so both TypeScript specs and node scripts import it.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file a URL path names inside `dist` (`/` is index.html), or null when there is none or
 * the path would leave the folder.
 * @param {string} dist @param {string} pathname
 * @returns {Promise<{ data: Buffer, type: string, immutable: boolean } | null>}
 */
export async function readDistFile(dist, pathname) {
  const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  const file = path.resolve(dist, `.${relative}`);
  if (!file.startsWith(path.resolve(dist) + path.sep)) return null;
  try {
    if (!(await stat(file)).isFile()) return null;
    // Vite's hashed assets never change under their name.
    return { data: await readFile(file), type: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', immutable: relative.startsWith('/assets/') };
  } catch {
    return null;
  }
}
