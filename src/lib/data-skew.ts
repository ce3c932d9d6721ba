// Data skew of a vertex: how unevenly its subtasks received records. Shared by the data skew tab
// and the job graph's nodes (features do not import each other).
//
// The definition is Flink's own (its "Data Skew" tab and the `skew` aggregation of
// `/jobs/:jobid/vertices/:vertexid/subtasks/metrics`, served by 1.20 and 2.x alike): over the
// subtasks' `numRecordsIn`, the mean absolute deviation from the average, as a percentage of the
// average, capped at 100 %; 0 when the average is 0. A coefficient of variation with the average
// absolute deviation in place of the standard deviation.

import type { AggregatedMetrics } from '../api/metrics';
import type { JobVertexSummary } from '../api/jobs';

/** The metric skew is measured on: records received by each subtask since it started. */
export const SKEW_METRIC = 'numRecordsIn';

/** The help text shown with skew figures. */
export const SKEW_DEFINITION =
  'Data skew is Flink’s own measure: over the records each subtask of a vertex has received (numRecordsIn), ' +
  'the average absolute deviation from the mean, as a percentage of the mean (capped at 100%). ' +
  '0% means every subtask received the same number of records; a vertex with one subtask has none.';

/** A vertex's skew and the records received per subtask that it comes from. */
export interface SkewFigures {
  /** Percent, 0 to 100. */
  readonly skew: number;
  readonly min: number;
  readonly avg: number;
  readonly max: number;
}

/**
 * What is known of a vertex's skew: `undefined` while not fetched (or its request failed), `null`
 * when Flink has no `numRecordsIn` for any of its subtasks (none running, metrics not fetched yet).
 */
export type SkewReading = SkewFigures | null | undefined;

/** Flink's definition over the values of every subtask (`DoubleDataSkew` in flink-runtime). */
export function dataSkewPercent(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const avg = values.reduce((sum, v) => sum + v, 0) / values.length;
  if (avg === 0) return 0;
  const avgDeviation = values.reduce((sum, v) => sum + Math.abs(avg - v), 0) / values.length;
  return Math.min((avgDeviation / avg) * 100, 100);
}

/**
 * Only vertices with more than one subtask need a request: with one subtask there is nothing to
 * compare (skew 0 by the definition) and its records are the vertex's own, in the job details.
 */
export function needsSkewRequest(vertex: Pick<JobVertexSummary, 'parallelism'>): boolean {
  return vertex.parallelism > 1;
}

/**
 * A one-subtask vertex's figures from the job details: `read-records` is the sum of the subtasks'
 * `numRecordsIn`, here the one subtask's own. `null` while Flink's count is incomplete.
 */
export function singleSubtaskFigures(vertex: Pick<JobVertexSummary, 'metrics'>): SkewFigures | null {
  if (!vertex.metrics['read-records-complete']) return null;
  const records = vertex.metrics['read-records'];
  return { skew: dataSkewPercent([records]), min: records, avg: records, max: records };
}

/**
 * The figures in an answer of `?get=numRecordsIn&agg=min,max,avg,skew`. Flink answers `[]` when
 * no subtask reports the metric: `null`, as when an aggregate is missing or not a number.
 */
export function skewFromAggregates(answer: AggregatedMetrics): SkewFigures | null {
  const metric = answer.find((m) => m.id === SKEW_METRIC);
  if (!metric) return null;
  const { skew, min, avg, max } = metric;
  if (![skew, min, avg, max].every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
  return { skew: Math.min(Math.max(skew ?? 0, 0), 100), min: min ?? 0, avg: avg ?? 0, max: max ?? 0 };
}

/** `30%`, rounded as Flink's tab rounds; `–` when unknown. */
export function formatSkew(reading: SkewReading): string {
  return reading ? `${Math.round(reading.skew)}%` : '–';
}
