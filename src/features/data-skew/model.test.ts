import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { JobDetailsSchema } from '../../api/jobs';
import { fixture } from '../../api/test-utils';
import type { SkewReading } from '../../lib/data-skew';
import { rowSkew, skewRows } from './model';

const details = v.parse(JobDetailsSchema, fixture('flink-2.3.0/job-details').json);
const [source, running, windows] = details.vertices;
if (!source || !running || !windows) throw new Error('the recorded event-time job has three vertices');

const figures = (skew: number): SkewReading => ({ skew, min: 1, avg: 2, max: 3 });

describe('skewRows', () => {
  it('lists every vertex once, worst skew first', () => {
    const readings = new Map<string, SkewReading>([
      [source.id, figures(0)],
      [running.id, figures(29.6)],
      [windows.id, figures(41)],
    ]);
    const rows = skewRows(details.vertices, readings);
    expect(rows.map((r) => r.name)).toEqual([windows.name, running.name, source.name]);
    expect(rows.map(rowSkew)).toEqual([41, 29.6, 0]);
    expect(rows[0]).toMatchObject({ id: windows.id, parallelism: windows.parallelism, status: windows.status });
  });

  it('keeps the job’s order for equal skew', () => {
    const readings = new Map<string, SkewReading>(details.vertices.map((x) => [x.id, figures(0)]));
    expect(skewRows(details.vertices, readings).map((r) => r.id)).toEqual(details.vertices.map((x) => x.id));
  });

  it('puts vertices without figures last: not fetched yet, or none from Flink', () => {
    const readings = new Map<string, SkewReading>([
      [source.id, null],
      [running.id, figures(5)],
    ]);
    const rows = skewRows(details.vertices, readings);
    expect(rows.map((r) => r.id)).toEqual([running.id, source.id, windows.id]);
    expect(rows.map(rowSkew)).toEqual([5, null, null]);
    expect(rows[1]?.reading).toBeNull();
    expect(rows[2]?.reading).toBeUndefined();
  });

  it('has no rows for a job without vertices', () => {
    expect(skewRows([], new Map())).toEqual([]);
  });
});
