import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { JobDetailsSchema, type JobDetails } from '../../api/jobs';
import { AggregatedMetricsSchema } from '../../api/schemas';
import { advanceRates, EMPTY_TRACKER, sampleOf } from '../../lib/vertex-rates';
import bp1 from './fixtures/backpressure-details-1.json';
import bp2 from './fixtures/backpressure-details-2.json';
import bounded from './fixtures/bounded-finished-details.json';
import sourceMetrics from './fixtures/backpressure-source-operator-metrics.json';
import sinkMetrics from './fixtures/wide-sink-operator-metrics.json';
import wide from './fixtures/wide-details.json';
import {
  buildVertexRows,
  keepUnchangedRows,
  metricIdList,
  operatorFlows,
  operatorMetricIds,
  operatorMetricName,
  vertexRoles,
  type OperatorFlows,
} from './vertex-table';

const details = (json: unknown): JobDetails => v.parse(JobDetailsSchema, json);
const NONE = new Map<string, OperatorFlows>();

describe('vertexRoles', () => {
  it('finds the one source and the one sink of the wide job; the other 42 are neither', () => {
    const d = details(wide);
    const roles = vertexRoles(d);
    const byName = (name: string) => roles.get(d.vertices.find((x) => x.name === name)?.id ?? '');
    expect(byName('Source: Wide source')).toEqual({ source: true, sink: false });
    expect(byName('Wide sink: Writer')).toEqual({ source: false, sink: true });
    expect([...roles.values()].filter((r) => !r.source && !r.sink)).toHaveLength(42);
  });
});

describe('operator metric ids', () => {
  it("names operators as Flink's metric query service does", () => {
    expect(operatorMetricName('Source: Fast event source')).toBe('Source__Fast_event_source');
    expect(operatorMetricName('Discard enriched events: Writer')).toBe('Discard_enriched_events__Writer');
    expect(operatorMetricName('a.b,c')).toBe('a_b_c');
    expect(operatorMetricName('x'.repeat(100))).toHaveLength(80);
  });

  it('reads the first chained operator of a source and the last of a sink (the writer before a committer)', () => {
    expect(operatorMetricIds('Source: Fast event source -> Build payload', { source: true, sink: false })).toEqual({
      sourceOut: {
        total: 'Source__Fast_event_source.numRecordsOut',
        rate: 'Source__Fast_event_source.numRecordsOutPerSecond',
      },
      sinkIn: null,
    });
    const sink = operatorMetricIds('Sum -> Out: Writer -> Out: Committer', { source: false, sink: true });
    expect(sink.sinkIn?.total).toBe('Out__Writer.numRecordsIn');
    expect(metricIdList(operatorMetricIds('Stage 3', { source: false, sink: false }))).toEqual([]);
    expect(metricIdList(sink)).toEqual(['Out__Writer.numRecordsIn', 'Out__Writer.numRecordsInPerSecond']);
  });

  it('reads the sums of a recorded answer; a missing total gives nothing', () => {
    const ids = operatorMetricIds('Source: Fast event source -> Build payload', { source: true, sink: false });
    const answer = v.parse(AggregatedMetricsSchema, sourceMetrics);
    expect(operatorFlows(ids, answer)).toEqual({
      sourceOut: { total: answer[0]?.sum, perSecond: answer[1]?.sum },
    });
    expect(operatorFlows(ids, [])).toEqual({});
    expect(operatorFlows(ids, undefined)).toEqual({});
  });
});

