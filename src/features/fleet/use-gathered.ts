import { useEffect, useState } from 'react';

/**
 * How long answers of a round wait for the rest of it: a cluster slow to answer holds the others'
 * answers back this long at most, then they show without it (and again each time this passes).
 */
export const ROUND_CAP_MS = 400;

/**
 * `values` (each cluster's newest answers) applied once a round: the same array back while the
 * round is still coming in (`settled` false: some request is on its way), the new values once none
 * is, or once `capMs` has passed since the first of them arrived. Each cluster answers on its own:
 * applied one by one, ten clusters re-render and re-sort the fleet's 10,000 jobs ten times a
 * refresh; gathered, once.
 */
export function useGathered<T>(values: readonly T[], settled: boolean, capMs: number = ROUND_CAP_MS): readonly T[] {
  const [applied, setApplied] = useState(values);
  const [due, setDue] = useState(false);
  const changed = values.length !== applied.length || values.some((value, i) => !Object.is(value, applied[i]));
  const waiting = changed && !settled && !due;
  useEffect(() => {
    if (!waiting) return;
    // Started by the round's first answer; the next answers of the round do not push it back.
    const timer = setTimeout(() => setDue(true), capMs);
    return () => clearTimeout(timer);
  }, [waiting, capMs]);
  if (changed && (settled || due)) {
    // Derived during render (no effect, no extra paint), as useKept.
    setApplied(values);
    if (due) setDue(false);
    return values;
  }
  return applied;
}
