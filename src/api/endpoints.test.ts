import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  allEndpoints,
  BEYOND_REFERENCE,
  endpointKey,
  endpoints,
  FILE_ENDPOINT_NAMES,
  FLINK_LINES,
  isServed,
  versionReaches,
} from './endpoints';
import type { ClusterCapability, EndpointName, EndpointSpec } from './endpoints';
import { checkPathParam } from './ids';
import type { ParamName } from './endpoints';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsv = readFileSync(path.join(repo, 'reference/rest-endpoints.tsv'), 'utf8');
const reference = tsv
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [verb, template] = line.split('\t');
    return `${verb} ${template}`;
  });

/** `verb template` of every operation of the OpenAPI file (`/jobs/{jobid}` -> `/jobs/:jobid`). */
function openApiOperations(): string[] {
  const yml = readFileSync(path.join(repo, 'reference/flink-rest-v1-openapi.yml'), 'utf8');
  const out: string[] = [];
  let current: string | undefined;
  for (const line of yml.split('\n')) {
    if (/^\S/.test(line)) current = undefined;
    const pathLine = /^ {2}(\/\S*):\s*$/.exec(line);
    if (pathLine?.[1]) current = pathLine[1].replace(/\{(\w+)\}/g, ':$1');
    const verbLine = /^ {4}(get|post|put|patch|delete):\s*$/.exec(line);
    if (current && verbLine?.[1]) out.push(`${verbLine[1].toUpperCase()} ${current}`);
  }
  return out;
}

/** The rows beyond the 70 of the reference list that Flink's OpenAPI file (2.4-SNAPSHOT) describes. */
const BEYOND_THE_70_IN_OPENAPI: readonly EndpointName[] = [
  'applicationsOverview',
  'applicationDetails',
  'cancelApplication',
  'applicationExceptions',
  'applicationJobManagerConfig',
  'runJarAsApplication',
  'jobRescalesOverview',
  'jobRescalesHistory',
  'jobRescalesSummary',
  'jobRescalesConfig',
  'jobRescaleDetails',
];

describe('the endpoints table', () => {
  const table = allEndpoints().map(({ spec }) => endpointKey(spec));
  const openApi = openApiOperations();

  const beyond = Object.keys(BEYOND_REFERENCE) as EndpointName[];

  it('has every endpoint of the reference list, and beyond it only the listed rows', () => {
    expect(reference).toHaveLength(70);
    expect(table.filter((key) => !reference.includes(key)).sort()).toEqual(
      [...FILE_ENDPOINT_NAMES, ...beyond, ...BEYOND_THE_70_IN_OPENAPI]
        .map((name) => endpointKey(endpoints[name]))
        .sort(),
    );
    expect(reference.filter((key) => !table.includes(key))).toEqual([]);
  });

  it('finds every row of the reference list in the OpenAPI file (the parser reads it right)', () => {
    expect(openApi.length).toBeGreaterThan(70);
    // Job submission (a multipart upload) is in the reference list but not in the OpenAPI file.
    expect(reference.filter((key) => !openApi.includes(key))).toEqual(['POST /jobs']);
  });

  it('checks each row beyond the 70 against the OpenAPI file: described there, or named with its source', () => {
    for (const name of BEYOND_THE_70_IN_OPENAPI) expect(openApi, name).toContain(endpointKey(endpoints[name]));
    for (const name of [...beyond, ...FILE_ENDPOINT_NAMES]) {
      expect(openApi, name).not.toContain(endpointKey(endpoints[name]));
    }
  });

  it('says from which Flink line each row exists: the 70, the log files and the profiler since 1.x, applications and rescales since 2.3', () => {
    for (const { name, spec } of allEndpoints()) {
      expect(FLINK_LINES, name).toContain(spec.since);
      if (reference.includes(endpointKey(spec)) || (FILE_ENDPOINT_NAMES as readonly string[]).includes(name)) {
        expect(spec.since, name).toBe('1.x');
      }
    }
    for (const name of BEYOND_THE_70_IN_OPENAPI) expect(endpoints[name].since, name).toBe('2.3');
    for (const name of beyond) {
      const spec: EndpointSpec = endpoints[name];
      expect(spec.since, name).toBe('1.x');
      expect(spec.requires, name).toBe('profiling');
    }
  });

  it('knows which rows a line serves', () => {
    expect(versionReaches('2.3.0', '2.3')).toBe(true);
    expect(versionReaches('2.4-SNAPSHOT', '2.3')).toBe(true);
    expect(versionReaches('3.0.0', '2.3')).toBe(true);
    expect(versionReaches('2.2.1', '2.3')).toBe(false);
    expect(versionReaches('1.20.5', '2.3')).toBe(false);
    expect(versionReaches(undefined, '2.3')).toBe(false);
    expect(versionReaches('garbage', '1.x')).toBe(true);
    const served = (version: string, capabilities: ClusterCapability[]) =>
      allEndpoints().filter(({ spec }) => isServed(spec, version, new Set(capabilities))).length;
    expect(served('1.20.5', [])).toBe(76);
    expect(served('1.20.5', ['profiling'])).toBe(82);
    expect(served('1.20.5', ['profiling', 'adaptive-scheduler'])).toBe(82);
    expect(served('2.3.0', ['profiling'])).toBe(88);
    // The rescales rows: only where a job can run on the adaptive scheduler (the sandbox's second cluster).
    expect(served('2.3.0', ['profiling', 'adaptive-scheduler'])).toBe(93);
  });

  it('has no duplicates', () => {
    expect(new Set(table).size).toBe(table.length);
  });

  it('says where each endpoint beyond the reference comes from, and that it is not in the reference', () => {
    for (const name of beyond) {
      expect(BEYOND_REFERENCE[name as keyof typeof BEYOND_REFERENCE]).toMatch(/Flink \d/);
      expect(reference).not.toContain(endpointKey(endpoints[name]));
    }
  });

  it('serves JSON everywhere but the six log file endpoints and the two profiler result files', () => {
    const text = allEndpoints()
      .filter(({ spec }) => spec.response === 'text')
      .map(({ name }) => name);
    expect(text.sort()).toEqual([...FILE_ENDPOINT_NAMES, 'jobManagerProfilingFile', 'taskManagerProfilingFile'].sort());
  });

  it('knows how to validate every path parameter it uses', () => {
    for (const { spec } of allEndpoints()) {
      for (const segment of spec.template.split('/').filter((s) => s.startsWith(':'))) {
        // A validator answers with a problem for a missing value: it exists for the name.
        expect(checkPathParam(segment.slice(1) as ParamName, undefined), `${spec.template} ${segment}`).toBeTypeOf(
          'string',
        );
      }
    }
  });
});
