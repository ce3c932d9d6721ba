// The graph's node views kept between refreshes: a refresh changes the text of the nodes whose
// details are drawn and whose figures moved, nothing else (each text change re-lays out the SVG).

import type { GraphNodeView } from '../../charts/job-graph/JobGraphCanvas';

/**
 * A node as built on a render: its lines, or, for a node whose details are not drawn (off screen,
 * or zoomed out to names only), how to make them: used only when the node has no lines yet, else
 * it keeps those it last showed. Its colour and accessible name are always current.
 */
export type BuiltNode = Omit<GraphNodeView, 'lines'> & {
  readonly lines: readonly string[] | (() => readonly string[]);
};

/** Whether two node views draw the same thing (the canvas draws only these fields). */
export function sameNodeView(a: GraphNodeView, b: GraphNodeView): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.tone === b.tone &&
    a.href === b.href &&
    a.ariaLabel === b.ariaLabel &&
    a.selected === b.selected &&
    a.lines.length === b.lines.length &&
    a.lines.every((line, i) => line === b.lines[i])
  );
}

/**
 * The canvas's nodes from `built`: each the previous object for as long as it draws the same
 * thing, and `previous` itself when none changed (an answer with the same figures), so the
 * (memoised) canvas renders nothing then.
 */
export function keepUnchangedNodes(
  previous: ReadonlyMap<string, GraphNodeView>,
  built: readonly BuiltNode[],
): ReadonlyMap<string, GraphNodeView> {
  const out = new Map<string, GraphNodeView>();
  let changed = previous.size !== built.length;
  for (const node of built) {
    const old = previous.get(node.id);
    const lines = typeof node.lines === 'function' ? (old?.lines ?? node.lines()) : node.lines;
    const next: GraphNodeView = { ...node, lines };
    const view = old !== undefined && sameNodeView(old, next) ? old : next;
    if (view !== old) changed = true;
    out.set(node.id, view);
  }
  return changed ? out : previous;
}
