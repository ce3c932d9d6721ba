/**
 * The time span a chart's x axis covers: from the earliest start to the latest end of its items
 * (widened to `within` when given), with room of 1 % of the span, at least `minPad` ms, so the
 * first and last instants stay visible. `undefined` when there is nothing to span.
 */
export function timeExtent(
  items: Iterable<{ readonly start: number; readonly end: number }>,
  minPad: number,
  within?: { readonly from: number; readonly to: number },
): { readonly min: number; readonly max: number; readonly pad: number } | undefined {
  let min = within?.from ?? Number.POSITIVE_INFINITY;
  let max = within?.to ?? Number.NEGATIVE_INFINITY;
  for (const item of items) {
    min = Math.min(min, item.start);
    max = Math.max(max, item.end);
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) return undefined;
  return { min, max, pad: Math.max(minPad, (max - min) * 0.01) };
}
