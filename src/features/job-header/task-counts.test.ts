import { describe, expect, it } from 'vitest';
import { fixture } from '../../api/test-utils';
import { jobTaskCounts } from './task-counts';

interface Recorded {
  jid: string;
  vertices: { parallelism: number; tasks: Record<string, number> }[];
}

describe('jobTaskCounts', () => {
  for (const line of ['flink-2.3.0', 'flink-1.20.5']) {
    it(`sums the vertices' task counts of a recorded job (${line})`, () => {
      const details = fixture(`${line}/job-details`).json as Recorded;
      const counts = jobTaskCounts(details);
      const total = Object.values(counts).reduce((a, n) => a + n, 0);
      // Every subtask is in exactly one state: the sum is the sum of the parallelisms.
      expect(total).toBe(details.vertices.reduce((a, v) => a + v.parallelism, 0));
      expect(counts['RUNNING']).toBeGreaterThan(0);
    });
  }

  it('adds state by state', () => {
    expect(
      jobTaskCounts({
        vertices: [{ tasks: { RUNNING: 2, FAILED: 0 } }, { tasks: { RUNNING: 1, FAILED: 1 } }],
      }),
    ).toEqual({ RUNNING: 3, FAILED: 1 });
  });
});
