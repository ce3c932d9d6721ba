// The one text filter of the dashboard: a row (table row, thread, exception, metric id) matches
// when its text contains every word typed, in any order, ignoring case. Tables, thread dumps,
// exception history and metric pickers all filter this way, so users learn it once.

/** A filter as lower-cased words; blank input gives no words (everything matches). */
export function filterWords(filter: string): string[] {
  return filter.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether `text` contains every one of `words` (from `filterWords`), case-insensitively. */
export function containsAllWords(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = text.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** The items whose text contains every word of the filter; all of them for a blank filter. */
export function filterByWords<T>(items: readonly T[], filter: string, text: (item: T) => string): T[] {
  const words = filterWords(filter);
  if (words.length === 0) return [...items];
  return items.filter((item) => containsAllWords(text(item), words));
}
