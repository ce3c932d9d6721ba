import { describe, expect, it } from 'vitest';
import { lowWatermarkFromAggregates } from './metrics';

describe('lowWatermarkFromAggregates', () => {
  it('reads the minimum of a recorded answer', () => {
    // GET /jobs/<event-time job>/vertices/<keyed vertex>/subtasks/metrics?get=currentInputWatermark&agg=min,max
    expect(
      lowWatermarkFromAggregates([{ id: 'currentInputWatermark', min: 1.79646148518e12, max: 1.79646148518e12 }]),
    ).toBe(1796461485180);
  });

  it('says "none" for a source (empty answer) and for a subtask still at Long.MIN_VALUE', () => {
    expect(lowWatermarkFromAggregates([])).toBeNull();
    expect(lowWatermarkFromAggregates([{ id: 'currentInputWatermark', min: -9.223372036854776e18 }])).toBeNull();
  });

  it('ignores other metrics in the answer', () => {
    expect(lowWatermarkFromAggregates([{ id: 'numRecordsIn', min: 5 }])).toBeNull();
  });
});
