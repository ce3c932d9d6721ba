import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LARGE_GRAPH, type GraphStructure } from './layout';
import { useGraphLayout } from './JobGraphCanvas';

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
