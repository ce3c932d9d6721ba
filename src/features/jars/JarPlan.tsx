import { useCallback, useMemo, type ReactNode } from 'react';
import { useHref } from 'react-router-dom';
import { jarPlanQueryOptions, type JarProgram } from '../../api/jars';
import { usePolledQuery } from '../../api/polling';
import type { Plan } from '../../api/schemas';
import { JobGraphCanvas, nodeHeight, NODE_WIDTH, type GraphNodeView } from '../../charts/job-graph/JobGraphCanvas';
import type { GraphStructure } from '../../charts/job-graph/layout';
import { QueryState } from '../../components/QueryState';
import { links } from '../../lib/paths';
import { planModel, type PlanVertex } from './plan-model';

const DETAIL_LINES = 2;

function rowId(vertexId: string): string {
  return `jar-plan-vertex-${vertexId}`;
}

/** The dataflow plan of a jar's program (without running it): the graph, then its vertices. */
export function JarPlan({ jarId, program }: { jarId: string; program: JarProgram }): ReactNode {
  const query = usePolledQuery(jarPlanQueryOptions(jarId, program));
  return (
    <section aria-labelledby="jar-plan-heading" className="jars-plan">
      <h3 id="jar-plan-heading">Plan</h3>
      <QueryState query={query} what="the plan">
        {(data) => <PlanView plan={data.plan} />}
      </QueryState>
    </section>
  );
}

function PlanView({ plan }: { plan: Plan }): ReactNode {
  const href = useHref(links.jars());
  const { vertices, edges } = useMemo(() => planModel(plan), [plan]);
  const structure = useMemo<GraphStructure>(
    () => ({
      nodes: vertices.map((v) => ({ id: v.id, width: NODE_WIDTH, height: nodeHeight(DETAIL_LINES) })),
      edges: edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        ...(e.shipStrategy ? { label: e.shipStrategy } : {}),
      })),
    }),
    [vertices, edges],
  );
  const nodes = useMemo(() => {
    const out = new Map<string, GraphNodeView>();
    for (const v of vertices) {
      const chained = v.operators.length > 1 ? `${v.operators.length} chained operators` : '1 operator';
      out.set(v.id, {
        id: v.id,
        title: v.name,
        lines: [`Parallelism ${v.parallelism}`, chained],
        tone: 'neutral',
        href,
        ariaLabel: `${v.name}, parallelism ${v.parallelism}, ${chained}`,
      });
    }
    return out;
  }, [vertices, href]);
  // Opening a node shows its row in the table, where the whole chain is listed.
  const openNode = useCallback((id: string) => {
    const row = document.getElementById(rowId(id));
    row?.scrollIntoView({ block: 'nearest' });
    row?.focus();
  }, []);
  return (
    <>
      <p>
        Job name: <span className="job-name">{plan.name}</span>
      </p>
      {vertices.length > 0 && (
        <JobGraphCanvas
          structure={structure}
          nodes={nodes}
          label={`Plan: ${vertices.length} vertices`}
          onOpenNode={openNode}
        />
      )}
      <VertexTable vertices={vertices} />
    </>
  );
}

function VertexTable({ vertices }: { vertices: readonly PlanVertex[] }): ReactNode {
  const names = new Map(vertices.map((v) => [v.id, v.name]));
  return (
    <table className="data-table jars-plan-table">
      <caption>Vertices of the plan</caption>
      <thead>
        <tr>
          <th scope="col">Vertex</th>
          <th scope="col">Parallelism</th>
          <th scope="col">Operators</th>
          <th scope="col">Inputs</th>
        </tr>
      </thead>
      <tbody>
        {vertices.map((v) => (
          <tr key={v.id}>
            <th scope="row" id={rowId(v.id)} tabIndex={-1} className="job-name">
              {v.name}
            </th>
            <td>{v.parallelism}</td>
            <td className="jars-operators">{v.operators.join('\n')}</td>
            <td>
              {v.inputs.length === 0
                ? '–'
                : v.inputs
                    .map(
                      (input) =>
                        `${names.get(input.id) ?? input.id}${input.shipStrategy ? ` (${input.shipStrategy})` : ''}`,
                    )
                    .join(', ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
