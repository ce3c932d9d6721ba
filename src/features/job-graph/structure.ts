// The job graph's structure as the canvas lays it out, built in one place: the view draws it and
// the job page lays it out ahead of time (prewarmJobGraph), and both must give the same layout key.

import type { JobDetails } from '../../api/jobs';
import { nodeHeight, NODE_WIDTH, prewarmGraphLayouts } from '../../charts/job-graph/JobGraphCanvas';
import type { GraphStructure } from '../../charts/job-graph/layout';
import { buildGraphModel, type JobGraphModel } from './model';
import { streamGraphWhileBuilding } from './stream-graph';

/** Lines of detail under a vertex's name (the node's height depends on them). */
export const DETAIL_LINES = 5;

export function jobGraphStructure(model: JobGraphModel): GraphStructure {
  return {
    nodes: model.vertices.map((v) => ({ id: v.id, width: NODE_WIDTH, height: nodeHeight(DETAIL_LINES) })),
    edges: model.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      ...(e.shipStrategy === undefined ? {} : { label: e.shipStrategy }),
    })),
  };
}

/**
 * Lays out a large job's graph in the background (a worker) while the user is on another of its
 * views, so that clicking "Graph" draws it at once. Nothing for a small graph, nor for a job whose
 * graph is still being built (the stream graph is shown then).
 */
export function prewarmJobGraph(details: JobDetails): void {
  if (streamGraphWhileBuilding(details)) return;
  prewarmGraphLayouts(jobGraphStructure(buildGraphModel(details.plan, details)));
}
