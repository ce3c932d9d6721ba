import { describe, expect, it } from 'vitest';
import { layoutJobGraph, midpoint, structureKey, type GraphLayout, type GraphStructure } from './layout';
import { arrowHead, roundedPath, truncate } from './text';
import {
  detailRegion,
  fitTransform,
  overlaps,
  pickDirection,
  READABLE_SCALE,
  readableFit,
  visibleNodeIds,
} from './viewport';

const box = (id: string) => ({ id, width: 200, height: 90 });

// source -> a, source -> b, a -> sink, b -> sink (a diamond), plus a second edge source -> a.
const diamond: GraphStructure = {
  nodes: ['source', 'a', 'b', 'sink'].map(box),
  edges: [
    { id: 'e1', source: 'source', target: 'a', label: 'HASH' },
    { id: 'e1b', source: 'source', target: 'a', label: 'FORWARD' },
    { id: 'e2', source: 'source', target: 'b', label: 'REBALANCE' },
    { id: 'e3', source: 'a', target: 'sink' },
    { id: 'e4', source: 'b', target: 'sink' },
  ],
};

function overlap(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutJobGraph', () => {
  it('places every node once, without overlaps, inside the graph bounds', () => {
    const layout = layoutJobGraph(diamond);
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'sink', 'source']);
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
      for (const m of layout.nodes) if (m !== n) expect(overlap(n, m)).toBe(false);
    }
  });

  it('lays layers out left to right: every edge points right, ranks follow the longest path', () => {
    const layout = layoutJobGraph(diamond);
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const e of diamond.edges) {
      const s = byId.get(e.source);
      const t = byId.get(e.target);
      expect(s && t && s.x + s.width <= t.x).toBe(true);
    }
    expect(Object.fromEntries(layout.nodes.map((n) => [n.id, n.rank]))).toEqual({ source: 0, a: 1, b: 1, sink: 2 });
    // Reading order: by layer.
    expect(layout.nodes[0]?.id).toBe('source');
    expect(layout.nodes[3]?.id).toBe('sink');
  });

  it('lays layers out top to bottom when asked', () => {
    const layout = layoutJobGraph(diamond, { direction: 'TB' });
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    expect((byId.get('source')?.y ?? 0) + 90).toBeLessThanOrEqual(byId.get('a')?.y ?? 0);
  });

  it('keeps every edge (parallel edges too) with a routed line and a label position', () => {
    const layout = layoutJobGraph(diamond);
    expect(layout.edges.map((e) => e.id)).toEqual(['e1', 'e1b', 'e2', 'e3', 'e4']);
    for (const e of layout.edges) {
      expect(e.points.length).toBeGreaterThanOrEqual(2);
      expect(Number.isFinite(e.labelAt.x) && Number.isFinite(e.labelAt.y)).toBe(true);
    }
    expect(layout.edges.find((e) => e.id === 'e2')?.label).toBe('REBALANCE');
    expect(layout.edges.find((e) => e.id === 'e3')?.label).toBeUndefined();
  });

  it('drops edges to unknown nodes and self loops, and survives a cycle', () => {
    const layout = layoutJobGraph({
      nodes: ['x', 'y'].map(box),
      edges: [
        { id: 'ghost', source: 'x', target: 'nowhere' },
        { id: 'self', source: 'x', target: 'x' },
        { id: 'xy', source: 'x', target: 'y' },
        { id: 'yx', source: 'y', target: 'x' },
      ],
    });
    expect(layout.nodes).toHaveLength(2);
    expect(layout.edges.map((e) => e.id)).toEqual(['xy', 'yx']);
  });

  it('lays out an empty graph', () => {
    const layout = layoutJobGraph({ nodes: [], edges: [] });
    expect(layout.nodes).toEqual([]);
    expect(layout.width).toBeGreaterThan(0);
  });

  it('lays out 400 vertices, every one placed', () => {
    const n = 400;
    const nodes = Array.from({ length: n }, (_, i) => box(`v${i}`));
    const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: `v${Math.floor(i / 3)}`, target: node.id }));
    const layout = layoutJobGraph({ nodes, edges });
    expect(layout.nodes).toHaveLength(n);
    expect(new Set(layout.nodes.map((node) => `${node.x},${node.y}`)).size).toBe(n);
  });
});

