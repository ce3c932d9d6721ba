// A job's health at a glance, for the wall and the triage page (one engine, lib/triage): green, amber or red, with the reasons in words.
// Pure: the inputs are what the wall already polls (job state, restarts, failed checkpoints,
// back pressure from accumulated times) and, where a caller has it, watermark lag.

import { formatDuration } from '../format';
import type { WindowCount } from './counter-history';

export type HealthLevel = 'ok' | 'warn' | 'bad' | 'ended';

/** How far back the wall looks for restarts and failed checkpoints. */
export const HEALTH_WINDOW_MS = 10 * 60_000;

export const THRESHOLDS = Object.freeze({
  /** Restarts within the window that make a job red (fewer make it amber). */
  restartsBad: 3,
  /** Failed checkpoint attempts in a row (the latest ones) that make a job red. */
  consecutiveFailedCheckpointsBad: 3,
  /** Back-pressured share of time (Flink's own "HIGH" level) that makes a job amber. */
  backPressureWarn: 0.5,
  watermarkLagWarnMs: 60_000,
  watermarkLagBadMs: 10 * 60_000,
});

export interface JobHealthInput {
  /** Flink's job state. */
  readonly state: string;
  /** Restarts seen within the window, or null when nothing says. */
  readonly restarts: WindowCount | null;
  /** Restarts since the job was submitted (its restores from a checkpoint), when known. */
  readonly totalRestarts: number | null;
  readonly failedCheckpoints: WindowCount | null;
  /** How many of the latest checkpoint attempts failed in a row. */
  readonly consecutiveFailedCheckpoints: number;
  /** The most back-pressured vertex, as a share of time in [0, 1]. */
  readonly backPressure: {
    readonly share: number;
    readonly vertex: string;
    /** The likely cause in words ("bottleneck: Slow enrichment"), from lib/triage/bottleneck. */
    readonly bottleneck?: string;
  } | null;
  readonly watermarkLagMs: number | null;
}

export interface JobHealth {
  readonly level: HealthLevel;
  /** Why, worst first; empty for a healthy running job. */
  readonly reasons: readonly string[];
}

const RANK: Record<HealthLevel, number> = { ended: 0, ok: 1, warn: 2, bad: 3 };

/** "in the last 10 min", or less while the wall has not watched the whole window yet. */
export function windowLabel(spanMs: number, windowMs = HEALTH_WINDOW_MS): string {
  if (spanMs >= windowMs - 30_000) return `in the last ${Math.round(windowMs / 60_000)} min`;
  if (spanMs < 60_000) return 'in the last minute';
  return `in the last ${Math.ceil(spanMs / 60_000)} min`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const STATE_HEALTH: Record<string, { level: HealthLevel; reason: string }> = {
  FAILED: { level: 'bad', reason: 'failed' },
  FAILING: { level: 'bad', reason: 'failing' },
  SUSPENDED: { level: 'bad', reason: 'suspended' },
  CANCELLING: { level: 'warn', reason: 'cancelling' },
  CREATED: { level: 'warn', reason: 'starting' },
  INITIALIZING: { level: 'warn', reason: 'initializing' },
  RECONCILING: { level: 'warn', reason: 'reconciling' },
  FINISHED: { level: 'ended', reason: 'finished' },
  CANCELED: { level: 'ended', reason: 'canceled' },
};

export function classifyJobHealth(input: JobHealthInput): JobHealth {
  const byState = STATE_HEALTH[input.state];
  if (byState?.level === 'ended') return { level: 'ended', reasons: [byState.reason] };

  const found: { level: HealthLevel; reason: string }[] = [];
  if (byState) found.push(byState);

  const restarts = input.restarts?.count ?? 0;
  if (input.state === 'RESTARTING' || restarts > 0) {
    const total =
      input.totalRestarts !== null && input.totalRestarts > restarts ? ` (${input.totalRestarts} in all)` : '';
    const reason =
      restarts > 0 && input.restarts
        ? `restarting: ${plural(restarts, 'restart')} ${windowLabel(input.restarts.spanMs)}${total}`
        : 'restarting now';
    const level: HealthLevel = input.state === 'RESTARTING' || restarts >= THRESHOLDS.restartsBad ? 'bad' : 'warn';
    found.push({ level, reason });
  }

  const failed = input.failedCheckpoints?.count ?? 0;
  if (input.consecutiveFailedCheckpoints >= THRESHOLDS.consecutiveFailedCheckpointsBad) {
    found.push({ level: 'bad', reason: `the last ${input.consecutiveFailedCheckpoints} checkpoints failed` });
  } else if (failed > 0 && input.failedCheckpoints) {
    found.push({
      level: 'warn',
      reason: `${plural(failed, 'checkpoint')} failed ${windowLabel(input.failedCheckpoints.spanMs)}`,
    });
  }

  if (input.backPressure && input.backPressure.share >= THRESHOLDS.backPressureWarn) {
    found.push({
      level: 'warn',
      reason: `back-pressured ${Math.round(input.backPressure.share * 100)}% at ${input.backPressure.vertex}${
        input.backPressure.bottleneck ? `; ${input.backPressure.bottleneck}` : ''
      }`,
    });
  }

  const lag = input.watermarkLagMs;
  if (lag !== null && lag >= THRESHOLDS.watermarkLagWarnMs) {
    found.push({
      level: lag >= THRESHOLDS.watermarkLagBadMs ? 'bad' : 'warn',
      reason: `watermark lagging ${formatDuration(lag)} behind`,
    });
  }

  // Worst first; the order above breaks ties (state, restarts, checkpoints, back pressure, lag).
  const ordered = found.map((f, i) => ({ ...f, i })).sort((a, b) => RANK[b.level] - RANK[a.level] || a.i - b.i);
  const level = ordered[0]?.level ?? 'ok';
  return { level, reasons: ordered.map((f) => f.reason) };
}

/** Wall order: red, amber, green, then ended jobs; the most recently started first in each. */
export function healthOrder(
  a: { level: HealthLevel; startTime: number },
  b: { level: HealthLevel; startTime: number },
): number {
  return RANK[b.level] - RANK[a.level] || b.startTime - a.startTime;
}
