import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allEndpoints, endpointKey, endpoints, FILE_ENDPOINT_NAMES } from './endpoints';
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

  it('has every endpoint of the reference list, and nothing else but the log files', () => {
    expect(reference).toHaveLength(70);
    expect(table.filter((key) => !reference.includes(key))).toEqual(
      FILE_ENDPOINT_NAMES.map((name) => endpointKey(endpoints[name])),
    );
    expect(reference.filter((key) => !table.includes(key))).toEqual([]);
  });

  it('has no duplicates', () => {
    expect(new Set(table).size).toBe(table.length);
  });

  it('serves JSON everywhere but the six log file endpoints', () => {
    const text = allEndpoints()
      .filter(({ spec }) => spec.response === 'text')
      .map(({ name }) => name);
    expect(text.sort()).toEqual([...FILE_ENDPOINT_NAMES].sort());
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
