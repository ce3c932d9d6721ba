// A private build of the dashboard for tests that serve it themselves (behind the fault proxy or
// nginx): built from the working tree into a temporary folder, once per test process, so another
// run rebuilding the shared dist/ cannot pull files from under a running test.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildPrivateDist } from '../support/dist-files.mjs';

let built: string | undefined;

/** The folder of a fresh production build (vite build, ~3 s). */
export function privateDist(): string {
  if (built && existsSync(path.join(built, 'index.html'))) return built;
  const dir = buildPrivateDist('dist');
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  built = dir;
  return dir;
}

/** dist's own config.json, as the build ships it. */
export function shippedConfig(): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(privateDist(), 'config.json'), 'utf8')) as Record<string, unknown>;
}
