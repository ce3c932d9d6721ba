// The data skew tab's rows: every vertex of the job with its skew of records received, worst
// first. Pure: the figures come in (lib/use-vertex-skews), rows go out.

import type { JobVertexSummary } from '../../api/jobs';
import type { SkewReading } from '../../lib/data-skew';

export interface SkewRow {
  readonly id: string;
  readonly name: string;
  readonly parallelism: number;
  readonly status: string;
  readonly reading: SkewReading;
}

/** The skew a row sorts by: unknown (not fetched, or no figures from Flink) sorts last. */
export function rowSkew(row: SkewRow): number | null {
  return row.reading ? row.reading.skew : null;
}

/**
 * One row per vertex, in the job's order of vertices, then sorted worst skew first; vertices with
 * equal skew keep the job's order, and those without figures come last.
 */
export function skewRows(vertices: readonly JobVertexSummary[], readings: ReadonlyMap<string, SkewReading>): SkewRow[] {
  return vertices
    .map((v, index) => ({
      index,
      row: { id: v.id, name: v.name, parallelism: v.parallelism, status: v.status, reading: readings.get(v.id) },
    }))
    .sort((a, b) => {
      const x = rowSkew(a.row);
      const y = rowSkew(b.row);
      if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a.index - b.index;
      return y - x || a.index - b.index;
    })
    .map(({ row }) => row);
}
