import { describe, expect, it } from 'vitest';
import {
  cloneFlameTree,
  flameStats,
  frameMatches,
  nameShade,
  searchSamples,
  sharePercent,
  type FlameNode,
} from './flame-data';

// Shape recorded from the sandbox (Flink 2.3.0, ON_CPU of the backpressured source).
const sample: FlameNode = {
  name: 'root',
  value: 100,
  children: [
    {
      name: 'java.lang.Thread.run:840',
      value: 100,
      children: [
        { name: 'org.apache.flink.runtime.taskmanager.Task.run:579', value: 60, children: [] },
        { name: 'org.apache.flink.runtime.taskmanager.Task$$Lambda$0/0x0.run:-1', value: 40, children: [] },
      ],
    },
  ],
};

describe('cloneFlameTree', () => {
  it('copies deeply: the chart may mark the copy, the original stays untouched', () => {
    const copy = cloneFlameTree(sample);
    expect(copy).toEqual(sample);
    (copy.children[0] as unknown as { fade: boolean }).fade = true;
    expect(sample.children?.[0]).not.toHaveProperty('fade');
    expect(copy.children[0]).not.toBe(sample.children?.[0]);
  });

  it('handles very deep stacks without recursion', () => {
    let node: FlameNode = { name: 'leaf', value: 1, children: [] };
    for (let i = 0; i < 20_000; i++) node = { name: `f${i}`, value: 1, children: [node] };
    expect(flameStats(cloneFlameTree(node)).depth).toBe(20_000);
  });
});

describe('flameStats', () => {
  it('counts frames below the root and the depth', () => {
    expect(flameStats(sample)).toEqual({ frames: 3, depth: 2 });
  });
});

describe('frameMatches', () => {
  it('matches plain text, case-insensitively, with regex characters taken literally', () => {
    expect(frameMatches('java.lang.Thread.run:840', 'thread.RUN')).toBe(true);
    expect(frameMatches('Task$$Lambda$0/0x0.run:-1', '$$Lambda(')).toBe(false);
    expect(frameMatches('Task$$Lambda$0/0x0.run:-1', '$$Lambda$0')).toBe(true);
    expect(frameMatches('anything', '  ')).toBe(false);
    expect(frameMatches(undefined, 'x')).toBe(false);
  });
});

describe('sharePercent', () => {
  it('formats a share of samples', () => {
    expect(sharePercent(40, 100)).toBe('40%');
    expect(sharePercent(1, 300)).toBe('0.3%');
    expect(sharePercent(1, 0)).toBe('0%');
  });
});

describe('searchSamples', () => {
  it('sums the samples of matching frames once, and counts the frames', () => {
    expect(searchSamples(sample, 'taskmanager.Task')).toEqual({ matched: 100, frames: 2, total: 100 });
    expect(searchSamples(sample, 'Thread.run')).toEqual({ matched: 100, frames: 1, total: 100 });
    expect(searchSamples(sample, 'Lambda')).toEqual({ matched: 40, frames: 1, total: 100 });
    expect(searchSamples(sample, '')).toEqual({ matched: 0, frames: 0, total: 100 });
  });
});

describe('nameShade', () => {
  it('is stable per name and within [0, 1)', () => {
    const a = nameShade('java.lang.Thread.run:840');
    expect(nameShade('java.lang.Thread.run:840')).toBe(a);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(1);
    expect(nameShade('java.lang.Thread.sleep:-2')).not.toBe(a);
  });
});
