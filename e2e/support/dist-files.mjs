// @ts-check
// The built dashboard for the test servers that serve it themselves (the fault proxy, the soak
// and many-viewers server): a private build, and reading its files (content types, path check).
// Plain JavaScript, so both TypeScript specs and node scripts import it.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `vite build` of the working tree into a fresh temporary folder (`dist/` is left alone, so a
 * concurrent run rebuilding it cannot pull files from under a running server). The caller
 * removes the folder.
 * @param {string} label part of the folder's name @returns {string} the folder
 */
export function buildPrivateDist(label) {
  const dir = mkdtempSync(path.join(tmpdir(), `flink-dashboard-${label}-`));
  execFileSync('npx', ['vite', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 180_000,
  });
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`vite build produced no index.html in ${dir}`);
  return dir;
}

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
    return {
      data: await readFile(file),
      type: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      immutable: relative.startsWith('/assets/'),
    };
  } catch {
    return null;
  }
}
