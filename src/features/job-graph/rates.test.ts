import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { JobDetailsSchema, type JobDetails } from '../../api/jobs';
import poll1 from './fixtures/backpressure-details-1.json';
import poll2 from './fixtures/backpressure-details-2.json';
import finished from './fixtures/bounded-finished-details.json';
import widePoll1 from './fixtures/wide-details-poll-1.json';
import widePoll2 from './fixtures/wide-details-poll-2.json';
import {
  advanceRates,
  EMPTY_TRACKER,
  NO_RATES,
  ratesBetween,
  sampleOf,
  type RateOutcome,
  type VertexRates,
} from '../../lib/vertex-rates';

const details = (json: unknown): JobDetails => v.parse(JobDetailsSchema, json);
const first = details(poll1);
const second = details(poll2);

function idOf(d: JobDetails, name: string): string {
  const found = d.vertices.find((vx) => vx.name === name);
  if (!found) throw new Error(`no vertex ${name}`);
  return found.id;
}
const SOURCE = idOf(first, 'Source: Fast event source -> Build payload');
const SLOW = idOf(first, 'Slow enrichment');
const SINK = idOf(first, 'Discard enriched events: Writer');

function rates(outcome: RateOutcome | undefined): VertexRates {
  if (outcome?.kind !== 'rates') throw new Error(`expected rates, got ${outcome?.kind}`);
  return outcome.rates;
}

interface RawDetails {
  vertices: { metrics: Record<string, unknown> }[];
}

/** A recorded answer with each vertex's metrics changed, decoded like the client does. */
function patched(json: unknown, change: (metrics: Record<string, unknown>) => void): JobDetails {
  const copy = structuredClone(json) as RawDetails;
  for (const vertex of copy.vertices) change(vertex.metrics);
  return details(copy);
}

/** The same answer as a Flink line that does not send the accumulated time counters. */
function withoutTimeCounters(json: unknown): JobDetails {
  return patched(json, (m) => {
    delete m['accumulated-busy-time'];
    delete m['accumulated-idle-time'];
    delete m['accumulated-backpressured-time'];
  });
}

describe('ratesBetween', () => {
  it('has no rate on the first poll', () => {
    const outcomes = ratesBetween(undefined, sampleOf(first));
    expect([...outcomes.values()].every((o) => o.kind === 'first')).toBe(true);
    expect(advanceRates(EMPTY_TRACKER, sampleOf(first)).rates.get(SLOW)).toEqual(NO_RATES);
  });

  it('between two recorded polls: the source is back-pressured, the slow operator busy, the sink idle', () => {
    const outcomes = ratesBetween(sampleOf(first), sampleOf(second));
    const source = rates(outcomes.get(SOURCE));
    expect(source.backPressured).toBeCloseTo(8997 / 9012, 3);
    expect(source.busy).toBeCloseTo(12 / 9012, 3);
    const slow = rates(outcomes.get(SLOW));
    expect(slow.busy).toBe(1);
    expect(slow.backPressured).toBe(0);
    const sink = rates(outcomes.get(SINK));
    expect(sink.idle).toBeCloseTo(9006 / 9012, 3);
  });

  it('measures records per second over the time the counters cover, not the 3.4 s between the answers', () => {
    // The metric store answered with numbers fetched 9 s apart: 1766 records in 9.012 s.
    const slow = rates(ratesBetween(sampleOf(first), sampleOf(second)).get(SLOW));
    expect(slow.recordsInPerSecond).toBeCloseTo(1766 / 9.012, 1);
    expect(slow.recordsOutPerSecond).toBeCloseTo(1766 / 9.012, 1);
    const source = rates(ratesBetween(sampleOf(first), sampleOf(second)).get(SOURCE));
    expect(source.recordsInPerSecond).toBe(0);
  });

  it('does not take busy time stepping back a little for a restart (recorded on the wide job)', () => {
    const a = details(widePoll1);
    const b = details(widePoll2);
    const source = idOf(a, 'Source: Wide source');
    const before = a.vertices.find((vx) => vx.id === source)?.metrics['accumulated-busy-time'];
    const after = b.vertices.find((vx) => vx.id === source)?.metrics['accumulated-busy-time'];
    expect(Number(after)).toBeLessThan(Number(before));
    const outcomes = ratesBetween(sampleOf(a), sampleOf(b));
    expect([...outcomes.values()].every((o) => o.kind === 'rates')).toBe(true);
    const r = rates(outcomes.get(source));
    expect(r.busy).toBe(0);
    expect(r.idle).toBe(1);
    expect(r.recordsOutPerSecond).toBeGreaterThan(0);
  });

  it('sees counters going back to zero after a restart as a reset, with no rate', () => {
    const outcomes = ratesBetween(sampleOf(second), sampleOf(first));
    expect([...outcomes.values()].every((o) => o.kind === 'reset')).toBe(true);
    const tracker = advanceRates(advanceRates(EMPTY_TRACKER, sampleOf(second)), sampleOf(first));
    expect(tracker.rates.get(SLOW)).toEqual(NO_RATES);
    // ... and measures again from the new counters on the next poll.
    const next = advanceRates(tracker, sampleOf(second));
    expect(next.rates.get(SLOW)?.busy).toBe(1);
  });

  it('without the accumulated time counters: records per second over wall-clock time, shares unknown', () => {
    const outcomes = ratesBetween(sampleOf(withoutTimeCounters(poll1)), sampleOf(withoutTimeCounters(poll2)));
    const slow = rates(outcomes.get(SLOW));
    expect(slow.busy).toBeNull();
    expect(slow.backPressured).toBeNull();
    expect(slow.recordsInPerSecond).toBeCloseTo(1766 / 3.401, 1);
  });

  it('busy time sent as "NaN": what is neither idle nor back-pressured, over wall-clock time', () => {
    const nanBusy = (json: unknown): JobDetails =>
      patched(json, (m) => {
        m['accumulated-busy-time'] = 'NaN';
      });
    const source = rates(ratesBetween(sampleOf(nanBusy(poll1)), sampleOf(nanBusy(poll2))).get(SOURCE));
    expect(source.backPressured).toBe(1); // 8997 ms in 3401 ms of wall-clock time, capped
    expect(source.busy).toBe(0);
  });

  it('a vertex that appears later has no rate yet; one that disappeared is dropped', () => {
    const partial = { ...first, vertices: first.vertices.filter((vx) => vx.id !== SINK) };
    const outcomes = ratesBetween(sampleOf(partial), sampleOf(second));
    expect(outcomes.get(SINK)?.kind).toBe('first');
    expect(ratesBetween(sampleOf(second), sampleOf(partial)).has(SINK)).toBe(false);
  });
});

describe('advanceRates', () => {
  it('keeps the last rate and its baseline when a poll brings the same numbers (metric store not refreshed yet)', () => {
    const afterTwo = advanceRates(advanceRates(EMPTY_TRACKER, sampleOf(first)), sampleOf(second));
    const repeated = advanceRates(afterTwo, sampleOf({ ...second, now: second.now + 3000 }));
    expect(repeated.rates.get(SLOW)).toEqual(afterTwo.rates.get(SLOW));
    expect(repeated.baseline?.vertices.get(SLOW)).toEqual(afterTwo.baseline?.vertices.get(SLOW));
  });

  it('a finished job: the same numbers forever, so no rate appears', () => {
    const done = details(finished);
    const tracker = advanceRates(
      advanceRates(EMPTY_TRACKER, sampleOf(done)),
      sampleOf({ ...done, now: done.now + 3000 }),
    );
    expect([...tracker.rates.values()].every((r) => r === NO_RATES)).toBe(true);
  });
});
