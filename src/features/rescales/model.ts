// Pure transforms of the rescales endpoints' answers for the Rescales tab.

import type { Rescale, RescaleVertex } from '../../api/rescales';

/** A rescale's outcome in words: Flink's terminal state, or "In progress" while it has none. */
export function rescaleStatus(rescale: Rescale): string {
  return rescale.terminalState ?? 'IN_PROGRESS';
}

/** How long a rescale took (ms), or undefined while it runs. */
export function rescaleDuration(rescale: Rescale): number | undefined {
  const { startTimestampInMillis: start, endTimestampInMillis: end } = rescale;
  return start != null && end != null && end >= start ? end - start : undefined;
}

/** `INITIAL_SCHEDULE` -> `Initial schedule`. */
export function humanize(constant: string | null | undefined): string {
  if (!constant) return '—';
  const words = constant.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A rescale's vertices, the ones whose parallelism changed first, then by name. */
export function rescaleVertices(rescale: Rescale): RescaleVertex[] {
  const changed = (v: RescaleVertex): boolean => v.preRescaleParallelism !== v.postRescaleParallelism;
  return Object.values(rescale.vertices ?? {}).sort(
    (a, b) => Number(changed(b)) - Number(changed(a)) || a.jobVertexName.localeCompare(b.jobVertexName),
  );
}

/** `1 → 2` for a vertex, `—` for an unknown side. */
export function parallelismChange(vertex: RescaleVertex): string {
  const side = (n: number | null | undefined): string => (n == null ? '—' : String(n));
  return `${side(vertex.preRescaleParallelism)} → ${side(vertex.postRescaleParallelism)}`;
}
