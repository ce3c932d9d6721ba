import { describe, expect, it } from 'vitest';
import { FlinkApiError } from './errors';
import { failureLabelFilter, parseSubtaskRanges, serializeQuery, subtaskRanges } from './query';

describe('subtask ranges', () => {
  it("builds Flink's syntax from indices and ranges", () => {
    expect(subtaskRanges(1, 3, [5, 9])).toBe('1,3,5-9');
    expect(subtaskRanges({ from: 0, to: 3 })).toBe('0-3');
    expect(subtaskRanges(7)).toBe('7');
  });

  it('sorts and merges overlapping and adjacent ranges, so equal selections are equal strings', () => {
    expect(subtaskRanges([5, 9], 3, 1, 4)).toBe('1,3-9');
    expect(subtaskRanges([0, 2], [1, 4], 6, 6)).toBe('0-4,6');
    expect(subtaskRanges(2, 1, 0)).toBe('0-2');
  });

  it('reads back what it wrote', () => {
    expect(parseSubtaskRanges(subtaskRanges(1, 3, [5, 9]))).toEqual([1, 3, 5, 6, 7, 8, 9]);
    expect(parseSubtaskRanges('1,3,5-9')).toEqual([1, 3, 5, 6, 7, 8, 9]);
  });

  it('refuses negative, fractional and backwards ranges', () => {
    for (const bad of [
      () => subtaskRanges(-1),
      () => subtaskRanges(1.5),
      () => subtaskRanges([4, 2]),
      () => subtaskRanges(Number.NaN),
    ]) {
      expect(bad).toThrow(FlinkApiError);
    }
    try {
      subtaskRanges([4, 2]);
    } catch (error) {
      expect((error as FlinkApiError).kind).toBe('invalid-request');
    }
  });
});

describe('query serialisation', () => {
  it('joins lists with literal commas and percent-encodes each value', () => {
    expect(serializeQuery({ get: ['a.b', 'c d'], agg: ['min', 'max'] }, 'x')).toBe('?get=a.b,c%20d&agg=min,max');
  });

  it('drops undefined values and empty lists, keeps false and 0', () => {
    expect(serializeQuery({ a: undefined, b: [], c: false, d: 0 }, 'x')).toBe('?c=false&d=0');
    expect(serializeQuery({}, 'x')).toBe('');
    expect(serializeQuery(undefined, 'x')).toBe('');
  });

  it("encodes what would change the URL's meaning", () => {
    expect(serializeQuery({ savepointPath: 'file:///tmp/a b&c=d#e?f' }, 'x')).toBe(
      '?savepointPath=file%3A%2F%2F%2Ftmp%2Fa%20b%26c%3Dd%23e%3Ff',
    );
    expect(serializeQuery({ 'entry-class': 'org.example.Main$Inner' }, 'x')).toBe(
      '?entry-class=org.example.Main%24Inner',
    );
  });

  it("refuses a list item with a comma, which Flink's list syntax cannot carry", () => {
    expect(() => serializeQuery({ programArg: ['--names', 'a,b'] }, 'POST /jars/:jarid/run')).toThrow(/comma/);
  });

  it('refuses non-finite numbers', () => {
    expect(() => serializeQuery({ parallelism: Number.POSITIVE_INFINITY }, 'x')).toThrow(FlinkApiError);
  });

  it('writes failure label filters as key:value items', () => {
    expect(failureLabelFilter({ type: 'user', origin: 'io' })).toEqual(['type:user', 'origin:io']);
    expect(serializeQuery({ failureLabelFilter: failureLabelFilter({ type: 'user' }) }, 'x')).toBe(
      '?failureLabelFilter=type%3Auser',
    );
  });
});
