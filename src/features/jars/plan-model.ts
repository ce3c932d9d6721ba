// A jar's plan (POST /jars/:jarid/plan) as plain data for the graph drawing and the vertex table.

import type { Plan } from '../../api/schemas';

export interface PlanVertex {
  readonly id: string;
  /** The first operator of the chain. */
  readonly name: string;
  /** Every operator of the chain, one per line, as Flink describes them. */
  readonly operators: readonly string[];
  readonly parallelism: number;
  readonly inputs: readonly { readonly id: string; readonly shipStrategy?: string }[];
}

export interface PlanEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly shipStrategy?: string;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

/**
 * Flink's plan descriptions are HTML fragments (`Source: A<br/>+- B<br/>`). They become plain
 * lines of text: `<br/>` breaks the lines, the few entities Flink writes are decoded, and
 * anything else that looks like a tag stays as it is: it is rendered as text, never as markup.
 */
export function descriptionLines(description: string): string[] {
  return description
    .split(/<br\s*\/?>/i)
    .map((line) =>
      line.replace(/&(lt|gt|amp|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity).replace(/\s+$/, ''),
    )
    .filter((line) => line.trim() !== '');
}

/** The chain's operator name without the tree drawing Flink puts in front (`+- `). */
function operatorName(line: string): string {
  return line.replace(/^[\s+|-]*/, '').trim();
}

export function planModel(plan: Plan): { vertices: PlanVertex[]; edges: PlanEdge[] } {
  const vertices = plan.nodes.map((node): PlanVertex => {
    const lines = descriptionLines(node.description);
    const operators = lines.map(operatorName).filter(Boolean);
    return {
      id: node.id,
      name: operators[0] ?? (node.operator || node.id),
      operators,
      parallelism: node.parallelism,
      inputs: (node.inputs ?? []).map((input) => ({
        id: input.id,
        ...(input.ship_strategy ? { shipStrategy: input.ship_strategy } : {}),
      })),
    };
  });
  const known = new Set(vertices.map((v) => v.id));
  // Flink lists sinks first; people read a pipeline from its sources: order by distance from them.
  const byId = new Map(vertices.map((v) => [v.id, v]));
  const depth = new Map<string, number>();
  const depthOf = (id: string, path: ReadonlySet<string>): number => {
    const memo = depth.get(id);
    if (memo !== undefined) return memo;
    const inputs = (byId.get(id)?.inputs ?? []).filter((i) => byId.has(i.id) && !path.has(i.id));
    const d = inputs.length === 0 ? 0 : 1 + Math.max(...inputs.map((i) => depthOf(i.id, new Set([...path, i.id]))));
    depth.set(id, d);
    return d;
  };
  const ordered = vertices
    .map((v, index) => ({ v, index, d: depthOf(v.id, new Set([v.id])) }))
    .sort((a, b) => a.d - b.d || a.index - b.index)
    .map((x) => x.v);
  const edges: PlanEdge[] = [];
  for (const vertex of ordered) {
    vertex.inputs.forEach((input, index) => {
      if (!known.has(input.id)) return;
      edges.push({
        id: `${input.id}->${vertex.id}#${index}`,
        source: input.id,
        target: vertex.id,
        ...(input.shipStrategy ? { shipStrategy: input.shipStrategy } : {}),
      });
    });
  }
  return { vertices: ordered, edges };
}

/** Program arguments typed one per line; blank lines are dropped, the rest kept exactly. */
export function programArgs(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}
