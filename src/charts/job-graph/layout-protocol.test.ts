import { describe, expect, it } from 'vitest';
import { layoutJobGraph, type GraphStructure } from './layout';
import { layoutCacheKey, LruCache } from './layout-client';
import { answerLayoutRequest, isLayoutResponse, type LayoutRequest } from './layout-protocol';

const structure: GraphStructure = {
  nodes: ['a', 'b', 'c'].map((id) => ({ id, width: 200, height: 90 })),
  edges: [
    { id: 'ab', source: 'a', target: 'b', label: 'HASH' },
    { id: 'bc', source: 'b', target: 'c' },
  ],
};

describe('the layout worker protocol', () => {
  it('answers a request with the same layout as on the page, under the request id', () => {
    const request: LayoutRequest = { id: 7, structure, options: { direction: 'TB', layerGap: 56 } };
    const answer = answerLayoutRequest(request);
    expect(answer).toEqual({ id: 7, layout: layoutJobGraph(structure, { direction: 'TB', layerGap: 56 }) });
    expect(isLayoutResponse(answer)).toBe(true);
  });

  it('survives structured cloning (what postMessage does) unchanged', () => {
    const answer = answerLayoutRequest({ id: 1, structure, options: {} });
    expect(structuredClone(answer)).toEqual(answer);
  });

  it('answers an error as a message, never by throwing', () => {
    const broken = { id: 3, structure: { nodes: null, edges: [] }, options: {} } as unknown as LayoutRequest;
    const answer = answerLayoutRequest(broken);
    expect(answer.id).toBe(3);
    expect('error' in answer && typeof answer.error).toBe('string');
    expect(isLayoutResponse(answer)).toBe(true);
  });

  it('recognises only answers', () => {
    expect(isLayoutResponse(null)).toBe(false);
    expect(isLayoutResponse('x')).toBe(false);
    expect(isLayoutResponse({ id: '1', layout: {} })).toBe(false);
    expect(isLayoutResponse({ id: 1 })).toBe(false);
  });
});

describe('the layout cache', () => {
  it('keys on the structure and every option that changes the layout', () => {
    const key = layoutCacheKey(structure, { direction: 'LR', layerGap: 90 });
    expect(layoutCacheKey({ ...structure }, { direction: 'LR', layerGap: 90 })).toBe(key);
    expect(layoutCacheKey(structure, { direction: 'TB', layerGap: 90 })).not.toBe(key);
    expect(layoutCacheKey(structure, { direction: 'LR', layerGap: 56 })).not.toBe(key);
    const relabelled = { ...structure, edges: structure.edges.map((e) => ({ ...e, label: 'FORWARD' })) };
    expect(layoutCacheKey(relabelled, { direction: 'LR', layerGap: 90 })).not.toBe(key);
  });

  it('forgets the least recently used entry past its capacity', () => {
    const lru = new LruCache<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
  });
});
