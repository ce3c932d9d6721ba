// Layered layout of a job graph with dagre. Pure: structure in, positions out. The only module
// of the app that imports dagre; the drawing component takes its result as plain data.

import dagre from '@dagrejs/dagre';
import { LARGE_GRAPH } from './limits';

export { LARGE_GRAPH };

export interface GraphNodeInput {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export interface GraphEdgeInput {
  /** Unique among the edges (two inputs may connect the same pair of vertices). */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** Short text drawn on the edge (the ship strategy). */
  readonly label?: string;
}

export interface GraphStructure {
  readonly nodes: readonly GraphNodeInput[];
  readonly edges: readonly GraphEdgeInput[];
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface PlacedNode {
  readonly id: string;
  /** Top-left corner, in graph units. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Layer (0 for sources), along the flow direction. */
  readonly rank: number;
}

export interface PlacedEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label?: string;
  readonly points: readonly Point[];
  /** Where the label goes: the middle of the drawn line. */
  readonly labelAt: Point;
}

export interface GraphLayout {
  readonly width: number;
  readonly height: number;
  /** In a stable reading order: by layer, then across the layer. */
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

export type Direction = 'LR' | 'TB';

export interface LayoutOptions {
  /** `LR`: sources on the left (Flink's own convention). */
  readonly direction?: Direction;
  readonly nodeGap?: number;
  readonly layerGap?: number;
  readonly margin?: number;
}

interface NodeAttrs {
  width: number;
  height: number;
  x?: number;
  y?: number;
  rank?: number;
}

interface EdgeAttrs {
  points?: Point[];
}

/**
 * A key that changes only when the graph's structure (nodes, sizes, edges, labels) changes, so a
 * data refresh that keeps the structure never runs the layout again.
 */
export function structureKey(structure: GraphStructure): string {
  const nodes = structure.nodes.map((n) => `${n.id}:${n.width}x${n.height}`).join(',');
  const edges = structure.edges.map((e) => `${e.id}:${e.source}>${e.target}:${e.label ?? ''}`).join(',');
  return `${nodes}|${edges}`;
}

/** Lays the graph out in layers along `direction`; edges to unknown nodes are dropped. */
export function layoutJobGraph(structure: GraphStructure, options: LayoutOptions = {}): GraphLayout {
  const direction = options.direction ?? 'LR';
  const margin = options.margin ?? 20;
  const graph = new dagre.graphlib.Graph<Record<string, unknown>, NodeAttrs, EdgeAttrs>({ multigraph: true });
  graph.setGraph({
    // dagre's default ranker (network simplex) grows much faster than linear: about 5 s for 500
    // vertices and 1,000 edges on a slow machine. Above a small graph, tight-tree (longest path,
    // then tightened) gives nearly the same layers in a fraction of the time.
    ranker: structure.nodes.length > LARGE_GRAPH ? 'tight-tree' : 'network-simplex',
    rankdir: direction,
    nodesep: options.nodeGap ?? 28,
    ranksep: options.layerGap ?? 90,
    marginx: margin,
    marginy: margin,
  });
  graph.setDefaultEdgeLabel(() => ({}));

  const known = new Set<string>();
  for (const node of structure.nodes) {
    if (known.has(node.id)) continue;
    known.add(node.id);
    graph.setNode(node.id, { width: node.width, height: node.height });
  }
  const edges = structure.edges.filter((e) => known.has(e.source) && known.has(e.target) && e.source !== e.target);
  for (const edge of edges) graph.setEdge(edge.source, edge.target, {}, edge.id);

  dagre.layout(graph);

  const placed: PlacedNode[] = [];
  const seen = new Set<string>();
  for (const node of structure.nodes) {
    const attrs = graph.node(node.id);
    if (!attrs || seen.has(node.id)) continue;
    seen.add(node.id);
    const cx = attrs.x ?? 0;
    const cy = attrs.y ?? 0;
    placed.push({
      id: node.id,
      x: cx - node.width / 2,
      y: cy - node.height / 2,
      width: node.width,
      height: node.height,
      rank: 0,
    });
  }
  const ranked = assignRanks(placed, edges);
  const across = (n: PlacedNode): number => (direction === 'LR' ? n.y : n.x);
  ranked.sort((a, b) => a.rank - b.rank || across(a) - across(b));

  const placedEdges: PlacedEdge[] = edges.map((edge) => {
    const points = graph.edge({ v: edge.source, w: edge.target, name: edge.id })?.points ?? [];
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      ...(edge.label === undefined ? {} : { label: edge.label }),
      points,
      labelAt: midpoint(points),
    };
  });

  const label = graph.graph() as { width?: number; height?: number };
  return {
    width: Math.max(label.width ?? 0, margin * 2),
    height: Math.max(label.height ?? 0, margin * 2),
    nodes: ranked,
    edges: placedEdges,
  };
}

/** Longest path from a source: the layer each node is drawn in (cycles are cut arbitrarily). */
function assignRanks(nodes: readonly PlacedNode[], edges: readonly GraphEdgeInput[]): PlacedNode[] {
  const incoming = new Map<string, string[]>();
  for (const e of edges) incoming.set(e.target, [...(incoming.get(e.target) ?? []), e.source]);
  const rank = new Map<string, number>();
  const visiting = new Set<string>();
  const rankOf = (id: string): number => {
    const known = rank.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    let r = 0;
    for (const source of incoming.get(id) ?? []) r = Math.max(r, rankOf(source) + 1);
    visiting.delete(id);
    rank.set(id, r);
    return r;
  };
  return nodes.map((n) => ({ ...n, rank: rankOf(n.id) }));
}

/** The point halfway along a polyline. */
export function midpoint(points: readonly Point[]): Point {
  const first = points[0];
  if (!first) return { x: 0, y: 0 };
  let total = 0;
  for (let i = 1; i < points.length; i += 1) total += distance(points[i - 1] ?? first, points[i] ?? first);
  let remaining = total / 2;
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1] ?? first;
    const b = points[i] ?? first;
    const d = distance(a, b);
    if (d >= remaining && d > 0) {
      const t = remaining / d;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    remaining -= d;
  }
  return points[points.length - 1] ?? first;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}
