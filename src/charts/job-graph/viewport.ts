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

/** Flow direction of the drawing: sources on the left (`LR`) or at the top (`TB`). */
export type FlowDirection = 'LR' | 'TB';

/**
 * The zoom at which node names (12 px) stay readable (10 px on screen). "Fit" never goes below it
 * for a graph too long to fit whole: it fits the graph across its flow and starts at the sources.
 */
export const READABLE_SCALE = 0.84;

/**
 * "Fit to screen" that keeps names legible: the whole graph when it fits at a readable zoom;
 * otherwise the graph's breadth (across the flow) fitted, at most at its natural size and no
 * smaller than readable, with the sources at the start (left or top), to be panned along.
 */
export function readableFit(
  graph: Size,
  viewport: Size,
  direction: FlowDirection,
  /** The node to keep in view when the breadth does not fit either (the first source). */
  anchor?: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  padding = 16,
): ViewTransform {
  const whole = fitTransform(graph, viewport, padding);
  if (whole.k >= READABLE_SCALE || graph.width <= 0 || graph.height <= 0) return whole;
  if (viewport.width <= 0 || viewport.height <= 0) return whole;
  const lr = direction === 'LR';
  const across = lr ? viewport.height : viewport.width;
  const breadth = lr ? graph.height : graph.width;
  const k = clamp(Math.max(READABLE_SCALE, Math.min(MAX_FIT_SCALE, (across - padding * 2) / breadth)), MIN_SCALE, 1);
  let offset = (across - breadth * k) / 2;
  if (breadth * k > across - padding * 2) {
    // Too broad even so: keep the anchor centred across, without showing space beyond the graph.
    const centre = anchor ? (lr ? anchor.y + anchor.height / 2 : anchor.x + anchor.width / 2) : breadth / 2;
    offset = clamp(across / 2 - centre * k, across - padding - breadth * k, padding);
  }
  return lr ? { k, x: padding, y: offset } : { k, x: offset, y: padding };
}

/**
 * The direction "Auto" picks: left to right (Flink's own convention) when the whole graph fits
 * readably that way; else the one whose whole-graph fit is larger (a long chain on a wide screen
 * stays left to right, on a phone it goes top to bottom). `topToBottom` is asked only when needed.
 */
export function pickDirection(leftToRight: Size, topToBottom: () => Size, viewport: Size): FlowDirection {
  const lr = fitTransform(leftToRight, viewport).k;
  if (lr >= READABLE_SCALE) return 'LR';
  return fitTransform(topToBottom(), viewport).k > lr ? 'TB' : 'LR';
}

/** A rectangle in graph units. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The part of the graph (in graph units) on screen under `transform`, grown by `margin` viewports
 * on each side: what is drawn in detail, so that a short pan finds the details already there.
 */
export function detailRegion(transform: ViewTransform, viewport: Size, margin = 0.5): Box {
  const { k, x, y } = transform;
  return {
    x: (-x - viewport.width * margin) / k,
    y: (-y - viewport.height * margin) / k,
    width: (viewport.width * (1 + 2 * margin)) / k,
    height: (viewport.height * (1 + 2 * margin)) / k,
  };
}

/** Whether two boxes overlap (a point is a box of no size). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
