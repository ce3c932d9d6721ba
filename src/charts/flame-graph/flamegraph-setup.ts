// The only module that loads d3-flame-graph (and its CSS, which the package imports itself).
// It is imported dynamically by FlameGraphChart, so neither the overview nor the rest of the
// vertex page downloads it.
//
// Safety notes (checked against d3-flame-graph 5.0.0's source): frame labels are written with
// `.text()` into a foreignObject <div>, and the <title> tooltip with `.text()`, so untrusted
// frame names stay text. Its HTML tooltip (the only `.html()` use) is not enabled here. It sets
// styles through `selection.style()` (CSSOM, `element.style`), never a `style` attribute, so
// a strict Content-Security-Policy without 'unsafe-inline' styles is not violated.

import flamegraph, { type ColorMapper, type FlameGraph, type FlameGraphDatum } from 'd3-flame-graph';
import { select } from 'd3-selection';
import { cloneFlameTree, frameMatches, nameShade, type FlameNode } from './flame-data';

export type FlameColors = 'on-cpu' | 'off-cpu' | 'mixed';

export interface FlameGraphController {
  /** Draws a sample; does nothing when `version` (the sample's time) and colours are unchanged. */
  show: (tree: FlameNode, version: number, colors: FlameColors) => void;
  setWidth: (width: number) => void;
  search: (term: string) => void;
  resetZoom: () => void;
  destroy: () => void;
}

export interface FlameGraphSetup {
  width: number;
  /** Hovered frame's description is written here as text. */
  details: HTMLElement | null;
  /** 0 in tests and for people who asked for reduced motion. */
  transitionMs: number;
}

const MIN_WIDTH = 280;

/**
 * Off-CPU frames in light blues (the library's own off-CPU blues go dark enough to hide its
 * black labels); search hits keep the library's highlight colour.
 */
const offCpuColors: ColorMapper = (frame, original) => {
  if (frame.highlight) return original;
  const shade = nameShade(frame.data.name);
  return `hsl(${200 + Math.round(20 * shade)} 70% ${62 + Math.round(16 * ((shade * 7) % 1))}%)`;
};

export function createFlameGraph(element: HTMLDivElement, setup: FlameGraphSetup): FlameGraphController {
  let width = Math.max(MIN_WIDTH, Math.floor(setup.width));
  let chart: FlameGraph | null = null;
  let drawn: { version: number; colors: FlameColors } | null = null;
  let term = '';
  /** Whether the drawn frames carry search highlights that `clear()` would have to undo. */
  let highlighted = false;

  const build = (colors: FlameColors): FlameGraph => {
    const c = flamegraph()
      .width(width)
      .cellHeight(18)
      .minFrameSize(2)
      .transitionDuration(setup.transitionMs)
      .sort(true)
      .title('')
      .selfValue(false)
      .resetHeightOnZoom(true)
      .setDetailsElement(setup.details)
      // Plain-text, case-insensitive search; the default compiles the term as a RegExp.
      .setSearchMatch((frame, t) => frameMatches(frame.data.name, t))
      // The React side reports search results; keep the library from writing its own text.
      .setSearchHandler(() => undefined);
    if (colors === 'off-cpu') c.setColorMapper(offCpuColors);
    return c;
  };

  // chart.search() and chart.clear() each walk every frame and redraw the graph: call them only
  // when there is a highlight to set or to remove (not after every draw).
  const applySearch = (): void => {
    if (!chart) return;
    if (term.trim()) {
      chart.search(term);
      highlighted = true;
    } else if (highlighted) {
      chart.clear();
      highlighted = false;
    }
  };

  return {
    show(tree, version, colors) {
      if (drawn && drawn.version === version && drawn.colors === colors) return;
      const data: FlameGraphDatum = cloneFlameTree(tree);
      if (!chart || drawn?.colors !== colors) {
        chart?.destroy();
        chart = build(colors);
        select<HTMLDivElement, FlameGraphDatum>(element).datum(data).call(chart);
      } else {
        chart.update(data);
      }
      drawn = { version, colors };
      highlighted = false; // fresh data: no frame is highlighted yet
      applySearch();
    },
    setWidth(next) {
      const w = Math.max(MIN_WIDTH, Math.floor(next));
      if (w === width) return;
      width = w;
      if (chart) chart.width(w).update();
    },
    search(next) {
      if (next === term) return;
      term = next;
      applySearch();
    },
    resetZoom() {
      chart?.resetZoom();
    },
    destroy() {
      chart?.destroy();
      chart = null;
      drawn = null;
    },
  };
}
