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
        if (disposed || !element.current) return;
        instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
        const created = instance;
        observer = new ResizeObserver(() => created.resize());
        observer.observe(element.current);
        setChart(created);
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

  // Apply the option whenever it changes, and once the chart exists.
  useEffect(() => {
    chart?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [chart, option]);

  if (failed) return <p className="panel-error">The chart could not load: {failed}</p>;
  return <div ref={element} className={`chart ${className ?? ''}`} style={{ height }} role="img" aria-label={label} />;
}
