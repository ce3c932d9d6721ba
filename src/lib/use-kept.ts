import { useState } from 'react';

/**
 * `build()`'s value, kept (the same object) for as long as every one of `parts` is the same as at
 * the last build: a useMemo whose list of dependencies may change length (one per query of a
 * useQueries, say). A view that re-renders because a request started or ended then hands its
 * children the same maps, and nothing under it is rebuilt. `build` gets the value it replaces
 * (undefined the first time), for what it keeps of it.
 */
export function useKept<T>(parts: readonly unknown[], build: (previous: T | undefined) => T): T {
  const [kept, setKept] = useState<{ parts: readonly unknown[]; value: T } | null>(null);
  if (kept && kept.parts.length === parts.length && kept.parts.every((p, i) => Object.is(p, parts[i]))) {
    return kept.value;
  }
  // Derived during render (no effect, no extra paint): React renders this component again at once.
  const value = build(kept?.value);
  setKept({ parts, value });
  return value;
}

/**
 * `keep(previous, built)`, recomputed only when `built` is a new object: a value that keeps what it
 * can of the one it replaces (unchanged rows and nodes stay the same objects), so the children of
 * a view whose inputs were rebuilt re-render only what changed. `previous` is undefined the first
 * time.
 */
export function useKeptFrom<B, V>(built: B, keep: (previous: V | undefined, built: B) => V): V {
  const [kept, setKept] = useState(() => ({ built, value: keep(undefined, built) }));
  if (Object.is(kept.built, built)) return kept.value;
  // Derived during render, as useKept.
  const value = keep(kept.value, built);
  setKept({ built, value });
  return value;
}
