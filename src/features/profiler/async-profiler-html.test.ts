import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FlameNode } from '../../charts/flame-graph/flame-data';
import { parseAsyncProfilerHtml, unescapeJs, unpackCpool } from './async-profiler-html';

const here = path.dirname(fileURLToPath(import.meta.url));
// Recorded from the sandbox (Flink 2.3.0): POST /taskmanagers/:id/profiler {"mode":"ITIMER","duration":5}.
const recorded = readFileSync(path.join(here, 'fixtures/taskmanager-itimer-flink-2.3.0.html'), 'utf8');

function find(node: FlameNode, name: string): FlameNode | undefined {
  const stack = [node];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (n.name === name) return n;
    stack.push(...(n.children ?? []));
  }
  return undefined;
}

function everyParentHoldsItsChildren(node: FlameNode): boolean {
  const stack = [node];
  for (let n = stack.pop(); n; n = stack.pop()) {
    const children = n.children ?? [];
    if (children.reduce((sum, c) => sum + c.value, 0) > n.value) return false;
    stack.push(...children);
  }
  return true;
}

describe('parseAsyncProfilerHtml on a file recorded from the sandbox (async-profiler 2.x)', () => {
  const parsed = parseAsyncProfilerHtml(recorded);

  it('reads every frame call of the file into one tree under "all"', () => {
    expect(parsed.kind).toBe('flame');
    if (parsed.kind !== 'flame') return;
    const calls = recorded.split('\n').filter((line) => line.startsWith('f('));
    expect(parsed.format).toBe('2.x');
    expect(parsed.frames).toBe(calls.length);
    expect(parsed.tree.name).toBe('all');
    // The root's width is the sample count written in the first call: f(0,0,<width>,...).
    expect(parsed.tree.value).toBe(Number(/^f\(0,0,(\d+),/m.exec(recorded)?.[1]));
    expect(parsed.title).toBe(/<h1>([^<]*)<\/h1>/.exec(recorded)?.[1]);
    expect(everyParentHoldsItsChildren(parsed.tree)).toBe(true);
  });

  it('keeps frame names and widths as written', () => {
    if (parsed.kind !== 'flame') throw new Error(parsed.reason);
    const line = recorded.split('\n').find((l) => l.startsWith('f(1,') && l.includes("'java/lang/Thread.run'"));
    const width = Number(line?.split(',')[2]);
    expect(find(parsed.tree, 'java/lang/Thread.run')?.value).toBe(width);
    expect(find(parsed.tree, 'org/apache/flink/streaming/runtime/tasks/StreamTask.invoke')).toBeDefined();
  });

  it('says why a truncated or foreign file cannot be read, never throwing', () => {
    const cut = recorded.slice(0, recorded.indexOf('f(0,0,'));
    expect(parseAsyncProfilerHtml(cut)).toMatchObject({ kind: 'unreadable' });
    expect(parseAsyncProfilerHtml('<html><body>Sign in</body></html>')).toMatchObject({ kind: 'unreadable' });
    expect(parseAsyncProfilerHtml('')).toMatchObject({ kind: 'unreadable' });
    // A child outside its parent: not the depth-first layout this parser understands.
    expect(parseAsyncProfilerHtml("f(0,0,10,3,'all')\nf(1,5,9,1,'x')\n")).toMatchObject({ kind: 'unreadable' });
  });

  it('reads escaped titles as text, markup included', () => {
    const html = "f(0,0,3,3,'all')\nf(1,0,2,1,'<img src=x onerror=alert(1)> it\\'s \\\\ here')\n";
    const result = parseAsyncProfilerHtml(html);
    if (result.kind !== 'flame') throw new Error(result.reason);
    expect(result.tree.children?.[0]?.name).toBe("<img src=x onerror=alert(1)> it's \\ here");
  });
});

describe('the async-profiler 3.x layout (string table, delta-encoded f/u/n calls)', () => {
  // Written after async-profiler 3.x's flame.html decoder: no 3.x file could be recorded here
  // (Flink bundles async-profiler 2.9).
  const page = (cpool: string, calls: string) =>
    `<h1>Wall clock profile</h1><script>\nconst cpool = [\n${cpool}\n];\nunpack(cpool);\n\n${calls}\nsearch();\n</script>`;

  it('unpacks prefix-compressed names', () => {
    expect(unpackCpool(['all', ' java/lang/Thread.run', '*Object.wait'])).toEqual([
      'all',
      'java/lang/Thread.run',
      'java/lang/Object.wait',
    ]);
  });

  it('builds the tree from f, u and n calls, a missing width repeating the last', () => {
    // all(10) -> A(6) -> B(4); all -> C(4) -> D(2), E(2)
    const cpool = "'all',\n' A',\n' B',\n' C',\n' D',\n' E'";
    const calls = ['f(0,0,0,10)', 'u(9,6)', 'u(17,4)', 'f(25,1,6,4)', 'u(33,2)', 'n(41)'].join('\n');
    const result = parseAsyncProfilerHtml(page(cpool, calls));
    if (result.kind !== 'flame') throw new Error(result.reason);
    expect(result.format).toBe('3.x');
    expect(result.title).toBe('Wall clock profile');
    expect(result.tree).toEqual({
      name: 'all',
      value: 10,
      children: [
        { name: 'A', value: 6, children: [{ name: 'B', value: 4, children: [] }] },
        {
          name: 'C',
          value: 4,
          children: [
            { name: 'D', value: 2, children: [] },
            { name: 'E', value: 2, children: [] },
          ],
        },
      ],
    });
  });

  it('says so when a call names a string beyond the table', () => {
    expect(parseAsyncProfilerHtml(page("'all'", 'f(0,0,0,10)\nu(80,5)'))).toMatchObject({ kind: 'unreadable' });
  });
});

describe('unescapeJs', () => {
  it('decodes the escapes of a JavaScript string literal', () => {
    expect(unescapeJs("a\\'b\\\\c\\x41\\u0042\\n")).toBe("a'b\\cAB\n");
    expect(unescapeJs('plain')).toBe('plain');
  });
});
