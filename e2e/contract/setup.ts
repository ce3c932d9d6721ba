// Per-file setup of the contract suite: points the client at the sandbox and records every
// (verb, template) pair the JobManager answered, into the file run.mjs reads.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { addApiListener, configureApi } from '../../src/api/settings';
import { contractSandbox, servedLine, type ServedLine } from './support';

const sandbox = contractSandbox();
configureApi({
  baseUrl: `${sandbox.url}/`,
  versionPrefix: process.env.CONTRACT_VERSION_PREFIX ?? '',
  readOnly: false,
  timeoutMs: 60_000,
});

export const exercisedFile =
  process.env.CONTRACT_OUT ?? path.join(os.tmpdir(), `flink-dashboard-contract-${sandbox.port}.json`);

interface Report {
  exercised: Record<string, { status: number; count: number }>;
  /** The line under test and the rows it serves: what run.mjs counts against. */
  line?: ServedLine;
}

let line: ServedLine | undefined;
beforeAll(async () => {
  line = await servedLine(sandbox);
});

const seen = new Map<string, { status: number; count: number }>();
addApiListener({
  onResponse: (event) => {
    // Counted when the JobManager answered (any HTTP status): the call reached Flink.
    if (event.status <= 0) return;
    const previous = seen.get(event.endpoint);
    seen.set(event.endpoint, { status: event.status, count: (previous?.count ?? 0) + 1 });
  },
});

afterAll(() => {
  let report: Report = { exercised: {} };
  if (existsSync(exercisedFile)) {
    try {
      report = JSON.parse(readFileSync(exercisedFile, 'utf8')) as Report;
    } catch {
      report = { exercised: {} };
    }
  }
  if (line) report.line = line;
  for (const [key, value] of seen) {
    const previous = report.exercised[key];
    report.exercised[key] = { status: value.status, count: (previous?.count ?? 0) + value.count };
  }
  mkdirSync(path.dirname(exercisedFile), { recursive: true });
  writeFileSync(exercisedFile, `${JSON.stringify(report, null, 2)}\n`);
});
