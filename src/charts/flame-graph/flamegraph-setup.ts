// The only module that loads d3-flame-graph (and its CSS, which the package imports itself).
// It is imported dynamically by FlameGraphChart, so neither the overview nor the rest of the
// vertex page downloads it.
//
// Safety notes (checked against d3-flame-graph 5.0.0's source): frame labels are written with
// `.text()` into a foreignObject <div>, and the <title> tooltip with `.text()`, so untrusted
// frame names stay text. Its HTML tooltip (the only `.html()` use) is not enabled here. It sets
// styles through `selection.style()` (CSSOM, `element.style`), never a `style` attribute, so
// a strict Content-Security-Policy without 'unsafe-inline' styles is not violated.

import flamegraph, {
  type ColorMapper,
  type FlameGraph,
  type FlameGraphDatum,
  type FlameGraphFrame,
} from 'd3-flame-graph';
import { select, selection, type BaseType, type Selection, type ValueFn } from 'd3-selection';
import {
  flameViewTree,
  frameMatches,
  nameShade,
  needsDetail,
  type FlameNode,
  type FlameTree,
  type FlameViewTree,
} from './flame-data';

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
/** Frames this narrow or narrower are not drawn (nor built): they can be neither seen nor clicked. */
const MIN_FRAME_PX = 2;

type AnySelection = Selection<BaseType, unknown, BaseType, unknown>;
type AttrValue = string | number | boolean | null | ValueFn<BaseType, unknown, string | number | boolean | null>;

/** What d3-flame-graph calls on the transitions of the frames it draws, applied at once. */
interface InstantTransition {
  duration: () => InstantTransition;
  delay: () => InstantTransition;
  ease: () => InstantTransition;
  attr: (name: string, value: AttrValue) => InstantTransition;
  text: (value: AttrValue) => InstantTransition;
}

function instantTransition(target: AnySelection): InstantTransition {
  const t: InstantTransition = {
    duration: () => t,
    delay: () => t,
    ease: () => t,
    attr: (name, value) => (target.attr(name, value), t),
    text: (value) => (target.text(value), t),
  };
  return t;
}

/**
 * Runs `draw` with d3's `selection.transition()` replaced by one that applies at once. The
 * library animates every frame it draws, even with `transitionDuration(0)`: a timer and three
 * tweens per frame, run in the next animation frame, which cost more than drawing the frames.
 * Only for frames drawn from scratch (nothing on screen to animate from); the swap lasts for
 * the synchronous call only, so other d3 users (the job graph's zoom) never see it.
 */
function withoutTransitions(draw: () => void): void {
  const proto = selection.prototype as unknown as { transition: (this: AnySelection) => unknown };
  const original = proto.transition;
  proto.transition = function instant(this: AnySelection): InstantTransition {
    return instantTransition(this);
  };
  try {
    draw();
  } finally {
    proto.transition = original;
  }
}

