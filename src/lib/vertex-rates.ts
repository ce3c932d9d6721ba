// Busy / back-pressured shares and record rates from two successive `GET /jobs/:id` answers.
// Shared by the job graph and the kiosk's health wall (features do not import each other).
//
// The job details carry, per vertex, counters summed over its subtasks: records read and
// written, and the milliseconds spent busy, idle and back-pressured. Rates come from the
// difference between two polls, so a refresh needs no request per vertex.
//
// The JobManager serves these counters from its metric store, which fetches from the
// TaskManagers at most every `metrics.fetcher.update-interval` (10 s by default) and answers
// with what it has. So (a) two polls may carry the same numbers (nothing new: keep the last
// rate), and (b) the numbers are older than the answer's `now`. The elapsed time is therefore
// taken from the counters themselves: busy + idle + back-pressured time is the time the
// subtasks ran between the two fetches (the recorded fixtures show 9 s of counters between
// answers 3.4 s apart). Wall-clock time between polls is only the fallback for lines that do not
// send the time counters. Idle and back-pressured time are true counters; Flink derives busy
// time from them, so busy time alone may step back a little and is not taken for a reset.

import type { JobDetails, JobVertexSummary } from '../api/jobs';

export interface VertexCounters {
  /** When the answer carrying these counters was made (its `now`). */
  readonly at: number;
  readonly parallelism: number;
  readonly readRecords: number | null;
  readonly writeRecords: number | null;
  readonly busyMs: number | null;
  readonly idleMs: number | null;
  readonly backPressuredMs: number | null;
}

export interface JobSample {
  /** The answer's `now` (JobManager clock, ms). */
  readonly at: number;
  readonly vertices: ReadonlyMap<string, VertexCounters>;
}

export interface VertexRates {
  /** Shares of time in [0, 1]; null when not known (first poll, reset, missing counters). */
  readonly busy: number | null;
  readonly backPressured: number | null;
  readonly idle: number | null;
  readonly recordsInPerSecond: number | null;
  readonly recordsOutPerSecond: number | null;
}

/** What a pair of samples says about one vertex. */
export type RateOutcome =
  | { readonly kind: 'first' }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'rates'; readonly rates: VertexRates };

export const NO_RATES: VertexRates = Object.freeze({
  busy: null,
  backPressured: null,
  idle: null,
  recordsInPerSecond: null,
  recordsOutPerSecond: null,
});

function finite(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null; // "NaN" from Jackson
  }
  return null;
}

export function vertexCounters(vertex: Pick<JobVertexSummary, 'parallelism' | 'metrics'>, at: number): VertexCounters {
  const m = vertex.metrics;
  return {
    at,
    parallelism: vertex.parallelism,
    readRecords: finite(m['read-records']),
    writeRecords: finite(m['write-records']),
    busyMs: finite(m['accumulated-busy-time']),
    idleMs: finite(m['accumulated-idle-time']),
    backPressuredMs: finite(m['accumulated-backpressured-time']),
  };
}

export function sampleOf(details: Pick<JobDetails, 'now' | 'vertices'>): JobSample {
  return { at: details.now, vertices: new Map(details.vertices.map((v) => [v.id, vertexCounters(v, details.now)])) };
}

function delta(prev: number | null, cur: number | null): number | null {
  return prev === null || cur === null ? null : cur - prev;
}

/** Rates of one vertex between two of its samples. */
export function vertexRatesBetween(prev: VertexCounters | undefined, cur: VertexCounters): RateOutcome {
  if (!prev) return { kind: 'first' };
  const dIn = delta(prev.readRecords, cur.readRecords);
  const dOut = delta(prev.writeRecords, cur.writeRecords);
  const dBusy = delta(prev.busyMs, cur.busyMs);
  const dIdle = delta(prev.idleMs, cur.idleMs);
  const dBp = delta(prev.backPressuredMs, cur.backPressuredMs);
  // Flink derives busy time as (time running - idle - back-pressured), so on its own it may step
  // back a little between fetches; the sum of the three only grows while the tasks run.
  const dRun = dBusy !== null && dIdle !== null && dBp !== null ? dBusy + dIdle + dBp : null;

  // A counter went backwards: the tasks restarted and their counters began again at zero.
  if ([dIn, dOut, dIdle, dBp, dRun].some((d) => d !== null && d < 0)) return { kind: 'reset' };
  if ([dIn, dOut, dBusy, dIdle, dBp].every((d) => d === null || d === 0)) return { kind: 'unchanged' };

  const parallelism = Math.max(1, cur.parallelism);
  const wallMs = cur.at - prev.at;
  let busy: number | null = null;
  let idle: number | null = null;
  let backPressured: number | null = null;
  let seconds: number | null = wallMs > 0 ? wallMs / 1000 : null;

  if (dRun !== null && dIdle !== null && dBp !== null && dRun > 0) {
    // The time the subtasks ran between the two metric fetches, summed over subtasks.
    idle = dIdle / dRun;
    backPressured = dBp / dRun;
    busy = 1 - idle - backPressured;
    seconds = dRun / parallelism / 1000;
  } else if (seconds !== null) {
    // No usable time counters (busy time is NaN where it cannot be measured): wall-clock time.
    const total = seconds * 1000 * parallelism;
    if (dIdle !== null) idle = dIdle / total;
    if (dBp !== null) backPressured = dBp / total;
    if (dBusy !== null) busy = dBusy / total;
    else if (idle !== null && backPressured !== null) busy = 1 - idle - backPressured;
  }

  const perSecond = (d: number | null): number | null =>
    d === null || seconds === null || seconds <= 0 ? null : d / seconds;
  return {
    kind: 'rates',
    rates: {
      busy: share(busy),
      backPressured: share(backPressured),
      idle: share(idle),
      recordsInPerSecond: perSecond(dIn),
      recordsOutPerSecond: perSecond(dOut),
    },
  };
}

function share(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Math.min(1, Math.max(0, value));
}

/** What each vertex of `current` did since `previous`; every vertex is `first` without one. */
export function ratesBetween(previous: JobSample | undefined, current: JobSample): Map<string, RateOutcome> {
  const out = new Map<string, RateOutcome>();
  for (const [id, counters] of current.vertices) {
    out.set(id, vertexRatesBetween(previous?.vertices.get(id), counters));
  }
  return out;
}

/**
 * The rates on screen across polls. Per vertex it keeps the sample its rate was computed from:
 * a poll that brings nothing new keeps both the baseline and the rate shown.
 */
export interface RateTracker {
  readonly baseline: JobSample | undefined;
  readonly rates: ReadonlyMap<string, VertexRates>;
}

export const EMPTY_TRACKER: RateTracker = { baseline: undefined, rates: new Map() };

export function advanceRates(tracker: RateTracker, current: JobSample): RateTracker {
  const outcomes = ratesBetween(tracker.baseline, current);
  const baseline = new Map<string, VertexCounters>();
  const rates = new Map<string, VertexRates>();
  for (const [id, outcome] of outcomes) {
    const counters = current.vertices.get(id);
    if (!counters) continue;
    if (outcome.kind === 'unchanged') {
      // Keep the older baseline, so the next fresh sample measures against it.
      baseline.set(id, tracker.baseline?.vertices.get(id) ?? counters);
      rates.set(id, tracker.rates.get(id) ?? NO_RATES);
    } else {
      baseline.set(id, counters);
      rates.set(id, outcome.kind === 'rates' ? outcome.rates : NO_RATES);
    }
  }
  return { baseline: { at: current.at, vertices: baseline }, rates };
}
