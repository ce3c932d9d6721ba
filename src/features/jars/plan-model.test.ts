import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PlanResponse } from '../../api/schemas';
import { descriptionLines, planModel, programArgs } from './plan-model';
import { EMPTY_RUN_FORM, programFrom, runRequestFrom } from './run-request';

/** Plans recorded from the sandbox (POST /jars/:jarid/plan). */
function recordedPlan(name: string): PlanResponse['plan'] {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', `${name}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { json: PlanResponse }).json.plan;
}

describe('planModel', () => {
  it('turns a chained vertex description into its operators', () => {
    const { vertices, edges } = planModel(recordedPlan('jar-plan-cancel-me'));
    expect(vertices).toEqual([
      {
        id: 'e68b4626af06cd0d3b0ee117858908b4',
        name: 'Source: Heartbeat source',
        operators: ['Source: Heartbeat source', 'Format heartbeat', 'Discard heartbeats: Writer'],
        parallelism: 1,
        inputs: [],
      },
    ]);
    expect(edges).toEqual([]);
  });

  it('draws an edge per input, labelled with its ship strategy', () => {
    const plan = recordedPlan('jar-plan-wide');
    const { vertices, edges } = planModel(plan);
    expect(vertices).toHaveLength(44);
    expect(edges).toHaveLength(plan.nodes.reduce((n, node) => n + (node.inputs?.length ?? 0), 0));
    expect(edges.length).toBeGreaterThanOrEqual(43);
    expect(edges.every((e) => e.shipStrategy !== undefined)).toBe(true);
    const ids = new Set(vertices.map((v) => v.id));
    expect(edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    // Sources first, every edge pointing forward.
    expect(vertices[0]?.inputs).toEqual([]);
    const position = new Map(vertices.map((v, i) => [v.id, i]));
    expect(edges.every((e) => (position.get(e.source) ?? 0) < (position.get(e.target) ?? 0))).toBe(true);
  });

  it("keeps hostile names as text: Flink's escaping is undone once, nothing becomes markup", () => {
    const { vertices } = planModel(recordedPlan('jar-plan-hostile'));
    const names = vertices.map((v) => v.name);
    expect(names).toContain("<details open ontoggle=alert('xss-details')>: Writer");
    expect(names).toContain('&lt;b&gt;entity&lt;/b&gt; &amp;');
  });

  it('splits on <br/> in any spelling and drops empty lines', () => {
    expect(descriptionLines('A<br/>+- B<BR>   +- C<br />')).toEqual(['A', '+- B', '   +- C']);
  });
});

describe('the run form', () => {
  it('sends only what was filled in', () => {
    expect(runRequestFrom(EMPTY_RUN_FORM)).toEqual({ ok: true, request: {} });
    expect(
      runRequestFrom({
        entryClass: ' dev.flinkdashboard.demo.CancelMeJob ',
        args: '--fail-after-seconds\n30\n\n--name\nwith spaces',
        parallelism: '2',
        savepointPath: ' file:/sp/savepoint-1 ',
        allowNonRestoredState: true,
      }),
    ).toEqual({
      ok: true,
      request: {
        entryClass: 'dev.flinkdashboard.demo.CancelMeJob',
        programArgsList: ['--fail-after-seconds', '30', '--name', 'with spaces'],
        parallelism: 2,
        savepointPath: 'file:/sp/savepoint-1',
        allowNonRestoredState: true,
      },
    });
  });

  it('allowNonRestoredState goes only with a savepoint', () => {
    expect(runRequestFrom({ ...EMPTY_RUN_FORM, allowNonRestoredState: true })).toEqual({ ok: true, request: {} });
  });

  it('refuses a bad parallelism or entry class before anything is sent', () => {
    expect(programFrom({ ...EMPTY_RUN_FORM, parallelism: '0' })).toMatchObject({ ok: false });
    expect(programFrom({ ...EMPTY_RUN_FORM, parallelism: 'two' })).toMatchObject({ ok: false });
    expect(programFrom({ ...EMPTY_RUN_FORM, entryClass: 'not a class' })).toMatchObject({ ok: false });
    expect(programFrom({ ...EMPTY_RUN_FORM, entryClass: 'com.example.Job$Inner' })).toMatchObject({ ok: true });
  });

  it('keeps program arguments exactly, one per line', () => {
    expect(programArgs('a b\r\n  c  \n')).toEqual(['a b', '  c  ']);
  });
});
