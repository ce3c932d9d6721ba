import { describe, expect, it } from 'vitest';
import { enumParam, listParam, sortParam, stringParam } from './search-state';

describe('search parameters', () => {
  it('degrade bad values to defaults', () => {
    expect(enumParam(['a', 'b'], 'a').parse('zzz')).toBe('a');
    expect(sortParam(['name', 'start'], { column: 'start', direction: 'desc' }).parse('-bogus')).toEqual({
      column: 'start',
      direction: 'desc',
    });
    expect(listParam((s) => /^[A-Z]+$/.test(s)).parse('RUNNING,<x>,FAILED')).toEqual(['RUNNING', 'FAILED']);
  });

  it('round-trip and drop defaults from the URL', () => {
    const sort = sortParam(['name', 'start'], { column: 'start', direction: 'desc' });
    expect(sort.parse('-name')).toEqual({ column: 'name', direction: 'desc' });
    expect(sort.serialize({ column: 'name', direction: 'asc' })).toBe('name');
    expect(sort.serialize({ column: 'start', direction: 'desc' })).toBeNull();
    expect(stringParam().serialize('')).toBeNull();
    expect(listParam().serialize(['A', 'B'])).toBe('A,B');
  });
});
