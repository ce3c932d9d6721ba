import { describe, expect, it } from 'vitest';
import type { GraphNodeView } from '../../charts/job-graph/JobGraphCanvas';
import { keepUnchangedNodes, type BuiltNode } from './node-views';

const built = (id: string, over: Partial<BuiltNode> = {}): BuiltNode => ({
  id,
  title: `Vertex ${id}`,
  tone: 'ok',
  href: `/jobs/j/vertices/${id}`,
  ariaLabel: `Vertex ${id}: busy 10%, back-pressured 0%`,
  selected: false,
  lines: ['parallelism 2', 'in 10/s · out 10/s'],
  ...over,
});

describe('keepUnchangedNodes', () => {
  it('makes the lines of a node never shown before, even when its details are not drawn', () => {
    const nodes = keepUnchangedNodes(new Map(), [built('a', { lines: () => ['made'] })]);
    expect(nodes.get('a')?.lines).toEqual(['made']);
  });

  it('hands back the same map and node objects when nothing drawn changed', () => {
    const first = keepUnchangedNodes(new Map(), [built('a'), built('b')]);
    const again = keepUnchangedNodes(first, [built('a'), built('b')]);
    expect(again).toBe(first);
  });

  it('replaces only the node whose figures moved', () => {
    const first = keepUnchangedNodes(new Map(), [built('a'), built('b')]);
    const next = keepUnchangedNodes(first, [
      built('a'),
      built('b', { lines: ['parallelism 2', 'in 12/s · out 12/s'] }),
    ]);
    expect(next).not.toBe(first);
    expect(next.get('a')).toBe(first.get('a'));
    expect(next.get('b')?.lines).toEqual(['parallelism 2', 'in 12/s · out 12/s']);
  });

  it('a node whose details are not drawn keeps the lines it showed; its colour and accessible name follow', () => {
    const first = keepUnchangedNodes(new Map(), [built('a')]);
    const notDrawn = built('a', {
      lines: () => ['parallelism 2', 'in 99/s · out 99/s'],
      tone: 'bad',
      ariaLabel: 'Vertex a: busy 0%, back-pressured 90%',
    });
    const next = keepUnchangedNodes(first, [notDrawn]);
    const node: GraphNodeView | undefined = next.get('a');
    expect(node?.lines).toEqual(['parallelism 2', 'in 10/s · out 10/s']);
    expect(node?.tone).toBe('bad');
    expect(node?.ariaLabel).toBe('Vertex a: busy 0%, back-pressured 90%');
    // Drawn again (panned or zoomed into view): its current figures.
    const drawn = keepUnchangedNodes(next, [
      built('a', { lines: ['parallelism 2', 'in 99/s · out 99/s'], tone: 'bad' }),
    ]);
    expect(drawn.get('a')?.lines).toEqual(['parallelism 2', 'in 99/s · out 99/s']);
  });

  it('drops a vertex that is gone', () => {
    const first = keepUnchangedNodes(new Map(), [built('a'), built('b')]);
    const next = keepUnchangedNodes(first, [built('a')]);
    expect([...next.keys()]).toEqual(['a']);
  });
});
