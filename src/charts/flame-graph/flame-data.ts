// Pure helpers around flame-graph data, kept apart from d3 so they test without a DOM.

/** A flame graph tree as Flink sends it (`data` of `/vertices/:id/flamegraph`). */
export interface FlameNode {
  readonly name: string;
  readonly value: number;
  readonly children?: readonly FlameNode[];
}

/**
 * The mutable copy d3-flame-graph gets: it reads and writes the `fade`/`hide` zoom flags in it,
 * and it decides whether data was already laid out by a class name that minification renames,
 * so it must get new raw data on every update, never an object it has seen (or the query
 * cache's own).
 */
export interface FlameTree {
  name: string;
  value: number;
  children: FlameTree[];
  /** An ancestor of the zoomed frame: drawn full width above it. */
  fade?: boolean;
  /** A sibling of the zoomed frame or of one of its ancestors: not drawn. */
  hide?: boolean;
}

/** What the chart is handed for one zoom level: a pruned copy, and how to map it back. */
export interface FlameViewTree {
  data: FlameTree;
  /** The sample's frame each copied frame stands for (a clicked frame is mapped back with it). */
  source: ReadonlyMap<FlameTree, FlameNode>;
  /** Per copied frame with children left out: the largest value among them. */
  droppedMax: ReadonlyMap<FlameTree, number>;
}

/** d3's `ascending` on names: the order d3-flame-graph's `.sort(true)` gives. */
function byName(a: FlameTree, b: FlameTree): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The copy of `root` to draw `width` pixels wide, zoomed into the last frame of `zoomPath`
 * (root first, each frame a child of the one before; empty or `[root]`: not zoomed), with each
 * parent's children sorted by name.
 *
 * A 50,000-frame sample draws fewer than a thousand frames: the chart skips frames of
 * `minFramePx` or less, but only after building, sorting and laying out all of them. So frames
 * that would be that narrow are left out of the copy. Each is measured against the frame that
 * fills the width when it shows: the zoomed frame for its subtree, and for the subtree of a
 * sibling that zooming hides, the ancestor whose zoom-out shows it again (so zooming out needs
 * no new copy). Zooming into a frame whose left-out children would then be wide enough takes a
 * new copy (`needsDetail`). A child never has more samples than its parent, so a dropped
 * frame's subtree goes with it. The zoom flags are set as d3-flame-graph's own zoom sets them.
 */
export function flameViewTree(
  root: FlameNode,
  zoomPath: readonly FlameNode[],
  width: number,
  minFramePx: number,
): FlameViewTree {
  const onPath = new Set(zoomPath).add(root);
  const zoomed = zoomPath.at(-1) ?? root;
  const source = new Map<FlameTree, FlameNode>();
  const droppedMax = new Map<FlameTree, number>();
  const copyOf = (node: FlameNode): FlameTree => {
    const copy: FlameTree = { name: String(node.name), value: node.value, children: [] };
    source.set(copy, node);
    return copy;
  };
  const data = copyOf(root);
  if (zoomed !== root) data.fade = true;
  // [frame, its copy, the value of the frame that fills the width when its children show]
  const stack: [FlameNode, FlameTree, number][] = [[root, data, root.value]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, copy, scale] = item;
    const pathAboveZoom = node !== zoomed && onPath.has(node);
    // Kept when wider than minFramePx at that scale: value / scale * width > minFramePx.
    const least = scale > 0 ? (minFramePx * scale) / width : Infinity;
    let dropped = 0;
    for (const child of node.children ?? []) {
      const childOnPath = pathAboveZoom && onPath.has(child);
      if (!childOnPath && !(child.value > least)) {
        if (child.value > dropped) dropped = child.value;
        continue;
      }
      const childCopy = copyOf(child);
      if (childOnPath) {
        if (child !== zoomed) childCopy.fade = true;
      } else if (pathAboveZoom) {
        childCopy.hide = true;
      }
      copy.children.push(childCopy);
      // A frame on the path fills the width when zoomed out to it: its other children are measured against it.
      stack.push([child, childCopy, childOnPath ? child.value : scale]);
    }
    if (copy.children.length > 1) copy.children.sort(byName);
    if (dropped > 0) droppedMax.set(copy, dropped);
  }
  return { data, source, droppedMax };
}

/**
 * Whether zooming into `frame` (a copy in `view`) shows frames the copy left out: then the chart
 * needs `flameViewTree` for that zoom.
 */
export function needsDetail(view: FlameViewTree, frame: FlameTree, width: number, minFramePx: number): boolean {
  const least = (minFramePx * frame.value) / width;
  const stack = [frame];
  for (let copy = stack.pop(); copy; copy = stack.pop()) {
    if ((view.droppedMax.get(copy) ?? 0) > least) return true;
    for (const child of copy.children) stack.push(child);
  }
  return false;
}

/** Frames (nodes below the root) and the deepest stack. */
export function flameStats(node: FlameNode): { frames: number; depth: number } {
  let frames = 0;
  let depth = 0;
  const stack: [FlameNode, number][] = [[node, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [n, d] = item;
    if (d > 0) frames += 1;
    depth = Math.max(depth, d);
    for (const child of n.children ?? []) stack.push([child, d + 1]);
  }
  return { frames, depth };
}

/**
 * The search match: case-insensitive plain text. (d3-flame-graph's own builds a RegExp from
 * the term, so `Task$$Lambda(` would throw.)
 */
export function frameMatches(name: string | undefined, term: string): boolean {
  const needle = term.trim().toLowerCase();
  if (!needle || name === undefined) return false;
  return name.toLowerCase().includes(needle);
}

/** "12.5%" of the samples. */
export function sharePercent(part: number, total: number): string {
  if (!(total > 0)) return '0%';
  const pct = (100 * part) / total;
  return `${pct >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/**
 * Samples in frames matching a search (a matching frame's matching descendants are not
 * counted twice), and all samples: what the search found, as the chart highlights it.
 */
export function searchSamples(root: FlameNode, term: string): { matched: number; frames: number; total: number } {
  let matched = 0;
  let frames = 0;
  const stack: [FlameNode, boolean][] = [[root, false]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, insideMatch] = item;
    const hit = node !== root && frameMatches(node.name, term);
    if (hit) frames += 1;
    if (hit && !insideMatch) matched += node.value;
    for (const child of node.children ?? []) stack.push([child, insideMatch || hit]);
  }
  return { matched, frames, total: root.value };
}

/** A stable number in [0, 1) from a frame name, for colour variations that do not flicker. */
export function nameShade(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) / 2 ** 32;
}
