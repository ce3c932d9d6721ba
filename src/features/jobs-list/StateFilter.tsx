import type { ReactNode } from 'react';

interface StateFilterProps {
  /** Job states with how many jobs are in each. */
  counts: Readonly<Record<string, number>>;
  selected: readonly string[];
  onChange: (states: string[]) => void;
}

/** Toggle buttons, one per job state present; none selected means all states. */
export function StateFilter({ counts, selected, onChange }: StateFilterProps): ReactNode {
  const states = Object.keys(counts).sort();
  return (
    <fieldset className="state-filter">
      <legend>Show states</legend>
      {states.map((state) => {
        const on = selected.includes(state);
        return (
          <button
            key={state}
            type="button"
            aria-pressed={on}
            onClick={() => onChange(on ? selected.filter((s) => s !== state) : [...selected, state])}
          >
            {state} ({counts[state]})
          </button>
        );
      })}
      {selected.length > 0 && (
        <button type="button" onClick={() => onChange([])}>
          All states
        </button>
      )}
    </fieldset>
  );
}