describe('structureKey', () => {
  it('changes with nodes, sizes, edges and labels, not with anything else', () => {
    const key = structureKey(diamond);
    expect(structureKey({ nodes: [...diamond.nodes], edges: [...diamond.edges] })).toBe(key);
    expect(structureKey({ ...diamond, nodes: diamond.nodes.slice(1) })).not.toBe(key);
    expect(structureKey({ ...diamond, edges: diamond.edges.map((e) => ({ ...e, label: 'X' })) })).not.toBe(key);
  });
});

describe('viewport geometry', () => {
  const layout = layoutJobGraph(diamond);

  it('fits the graph centred in the viewport, never enlarging it past its natural size', () => {
    const t = fitTransform(layout, { width: 300, height: 200 }, 10);
    expect(layout.width * t.k).toBeLessThanOrEqual(280 + 1e-9);
    expect(layout.height * t.k).toBeLessThanOrEqual(180 + 1e-9);
    expect(t.x + (layout.width * t.k) / 2).toBeCloseTo(150);
    expect(fitTransform(layout, { width: 10_000, height: 10_000 }).k).toBe(1);
    expect(fitTransform(layout, { width: 0, height: 0 })).toEqual({ k: 1, x: 0, y: 0 });
  });

  it('finds the nodes on screen', () => {
    const all = visibleNodeIds(layout, fitTransform(layout, { width: 400, height: 300 }), { width: 400, height: 300 });
    expect(all.sort()).toEqual(['a', 'b', 'sink', 'source']);
    const source = layout.nodes.find((n) => n.id === 'source');
    // Zoomed in 1:1 on the source: only it (and what overlaps the 210x100 window) shows.
    const onSource = visibleNodeIds(
      layout,
      { k: 1, x: -(source?.x ?? 0), y: -(source?.y ?? 0) },
      { width: 210, height: 100 },
    );
    expect(onSource).toContain('source');
    expect(onSource).not.toContain('sink');
    expect(visibleNodeIds(layout, { k: 1, x: -100_000, y: 0 }, { width: 400, height: 300 })).toEqual([]);
  });
});

describe('text helpers', () => {
  it('truncates by code point with an ellipsis and collapses whitespace', () => {
    expect(truncate('Slow enrichment', 27)).toBe('Slow enrichment');
    expect(truncate('line1\nline2\r\nline3', 40)).toBe('line1 line2 line3');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    expect(truncate('😀😀😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncate('\u202Eevil.exe\u202C', 27)).toBe('evil.exe');
  });

  it('draws rounded polylines', () => {
    expect(roundedPath([])).toBe('');
    expect(
      roundedPath([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ]),
    ).toBe('M0,0 L10,0');
    expect(
      roundedPath([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 10 },
      ]),
    ).toBe('M0,0 Q10,0 10,5 L10,10');
  });

  it('finds the middle of a polyline', () => {
    expect(
      midpoint([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 10 },
      ]),
    ).toEqual({ x: 10, y: 0 });
    expect(midpoint([])).toEqual({ x: 0, y: 0 });
  });
});

