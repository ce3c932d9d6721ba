import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GraphStructure } from './layout';
import { useGraphLayout } from './JobGraphCanvas';

const structure = (label: string): GraphStructure => ({
  nodes: [
    { id: 'a', width: 200, height: 90 },
    { id: 'b', width: 200, height: 90 },
  ],
  edges: [{ id: 'ab', source: 'a', target: 'b', label }],
});

describe('useGraphLayout', () => {
  it('runs the layout again only when the structure changes, not on every new object', () => {
    const { result, rerender } = renderHook(({ s }) => useGraphLayout(s), { initialProps: { s: structure('HASH') } });
    const first = result.current;
    rerender({ s: structure('HASH') }); // a data refresh: same structure, new objects
    expect(result.current).toBe(first);
    rerender({ s: structure('REBALANCE') });
    expect(result.current).not.toBe(first);
    expect(result.current.edges[0]?.label).toBe('REBALANCE');
  });
});
