// Min, median and max over a list of numbers, for the aggregate (footer) rows of DataTable.

/** What a numeric column's values come to across rows; missing values are not counted. */
export interface Aggregate {
  /** How many rows had a value. */
  count: number;
  min: number;
  /** The middle value; for an even count, the mean of the two middle values. */
  median: number;
  max: number;
  /** Positions (in the input) of every value equal to the max, in input order. */
  maxAt: number[];
}

/** A finite number, or undefined for anything else (null, undefined, NaN, Infinity). */
function present(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The k-th smallest of `values` (0-based), moving values about: Wirth's selection, linear on
 * average, where a sort is n log n. Afterwards every value before position k is at most the result.
 */
function selectKth(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    do {
      while ((values[i] as number) < pivot) i++;
      while (pivot < (values[j] as number)) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
  return values[k] as number;
}

/** The median of `numbers` (all finite, at least one; reordered): the mean of the middle two for an even count. */
function medianInPlace(numbers: Float64Array): number {
  const count = numbers.length;
  const mid = Math.floor(count / 2);
  const upper = selectKth(numbers, mid);
  if (count % 2 === 1) return upper;
  // The lower middle value is the largest of those the selection left before the upper one.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if ((numbers[i] as number) > lower) lower = numbers[i] as number;
  return (lower + upper) / 2;
}

/** The median of the finite values (even count: the mean of the middle two), or undefined when none. */
export function median(values: readonly (number | null | undefined)[]): number | undefined {
  // Selected, not sorted: the footer of a 5,000-subtask table takes a median per column on every
  // refresh, and a selection is linear where even a typed-array sort is n log n.
  const finite = new Float64Array(values.length);
  let count = 0;
  for (const value of values) if (present(value)) finite[count++] = value;
  return count === 0 ? undefined : medianInPlace(finite.subarray(0, count));
}

/** Min, median, max and where the max is, over the finite values; undefined when there is none. */
export function aggregate(values: readonly (number | null | undefined)[]): Aggregate | undefined {
  return aggregateBy(values, (value) => value);
}

/**
 * `aggregate` of each item's `value`, read once per item into one typed array: a table's footer
 * takes it per column on every refresh (5,000 subtasks, ten columns), without a list of values
 * per column in between.
 */
export function aggregateBy<T>(
  items: readonly T[],
  value: (item: T) => number | null | undefined,
): Aggregate | undefined {
  const finite = new Float64Array(items.length);
  let min = Infinity;
  let max = -Infinity;
  let maxAt: number[] = [];
  let count = 0;
  for (let index = 0; index < items.length; index++) {
    const figure = value(items[index] as T);
    if (!present(figure)) continue;
    finite[count++] = figure;
    if (figure < min) min = figure;
    if (figure > max) {
      max = figure;
      maxAt = [index];
    } else if (figure === max) {
      maxAt.push(index);
    }
  }
  if (count === 0) return undefined;
  return { count, min, median: medianInPlace(finite.subarray(0, count)), max, maxAt };
}
