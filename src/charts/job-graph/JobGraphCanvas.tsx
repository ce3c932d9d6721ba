import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';
import {
  LARGE_GRAPH,
  layoutJobGraph,
  structureKey,
  type GraphLayout,
  type GraphStructure,
  type LayoutOptions,
  type PlacedEdge,
  type PlacedNode,
} from './layout';
import { requestLayout, settledLayout } from './layout-client';
import { arrowHead, roundedPath, truncate } from './text';
import {
  detailRegion,
  MAX_SCALE,
  MIN_SCALE,
  overlaps,
  pickDirection,
  readableFit,
  visibleNodeIds,
  type Box,
  type FlowDirection,
  type Size,
  type ViewTransform,
} from './viewport';
import './job-graph.css';

/** How a node is coloured; the caller decides what each tone means and says so in the legend. */
export type NodeTone = 'bad' | 'warn' | 'ok' | 'neutral' | 'unknown';

/** What one node shows: plain strings only, drawn as SVG text (never parsed as markup). */
export interface GraphNodeView {
  readonly id: string;
  /** The full name: truncated on the node, complete in its tooltip. */
  readonly title: string;
  /** Lines of detail under the name; hidden when zoomed far out. */
  readonly lines: readonly string[];
  readonly tone: NodeTone;
  readonly href: string;
  /** The node's accessible name; it should start with the full name. */
  readonly ariaLabel: string;
  /** Marked (e.g. its row in a table is hovered or picked): drawn with a ring, `aria-current`. */
  readonly selected?: boolean;
}

export interface GraphViewState {
  /** Nodes overlapping the viewport, in layout order. */
  readonly visible: readonly string[];
  /** Whether the zoom level shows node details (below it, nodes show only their names). */
  readonly detailed: boolean;
}

export interface LegendEntry {
  readonly tone: NodeTone;
  readonly label: string;
}

interface JobGraphCanvasProps {
  structure: GraphStructure;
  nodes: ReadonlyMap<string, GraphNodeView>;
  /** Accessible name of the graph. */
  label: string;
  legend?: readonly LegendEntry[];
  onOpenNode: (id: string) => void;
  /** The node under the pointer or keyboard focus; undefined when it leaves. */
  onHoverNode?: (id: string | undefined) => void;
  /** Called after panning or zooming settles (never per frame), and after the first fit. */
  onViewChange?: (view: GraphViewState) => void;
  /** Zoom level below which node details are hidden (they would be unreadable). */
  detailScale?: number;
  /** Flow direction; `auto` (the default) picks the one that keeps names readable at "fit". */
  direction?: GraphDirectionChoice;
  /** Offers the direction buttons when given (the caller keeps the choice, e.g. in the URL). */
  onDirectionChange?: (direction: GraphDirectionChoice) => void;
}

/** What the user picks: a direction, or `auto` (see pickDirection). */
export type GraphDirectionChoice = 'auto' | FlowDirection;
export const GRAPH_DIRECTIONS: readonly GraphDirectionChoice[] = ['auto', 'LR', 'TB'];
const DIRECTION_LABELS: Record<GraphDirectionChoice, string> = {
  auto: 'Auto',
  LR: 'Left to right',
  TB: 'Top to bottom',
};
/** Top to bottom, layers are as far apart as it takes for an edge and its label, not more. */
const LAYER_GAP: Record<FlowDirection, number> = { LR: 90, TB: 56 };

export const NODE_WIDTH = 232;
const LINE_HEIGHT = 16;
const NAME_CHARS = 27;

/** Node height for a number of detail lines. */
export function nodeHeight(lines: number): number {
  return 30 + lines * LINE_HEIGHT;
}

/**
 * The graph's layouts per direction, each computed when first asked for. Kept across renders:
 * dagre runs again only when the graph's structure changes, not when its numbers do. A large
 * graph is laid out in a worker (layout-client.ts): its layout is undefined until the answer
 * arrives, and the component renders again then.
 */
function useGraphLayouts(structure: GraphStructure): (direction: FlowDirection) => GraphLayout | undefined {
  const key = structureKey(structure);
  const [, setArrived] = useState(0);
  const [cached, setCached] = useState(() => ({ key, get: layoutsOf(structure, setArrived) }));
  if (cached.key !== key) {
    const next = { key, get: layoutsOf(structure, setArrived) };
    setCached(next);
    return next.get;
  }
  return cached.get;
}

