import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { JobDetailsSchema } from '../../api/jobs';
import { PlanResponseSchema } from '../../api/schemas';
import { layoutJobGraph } from '../../charts/job-graph/layout';
import backpressureDetails from './fixtures/backpressure-details-1.json';
import backpressurePlan from './fixtures/backpressure-plan.json';
import eventTimeDetails from './fixtures/event-time-details.json';
import hostileDetails from './fixtures/hostile-details.json';
import hostilePlan from './fixtures/hostile-plan.json';
import wideDetails from './fixtures/wide-details.json';
import widePlan from './fixtures/wide-plan.json';
import { buildGraphModel, planDescriptionText } from './model';

const details = (json: unknown) => v.parse(JobDetailsSchema, json);
const plan = (json: unknown) => v.parse(PlanResponseSchema, json).plan;

describe('buildGraphModel on recorded answers', () => {
  it('the wide job: 44 vertices named as the details name them, 44 edges with ship strategies', () => {
    const model = buildGraphModel(plan(widePlan), details(wideDetails));
    expect(model.vertices).toHaveLength(44);
    const names = model.vertices.map((vx) => vx.name);
    expect(names).toContain('Source: Wide source');
    expect(names).toContain('Wide sink: Writer');
    for (let i = 1; i <= 42; i += 1) expect(names).toContain(`Stage ${String(i).padStart(2, '0')}`);
    // A chain of 43 edges plus the second branch joining at Stage 41.
    expect(model.edges).toHaveLength(44);
    expect(new Set(model.edges.map((e) => e.shipStrategy))).toEqual(new Set(['FORWARD']));
    const byName = new Map(model.vertices.map((vx) => [vx.name, vx.id]));
    const into41 = model.edges.filter((e) => e.target === byName.get('Stage 41')).map((e) => e.source);
    expect(into41.sort()).toEqual([byName.get('Stage 25'), byName.get('Stage 40')].sort());
    expect(model.vertices.every((vx) => vx.status === 'RUNNING' && vx.parallelism === 1)).toBe(true);
  });

  it('the event-time job: HASH edges from the source to both keyed operators', () => {
    const d = details(eventTimeDetails);
    const model = buildGraphModel(d.plan, d);
    const source = model.vertices.find((vx) => vx.name === 'Source: Order generator');
    expect(model.edges).toHaveLength(2);
    expect(model.edges.every((e) => e.source === source?.id && e.shipStrategy === 'HASH')).toBe(true);
    expect(model.vertices.map((vx) => vx.parallelism)).toEqual([2, 2, 2]);
  });

  it('the plan inside the job details is the same graph as GET /jobs/:id/plan', () => {
    const d = details(backpressureDetails);
    expect(buildGraphModel(d.plan, d)).toEqual(buildGraphModel(plan(backpressurePlan), d));
  });

  it('keeps hostile operator names as the exact text Flink sent', () => {
    const model = buildGraphModel(plan(hostilePlan), details(hostileDetails));
    const names = model.vertices.map((vx) => vx.name);
    expect(names).toContain("<img src=x onerror=alert('xss-img')>");
    expect(names).toContain('Source: <script>alert("xss-script")</script>');
    expect(names).toContain('&lt;b&gt;entity&lt;/b&gt; &amp;');
    expect(names).toContain('line1\nline2\r\nline3');
  });

  it('falls back to the plan description (as text) for a vertex the details do not list', () => {
    const model = buildGraphModel(plan(hostilePlan), { vertices: [] });
    const names = model.vertices.map((vx) => vx.name);
    expect(names).toContain("<img src=x onerror=alert('xss-img')>");
    expect(names).toContain('&lt;b&gt;entity&lt;/b&gt; &amp;');
    expect(model.vertices.every((vx) => vx.status === undefined)).toBe(true);
  });

  it('leaves out edges from vertices it does not know', () => {
    const p = plan(backpressurePlan);
    const first = p.nodes[0];
    if (!first) throw new Error('empty plan');
    const broken = {
      ...p,
      nodes: [{ ...first, inputs: [{ num: 0, id: 'ffffffffffffffffffffffffffffffff', ship_strategy: 'HASH' }] }],
    };
    expect(buildGraphModel(broken, { vertices: [] }).edges).toEqual([]);
  });

  it('the wide job lays out left to right in 29 layers, every vertex placed', () => {
    const model = buildGraphModel(plan(widePlan), details(wideDetails));
    const layout = layoutJobGraph({
      nodes: model.vertices.map((vx) => ({ id: vx.id, width: 232, height: 94 })),
      edges: model.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, label: e.shipStrategy ?? '' })),
    });
    expect(layout.nodes).toHaveLength(44);
    expect(layout.edges).toHaveLength(44);
    expect(Math.max(...layout.nodes.map((n) => n.rank))).toBe(28);
    expect(layout.width).toBeGreaterThan(layout.height);
  });
});

describe('planDescriptionText', () => {
  it("turns Flink's escaped description into text without parsing HTML", () => {
    expect(planDescriptionText('Running count per customer<br/>+- Discard running counts: Writer<br/>')).toBe(
      'Running count per customer\n+- Discard running counts: Writer',
    );
    expect(planDescriptionText('&amp;lt;b&amp;gt; &quot;x&quot; &#39;y&#39;')).toBe('&lt;b&gt; "x" \'y\'');
  });
});
