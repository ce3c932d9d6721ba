import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { FlameNode } from './flame-data';
import type * as Setup from './flamegraph-setup';
import './flame-graph.css';

type SetupModule = typeof Setup;

let loading: Promise<SetupModule> | undefined;
/**
 * d3-flame-graph arrives in its own chunk, once, the first time a flame graph is shown. Exported
 * so the flame graph tab can start the download while it fetches the sample.
 */
export function loadFlameGraph(): Promise<SetupModule> {
  loading ??= import('./flamegraph-setup');
  return loading;
}

/** Starts downloading the flame graph library now (a page whose tabs include a flame graph, when idle). */
export function preloadFlameGraph(): void {
  loadFlameGraph().catch(() => undefined); // FlameGraphChart reports a failed load when it draws
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

interface FlameGraphChartProps {
  tree: FlameNode;
  /** The sample's time: the chart redraws only when it changes. */
  version: number;
  colors: Setup.FlameColors;
  /** Highlights frames containing this text. */
  search: string;
  /** Increment to zoom back out to the whole graph. */
  resetZoomToken: number;
  /** Accessible description. */
  label: string;
}

/**
 * A d3-flame-graph flame graph. Click a frame to zoom into it; hover for its share of samples.
 * Resizes with its box; the library is loaded on first use and torn down on unmount.
 */
export function FlameGraphChart({
  tree,
  version,
  colors,
  search,
  resetZoomToken,
  label,
}: FlameGraphChartProps): ReactNode {
  const element = useRef<HTMLDivElement>(null);
  const details = useRef<HTMLParagraphElement>(null);
  const [controller, setController] = useState<Setup.FlameGraphController | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    let created: Setup.FlameGraphController | undefined;
    let observer: ResizeObserver | undefined;
    loadFlameGraph()
      .then(({ createFlameGraph }) => {
        const el = element.current;
        if (disposed || !el) return;
        const c = createFlameGraph(el, {
          width: el.clientWidth,
          details: details.current,
          transitionMs: prefersReducedMotion() ? 0 : 300,
        });
        created = c;
        observer = new ResizeObserver((entries) => {
          const width = entries[0]?.contentRect.width;
          if (width !== undefined && width > 0) c.setWidth(width);
        });
        observer.observe(el);
        setController(c);
      })
      .catch((err: unknown) => setFailed(err instanceof Error ? err.message : String(err)));
    return () => {
      disposed = true;
      observer?.disconnect();
      created?.destroy();
      setController(null);
    };
  }, []);

  useEffect(() => {
    controller?.show(tree, version, colors);
  }, [controller, tree, version, colors]);

  useEffect(() => {
    controller?.search(search);
  }, [controller, search]);

  useEffect(() => {
    if (resetZoomToken > 0) controller?.resetZoom();
  }, [controller, resetZoomToken]);

  if (failed) return <p className="panel-error">The flame graph could not load: {failed}</p>;
  return (
    <figure className="flame-graph-figure">
      <div ref={element} className="flame-graph" role="group" aria-label={label} aria-busy={controller === null} />
      <figcaption>
        <p ref={details} className="flame-graph-details" aria-live="off" />
      </figcaption>
    </figure>
  );
}
