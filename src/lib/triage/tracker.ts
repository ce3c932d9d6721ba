// What the wall and the triage page remember between polls, per running job: restarts and failed checkpoints over
// the window, and the accumulated times its back-pressure share is computed from. Pure and
// bounded: a job that stops running is forgotten, and each history keeps a window's worth.

import type { CheckpointingStatistics } from '../../api/checkpoints';
import type { JobDetails } from '../../api/jobs';
import { advanceRates, EMPTY_TRACKER, sampleOf, type RateTracker } from '../vertex-rates';
import {
  advanceCounter,
  countInWindow,
  EMPTY_HISTORY,
  type CounterEvent,
  type CounterHistory,
} from './counter-history';
import { backPressureChains, bottleneckWords } from './bottleneck';
import { HEALTH_WINDOW_MS, type JobHealthInput } from './health';

export interface JobTrack {
  readonly details: JobDetails | undefined;
  readonly checkpoints: CheckpointingStatistics | undefined;
  /** JobManager time of the last observation. */
  readonly at: number;
  /** Restarts as seen: restores from checkpoints, or a new restart time, whichever says more. */
  readonly restartTotal: number;
  readonly restarts: CounterHistory;
  readonly failedCheckpoints: CounterHistory;
  readonly rates: RateTracker;
}

export type HealthTracker = ReadonlyMap<string, JobTrack>;

export const EMPTY_HEALTH_TRACKER: HealthTracker = new Map();

export interface JobObservation {
  readonly jid: string;
  readonly details: JobDetails | undefined;
  readonly checkpoints: CheckpointingStatistics | undefined;
}

function lastRestartAt(details: JobDetails | undefined): number {
  const t = details?.timestamps.RESTARTING;
  return typeof t === 'number' && t > 0 ? t : 0;
}

/** The failed attempts Flink's own checkpoint history dates, and since when it is complete. */
function checkpointSeed(checkpoints: CheckpointingStatistics, jobStart: number, at: number) {
  const history = checkpoints.history;
  const known: CounterEvent[] = history
    .filter((c) => c.status === 'FAILED')
    .map((c) => ({ at: c.trigger_timestamp, n: 1 }));
  const oldest = history.reduce((min, c) => Math.min(min, c.trigger_timestamp), at);
  // When the history holds every attempt there was, it is complete since the job started.
  const completeSince = checkpoints.counts.total <= history.length && jobStart > 0 ? jobStart : oldest;
  return { known, completeSince };
}

function advanceJob(prev: JobTrack | undefined, obs: JobObservation, windowMs: number): JobTrack {
  const details = obs.details ?? prev?.details;
  const checkpoints = obs.checkpoints ?? prev?.checkpoints;
  const at = obs.details?.now ?? prev?.at ?? 0;
  const detailsChanged = obs.details !== undefined && obs.details !== prev?.details;
  const checkpointsChanged = obs.checkpoints !== undefined && obs.checkpoints !== prev?.checkpoints;
  if (prev && !detailsChanged && !checkpointsChanged) return prev;

  const rates =
    detailsChanged && obs.details
      ? advanceRates(prev?.rates ?? EMPTY_TRACKER, sampleOf(obs.details))
      : (prev?.rates ?? EMPTY_TRACKER);
  const restored = checkpoints?.counts.restored ?? null;
  const restartedAt = lastRestartAt(details);

  let restartTotal: number;
  let restarts: CounterHistory;
  if (!prev || prev.restarts.last === null) {
    if (details === undefined) {
      restartTotal = 0;
      restarts = EMPTY_HISTORY;
    } else {
      restartTotal = restored ?? (restartedAt > 0 ? 1 : 0);
      const known = restartedAt > 0 ? [{ at: restartedAt, n: 1 }] : [];
      const completeSince = restartedAt > 0 ? restartedAt : details['start-time'];
      restarts = advanceCounter(EMPTY_HISTORY, restartTotal, at, windowMs, { known, completeSince });
    }
  } else {
    const prevRestored = prev.checkpoints?.counts.restored ?? null;
    const byRestores = restored !== null && prevRestored !== null ? Math.max(0, restored - prevRestored) : 0;
    const byTime = restartedAt > lastRestartAt(prev.details) ? 1 : 0;
    restartTotal = prev.restartTotal + Math.max(byRestores, byTime);
    restarts = advanceCounter(prev.restarts, restartTotal, at, windowMs);
  }

  let failedCheckpoints = prev?.failedCheckpoints ?? EMPTY_HISTORY;
  if (checkpoints && (checkpointsChanged || failedCheckpoints.last === null)) {
    failedCheckpoints =
      failedCheckpoints.last === null
        ? advanceCounter(
            EMPTY_HISTORY,
            checkpoints.counts.failed,
            at,
            windowMs,
            checkpointSeed(checkpoints, details?.['start-time'] ?? 0, at),
          )
        : advanceCounter(failedCheckpoints, checkpoints.counts.failed, at, windowMs);
  }

  return { details, checkpoints, at, restartTotal, restarts, failedCheckpoints, rates };
}

/** The tracker after new answers; jobs not observed any more are dropped. */
export function advanceTracker(
  tracker: HealthTracker,
  observations: readonly JobObservation[],
  windowMs = HEALTH_WINDOW_MS,
): HealthTracker {
  let changed = tracker.size !== observations.length;
  const next = new Map<string, JobTrack>();
  for (const obs of observations) {
    const prev = tracker.get(obs.jid);
    const track = advanceJob(prev, obs, windowMs);
    if (track !== prev) changed = true;
    next.set(obs.jid, track);
  }
  return changed ? next : tracker;
}

/** How many of the latest finished checkpoint attempts failed in a row (newest first). */
export function consecutiveFailures(checkpoints: CheckpointingStatistics | undefined): number {
  if (!checkpoints) return 0;
  const settled = checkpoints.history.filter((c) => c.status !== 'IN_PROGRESS').sort((a, b) => b.id - a.id);
  let n = 0;
  for (const c of settled) {
    if (c.status !== 'FAILED') break;
    n += 1;
  }
  return n;
}

/** What classifyJobHealth needs for one job, from its track (undefined for jobs not tracked). */
export function healthInput(state: string, track: JobTrack | undefined, windowMs = HEALTH_WINDOW_MS): JobHealthInput {
  if (!track?.details) {
    return {
      state,
      restarts: null,
      totalRestarts: null,
      failedCheckpoints: null,
      consecutiveFailedCheckpoints: 0,
      backPressure: null,
      watermarkLagMs: null,
    };
  }
  const now = track.at;
  let backPressure: JobHealthInput['backPressure'] = null;
  for (const vertex of track.details.vertices) {
    const share = track.rates.rates.get(vertex.id)?.backPressured ?? null;
    if (share !== null && (backPressure === null || share > backPressure.share))
      backPressure = { share, vertex: vertex.name };
  }
  // Name the cause, not only the symptom: the chain of the most back-pressured vertex.
  const chain = backPressureChains(track.details, track.rates.rates)[0];
  if (backPressure && chain) backPressure = { ...backPressure, bottleneck: bottleneckWords(chain) };
  return {
    state,
    restarts: track.restarts.last === null ? null : countInWindow(track.restarts, now, windowMs),
    totalRestarts: track.checkpoints?.counts.restored ?? null,
    failedCheckpoints:
      track.failedCheckpoints.last === null ? null : countInWindow(track.failedCheckpoints, now, windowMs),
    consecutiveFailedCheckpoints: consecutiveFailures(track.checkpoints),
    backPressure,
    watermarkLagMs: null,
  };
}
