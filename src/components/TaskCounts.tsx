import type { ReactNode } from 'react';
import { stateTone } from './JobStateBadge';
import styles from './TaskCounts.module.css';

// Flink's task states in the order a task lives through them; a state this list does not know
// (a newer Flink) comes after them, by name.
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

function rank(state: string): number {
  const index = ORDER.indexOf(state);
  return index < 0 ? ORDER.length : index;
}

/**
 * How many tasks are in each state, as Flink's dashboard shows them: one badge per state that has
 * tasks (zero counts left out), coloured by the state's tone, reading "2 RUNNING". Renders
 * nothing when every count is zero. `label` names the list for screen readers.
 */
export function TaskCounts({ counts, label }: { counts: Readonly<Record<string, number>>; label?: string }): ReactNode {
  const states = Object.keys(counts)
    .filter((state) => Number.isFinite(counts[state]) && (counts[state] ?? 0) > 0)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  if (states.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={label}>
      {states.map((state) => (
        <li key={state} className={styles.item}>
          <span className={`badge badge-${stateTone(state)}`}>
            {counts[state]} {state}
          </span>
        </li>
      ))}
    </ul>
  );
}