function layoutOptions(direction: FlowDirection): LayoutOptions {
  return { direction, layerGap: LAYER_GAP[direction] };
}

function layoutsOf(
  structure: GraphStructure,
  arrived: (update: (n: number) => number) => void,
): (direction: FlowDirection) => GraphLayout | undefined {
  const cache = new Map<FlowDirection, GraphLayout>();
  if (structure.nodes.length > LARGE_GRAPH) {
    const asked = new Set<FlowDirection>();
    return (direction) => {
      const known = cache.get(direction) ?? settledLayout(structure, layoutOptions(direction));
      if (known) {
        cache.set(direction, known);
        return known;
      }
      if (!asked.has(direction)) {
        asked.add(direction);
        requestLayout(structure, layoutOptions(direction)).then(
          (layout) => {
            cache.set(direction, layout);
            arrived((n) => n + 1);
          },
          () => undefined, // requestLayout falls back to the page itself; it does not fail
        );
      }
      return undefined;
    };
  }
  return (direction) => {
    let layout = cache.get(direction);
    if (!layout) {
      layout = layoutJobGraph(structure, layoutOptions(direction));
      cache.set(direction, layout);
    }
    return layout;
  };
}

/**
 * Starts laying out a large graph in the directions "auto" may draw, before it is drawn (the job
 * page calls it while another tab is on screen): the layouts land in layout-client's cache, so
 * opening the graph draws it at once instead of waiting for the worker. A small graph is laid out
 * on the page when drawn, in a few milliseconds; nothing to do for it.
 */
export function prewarmGraphLayouts(structure: GraphStructure): void {
  if (structure.nodes.length <= LARGE_GRAPH) return;
  for (const direction of ['LR', 'TB'] as const) {
    if (settledLayout(structure, layoutOptions(direction))) continue;
    requestLayout(structure, layoutOptions(direction)).catch(() => undefined); // it falls back to the page
  }
}

/** The layout in one direction (left to right unless asked), kept across renders; undefined while a worker computes it. */
export function useGraphLayout(structure: GraphStructure, direction: FlowDirection = 'LR'): GraphLayout | undefined {
  return useGraphLayouts(structure)(direction);
}

const NO_LAYOUT: GraphLayout = { width: 0, height: 0, nodes: [], edges: [] };

/**
 * The direction to draw and its layout (undefined while being computed). "Auto" with a known frame
 * compares both directions; for a large graph it asks for both at once, so two workers compute
 * them side by side.
 */
function chooseLayout(
  choice: GraphDirectionChoice,
  frame: Size,
  layouts: (direction: FlowDirection) => GraphLayout | undefined,
): { direction: FlowDirection; layout: GraphLayout | undefined } {
  if (choice !== 'auto') return { direction: choice, layout: layouts(choice) };
  const lr = layouts('LR');
  if (lr === undefined) {
    layouts('TB');
    return { direction: 'LR', layout: undefined };
  }
  if (frame.width <= 0 || frame.height <= 0) return { direction: 'LR', layout: lr };
  let waiting = false;
  const direction = pickDirection(
    lr,
    () => {
      const tb = layouts('TB');
      if (tb === undefined) waiting = true;
      return tb ?? lr;
    },
    frame,
  );
  return waiting ? { direction: 'LR', layout: undefined } : { direction, layout: layouts(direction) };
}

/**
 * The job graph in SVG: nodes are links (focusable, Enter opens them), edges carry their labels,
 * pan and zoom with the mouse, wheel or the buttons. Panning moves one `<g>` by its transform
 * attribute directly, so React renders nothing while the graph moves.
 */
