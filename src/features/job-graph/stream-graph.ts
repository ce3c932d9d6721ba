// The stream graph Flink 2.x sends in a job's details (`stream-graph`) while the adaptive batch
// scheduler is still turning operators into job vertices (`pending-operators` > 0). Parsed from
// untrusted JSON into the same model the job graph uses: an operator already in a job vertex
// carries that vertex's id, status and parallelism; a pending one has none yet.

import * as v from 'valibot';
import type { JobDetails } from '../../api/jobs';

const StreamNodeSchema = v.looseObject({
  id: v.union([v.string(), v.number()]),
  operator: v.optional(v.string()),
  description: v.optional(v.string()),
  parallelism: v.optional(v.number()),
  job_vertex_id: v.optional(v.string()),
  inputs: v.optional(
    v.array(
      v.looseObject({
        id: v.union([v.string(), v.number()]),
        num: v.optional(v.number()),
        ship_strategy: v.optional(v.string()),
      }),
    ),
  ),
});
const StreamGraphSchema = v.looseObject({ nodes: v.array(StreamNodeSchema) });

export interface StreamOperator {
  readonly id: string;
  readonly name: string;
  /** The job vertex the operator runs in, once the scheduler created it. */
  readonly jobVertexId: string | undefined;
  readonly parallelism: number | undefined;
  readonly status: string | undefined;
}

export interface StreamEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly shipStrategy: string | undefined;
}

export interface StreamGraphModel {
  readonly operators: readonly StreamOperator[];
  readonly edges: readonly StreamEdge[];
  /** Operators not yet in a job vertex, as Flink counts them. */
  readonly pending: number;
}

/**
 * The stream graph to show instead of the job graph, or undefined when the job graph is complete
 * (no pending operators, 1.20, a streaming job) or the stream graph is missing or unreadable.
 */
export function streamGraphWhileBuilding(
  details: Pick<JobDetails, 'vertices' | 'pending-operators' | 'stream-graph'>,
): StreamGraphModel | undefined {
  const pending = details['pending-operators'] ?? 0;
  if (pending <= 0) return undefined;
  const parsed = v.safeParse(StreamGraphSchema, details['stream-graph']);
  if (!parsed.success || parsed.output.nodes.length === 0) return undefined;
  const vertexById = new Map(details.vertices.map((vertex) => [vertex.id, vertex]));
  const ids = new Set(parsed.output.nodes.map((n) => String(n.id)));
  const operators: StreamOperator[] = parsed.output.nodes.map((node) => {
    const vertex = node.job_vertex_id === undefined ? undefined : vertexById.get(node.job_vertex_id);
    return {
      id: String(node.id),
      name: node.operator ?? node.description ?? String(node.id),
      jobVertexId: vertex?.id,
      parallelism:
        vertex?.parallelism ?? (node.parallelism !== undefined && node.parallelism > 0 ? node.parallelism : undefined),
      status: vertex?.status,
    };
  });
  const edges: StreamEdge[] = [];
  for (const node of parsed.output.nodes) {
    for (const [index, input] of (node.inputs ?? []).entries()) {
      const source = String(input.id);
      if (!ids.has(source) || source === String(node.id)) continue;
      edges.push({
        id: `${source}->${node.id}#${index}`,
        source,
        target: String(node.id),
        shipStrategy: input.ship_strategy,
      });
    }
  }
  return { operators, edges, pending };
}
