import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { flinkKeys } from './keys';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const OTHER = '050db545db0acff506173e22887384da';
const VERTEX = '0dcd6b6344e082cccdb531821571f082';

function startsWith(key: readonly unknown[], prefix: readonly unknown[]): boolean {
  return prefix.every((part, i) => JSON.stringify(part) === JSON.stringify(key[i]));
}

describe('the query-key hierarchy', () => {
  it('nests cluster -> jobs -> job -> vertices -> vertex -> sub-resource', () => {
    const chain = [
      flinkKeys.cluster(),
      flinkKeys.jobs(),
      flinkKeys.job(JOB),
      flinkKeys.vertices(JOB),
      flinkKeys.vertex(JOB, VERTEX),
      flinkKeys.subtasks(JOB, VERTEX),
      flinkKeys.subtask(JOB, VERTEX, 1),
      flinkKeys.subtaskAttempt(JOB, VERTEX, 1, 0),
    ];
    for (let i = 1; i < chain.length; i++) expect(startsWith(chain[i]!, chain[i - 1]!)).toBe(true);
    expect(startsWith(flinkKeys.vertexFlameGraph(JOB, VERTEX, { type: 'FULL' }), flinkKeys.vertex(JOB, VERTEX))).toBe(
      true,
    );
    expect(startsWith(flinkKeys.checkpointSubtasks(JOB, 3, VERTEX), flinkKeys.checkpoint(JOB, 3))).toBe(true);
    expect(startsWith(flinkKeys.taskmanagerMetrics('tm-1', { get: ['a'] }), flinkKeys.taskmanager('tm-1'))).toBe(true);
    expect(startsWith(flinkKeys.taskmanager('tm-1'), flinkKeys.taskmanagers())).toBe(true);
  });

  it('normalises query parameters, so equal queries are equal keys', () => {
    expect(flinkKeys.jobMetrics(JOB, { get: ['a'], agg: undefined })).toEqual(
      flinkKeys.jobMetrics(JOB, { get: ['a'] }),
    );
    expect(JSON.stringify(flinkKeys.jobsMetrics({ jobs: [JOB], agg: ['max'] }))).toBe(
      JSON.stringify(flinkKeys.jobsMetrics({ agg: ['max'], jobs: [JOB] })),
    );
  });

  it('invalidating a job refreshes its subtree and nothing else', async () => {
    const client = new QueryClient();
    const inside = [
      flinkKeys.jobDetails(JOB),
      flinkKeys.vertexBackPressure(JOB, VERTEX),
      flinkKeys.checkpointDetails(JOB, 7),
      flinkKeys.jobExceptions(JOB, {}),
    ];
    const outside = [
      flinkKeys.jobDetails(OTHER),
      flinkKeys.jobsOverview(),
      flinkKeys.overview(),
      flinkKeys.taskmanagersList(),
    ];
    for (const key of [...inside, ...outside]) client.setQueryData(key, { any: 'data' });
    await client.invalidateQueries({ queryKey: flinkKeys.job(JOB) });
    for (const key of inside) expect(client.getQueryState(key)?.isInvalidated, JSON.stringify(key)).toBe(true);
    for (const key of outside) expect(client.getQueryState(key)?.isInvalidated, JSON.stringify(key)).toBe(false);
  });
});
