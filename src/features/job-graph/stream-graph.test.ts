import { describe, expect, it } from 'vitest';
import { streamGraphWhileBuilding } from './stream-graph';

// The adaptive batch demo job's details on Flink 2.3.0, 8 s after submission (trimmed).
const vertex = {
  id: 'ab415825e10e3e5e783526151cb4c203',
  name: 'Source: Slow bounded orders -> Build order',
  parallelism: 1,
  status: 'RUNNING',
} as const;
const streamGraph = {
  nodes: [
    { id: '102', parallelism: -1, operator: 'Source: Slow bounded orders', job_vertex_id: vertex.id, inputs: [] },
    {
      id: '103',
      parallelism: -1,
      operator: 'Build order',
      job_vertex_id: vertex.id,
      inputs: [{ num: 0, id: '102', ship_strategy: 'FORWARD', exchange: 'UNDEFINED' }],
    },
    {
      id: '105',
      parallelism: -1,
      operator: 'Sum amount per customer',
      inputs: [{ num: 0, id: '103', ship_strategy: 'HASH', exchange: 'UNDEFINED' }],
    },
    {
      id: '108',
      parallelism: -1,
      operator: 'Discard totals: Writer',
      inputs: [{ num: 0, id: '105', ship_strategy: 'FORWARD', exchange: 'UNDEFINED' }],
    },
  ],
};

describe('the stream graph while the job graph is built', () => {
  it('names every operator, the ones in a job vertex with its status, the rest pending', () => {
    const model = streamGraphWhileBuilding({
      vertices: [vertex as never],
      'pending-operators': 2,
      'stream-graph': streamGraph,
    });
    expect(model?.pending).toBe(2);
    expect(model?.operators.map((o) => [o.name, o.jobVertexId !== undefined, o.status])).toEqual([
      ['Source: Slow bounded orders', true, 'RUNNING'],
      ['Build order', true, 'RUNNING'],
      ['Sum amount per customer', false, undefined],
      ['Discard totals: Writer', false, undefined],
    ]);
    expect(model?.edges.map((e) => `${e.source}->${e.target} ${e.shipStrategy}`)).toEqual([
      '102->103 FORWARD',
      '103->105 HASH',
      '105->108 FORWARD',
    ]);
  });

  it('is not shown once no operator is pending, on 1.20 (no fields) or for an unreadable graph', () => {
    expect(streamGraphWhileBuilding({ vertices: [], 'pending-operators': 0, 'stream-graph': streamGraph })).toBe(
      undefined,
    );
    expect(streamGraphWhileBuilding({ vertices: [] })).toBeUndefined();
    expect(streamGraphWhileBuilding({ vertices: [], 'pending-operators': 2, 'stream-graph': '<b>x</b>' })).toBe(
      undefined,
    );
  });
});
