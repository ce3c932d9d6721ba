import { afterEach, describe, expect, it } from 'vitest';
import type { FlameNode } from './flame-data';
import { createFlameGraph, type FlameGraphController } from './flamegraph-setup';

// The real d3-flame-graph in jsdom: which frames are drawn, as elements, at each zoom.

const leaf = (name: string, value: number): FlameNode => ({ name, value, children: [] });

// 1,000 samples over 1,000 px: a sample is a pixel, and frames of 2 px or less are not drawn.
const tree: FlameNode = {
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
  ],
};

let element: HTMLDivElement;
let chart: FlameGraphController | undefined;

function draw(): FlameGraphController {
  element = document.createElement('div');
  document.body.append(element);
  chart = createFlameGraph(element, { width: 1000, details: null, transitionMs: 0 });
  chart.show(tree, 1, 'on-cpu');
  return chart;
}

const frame = (name: string) => element.querySelector<SVGGElement>(`g.frame[name="${name}"]`);
const widthOf = (name: string) => Number(frame(name)?.querySelector('rect')?.getAttribute('width'));
/** Frames drawn with a width: the ones a user sees. */
const shown = () =>
  [...element.querySelectorAll('g.frame')]
    .filter((g) => Number(g.querySelector('rect')?.getAttribute('width')) > 0)
    .map((g) => g.getAttribute('name'))
    .sort();

afterEach(() => {
  chart?.destroy();
  element.remove();
});

describe('the flame graph', () => {
  it('draws the frames wider than 2 px at once, with their names as text', () => {
    draw();
    expect(shown()).toEqual(['busy', 'hot', 'main', 'mid', 'root', 'small']);
    expect(frame('busy')?.querySelector('.d3-flame-graph-label')?.textContent).toBe('busy');
    expect(frame('busy')?.querySelector('title')?.textContent).toBe('busy (90.000%, 900 samples)');
  });

  it('clicking a frame zooms into it and draws the frames that became wide enough; reset zooms out', () => {
    const c = draw();
    expect(frame('tiny')).toBeNull();
    expect(widthOf('mid')).toBeCloseTo(10);
    frame('mid')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    // Zoomed into mid (10 samples over 1,000 px): tiny is 100 px wide, its ancestors fade.
    expect(widthOf('tiny')).toBeCloseTo(100);
    expect(widthOf('mid')).toBeCloseTo(1000);
    expect(frame('main')?.getAttribute('class')).toBe('frame fade');
    expect(frame('busy')).toBeNull();

    c.resetZoom();
    expect(element.querySelectorAll('g.frame.fade')).toHaveLength(0);
    expect(shown()).toEqual(['busy', 'hot', 'main', 'mid', 'root', 'small']);
    expect(widthOf('busy')).toBeCloseTo(900);
  });

  it('zooms into a frame whose every child is drawn already, keeping the frames outside it for the way back', () => {
    const c = draw();
    frame('busy')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(widthOf('hot')).toBeCloseTo(1000);
    expect(frame('main')?.getAttribute('class')).toBe('frame fade');
    expect(shown()).toEqual(['busy', 'hot', 'main', 'root']);
    c.resetZoom();
    expect(shown()).toEqual(['busy', 'hot', 'main', 'mid', 'root', 'small']);
  });

  it('a wider chart draws the frames that became wide enough', () => {
    const c = draw();
    expect(frame('side')).toBeNull();
    c.setWidth(2000);
    expect(widthOf('side')).toBeCloseTo(4);
  });
});
