// Pure helpers around flame-graph data, kept apart from d3 so they test without a DOM.

/** A flame graph tree as Flink sends it (`data` of `/vertices/:id/flamegraph`). */
export interface FlameNode {
  readonly name: string;
  readonly value: number;
  readonly children?: readonly FlameNode[];
}

/** The mutable copy d3-flame-graph gets; it writes `fade`/`hide` flags into it on zoom. */
export interface FlameTree {
  name: string;
  value: number;
  children: FlameTree[];
}

/**
 * A fresh deep copy: d3-flame-graph marks its input while zooming and decides whether data
 * was already laid out by a class name that minification renames, so it must get new raw data
 * on every update, never an object it has seen (or the query cache's own).
 */
export function cloneFlameTree(node: FlameNode): FlameTree {
  // Iterative: JVM stacks nest hundreds of frames deep.
  const root: FlameTree = { name: String(node.name), value: node.value, children: [] };
  const stack: [FlameNode, FlameTree][] = [[node, root]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [source, target] = item;
    for (const child of source.children ?? []) {
      const copy: FlameTree = { name: String(child.name), value: child.value, children: [] };
      target.children.push(copy);
      stack.push([child, copy]);
    }
  }
  return root;
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
