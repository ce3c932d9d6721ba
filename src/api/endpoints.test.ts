import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allEndpoints, BEYOND_REFERENCE, endpointKey, endpoints, FILE_ENDPOINT_NAMES } from './endpoints';
import type { EndpointName } from './endpoints';
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

describe('the endpoints table', () => {
  const table = allEndpoints().map(({ spec }) => endpointKey(spec));

  const beyond = Object.keys(BEYOND_REFERENCE) as EndpointName[];

  it('has every endpoint of the reference list, and nothing else but the log files and the endpoints beyond it', () => {
    expect(reference).toHaveLength(70);
    expect(table.filter((key) => !reference.includes(key)).sort()).toEqual(
      [...FILE_ENDPOINT_NAMES, ...beyond].map((name) => endpointKey(endpoints[name])).sort(),
    );
    expect(reference.filter((key) => !table.includes(key))).toEqual([]);
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
