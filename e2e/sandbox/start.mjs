#!/usr/bin/env node
// @ts-check
// `npm start`: serve the dashboard (Vite dev server on 127.0.0.1) against FLINK_URL, or, when no
// FLINK_URL is given, against the project's own Flink sandbox, brought up first.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sandboxSettings, up } from './sandbox.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.PORT ?? 5173);

async function main() {
  let flinkUrl = process.env.FLINK_URL;
  if (!flinkUrl) {
    process.stderr.write('[start] no FLINK_URL given: bringing up the Flink sandbox (npm run sandbox:down stops it)\n');
    flinkUrl = (await up(sandboxSettings())).url;
  }
  process.stdout.write(`\nFlink dashboard: http://127.0.0.1:${port}/   (JobManager: ${flinkUrl})\n\n`);
  const vite = spawn('npx', ['vite', '--port', String(port), '--strictPort'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, FLINK_URL: flinkUrl },
  });
  const stop = () => vite.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  vite.on('close', (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  process.stderr.write(`[start] ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
