import { filterByWords } from './word-filter';

// How a person finds a metric among the hundreds an operator or a TaskManager registers, in the
// vertex metrics tab and the metrics explorer alike.

const naturalOrder = new Intl.Collator('en', { numeric: true });

/** Ids containing every word of the search (case-insensitive), in natural order (`2.x` before `10.x`). */
export function searchMetricIds(ids: readonly string[], search: string): string[] {
  return filterByWords(ids, search, (id) => id).sort(naturalOrder.compare);
}
