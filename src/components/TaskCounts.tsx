import type { ReactNode } from 'react';
import { stateTone } from './JobStateBadge';
import styles from './TaskCounts.module.css';

// Flink's execution states in lifecycle order (its own dashboard's order); a state this list
// does not know (newer Flink) follows them, alphabetically.
const ORDER = [
  'CREATED',
  'SCHEDULED',
  'DEPLOYING',
  'INITIALIZING',
  'RUNNING',
  'FINISHED',
  'CANCELING',
  'CANCELED',
  'FAILED',
  'RECONCILING',
];

/**
 * The non-zero counts of `counts` as `[STATE, count]`, in lifecycle order. Keys may be spelled as
 * Flink sends them in either place (`RUNNING` in a vertex's `tasks`, `running` in the job
 * overview's); the overview's `total` is not a state and is left out.
 */
export function nonZeroTaskCounts(counts: Readonly<Record<string, number>>): [string, number][] {
  const byState = new Map<string, number>();
  for (const [key, n] of Object.entries(counts)) {
    const state = key.toUpperCase();
    if (state === 'TOTAL' || !Number.isFinite(n) || n <= 0) continue;
    byState.set(state, (byState.get(state) ?? 0) + n);
  }
  const rank = (s: string): number => {
    const i = ORDER.indexOf(s);
    return i === -1 ? ORDER.length : i;
  };
  return [...byState].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Task counts per state as coloured badges ("2 RUNNING"), one per state that has tasks. */
export function TaskCounts({ counts, label }: { counts: Readonly<Record<string, number>>; label?: string }): ReactNode {
  const entries = nonZeroTaskCounts(counts);
  if (entries.length === 0) return <span className={styles.none}>no tasks</span>;
  return (
    <ul className={styles.counts} aria-label={label}>
      {entries.map(([state, n]) => (
        <li key={state} className={`badge badge-${stateTone(state)}`}>
          {n} {state}
        </li>
      ))}
    </ul>
  );
}
