import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useKept, useKeptFrom } from './use-kept';

describe('useKept', () => {
  it('keeps the built value while every part is the same, and builds again when one changes or the list grows', () => {
    const a = { n: 1 };
    const b = { n: 2 };
    const build = vi.fn((parts: readonly unknown[]) => ({ parts }));
    const { result, rerender } = renderHook(({ parts }) => useKept(parts, () => build(parts)), {
      initialProps: { parts: [a, b] as unknown[] },
    });
    const first = result.current;
    rerender({ parts: [a, b] }); // a new array, the same parts: a request started, say
    expect(result.current).toBe(first);
    rerender({ parts: [a, { n: 2 }] }); // an answer arrived
    const second = result.current;
    expect(second).not.toBe(first);
    expect(second.parts[1]).toEqual({ n: 2 });
    rerender({ parts: [a, { n: 2 }, b] });
    expect(result.current).not.toBe(second);
    expect(result.current.parts).toHaveLength(3);
  });

  it('hands a build the value it replaces: undefined the first time', () => {
    const seen: (number | undefined)[] = [];
    const { result, rerender } = renderHook(
      ({ n }) =>
        useKept([n], (previous: number | undefined) => {
          seen.push(previous);
          return n * 10;
        }),
      { initialProps: { n: 1 } },
    );
    rerender({ n: 2 });
    expect(result.current).toBe(20);
    expect(seen).toEqual([undefined, 10]);
  });
});

describe('useKeptFrom', () => {
  it('folds each new build into the value it replaces, and keeps the value while the build is the same object', () => {
    const keep = vi.fn((previous: number[] | undefined, built: number[]) =>
      previous !== undefined && previous.join() === built.join() ? previous : built,
    );
    const one = [1, 2];
    const { result, rerender } = renderHook(({ built }) => useKeptFrom(built, keep), { initialProps: { built: one } });
    expect(result.current).toBe(one);
    expect(keep).toHaveBeenCalledWith(undefined, one);
    const calls = keep.mock.calls.length;
    rerender({ built: one });
    expect(keep).toHaveBeenCalledTimes(calls);
    rerender({ built: [1, 2] }); // rebuilt, the same figures: the previous value stays
    expect(result.current).toBe(one);
    const changed = [1, 3];
    rerender({ built: changed });
    expect(result.current).toBe(changed);
    expect(keep).toHaveBeenLastCalledWith(one, changed);
  });
});