describe('direction and a readable fit', () => {
  // A chain like the wide demo job: 44 vertices in a line.
  const chain: GraphStructure = {
    nodes: Array.from({ length: 44 }, (_, i) => ({ id: `v${i}`, width: 232, height: 110 })),
    edges: Array.from({ length: 43 }, (_, i) => ({ id: `e${i}`, source: `v${i}`, target: `v${i + 1}` })),
  };
  const desktop = { width: 1400, height: 640 };
  const phone = { width: 356, height: 520 };

  it('fits a small graph whole', () => {
    const layout = layoutJobGraph(diamond);
    expect(readableFit(layout, desktop, 'LR')).toEqual(fitTransform(layout, desktop));
  });

  it('fits a long chain across its flow at a readable zoom, starting at the sources', () => {
    const lr = layoutJobGraph(chain);
    expect(fitTransform(lr, desktop).k).toBeLessThan(0.15); // the line of tiny boxes it was
    const t = readableFit(lr, desktop, 'LR');
    expect(t.k).toBeGreaterThanOrEqual(READABLE_SCALE);
    expect(t.x).toBe(16);
    const tb = layoutJobGraph(chain, { direction: 'TB' });
    const onPhone = readableFit(tb, phone, 'TB');
    expect(onPhone.k).toBeGreaterThanOrEqual(READABLE_SCALE);
    expect(onPhone.y).toBe(16);
    // The whole breadth is on screen: the first node's name is not cut off at either side.
    const first = tb.nodes[0];
    expect(first && first.x * onPhone.k + onPhone.x).toBeGreaterThanOrEqual(0);
    expect(first && (first.x + first.width) * onPhone.k + onPhone.x).toBeLessThanOrEqual(phone.width);
  });

  it('picks left to right when it fits, top to bottom for a long chain on a phone', () => {
    const lr = layoutJobGraph(chain);
    const tb = (): GraphLayout => layoutJobGraph(chain, { direction: 'TB' });
    expect(pickDirection(layoutJobGraph(diamond), () => layoutJobGraph(diamond, { direction: 'TB' }), desktop)).toBe(
      'LR',
    );
    expect(pickDirection(lr, tb, phone)).toBe('TB');
    let asked = 0;
    pickDirection(layoutJobGraph(diamond), () => (asked++, tb()), desktop);
    expect(asked).toBe(0);
  });

  it('keeps the first source in view when even the breadth does not fit', () => {
    // Two branches side by side top to bottom: 2 x 232 px at a readable zoom is wider than a phone.
    const forked: GraphStructure = {
      nodes: [...chain.nodes, { id: 'w0', width: 232, height: 110 }, { id: 'w1', width: 232, height: 110 }],
      edges: [...chain.edges, { id: 'f0', source: 'v0', target: 'w0' }, { id: 'f1', source: 'w0', target: 'w1' }],
    };
    const tb = layoutJobGraph(forked, { direction: 'TB' });
    const source = tb.nodes[0];
    expect(source?.id).toBe('v0');
    const t = readableFit(tb, { width: 356, height: 520 }, 'TB', source);
    expect(t.k).toBe(READABLE_SCALE);
    expect(source && source.x * t.k + t.x).toBeGreaterThanOrEqual(0);
    expect(source && (source.x + source.width) * t.k + t.x).toBeLessThanOrEqual(356);
  });
});

describe('drawing less', () => {
  it('draws an arrowhead whose tip is the edge end, pointing along its last segment', () => {
    // Left to right, ending at (100, 50): the base is 9.8 units back, 4.9 either side.
    expect(
      arrowHead([
        { x: 0, y: 0 },
        { x: 50, y: 50 },
        { x: 100, y: 50 },
      ]),
    ).toBe('M100,50 L90.2,54.9 L90.2,45.1 Z');
    // Top to bottom, ending at (20, 80).
    expect(
      arrowHead([
        { x: 20, y: 0 },
        { x: 20, y: 80 },
      ]),
    ).toBe('M20,80 L15.1,70.2 L24.9,70.2 Z');
    expect(arrowHead([{ x: 1, y: 1 }])).toBe('');
    expect(
      arrowHead([
        { x: 1, y: 1 },
        { x: 1, y: 1 },
      ]),
    ).toBe('');
  });

  it('draws details in the screen grown by half a screen on each side, in graph units', () => {
    // Zoomed to 2x, panned so that graph point (100, 50) is at the top-left of a 400 x 200 screen.
    const region = detailRegion({ k: 2, x: -200, y: -100 }, { width: 400, height: 200 });
    expect(region).toEqual({ x: 0, y: 0, width: 400, height: 200 });
    expect(overlaps(region, { x: 390, y: 190, width: 50, height: 50 })).toBe(true);
    expect(overlaps(region, { x: 401, y: 10, width: 50, height: 50 })).toBe(false);
    expect(overlaps(region, { x: -60, y: 10, width: 50, height: 50 })).toBe(false);
    expect(overlaps(region, { x: 100, y: 100, width: 0, height: 0 })).toBe(true); // an edge label's point
    expect(overlaps(region, { x: 100, y: 250, width: 0, height: 0 })).toBe(false);
  });
});
