// Reads the frames out of an HTML flame graph written by async-profiler, as text: the file is
// never rendered, and its script never runs (no eval, no DOM parser, no iframe). What it finds
// becomes the tree our own flame graph (d3-flame-graph) draws.
//
// The format, as async-profiler writes it into the page's one <script>:
//
// async-profiler 2.x (Flink 1.19 to 2.3 bundle 2.9; the fixture is one, recorded from the
// sandbox): one call per frame, one per line, in depth-first order (a frame comes right after
// its parent or after an earlier sibling's subtree):
//
//     f(level,left,width,type,'title'[,inln,c1,int])
//
//   level: depth (0 = the root frame `all`); left, width: absolute position and size in samples
//   (or in the mode's unit: bytes for ALLOC, nanoseconds for LOCK); type: the colour (0
//   interpreted, 1 JIT-compiled, 2 inlined, 3 native, 4 C++, 5 kernel, 6 C1-compiled); title: a
//   single-quoted JavaScript string (`\` and `'` escaped with a backslash).
//
// async-profiler 3.x: the titles are in a string table, each entry prefix-compressed against the
// one before it (its first character's code minus 32 = how many leading characters it shares
// with the previous entry), and the frames are delta-encoded calls with numbers only:
//
//     const cpool = ['all', ' java/lang/Thread.run', '/Object.wait', ...];
//     unpack(cpool);
//     f(key,level,left,width,...)  frame at `level`, left = previous frame's left + `left`
//     u(key,width,...)             first child of the previous frame: level + 1, same left
//     n(key,width,...)             next sibling of the previous frame: same level, left + its width
//
//   key >>> 3 is the cpool index of the title, key & 7 the type; a missing width repeats the
//   previous frame's width.
//
// Anything else (a future format, a truncated file, not a flame graph) is said as unreadable,
// and the view offers the file as a download instead.

import type { FlameNode } from '../../charts/flame-graph/flame-data';

export type AsyncProfilerParse =
  | {
      readonly kind: 'flame';
      /** `2.x` (titles inline) or `3.x` (string table). */
      readonly format: '2.x' | '3.x';
      /** The page's heading ("CPU profile", "Allocation profile"), as text. */
      readonly title: string | null;
      readonly tree: FlameNode;
      /** Frames read, the root included. */
      readonly frames: number;
    }
  | { readonly kind: 'unreadable'; readonly reason: string };

interface Frame {
  readonly level: number;
  readonly left: number;
  readonly width: number;
  readonly title: string;
}

interface MutableNode {
  name: string;
  value: number;
  children: MutableNode[];
  left: number;
}

/** At most this many frames are read; async-profiler's own page draws far fewer. */
export const MAX_FRAMES = 500_000;

/** Reads an async-profiler HTML flame graph; never throws. */
export function parseAsyncProfilerHtml(html: string): AsyncProfilerParse {
  try {
    const cpoolAt = html.search(/\bconst\s+cpool\s*=\s*\[/);
    const frames = cpoolAt >= 0 ? framesV3(html, cpoolAt) : framesV2(html);
    if (typeof frames === 'string') return { kind: 'unreadable', reason: frames };
    if (frames.length === 0) {
      return {
        kind: 'unreadable',
        reason: 'no frame data found: this is not an async-profiler flame graph this dashboard can read',
      };
    }
    const built = buildTree(frames);
    if (typeof built === 'string') return { kind: 'unreadable', reason: built };
    return {
      kind: 'flame',
      format: cpoolAt >= 0 ? '3.x' : '2.x',
      title: headingOf(html),
      tree: built,
      frames: frames.length,
    };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}

// ---- 2.x --------------------------------------------------------------------------------------

const V2_FRAME = /^f\((\d+),(\d+),(\d+),(\d+),'((?:[^'\\\n]|\\.)*)'(?:,\d+,\d+,\d+)?\)\s*$/gm;

function framesV2(html: string): Frame[] | string {
  const frames: Frame[] = [];
  for (const match of html.matchAll(V2_FRAME)) {
    if (frames.length >= MAX_FRAMES) return `more than ${MAX_FRAMES} frames`;
    frames.push({
      level: Number(match[1]),
      left: Number(match[2]),
      width: Number(match[3]),
      title: unescapeJs(match[5] ?? ''),
    });
  }
  return frames;
}

// ---- 3.x --------------------------------------------------------------------------------------

const V3_CALL = /^([fun])\(([\d,]*)\)\s*$/gm;

