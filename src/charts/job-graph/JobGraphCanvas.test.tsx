import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LARGE_GRAPH, type GraphStructure } from './layout';
import { JobGraphCanvas, nodeHeight, NODE_WIDTH, useGraphLayout, type GraphNodeView } from './JobGraphCanvas';

const structure = (label: string): GraphStructure => ({
  nodes: [
    { id: 'a', width: 200, height: 90 },
    { id: 'b', width: 200, height: 90 },
  ],
  edges: [{ id: 'ab', source: 'a', target: 'b', label }],
});

/** A chain longer than LARGE_GRAPH: laid out off the render (a worker, or a later task in jsdom). */
const chain = (n: number): GraphStructure => ({
  nodes: Array.from({ length: n }, (_, i) => ({ id: `v${i}`, width: 200, height: 90 })),
  edges: Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i}`, source: `v${i}`, target: `v${i + 1}` })),
});

describe('useGraphLayout', () => {
  it('runs the layout again only when the structure changes, not on every new object', () => {
    const { result, rerender } = renderHook(({ s }) => useGraphLayout(s), { initialProps: { s: structure('HASH') } });
    const first = result.current;
    expect(first).toBeDefined(); // a small graph is laid out in the render itself
    rerender({ s: structure('HASH') }); // a data refresh: same structure, new objects
    expect(result.current).toBe(first);
    rerender({ s: structure('REBALANCE') });
    expect(result.current).not.toBe(first);
    expect(result.current?.edges[0]?.label).toBe('REBALANCE');
  });

  it('lays a large graph out after the render, then keeps it across refreshes and remounts', async () => {
    const n = LARGE_GRAPH + 5;
    const { result, rerender, unmount } = renderHook(({ s }) => useGraphLayout(s), { initialProps: { s: chain(n) } });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.nodes).toHaveLength(n));
    const first = result.current;
    rerender({ s: chain(n) });
    expect(result.current).toBe(first);
    unmount();
    // Opening the graph again draws the remembered layout in the first render.
    const again = renderHook(() => useGraphLayout(chain(n)));
    expect(again.result.current).toBe(first);
  });
});

describe('JobGraphCanvas', () => {
  it('keeps every node a named link, but draws details and edge labels only near the screen', () => {
    // A frame of 800 x 400 (jsdom lays nothing out) and a ResizeObserver that never reports.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe(): void {}
        disconnect(): void {}
      },
    );
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 800, 400));
    const n = 40;
    const structure: GraphStructure = {
      nodes: Array.from({ length: n }, (_, i) => ({ id: `v${i}`, width: NODE_WIDTH, height: nodeHeight(1) })),
      edges: Array.from({ length: n - 1 }, (_, i) => ({
        id: `e${i}`,
        source: `v${i}`,
        target: `v${i + 1}`,
        label: 'FORWARD',
      })),
    };
    const views = new Map<string, GraphNodeView>(
      structure.nodes.map((node, i) => [
        node.id,
        {
          id: node.id,
          title: `Operator ${i}`,
          lines: [`detail of ${i}`],
          tone: 'ok',
          href: `#/v/${i}`,
          ariaLabel: `Operator ${i}: fine`,
        },
      ]),
    );
    const { container } = render(
      <JobGraphCanvas structure={structure} nodes={views} label="Chain" onOpenNode={() => undefined} direction="LR" />,
    );
    // Too long to fit readably: fitted across, at the sources; the far end is many screens away.
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(n);
    const first = screen.getByRole('link', { name: 'Operator 0: fine' });
    const last = screen.getByRole('link', { name: `Operator ${n - 1}: fine` });
    expect(first.textContent).toContain('detail of 0');
    expect(last.textContent).toContain(`Operator ${n - 1}`);
    expect(last.textContent).not.toContain(`detail of ${n - 1}`);
    const labels = container.querySelectorAll('.jg-edge-label').length;
    expect(labels).toBeGreaterThan(0);
    expect(labels).toBeLessThan(n - 1);
    // Every edge is still drawn, with its arrowhead, in the two shared paths.
    const lines = container.querySelector('.jg-edge-lines')?.getAttribute('d') ?? '';
    const arrows = container.querySelector('.jg-arrow')?.getAttribute('d') ?? '';
    expect(lines.match(/M/g)).toHaveLength(n - 1);
    expect(arrows.match(/Z/g)).toHaveLength(n - 1);
  });
});
