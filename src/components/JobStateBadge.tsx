import type { ReactNode } from 'react';
import type { ExecutionState, JobState } from '../api/schemas';

export type StateTone = 'ok' | 'warn' | 'bad' | 'done' | 'neutral';

// Flink's job and task states, grouped by what they mean to someone on call. Keyed by Flink's
// state unions, so a state added to the schema fails to compile until it has a tone here.
const TONE: Record<JobState | ExecutionState, StateTone> = {
  RUNNING: 'ok',
  FINISHED: 'done',
  CANCELED: 'neutral',
  CANCELLING: 'warn',
  // A subtask's spelling; it showed neutral (by the fallback) before it was listed here.
  CANCELING: 'neutral',
  CREATED: 'neutral',
  INITIALIZING: 'neutral',
  SCHEDULED: 'neutral',
  DEPLOYING: 'neutral',
  RECONCILING: 'neutral',
  SUSPENDED: 'warn',
  RESTARTING: 'bad',
  FAILING: 'bad',
  FAILED: 'bad',
};

function isKnownState(state: string): state is JobState | ExecutionState {
  return Object.hasOwn(TONE, state);
}

/** The tone of a state; states this dashboard does not know yet (newer Flink) are neutral. */
export function stateTone(state: string): StateTone {
  return isKnownState(state) ? TONE[state] : 'neutral';
}

export function JobStateBadge({ state }: { state: string }): ReactNode {
  return <span className={`badge badge-${stateTone(state)}`}>{state}</span>;
}