function framesV3(html: string, cpoolAt: number): Frame[] | string {
  const open = html.indexOf('[', cpoolAt);
  const { strings, end } = readStringArray(html, open);
  const cpool = unpackCpool(strings);
  const frames: Frame[] = [];
  let level0 = 0;
  let left0 = 0;
  let width0 = 0;
  V3_CALL.lastIndex = end;
  for (let match = V3_CALL.exec(html); match; match = V3_CALL.exec(html)) {
    if (frames.length >= MAX_FRAMES) return `more than ${MAX_FRAMES} frames`;
    const args = (match[2] ?? '').split(',').map(Number);
    const key = args[0];
    if (key === undefined || !Number.isSafeInteger(key)) return `a frame call without a key: ${match[0]}`;
    let level: number;
    let leftDelta: number;
    let width: number | undefined;
    if (match[1] === 'f') {
      level = args[1] ?? NaN;
      leftDelta = args[2] ?? NaN;
      width = args[3];
    } else if (match[1] === 'u') {
      level = level0 + 1;
      leftDelta = 0;
      width = args[1];
    } else {
      level = level0;
      leftDelta = width0;
      width = args[1];
    }
    if (!Number.isSafeInteger(level) || !Number.isSafeInteger(leftDelta)) return `a malformed frame call: ${match[0]}`;
    level0 = level;
    left0 += leftDelta;
    width0 = width || width0; // as async-profiler's page: 0 or absent repeats the width
    const title = cpool[key >>> 3];
    if (title === undefined) return `a frame names string ${key >>> 3}, beyond the ${cpool.length} of the table`;
    frames.push({ level, left: left0, width: width0, title });
  }
  return frames;
}

/** async-profiler's `unpack`: each entry shares (first char code - 32) leading chars with the previous one. */
export function unpackCpool(packed: readonly string[]): string[] {
  const out: string[] = [];
  for (const [i, entry] of packed.entries()) {
    const previous = out[i - 1];
    out.push(previous === undefined ? entry : previous.substring(0, entry.charCodeAt(0) - 32) + entry.substring(1));
  }
  return out;
}

/** Reads a JavaScript array of single- or double-quoted strings starting at `open` (the `[`). */
function readStringArray(text: string, open: number): { strings: string[]; end: number } {
  const strings: string[] = [];
  let i = open + 1;
  for (;;) {
    while (i < text.length && /[\s,]/.test(text.charAt(i))) i++;
    const c = text.charAt(i);
    if (c === ']') return { strings, end: i + 1 };
    if (c !== "'" && c !== '"') throw new Error(`the string table has something else than a string at ${i}`);
    let j = i + 1;
    let raw = '';
    while (j < text.length && text.charAt(j) !== c) {
      if (text.charAt(j) === '\\') {
        raw += text.slice(j, j + 2);
        j += 2;
      } else {
        raw += text.charAt(j);
        j++;
      }
    }
    if (j >= text.length) throw new Error('the string table is not closed (a truncated file?)');
    strings.push(unescapeJs(raw));
    i = j + 1;
  }
}

// ---- shared -----------------------------------------------------------------------------------

/** The escapes a JavaScript string literal may hold; anything else after `\` stands for itself. */
export function unescapeJs(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, esc: string) => {
    switch (esc.charAt(0)) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case '0':
        return esc.length === 1 ? '\0' : esc;
      case 'x':
        return esc.length === 3 ? String.fromCharCode(parseInt(esc.slice(1), 16)) : esc;
      case 'u': {
        if (esc.length === 1) return esc;
        const hex = esc.startsWith('u{') ? esc.slice(2, -1) : esc.slice(1);
        const code = parseInt(hex, 16);
        return code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      default:
        return esc;
    }
  });
}

/**
 * Frames in depth-first order into a tree: a frame's parent is the last frame one level up, and
 * it must lie within that parent (else the data is not what this parser understands).
 */
function buildTree(frames: readonly Frame[]): FlameNode | string {
  const first = frames[0];
  if (!first || first.level !== 0) return 'the first frame is not the root';
  const root: MutableNode = { name: first.title, value: first.width, children: [], left: first.left };
  const stack: MutableNode[] = [root];
  for (let i = 1; i < frames.length; i++) {
    const frame = frames[i] as Frame;
    if (frame.level === 0) return 'a second root frame';
    const parent = stack[frame.level - 1];
    if (!parent || frame.level > stack.length)
      return `frame ${i} skips a level (${frame.level} after ${stack.length - 1})`;
    if (frame.width < 0 || frame.left < parent.left || frame.left + frame.width > parent.left + parent.value) {
      return `frame ${i} ("${frame.title.slice(0, 60)}") lies outside its parent`;
    }
    const node: MutableNode = { name: frame.title, value: frame.width, children: [], left: frame.left };
    parent.children.push(node);
    stack.length = frame.level;
    stack.push(node);
  }
  return strip(root);
}

/** The tree without the `left` positions, as FlameNode. */
function strip(root: MutableNode): FlameNode {
  type Out = { name: string; value: number; children: Out[] };
  const out: Out = { name: root.name, value: root.value, children: [] };
  const stack: [MutableNode, Out][] = [[root, out]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [source, target] = item;
    for (const child of source.children) {
      const copy: Out = { name: child.name, value: child.value, children: [] };
      target.children.push(copy);
      stack.push([child, copy]);
    }
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** The page's `<h1>`, entities decoded, as plain text (shown by React as text). */
function headingOf(html: string): string | null {
  const match = /<h1[^>]*>([^<]{0,200})<\/h1>/i.exec(html);
  if (!match?.[1]) return null;
  const text = match[1].replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name] ?? '').trim();
  return text === '' || text.includes('/*') ? null : text;
}
