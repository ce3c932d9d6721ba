import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useGathered } from './use-gathered';

interface Props {
  readonly values: readonly string[];
  readonly settled: boolean;
}

const render = (initialProps: Props) =>
  renderHook(({ values, settled }: Props) => useGathered(values, settled, 400), { initialProps });

describe('useGathered', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds a round back while a request is on its way and applies it whole once none is', () => {
    const first = ['a1', 'b1', 'c1'];
    const { result, rerender } = render({ values: first, settled: true });
    expect(result.current).toBe(first);
    rerender({ values: ['a2', 'b1', 'c1'], settled: false }); // cluster a answered, b and c have not
    expect(result.current).toBe(first);
    rerender({ values: ['a2', 'b2', 'c1'], settled: false });
    expect(result.current).toBe(first);
    const round = ['a2', 'b2', 'c2'];
    rerender({ values: round, settled: true });
    expect(result.current).toBe(round);
  });

  it('keeps the applied array while nothing changed, whatever is on its way', () => {
    const first = ['a1', 'b1'];
    const { result, rerender } = render({ values: first, settled: true });
    rerender({ values: ['a1', 'b1'], settled: false });
    expect(result.current).toBe(first);
    rerender({ values: ['a1', 'b1'], settled: true });
    expect(result.current).toBe(first);
  });

  it('does not let a slow cluster hold the others back for longer than the cap', () => {
    const { result, rerender } = render({ values: ['a1', 'b1', 'slow1'], settled: true });
    rerender({ values: ['a2', 'b1', 'slow1'], settled: false });
    act(() => {
      vi.advanceTimersByTime(200);
    });
    rerender({ values: ['a2', 'b2', 'slow1'], settled: false }); // a later answer does not push the cap back
    expect(result.current).toEqual(['a1', 'b1', 'slow1']);
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(result.current).toEqual(['a2', 'b2', 'slow1']);
    // The slow one's answer, when it comes, is a round of its own.
    rerender({ values: ['a2', 'b2', 'slow2'], settled: true });
    expect(result.current).toEqual(['a2', 'b2', 'slow2']);
  });

  it('applies the next answers after another cap while the slow cluster is still on its way', () => {
    const { result, rerender } = render({ values: ['a1', 'slow1'], settled: true });
    rerender({ values: ['a2', 'slow1'], settled: false });
    act(() => {
      vi.advanceTimersByTime(400);
    });
    expect(result.current).toEqual(['a2', 'slow1']);
    rerender({ values: ['a3', 'slow1'], settled: false });
    expect(result.current).toEqual(['a2', 'slow1']);
    act(() => {
      vi.advanceTimersByTime(400);
    });
    expect(result.current).toEqual(['a3', 'slow1']);
  });
});
