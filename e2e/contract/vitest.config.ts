// The contract suite: the project's own REST client (src/api) against a real Flink cluster.
// Run it with `npm run test:contract` (e2e/contract/run.mjs), which brings the sandbox up.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default defineConfig({
  root: repoRoot,
  test: {
    environment: 'node',
    include: [
      process.env.CONTRACT_PHASE === 'shutdown'
        ? 'e2e/contract/shutdown.contract.ts'
        : 'e2e/contract/flink.contract.ts',
    ],
    setupFiles: ['e2e/contract/setup.ts'],
    // One cluster, two cores: one file, one test at a time.
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false, shuffle: false },
    testTimeout: 240_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
