import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

import type * as EChartsSetup from './echarts-setup';

type EChartsModule = typeof EChartsSetup;
type ChartInstance = ReturnType<EChartsModule['echarts']['init']>;

let loading: Promise<EChartsModule> | undefined;
/** ECharts arrives in its own chunk, once, the first time a chart is on screen. */
function loadECharts(): Promise<EChartsModule> {
  loading ??= import('./echarts-setup');
  return loading;
}

/**
 * Starts downloading the chart library now (a view that will draw charts once its data arrives
 * calls this when it mounts, so the chunk and the data load in parallel, not one after the other).
 */
export function preloadECharts(): void {
  loadECharts().catch(() => undefined); // EChart reports a failed load when it draws
}

/** A dataZoom's window, in percent of the axis. */
interface ZoomWindow {
  readonly start: number;
  readonly end: number;
}

/** The windows of an instance's dataZooms, in their order (`getOption()` lists each as an object). */
function zoomWindows(option: unknown): ZoomWindow[] {
  const zooms = typeof option === 'object' && option !== null ? (option as { dataZoom?: unknown }).dataZoom : undefined;
  if (!Array.isArray(zooms)) return [];
  return zooms.map((zoom: unknown) => {
    const { start, end } = (typeof zoom === 'object' && zoom !== null ? zoom : {}) as {
      start?: unknown;
      end?: unknown;
    };
    return { start: typeof start === 'number' ? start : 0, end: typeof end === 'number' ? end : 100 };
  });
}

interface EChartProps {
  option: EChartsCoreOption;
  /** Accessible description of what the chart shows. */
  label: string;
  height?: number;
  className?: string;
  /** Called with the series index and data index of a clicked point. */
  onPointClick?: (seriesIndex: number, dataIndex: number) => void;
}

/**
 * Draws an ECharts option on a canvas. The option comes from a pure builder (see the *-options
 * modules here); the instance is created once, updated in place, resized with its box, and
 * disposed on unmount so rotating views never leak chart instances.
 */
export function EChart({ option, label, height = 260, className, onPointClick }: EChartProps): ReactNode {
  const element = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ChartInstance | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    let instance: ChartInstance | undefined;
    loadECharts()
      .then(({ echarts }) => {
        const el = element.current;
        if (disposed || !el) return;
        // Created, and resized, with the size the ResizeObserver reports after the browser's own
        // layout: left to measure its box itself, ECharts reads getComputedStyle at once, which
        // forces a layout of the page it is being added to (tens of ms on a big view, per chart).
        observer = new ResizeObserver((entries) => {
          const box = entries[0]?.contentRect;
          if (disposed || !box || box.width <= 0 || box.height <= 0) return;
          const size = { width: box.width, height: box.height };
          if (instance) {
            instance.resize(size);
            return;
          }
          instance = echarts.init(el, undefined, { renderer: 'canvas', ...size });
          setChart(instance);
        });
        observer.observe(el);
      })
      .catch((err: unknown) => setFailed(err instanceof Error ? err.message : String(err)));
    return () => {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
      setChart(null);
    };
  }, []);

  useEffect(() => {
    if (!chart || !onPointClick) return undefined;
    const handler = (params: { seriesIndex?: number; dataIndex?: number }): void => {
      if (params.seriesIndex !== undefined && params.dataIndex !== undefined)
        onPointClick(params.seriesIndex, params.dataIndex);
    };
    chart.on('click', handler);
    return () => {
      chart.off('click', handler);
    };
  }, [chart, onPointClick]);

  // Apply the option whenever it changes, and once the chart exists. Synchronously: with
  // `lazyUpdate` a pointer event between setOption and the deferred render (a user hovering a chart
  // while a refresh lands) finds series whose data is not processed yet, and ECharts throws
  // "Cannot read properties of undefined (reading 'getRawIndex')" from its tooltip.
  // A zoom the user chose (wheel, slider) outlives data updates: a refresh replaces the whole option
  // (`notMerge`), which would otherwise put the window back where the option opens it.
  const userZoom = useRef<readonly ZoomWindow[] | null>(null);
  useEffect(() => {
    if (!chart) return undefined;
    userZoom.current = null;
    const record = (): void => {
      userZoom.current = zoomWindows(chart.getOption());
    };
    chart.on('datazoom', record);
    return () => {
      chart.off('datazoom', record);
    };
  }, [chart]);

  useEffect(() => {
    if (!chart) return;
    chart.setOption(option, { notMerge: true });
    userZoom.current?.forEach(({ start, end }, dataZoomIndex) =>
      chart.dispatchAction({ type: 'dataZoom', dataZoomIndex, start, end }),
    );
  }, [chart, option]);

  if (failed) return <p className="panel-error">The chart could not load: {failed}</p>;
  return <div ref={element} className={`chart ${className ?? ''}`} style={{ height }} role="img" aria-label={label} />;
}