export const JobGraphCanvas = memo(function JobGraphCanvas(props: JobGraphCanvasProps): ReactNode {
  const { structure, nodes, label, legend, onOpenNode, onHoverNode, detailScale = 0.6 } = props;
  const { direction: choice = 'auto', onDirectionChange } = props;
  const layouts = useGraphLayouts(structure);
  // The frame's size, to pick a direction for "auto" (updated on resize, not per frame).
  const [frame, setFrame] = useState<Size>({ width: 0, height: 0 });
  // Nothing is drawn until the frame is measured (a layout effect, before the first paint): "auto"
  // would build every node and edge twice (left to right, then top to bottom), and the details of
  // nodes far off screen, which are not drawn (see `shown`), would be built and then removed.
  const measuring = (frame.width <= 0 || frame.height <= 0) && canMeasure();
  const chosen = chooseLayout(choice, frame, layouts);
  const { direction } = chosen;
  const layout = (measuring ? undefined : chosen.layout) ?? NO_LAYOUT;
  const pending = chosen.layout === undefined;
  const directionRef = useRef(direction);
  const svgRef = useRef<SVGSVGElement>(null);
  const sceneRef = useRef<SVGGElement>(null);
  const behaviorRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const layoutRef = useRef(layout);
  const onViewChangeRef = useRef(props.onViewChange);
  const lastReportRef = useRef('');
  const userMovedRef = useRef(false);
  // Where the view settled last (set when a pan or zoom ends), for the layout it was on.
  const [settled, setSettled] = useState<{ layout: GraphLayout; t: ViewTransform; size: Size } | null>(null);
  // What is on screen: where the view settled, or, before that, where fitting will put it (known
  // here, so the first render already draws only what the fitted view needs). Unknown without a
  // measured frame (jsdom): then everything is drawn in detail.
  const fitted = hasArea(frame) ? { t: fitTo(layout, frame, direction), size: frame } : undefined;
  const shown = settled?.layout === layout && hasArea(settled.size) ? settled : fitted;
  const zoomedOut = shown !== undefined && shown.t.k < detailScale;
  // Details (a node's lines, an edge's label) are drawn only near the screen and only when readable:
  // 500 nodes and 1,000 edges of text that nobody can see cost most of a large graph's first paint.
  const region = shown && !zoomedOut ? detailRegion(shown.t, shown.size) : undefined;
  const detailed = (box: Box): boolean => !zoomedOut && (region === undefined || overlaps(region, box));
  const edgePaths = useMemo(() => edgesPaths(layout.edges), [layout.edges]);

  useEffect(() => {
    layoutRef.current = layout;
    directionRef.current = direction;
    onViewChangeRef.current = props.onViewChange;
  });

  // The SVG's size as its ResizeObserver last reported it (after a layout the browser did anyway);
  // measured only until then. Measuring on each zoom or fit, right after 500 new nodes were added,
  // forced a layout of all of them in the middle of the click (about 50 ms).
  const sizeRef = useRef<Size | null>(null);
  const viewportSize = useCallback((): Size => {
    if (sizeRef.current) return sizeRef.current;
    const rect = svgRef.current?.getBoundingClientRect();
    return { width: rect?.width ?? 0, height: rect?.height ?? 0 };
  }, []);

  const report = useCallback((): void => {
    const svg = svgRef.current;
    if (!svg) return;
    const t = zoomTransform(svg);
    const visible = visibleNodeIds(layoutRef.current, t, viewportSize());
    const detailed = t.k >= detailScale;
    const key = `${detailed ? 1 : 0}|${visible.join(',')}`;
    if (key === lastReportRef.current) return;
    lastReportRef.current = key;
    onViewChangeRef.current?.({ visible, detailed });
  }, [detailScale, viewportSize]);

  const fit = useCallback((): void => {
    const svg = svgRef.current;
    const behavior = behaviorRef.current;
    if (!svg || !behavior) return;
    const t = fitTo(layoutRef.current, viewportSize(), directionRef.current);
    behavior.transform(select(svg), zoomIdentity.translate(t.x, t.y).scale(t.k));
  }, [viewportSize]);

  useLayoutEffect(() => {
    if (!measuring) return;
    const size = viewportSize();
    if (!hasArea(size)) return;
    // Kept until the ResizeObserver reports: fitting the graph just drawn would otherwise measure
    // the frame again, forcing a layout of every node in the middle of the click (about 100 ms).
    sizeRef.current = size;
    // Measuring the DOM before the first paint is what a layout effect is for: this render draws
    // the graph once, in the right direction, before anything is shown.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFrame(size);
  }, [measuring, viewportSize]);

  // The zoom behaviour lives as long as the component; it writes the transform straight to the DOM.
  useEffect(() => {
    const svg = svgRef.current;
    const scene = sceneRef.current;
    if (!svg || !scene) return undefined;
    const behavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_SCALE, MAX_SCALE])
      .extent(() => {
        const size = viewportSize();
        return [
          [0, 0],
          [size.width, size.height],
        ];
      })
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        scene.setAttribute('transform', event.transform.toString());
        if (event.sourceEvent) userMovedRef.current = true;
        svg.classList.toggle('jg-zoomed-out', event.transform.k < detailScale);
      })
      .on('end', () => {
        const { k, x, y } = zoomTransform(svg);
        setSettled({ layout: layoutRef.current, t: { k, x, y }, size: viewportSize() });
        report();
      });
    const selection = select(svg);
    selection.call(behavior).on('dblclick.zoom', null);
    behaviorRef.current = behavior;
    const observer =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver((entries) => {
            const box = entries[0]?.borderBoxSize[0];
            if (box) sizeRef.current = { width: box.inlineSize, height: box.blockSize };
            const size = viewportSize();
            setFrame((old) =>
              Math.round(old.width) === Math.round(size.width) && Math.round(old.height) === Math.round(size.height)
                ? old
                : size,
            );
            if (userMovedRef.current) report();
            else fit();
          });
    observer?.observe(svg);
    return () => {
      observer?.disconnect();
      selection.on('.zoom', null);
      behaviorRef.current = null;
    };
  }, [detailScale, fit, report, viewportSize]);

  // Fit when the graph first appears and whenever its structure changes.
  useEffect(() => {
    layoutRef.current = layout;
    directionRef.current = direction;
    userMovedRef.current = false;
    lastReportRef.current = '';
    fit();
  }, [layout, direction, fit]);

  const fitAgain = (): void => {
    userMovedRef.current = false; // resizing the window fits again, as at first
    fit();
  };

  const zoomBy = (factor: number): void => {
    const svg = svgRef.current;
    const behavior = behaviorRef.current;
    if (!svg || !behavior) return;
    userMovedRef.current = true;
    behavior.scaleBy(select(svg), factor);
  };

  /** Keyboard focus on a node off screen pans it into view (a mouse click never pans). */
  const reveal = useCallback(
    (node: PlacedNode): void => {
      const svg = svgRef.current;
      const behavior = behaviorRef.current;
      if (!svg || !behavior) return;
      const t = zoomTransform(svg);
      const size = viewportSize();
      const left = node.x * t.k + t.x;
      const top = node.y * t.k + t.y;
      const inside =
        left >= 0 && top >= 0 && left + node.width * t.k <= size.width && top + node.height * t.k <= size.height;
      if (inside) return;
      userMovedRef.current = true;
      behavior.translateTo(select(svg), node.x + node.width / 2, node.y + node.height / 2);
    },
    [viewportSize],
  );

  return (
    <div className="jg">
      <div className="jg-toolbar">
        <div className="jg-controls">
          <button type="button" onClick={fitAgain}>
            Fit to screen
          </button>
          <button type="button" onClick={() => zoomBy(1.4)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={() => zoomBy(1 / 1.4)} aria-label="Zoom out">
            −
          </button>
          {onDirectionChange && (
            <div role="group" aria-label="Graph direction" className="jg-direction">
              {GRAPH_DIRECTIONS.map((d) => (
                <button
                  key={d}
                  type="button"
                  aria-pressed={choice === d}
                  onClick={() => onDirectionChange(d)}
                  title={d === 'auto' ? `Auto: ${DIRECTION_LABELS[direction].toLowerCase()} here` : undefined}
                >
                  {DIRECTION_LABELS[d]}
                </button>
              ))}
            </div>
          )}
          {zoomedOut && <span className="jg-hint">Zoom in to read details and watermarks</span>}
        </div>
        {legend && legend.length > 0 && (
          <ul className="jg-legend" aria-label="Legend">
            {legend.map((entry) => (
              <li key={entry.tone}>
                <svg className={`jg-swatch jg-tone-${entry.tone}`} width="14" height="14" aria-hidden="true">
                  <rect className="jg-node-box" x="1" y="1" width="12" height="12" rx="3" />
                </svg>
                {entry.label}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="jg-frame">
        {pending && (
          <p className="jg-pending" role="status">
            Laying out {structure.nodes.length} vertices…
          </p>
        )}
        <svg ref={svgRef} className="jg-svg" role="group" aria-label={label} data-direction={direction}>
          <g ref={sceneRef}>
            <g className="jg-edges">
              {/* All edges share one style: two paths (lines, arrowheads) instead of an element per edge. */}
              <path className="jg-edge-lines" d={edgePaths.lines} />
              <path className="jg-arrow" d={edgePaths.arrows} />
              {layout.edges.map((edge) =>
                edge.label && detailed({ ...edge.labelAt, width: 0, height: 0 }) ? (
                  <text
                    key={edge.id}
                    className="jg-edge-label"
                    x={edge.labelAt.x}
                    y={edge.labelAt.y - 5}
                    textAnchor="middle"
                  >
                    {edge.label}
                  </text>
                ) : null,
              )}
            </g>
            <g className="jg-nodes">
              {layout.nodes.map((placed) => {
                const view = nodes.get(placed.id);
                return view ? (
                  <GraphNode
                    key={placed.id}
                    placed={placed}
                    view={view}
                    details={detailed(placed)}
                    onOpen={onOpenNode}
                    onReveal={reveal}
                    onHover={onHoverNode}
                  />
                ) : null;
              })}
            </g>
          </g>
        </svg>
      </div>
    </div>
  );
});

/** The fitted view ("Fit to screen"), anchored on the first source. */
function fitTo(layout: GraphLayout, size: Size, direction: FlowDirection): ViewTransform {
  return readableFit(layout, size, direction, layout.nodes[0]);
}

function hasArea(size: Size): boolean {
  return size.width > 0 && size.height > 0;
}

/** Every edge's line in one path's data, and every arrowhead in another's. */
function edgesPaths(edges: readonly PlacedEdge[]): { lines: string; arrows: string } {
  return {
    lines: edges.map((edge) => roundedPath(edge.points)).join(' '),
    arrows: edges.map((edge) => arrowHead(edge.points)).join(' '),
  };
}

interface GraphNodeProps {
  placed: PlacedNode;
  view: GraphNodeView;
  /** Whether its detail lines are drawn (near the screen, zoomed in enough to read them). */
  details: boolean;
  onOpen: (id: string) => void;
  onReveal: (node: PlacedNode) => void;
  onHover: ((id: string | undefined) => void) | undefined;
}

const GraphNode = memo(
  function GraphNode({ placed, view, details, onOpen, onReveal, onHover }: GraphNodeProps): ReactNode {
    const onClick = (event: MouseEvent<Element>): void => {
      // Let the browser open new tabs and windows itself.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      onOpen(view.id);
    };
    // Drawn at absolute positions: no group or transform per node (fewer elements to style and lay out).
    const { x, y } = placed;
    return (
      <a
        href={view.href}
        className={`jg-node jg-tone-${view.tone}${view.selected ? ' jg-selected' : ''}`}
        aria-label={view.ariaLabel}
        aria-current={view.selected ? 'true' : undefined}
        data-vertex-id={view.id}
        onClick={onClick}
        onMouseEnter={() => onHover?.(view.id)}
        onMouseLeave={() => onHover?.(undefined)}
        onFocus={(event) => {
          onHover?.(view.id);
          if (isKeyboardFocus(event.currentTarget)) onReveal(placed);
        }}
        onBlur={() => onHover?.(undefined)}
      >
        <title>{view.title}</title>
        <rect className="jg-node-box" x={x} y={y} width={placed.width} height={placed.height} rx="6" />
        <rect className="jg-node-bar" x={x} y={y} width="5" height={placed.height} rx="2" />
        <text className="jg-node-name" x={x + 14} y={y + 21}>
          {truncate(view.title, NAME_CHARS)}
        </text>
        {details && (
          <g className="jg-node-details">
            {view.lines.map((line, i) => (
              <text key={i} className="jg-node-line" x={x + 14} y={y + 21 + (i + 1) * LINE_HEIGHT + 2}>
                {line}
              </text>
            ))}
          </g>
        )}
      </a>
    );
  },
  (a, b) =>
    a.placed === b.placed &&
    a.details === b.details &&
    a.onOpen === b.onOpen &&
    a.onReveal === b.onReveal &&
    a.onHover === b.onHover &&
    a.view.selected === b.view.selected &&
    a.view.id === b.view.id &&
    a.view.title === b.view.title &&
    a.view.tone === b.view.tone &&
    a.view.href === b.view.href &&
    a.view.ariaLabel === b.view.ariaLabel &&
    a.view.lines.length === b.view.lines.length &&
    a.view.lines.every((line, i) => line === b.view.lines[i]),
);

/** Whether the frame's size can be known: not without ResizeObserver (jsdom), where nothing is laid out. */
function canMeasure(): boolean {
  return typeof ResizeObserver !== 'undefined';
}

/** Focus that shows a focus ring: from the keyboard, not from a mouse click. */
function isKeyboardFocus(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true; // an engine without :focus-visible
  }
}
