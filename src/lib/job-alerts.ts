// Opt-in browser notifications about watched jobs: the settings (kept per browser) and the
// detection, as pure functions of what the dashboard already polls.

/** The settings as kept in localStorage: off, and no job watched, until the user says so. */
export interface AlertSettings {
  readonly enabled: boolean;
  /** Notify after this many failed checkpoints in a row. */
  readonly failedCheckpoints: number;
  readonly watched: readonly { readonly id: string; readonly name: string }[];
}

export const ALERT_SETTINGS_KEY = 'flink-dashboard.notifications';
export const DEFAULT_ALERT_SETTINGS: AlertSettings = { enabled: false, failedCheckpoints: 3, watched: [] };
export const MAX_FAILED_CHECKPOINTS = 100;

/** Settings from storage; anything missing or malformed falls back to the default. */
export function parseAlertSettings(raw: string | null): AlertSettings {
  if (!raw) return DEFAULT_ALERT_SETTINGS;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return DEFAULT_ALERT_SETTINGS;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_ALERT_SETTINGS;
  const record = value as Record<string, unknown>;
  const n = record.failedCheckpoints;
  const watched = Array.isArray(record.watched)
    ? record.watched.flatMap((w: unknown) => {
        if (typeof w !== 'object' || w === null) return [];
        const { id, name } = w as Record<string, unknown>;
        return typeof id === 'string' && /^[0-9a-f]{32}$/.test(id)
          ? [{ id, name: typeof name === 'string' ? name : id }]
          : [];
      })
    : [];
  return {
    enabled: record.enabled === true,
    failedCheckpoints: clampFailed(typeof n === 'number' ? n : DEFAULT_ALERT_SETTINGS.failedCheckpoints),
    watched,
  };
}

export function clampFailed(n: number): number {
  return Number.isFinite(n) ? Math.min(MAX_FAILED_CHECKPOINTS, Math.max(1, Math.round(n))) : 3;
}

export function toggleWatched(settings: AlertSettings, job: { id: string; name: string }): AlertSettings {
  const watching = settings.watched.some((w) => w.id === job.id);
  return {
    ...settings,
    watched: watching ? settings.watched.filter((w) => w.id !== job.id) : [...settings.watched, job],
  };
}

/** What one poll says of a watched job (any part may be unknown). */
export interface JobObservation {
  /** From the jobs overview. */
  readonly state?: string;
  /** The job's `numRestarts` metric. */
  readonly restarts?: number | null;
  /** From the checkpoint statistics: totals, and the history's statuses, newest first. */
  readonly checkpoints?: { readonly completed: number; readonly failed: number; readonly history: readonly string[] };
}

/** What the watcher remembers of a job between polls. */
export interface JobWatchState {
  readonly state?: string;
  readonly restarts?: number;
  readonly completed?: number;
  readonly failed?: number;
  /** Failed checkpoints in a row, newest first. */
  readonly streak: number;
}

export type JobAlertKind = 'failed' | 'restarted' | 'checkpoints';

export interface JobAlert {
  readonly kind: JobAlertKind;
  readonly title: string;
  readonly body: string;
}

/**
 * Failed checkpoints in a row: the failures at the head of the history (in-progress ones
 * skipped) before the latest completed one. When the whole history is failures, the run may be
 * longer than the history Flink keeps: it goes on from the last count plus the new failures.
 */
export function failedStreak(previous: JobWatchState | undefined, checkpoints: JobObservation['checkpoints']): number {
  if (!checkpoints) return previous?.streak ?? 0;
  let head = 0;
  let sawCompleted = false;
  for (const status of checkpoints.history) {
    if (status === 'IN_PROGRESS') continue;
    if (status !== 'FAILED') {
      sawCompleted = true;
      break;
    }
    head += 1;
  }
  if (sawCompleted || previous?.failed === undefined) return head;
  if (previous.completed !== undefined && checkpoints.completed > previous.completed) return head;
  return Math.max(head, previous.streak + Math.max(0, checkpoints.failed - previous.failed));
}

/**
 * The next state of a watched job and the alerts a poll raises. The first poll of a job is the
 * baseline and raises nothing (opening the dashboard does not replay old restarts).
 */
export function observeJob(
  previous: JobWatchState | undefined,
  observation: JobObservation,
  settings: Pick<AlertSettings, 'failedCheckpoints'>,
  name: string,
): { next: JobWatchState; alerts: JobAlert[] } {
  const restarts = observation.restarts ?? undefined;
  const streak = failedStreak(previous, observation.checkpoints);
  const next: JobWatchState = {
    state: observation.state ?? previous?.state,
    restarts: restarts ?? previous?.restarts,
    completed: observation.checkpoints?.completed ?? previous?.completed,
    failed: observation.checkpoints?.failed ?? previous?.failed,
    streak,
  };
  const alerts: JobAlert[] = [];
  if (!previous) return { next, alerts };
  if (observation.state === 'FAILED' && previous.state !== undefined && previous.state !== 'FAILED') {
    alerts.push({ kind: 'failed', title: `${name} failed`, body: 'The job is FAILED.' });
  }
  if (restarts !== undefined && previous.restarts !== undefined && restarts > previous.restarts) {
    const times = restarts - previous.restarts;
    alerts.push({
      kind: 'restarted',
      title: `${name} restarted`,
      body: `${times === 1 ? 'Restarted' : `Restarted ${times} times`}; ${restarts} restarts in all.`,
    });
  } else if (
    restarts === undefined &&
    observation.state === 'RESTARTING' &&
    previous.state !== undefined &&
    previous.state !== 'RESTARTING'
  ) {
    alerts.push({ kind: 'restarted', title: `${name} restarted`, body: 'The job is RESTARTING.' });
  }
  const n = settings.failedCheckpoints;
  if (previous.streak < n && streak >= n) {
    alerts.push({
      kind: 'checkpoints',
      title: `${name}: ${streak} failed checkpoints in a row`,
      body: `The last ${streak} checkpoints failed.`,
    });
  }
  return { next, alerts };
}