describe('buildVertexRows', () => {
  it('one row per vertex of the wide job, with parallelism, I/O totals, times and task counts', () => {
    const d = details(wide);
    const rows = buildVertexRows(d, new Map(), NONE);
    expect(rows).toHaveLength(44);
    rows.forEach((row, i) => {
      const vertex = d.vertices[i];
      expect(row.id).toBe(vertex?.id);
      expect(row.name).toBe(vertex?.name);
      expect(row.parallelism).toBe(vertex?.parallelism);
      expect(row.maxParallelism).toBe(vertex?.maxParallelism);
      expect(row.bytesIn).toBe(vertex?.metrics['read-bytes']);
      expect(row.recordsOut.total).toBe(vertex?.metrics['write-records']);
      expect(row.tasks).toEqual(vertex?.tasks);
      expect(row.start).toBe(vertex?.['start-time']);
      expect(row.end).toBeNull(); // running: Flink's -1
      expect(row.recordsIn.fromOperator || row.recordsOut.fromOperator).toBe(false);
    });
  });

  it("the source's records received and the sink's records sent come from operator metrics when read", () => {
    const d = details(wide);
    const source = d.vertices.find((x) => x.name === 'Source: Wide source');
    const sink = d.vertices.find((x) => x.name === 'Wide sink: Writer');
    if (!source || !sink) throw new Error('fixture changed');
    expect(source.metrics['read-records']).toBe(0);
    expect(sink.metrics['write-records']).toBe(0);
    const sinkIds = operatorMetricIds(sink.name, { source: false, sink: true });
    const answer = v.parse(AggregatedMetricsSchema, sinkMetrics);
    const flows = new Map([[sink.id, operatorFlows(sinkIds, answer)]]);
    const rows = buildVertexRows(d, new Map(), flows);
    const sinkRow = rows.find((r) => r.id === sink.id);
    expect(sinkRow?.recordsOut).toEqual({ total: answer[0]?.sum, perSecond: answer[1]?.sum, fromOperator: true });
    // Its network side stays Flink's own.
    expect(sinkRow?.recordsIn).toEqual({ total: sink.metrics['read-records'], perSecond: null, fromOperator: false });
    // Not read yet: the source keeps Flink's 0, not marked.
    expect(rows.find((r) => r.id === source.id)?.recordsIn).toEqual({ total: 0, perSecond: null, fromOperator: false });
  });

  it('records per second between two polls of the back-pressured job', () => {
    const first = details(bp1);
    const second = details(bp2);
    const tracker = advanceRates(advanceRates(EMPTY_TRACKER, sampleOf(first)), sampleOf(second));
    const rows = buildVertexRows(second, tracker.rates, NONE);
    const source = rows.find((r) => r.name.startsWith('Source: Fast event source'));
    expect(source?.role).toEqual({ source: true, sink: false });
    expect(source?.recordsOut.perSecond).toBe(tracker.rates.get(source?.id ?? '')?.recordsOutPerSecond);
    expect(source?.recordsOut.perSecond).toBeGreaterThan(0);
  });

  it('a finished job: end times and FINISHED counts', () => {
    const d = details(bounded);
    const rows = buildVertexRows(d, new Map(), NONE);
    for (const [i, row] of rows.entries()) {
      expect(row.end).toBe(d.vertices[i]?.['end-time']);
      expect(row.tasks.FINISHED).toBe(d.vertices[i]?.parallelism);
      expect(row.duration).toBe(d.vertices[i]?.duration);
    }
  });
});

describe('keepUnchangedRows', () => {
  const rates = (d: JobDetails) => advanceRates(EMPTY_TRACKER, sampleOf(d)).rates;

  it('keeps the rows (and the list) of an answer with the same figures', () => {
    const d = details(wide);
    const first = buildVertexRows(d, rates(d), NONE);
    const again = buildVertexRows(details(wide), rates(d), NONE);
    expect(again[0]).not.toBe(first[0]);
    expect(keepUnchangedRows(first, again)).toBe(first);
  });

  it('replaces only the rows whose figures moved', () => {
    const d = details(wide);
    const first = buildVertexRows(d, rates(d), NONE);
    const moved = d.vertices[3];
    if (!moved) throw new Error('fixture changed');
    const changed: JobDetails = {
      ...d,
      vertices: d.vertices.map((vx) =>
        vx.id === moved.id ? { ...vx, metrics: { ...vx.metrics, 'read-bytes': 123_456_789 } } : vx,
      ),
    };
    const next = keepUnchangedRows(first, buildVertexRows(changed, rates(d), NONE));
    expect(next).not.toBe(first);
    expect(next.filter((row, i) => row !== first[i]).map((row) => row.id)).toEqual([moved.id]);
    expect(next[3]?.bytesIn).toBe(123_456_789);
  });
});
