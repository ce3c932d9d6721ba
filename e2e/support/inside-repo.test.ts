// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRepository, findOutsideReaches } from './inside-repo.mjs';

// The planted reaches below are written inside template literals (and the parent-folder one
// split in two) so that this file itself passes the check it tests.
const ROOT = '/srv/checkout/repo';
const reachesIn = (file: string, source: string) => findOutsideReaches(ROOT, file, source).map((r) => r.text);

describe('findOutsideReaches', () => {
  it('finds the old reach to the shared reference beside the clone', () => {
    const planted = `const tsv = readFileSync(path.resolve(repo, '../shared/reference/rest-endpoints.tsv'), 'utf8');`;
    expect(findOutsideReaches(ROOT, 'src/api/endpoints.test.ts', planted)).toEqual([
      {
        file: 'src/api/endpoints.test.ts',
        line: 1,
        text: '../shared/reference/rest-endpoints.tsv',
        reason: 'joined onto the repository root, leaves it',
      },
    ]);
  });

  it('finds relative paths and imports that climb above the root from the file', () => {
    expect(reachesIn('e2e/contract/run.mjs', `const tsv = path.resolve(here, '../../../shared/x.tsv');`)).toEqual([
      `${'../'.repeat(3)}shared/x.tsv`,
    ]);
    expect(reachesIn('src/features/a/b.ts', `import x from '../../../../shared/x';`)).toEqual([
      `${'../'.repeat(4)}shared/x`,
    ]);
    expect(reachesIn('vite.config.ts', 'const dir = `../${name}`;')).toEqual(['../']);
  });

  it('finds the root joined with its parent, and the parent folder itself', () => {
    expect(reachesIn('e2e/x.mjs', `const up = path.join(repoRoot, '..', 'shared');`)).toEqual(['..']);
    expect(reachesIn('e2e/x.mjs', `const up = path.${'dirname'}(repoRoot);`)).toHaveLength(1);
  });

  it('finds absolute paths beside the repository', () => {
    expect(reachesIn('e2e/x.ts', `readFileSync('/srv/checkout/shared/rest-endpoints.tsv')`)).toEqual([
      '/srv/checkout/shared/rest-endpoints.tsv',
    ]);
    expect(reachesIn('.ci/run', `cat /srv/checkout/shared/notes.md`)).toEqual(['/srv/checkout/shared/notes.md']);
  });

  it('finds command paths that leave the repository (npm scripts and shell run from the root)', () => {
    expect(reachesIn('package.json', `    "test": "node ../shared/run.mjs",`)).toEqual(['../shared/run.mjs']);
    expect(reachesIn('.ci/run', `cp ../shared/reference/rest-endpoints.tsv reference/`)).toEqual([
      '../shared/reference/rest-endpoints.tsv',
    ]);
  });

  it('leaves paths inside the repository, comments and marked exceptions alone', () => {
    const inside = [
      `const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');`,
      `const tsv = readFileSync(path.join(repo, 'reference/rest-endpoints.tsv'), 'utf8');`,
      `import { endpoints } from '../../api/endpoints';`,
      `// reads ../shared/ no more`,
      `readFileSync('/srv/checkout/repo/reference/x.tsv');`,
      `readFileSync('/etc/nginx/mime.types');`,
      `const up = path.resolve(repoRoot, '..'); // inside-repo: allowed, test of the marker`,
    ].join('\n');
    expect(reachesIn('e2e/sandbox/start.mjs', inside)).toEqual([]);
    expect(reachesIn('.ci/run', `cd "$(dirname "$0")/.."\nnpm run lint`)).toEqual([]);
  });
});

describe('the check as `npm run lint` runs it', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  let temp: string | undefined;
  afterEach(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
    temp = undefined;
  });

  it('passes on this repository', () => {
    expect(checkRepository(path.resolve(here, '../..'))).toEqual([]);
  });

  it('fails, naming file and line, on a clone with a planted reach; node_modules and fixtures are not read', () => {
    temp = mkdtempSync(path.join(tmpdir(), 'inside-repo-'));
    const root = path.join(temp, 'clone');
    for (const dir of ['e2e/support', 'src/api', 'node_modules/x', 'src/api/fixtures'])
      mkdirSync(path.join(root, dir), { recursive: true });
    copyFileSync(path.join(here, 'inside-repo.mjs'), path.join(root, 'e2e/support/inside-repo.mjs'));
    writeFileSync(path.join(root, 'node_modules/x/index.js'), `module.exports = require('../../../shared/x');\n`);
    writeFileSync(path.join(root, 'src/api/fixtures/a.json'), `{ "path": "../../../../shared/x" }\n`);
    const run = () =>
      spawnSync(process.execPath, [path.join(root, 'e2e/support/inside-repo.mjs')], { encoding: 'utf8' });

    writeFileSync(
      path.join(root, 'src/api/endpoints.test.ts'),
      `const tsv = readFileSync(path.join(repo, 'reference/rest-endpoints.tsv'), 'utf8');\n`,
    );
    const clean = run();
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('no path outside the repository');

    writeFileSync(
      path.join(root, 'src/api/endpoints.test.ts'),
      `import { readFileSync } from 'node:fs';\nconst tsv = readFileSync(path.resolve(repo, '../shared/reference/rest-endpoints.tsv'), 'utf8');\n`,
    );
    const planted = run();
    expect(planted.status).toBe(1);
    expect(planted.stderr).toContain('src/api/endpoints.test.ts:2: ../shared/reference/rest-endpoints.tsv');
    expect(planted.stderr).toContain('1 path(s) outside the repository');
  });
});
