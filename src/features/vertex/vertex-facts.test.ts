import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { JobDetailsSchema } from '../../api/jobs';
import { fixture } from '../../api/test-utils';
import { VertexDetailsSchema } from '../../api/vertices';
import { vertexFacts } from './vertex-facts';

for (const line of ['flink-2.3.0', 'flink-1.20.5']) {
  describe(`vertexFacts (${line}, recorded)`, () => {
    const details = v.parse(VertexDetailsSchema, fixture(`${line}/vertex-details`).json);
    const job = v.parse(JobDetailsSchema, fixture(`${line}/job-details`).json);
    const summary = job.vertices.find((s) => s.id === details.id);

    it('takes the I/O totals, times and task counts of the job details entry', () => {
      expect(summary).toBeDefined();
      const facts = vertexFacts(summary, details);
      expect(facts?.recordsOut.value).toBe(summary?.metrics['write-records']);
      expect(facts?.bytesIn.value).toBe(summary?.metrics['read-bytes']);
      expect(facts?.start).toBe(summary?.['start-time']);
      expect(facts?.tasks).toEqual(summary?.tasks);
    });

    it('without the job details, sums and counts the subtasks', () => {
      const facts = vertexFacts(undefined, details);
      const sum = details.subtasks.reduce((a, s) => a + s.metrics['write-records'], 0);
      expect(facts?.recordsOut.value).toBe(sum);
      expect(Object.values(facts?.tasks ?? {}).reduce((a, n) => a + n, 0)).toBe(details.subtasks.length);
      // The same states as the job details' entry, counted from the other answer.
      for (const [state, n] of Object.entries(facts?.tasks ?? {})) expect(summary?.tasks[state]).toBe(n);
      expect(facts?.start).toBe(Math.min(...details.subtasks.map((s) => s['start-time'])));
      expect(facts?.end).toBe(-1);
      expect(facts?.duration).toBe(details.now - (facts?.start ?? 0));
    });
  });
}

describe('vertexFacts', () => {
  it('is null with neither answer', () => {
    expect(vertexFacts(undefined, undefined)).toBeNull();
  });

  it('marks a total incomplete when one subtask counter was not read', () => {
    const details = v.parse(VertexDetailsSchema, fixture('flink-2.3.0/vertex-details').json);
    const [first, ...rest] = details.subtasks;
    if (!first) throw new Error('fixture has no subtasks');
    const changed = {
      ...details,
      subtasks: [{ ...first, metrics: { ...first.metrics, 'read-bytes-complete': false } }, ...rest],
    };
    const facts = vertexFacts(undefined, changed);
    expect(facts?.bytesIn.complete).toBe(false);
    expect(facts?.bytesOut.complete).toBe(true);
  });
});
