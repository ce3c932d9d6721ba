// The job graph as the page needs it, from the plan (edges, ship strategies) and the job's
// details (vertex names, parallelism, state). Pure; names stay plain text.

import type { JobDetails } from '../../api/jobs';
import type { Plan } from '../../api/schemas';

export interface GraphVertex {
  readonly id: string;
  /** The vertex name as Flink reports it: untrusted text, shown as text only. */
  readonly name: string;
  readonly parallelism: number;
  /** Execution state of the vertex (`RUNNING`, `FINISHED` ...); `undefined` when details lack it. */
  readonly status: string | undefined;
}

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** `HASH`, `FORWARD`, `REBALANCE` ...; undefined when the plan does not say. */
  readonly shipStrategy: string | undefined;
}

export interface JobGraphModel {
  readonly vertices: readonly GraphVertex[];
  readonly edges: readonly GraphEdge[];
}

/**
 * Vertices in the plan's order (with any vertex the details know but the plan does not), edges
 * from each plan node's inputs. Edges from or to an unknown vertex are left out.
 */
export function buildGraphModel(plan: Plan, details: Pick<JobDetails, 'vertices'>): JobGraphModel {
  const detailById = new Map(details.vertices.map((v) => [v.id, v]));
  const vertices: GraphVertex[] = [];
  const seen = new Set<string>();
  for (const node of plan.nodes) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const detail = detailById.get(node.id);
    vertices.push({
      id: node.id,
      name: detail?.name ?? planDescriptionText(node.description),
      parallelism: detail?.parallelism ?? node.parallelism,
      status: detail?.status,
    });
  }
  for (const detail of details.vertices) {
    if (seen.has(detail.id)) continue;
    seen.add(detail.id);
    vertices.push({ id: detail.id, name: detail.name, parallelism: detail.parallelism, status: detail.status });
  }

  const edges: GraphEdge[] = [];
  const edgeIds = new Set<string>();
  for (const node of plan.nodes) {
    for (const [index, input] of (node.inputs ?? []).entries()) {
      if (!seen.has(input.id) || input.id === node.id) continue;
      let id = `${input.id}->${node.id}#${input.num}`;
      if (edgeIds.has(id)) id = `${id}.${index}`;
      edgeIds.add(id);
      edges.push({ id, source: input.id, target: node.id, shipStrategy: input.ship_strategy?.trim() || undefined });
    }
  }
  return { vertices, edges };
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", '#39': "'" };

/**
 * The plan's `description` is HTML-escaped with `<br/>` between chained operators. As text:
 * `<br/>` becomes a newline and the few entities Flink writes are decoded. Never parsed as HTML.
 */
export function planDescriptionText(description: string): string {
  return description
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/&(lt|gt|amp|quot|apos|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
    .trim();
}
