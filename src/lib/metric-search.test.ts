import { describe, expect, it } from 'vitest';
import { searchMetricIds } from './metric-search';

describe('searchMetricIds', () => {
  const ids = ['10.numRecordsIn', '2.numRecordsIn', '2.numBytesIn', '0.busyTimeMsPerSecond'];

  it('keeps ids with every word, in any order and case, in natural order', () => {
    expect(searchMetricIds(ids, 'records in')).toEqual(['2.numRecordsIn', '10.numRecordsIn']);
    expect(searchMetricIds(ids, 'IN 2.')).toEqual(['2.numBytesIn', '2.numRecordsIn']);
  });

  it('lists every id, naturally ordered, for a blank search, without reordering its input', () => {
    expect(searchMetricIds(ids, '  ')).toEqual([
      '0.busyTimeMsPerSecond',
      '2.numBytesIn',
      '2.numRecordsIn',
      '10.numRecordsIn',
    ]);
    expect(ids[0]).toBe('10.numRecordsIn');
  });
});
