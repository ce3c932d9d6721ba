import { describe, expect, it } from 'vitest';
import { containsAllWords, filterByWords, filterWords } from './word-filter';

describe('filterWords', () => {
  it('splits on any white space, lower-cases and drops blanks', () => {
    expect(filterWords('  Busy\tTime\nMS ')).toEqual(['busy', 'time', 'ms']);
    expect(filterWords('   ')).toEqual([]);
  });
});

describe('containsAllWords', () => {
  it('needs every word, in any order, ignoring case', () => {
    expect(containsAllWords('Source: Kafka -> Map', ['map', 'kafka'])).toBe(true);
    expect(containsAllWords('Source: Kafka -> Map', ['map', 'sink'])).toBe(false);
    expect(containsAllWords('anything', [])).toBe(true);
  });
});

describe('filterByWords', () => {
  const ids = ['0.numRecordsIn', '0.numRecordsOut', '1.numRecordsIn', '0.busyTimeMsPerSecond'];
  it('keeps the items whose text has every word, in their order', () => {
    expect(filterByWords(ids, 'records 0.', (id) => id)).toEqual(['0.numRecordsIn', '0.numRecordsOut']);
    expect(filterByWords(ids, 'RECORDSIN', (id) => id)).toEqual(['0.numRecordsIn', '1.numRecordsIn']);
  });
  it('keeps everything for a blank filter, as a new array', () => {
    const all = filterByWords(ids, ' ', (id) => id);
    expect(all).toEqual(ids);
    expect(all).not.toBe(ids);
  });
});
