// Pure geometry of the graph's viewport: fitting the graph, and which nodes are on screen.

import type { GraphLayout } from './layout';

/** A pan/zoom transform: screen = graph * k + (x, y). Same meaning as d3-zoom's. */
export interface ViewTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export const MIN_SCALE = 0.04;
export const MAX_SCALE = 2.5;
/** Fitting never enlarges a small graph beyond its natural size. */
export const MAX_FIT_SCALE = 1;

/** The transform that shows the whole graph, centred, with `padding` pixels around it. */
export function fitTransform(graph: Size, viewport: Size, padding = 16): ViewTransform {
  if (graph.width <= 0 || graph.height <= 0 || viewport.width <= 0 || viewport.height <= 0) {
    return { k: 1, x: 0, y: 0 };
  }
  const availableW = Math.max(1, viewport.width - padding * 2);
  const availableH = Math.max(1, viewport.height - padding * 2);
  const k = clamp(Math.min(availableW / graph.width, availableH / graph.height, MAX_FIT_SCALE), MIN_SCALE, MAX_SCALE);
  return { k, x: (viewport.width - graph.width * k) / 2, y: (viewport.height - graph.height * k) / 2 };
}

/** Ids of the nodes that overlap the viewport under `transform`, in layout order. */
export function visibleNodeIds(layout: GraphLayout, transform: ViewTransform, viewport: Size): string[] {
  if (viewport.width <= 0 || viewport.height <= 0) return [];
  const { k, x, y } = transform;
  return layout.nodes
    .filter((n) => {
      const left = n.x * k + x;
      const top = n.y * k + y;
      return left + n.width * k > 0 && left < viewport.width && top + n.height * k > 0 && top < viewport.height;
    })
    .map((n) => n.id);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