/** The hover text; the library's own builds a d3-format formatter per frame. */
function frameLabel(frame: FlameGraphFrame): string {
  return `${frame.data.name} (${(100 * (frame.x1 - frame.x0)).toFixed(3)}%, ${frame.value} samples)`;
}

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
  /** Whether `chart` was attached to the element (the first draw), or only updated since. */
  let attached = false;
  let drawn: { version: number; colors: FlameColors } | null = null;
  let sample: FlameNode | null = null;
  /** The sample's frames from its root to the zoomed frame. */
  let zoomPath: FlameNode[] = [];
  /** The copy the chart was last handed. */
  let view: FlameViewTree | null = null;
  let term = '';
  /** Whether the drawn frames carry search highlights that `clear()` would have to undo. */
  let highlighted = false;

  /** Runs a redraw of frames on screen: animated, or at once for people who asked for no motion. */
  const animate = (redraw: () => void): void => {
    if (setup.transitionMs > 0) redraw();
    else withoutTransitions(redraw);
  };

  // chart.search() and chart.clear() each walk every frame and redraw the graph: call them only
  // when there is a highlight to set or to remove (not after every draw).
  const applySearch = (): void => {
    const c = chart;
    if (!c) return;
    if (term.trim()) {
      animate(() => c.search(term));
      highlighted = true;
    } else if (highlighted) {
      animate(() => c.clear());
      highlighted = false;
    }
  };

  /**
   * Hands the chart a new copy of the sample for the zoom and width, drawn at once: frames are
   * new elements, with nothing on screen to animate from (and the library's entry animation
   * would leave them without width for half of it, and without labels for all of it).
   */
  const draw = (): void => {
    if (!chart || !sample) return;
    const c = chart;
    const next = flameViewTree(sample, zoomPath, width, MIN_FRAME_PX);
    view = next;
    // New frames, not moved ones: an old frame may still be moving from an earlier zoom.
    if (attached) select(element).selectAll('svg > g').remove();
    withoutTransitions(() => {
      if (attached) {
        c.update(next.data);
      } else {
        const data: FlameGraphDatum = next.data;
        select<HTMLDivElement, FlameGraphDatum>(element).datum(data).call(c);
        attached = true;
      }
      highlighted = false; // fresh data: no frame is highlighted yet
      applySearch();
    });
  };

  /**
   * Zooms into a drawn frame: the library animates it when the copy has every frame that
   * zoom shows; otherwise a new copy is drawn for it.
   */
  const zoomInto = (frame: FlameGraphFrame): void => {
    const c = chart;
    const current = view;
    if (!c || !current) return;
    // The chart's frames hold the objects it was given: the copies in `current`.
    const path: FlameNode[] = [];
    for (let f: FlameGraphFrame | null = frame; f; f = f.parent) {
      const node = current.source.get(f.data as FlameTree);
      if (node) path.push(node);
    }
    zoomPath = path.reverse();
    if (needsDetail(current, frame.data as FlameTree, width, MIN_FRAME_PX)) draw();
    else animate(() => c.zoomTo(frame));
  };

  // Clicks on frames are taken before the library's own handler (on each frame) sees them, so
  // that a zoom needing frames the copy left out is drawn once, not animated and then redrawn.
  const onClick = (event: MouseEvent): void => {
    const target = event.target instanceof Element ? event.target.closest('g.frame') : null;
    if (!target || !element.contains(target)) return;
    event.stopPropagation();
    zoomInto(select<Element, FlameGraphFrame>(target).datum());
  };
  element.addEventListener('click', onClick, true);

  const build = (colors: FlameColors): FlameGraph => {
    const c = flamegraph()
      .width(width)
      .cellHeight(18)
      .minFrameSize(MIN_FRAME_PX)
      .transitionDuration(setup.transitionMs)
      // flameViewTree sorts each copy once; the library would sort every frame on every redraw.
      .sort(false)
      .title('')
      .selfValue(false)
      .resetHeightOnZoom(true)
      .setDetailsElement(setup.details)
      .setLabelHandler(frameLabel)
      // Plain-text, case-insensitive search; the default compiles the term as a RegExp.
      .setSearchMatch((frame, t) => frameMatches(frame.data.name, t))
      // The React side reports search results; keep the library from writing its own text.
      .setSearchHandler(() => undefined);
    if (colors === 'off-cpu') c.setColorMapper(offCpuColors);
    return c;
  };

  return {
    show(tree, version, colors) {
      if (drawn && drawn.version === version && drawn.colors === colors) return;
      sample = tree;
      zoomPath = []; // a new sample opens unzoomed
      if (!chart || drawn?.colors !== colors) {
        chart?.destroy();
        chart = build(colors);
        attached = false;
      }
      drawn = { version, colors };
      draw();
    },
    setWidth(next) {
      const w = Math.max(MIN_WIDTH, Math.floor(next));
      if (w === width) return;
      width = w;
      if (!chart) return;
      chart.width(w);
      draw(); // wider: frames left out may now be wide enough
    },
    search(next) {
      if (next === term) return;
      term = next;
      applySearch();
    },
    resetZoom() {
      const c = chart;
      if (!c) return;
      zoomPath = [];
      animate(() => c.resetZoom());
    },
    destroy() {
      element.removeEventListener('click', onClick, true);
      chart?.destroy();
      chart = null;
      attached = false;
      drawn = null;
      sample = null;
      view = null;
    },
  };
}
