import { describe, expect, it } from 'vitest';
import {
  flameStats,
  flameViewTree,
  frameMatches,
  nameShade,
  needsDetail,
  searchSamples,
  sharePercent,
  type FlameNode,
  type FlameTree,
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

/** The copy as names, nested, with its zoom flags: `name[fade]` / `name[hide]`. */
function shape(node: FlameTree): unknown {
  const label = `${node.name}${node.fade ? '[fade]' : ''}${node.hide ? '[hide]' : ''}`;
  return node.children.length === 0 ? label : { [label]: node.children.map(shape) };
}

const leaf = (name: string, value: number): FlameNode => ({ name, value, children: [] });

// 1,000 samples drawn 1,000 px wide: a sample is a pixel, and frames of 2 px or less are left out.
const wide: FlameNode = {
  name: 'root',
  value: 1000,
  children: [
    leaf('side', 2),
    {
      name: 'main',
      value: 990,
      children: [
        { name: 'mid', value: 10, children: [leaf('tiny', 1), leaf('small', 4)] },
        { name: 'busy', value: 900, children: [leaf('hot', 900)] },
      ],
    },
    { name: 'other', value: 8, children: [leaf('deep', 2)] },
  ],
};

describe('flameViewTree', () => {
  it("copies deeply with each parent's children sorted by name: the chart may mark the copy, the original stays untouched", () => {
    const view = flameViewTree(sample, [], 1000, 2);
    expect(shape(view.data)).toEqual({
      root: [
        {
          'java.lang.Thread.run:840': [
            'org.apache.flink.runtime.taskmanager.Task$$Lambda$0/0x0.run:-1',
            'org.apache.flink.runtime.taskmanager.Task.run:579',
          ],
        },
      ],
    });
    const copy = view.data.children[0];
    if (!copy) throw new Error('no copy');
    copy.fade = true;
    expect(sample.children?.[0]).not.toHaveProperty('fade');
    expect(copy).not.toBe(sample.children?.[0]);
    expect(view.source.get(copy)).toBe(sample.children?.[0]);
  });

  it('leaves out the frames the chart would not draw, and says which zoom needs them', () => {
    const view = flameViewTree(wide, [], 1000, 2);
    expect(shape(view.data)).toEqual({
      root: [{ main: [{ busy: ['hot'] }, { mid: ['small'] }] }, 'other'],
    });
    const [main, other] = view.data.children;
    const mid = main?.children[1];
    if (!main || !other || !mid) throw new Error('missing frames');
    // Zoomed into mid (10 samples over 1,000 px), tiny is 100 px wide: a new copy is needed.
    expect(needsDetail(view, mid, 1000, 2)).toBe(true);
    // Zoomed into main (990 samples), tiny is still 1 px.
    expect(needsDetail(view, main, 1000, 2)).toBe(false);
    // At the root's scale nothing left out is wide enough; in 'other' (8 samples), deep is 250 px.
    expect(needsDetail(view, view.data, 1000, 2)).toBe(false);
    expect(needsDetail(view, other, 1000, 2)).toBe(true);
    // Twice as wide, 'side' and 'deep' (2 samples, 4 px) are drawn.
    expect(shape(flameViewTree(wide, [], 2000, 2).data)).toEqual({
      root: [{ main: [{ busy: ['hot'] }, { mid: ['small'] }] }, { other: ['deep'] }, 'side'],
    });
  });

  it('zoomed, measures the zoomed subtree against the zoomed frame and flags frames as the chart zooms them', () => {
    const main = wide.children?.[1];
    const mid = main?.children?.[0];
    if (!main || !mid) throw new Error('missing frames');
    const view = flameViewTree(wide, [wide, main, mid], 1000, 2);
    // Ancestors fade; siblings of the path hide, measured against the ancestor whose zoom-out shows them.
    expect(shape(view.data)).toEqual({
      'root[fade]': [{ 'main[fade]': [{ 'busy[hide]': ['hot'] }, { mid: ['small', 'tiny'] }] }, 'other[hide]'],
    });
    const copy = (name: string) => [...view.source].find(([, node]) => node.name === name)?.[0];
    const root = copy('root');
    const busy = copy('busy');
    const other = copy('other');
    if (!root || !busy || !other) throw new Error('missing copies');
    // Zooming out to the root or into busy draws nothing the copy left out; into other, deep is missing.
    expect(needsDetail(view, root, 1000, 2)).toBe(false);
    expect(needsDetail(view, busy, 1000, 2)).toBe(false);
    expect(needsDetail(view, other, 1000, 2)).toBe(true);
  });

  it('handles very deep stacks without recursion', () => {
    let node: FlameNode = { name: 'leaf', value: 1, children: [] };
    for (let i = 0; i < 20_000; i++) node = { name: `f${i}`, value: 1, children: [node] };
    expect(flameStats(flameViewTree(node, [], 1, 0).data).depth).toBe(20_000);
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
