import type { ReactNode } from 'react';

// Flink's job and task states, grouped by what they mean to someone on call.
const TONE: Record<string, 'ok' | 'warn' | 'bad' | 'done' | 'neutral'> = {
  RUNNING: 'ok',
  FINISHED: 'done',
  CANCELED: 'neutral',
  CANCELLING: 'warn',
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

export function stateTone(state: string): 'ok' | 'warn' | 'bad' | 'done' | 'neutral' {
  return TONE[state] ?? 'neutral';
}

export function JobStateBadge({ state }: { state: string }): ReactNode {
  return <span className={`badge badge-${stateTone(state)}`}>{state}</span>;
}
