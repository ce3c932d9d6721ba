import { seriesPoints, type HistorySample } from '../../lib/history-store';
import { ratePoints } from './history';
import type { TimeSeries } from '../time-series/time-series-option';
import type { ValueUnit } from '../time-series/value-format';

// Which of Flink's JVM metrics the job manager and task manager pages chart, and how. The metric
// ids are the same in 1.20 and 2.x; garbage collectors are named by the JVM (Copy,
// MarkSweepCompact, G1 Young Generation ...), so they are read from the list of available ids.

export interface SeriesSpec {
  /** Flink's metric id. */
  readonly metric: string;
  readonly label: string;
  /** The metric is a cumulative counter: chart its rate per second. */
  readonly rate?: boolean;
}

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly unit: ValueUnit;
  readonly fromZero: boolean;
  readonly series: readonly SeriesSpec[];
}

const M = 'Status.JVM.Memory';
const GC = /^Status\.JVM\.GarbageCollector\.(.+)\.Time$/;

export const HEAP_CHART: ChartSpec = {
  id: 'heap',
  title: 'Heap memory',
  unit: 'bytes',
  fromZero: true,
  series: [
    { metric: `${M}.Heap.Used`, label: 'used' },
    { metric: `${M}.Heap.Committed`, label: 'committed' },
    { metric: `${M}.Heap.Max`, label: 'max' },
  ],
};

export const NON_HEAP_CHART: ChartSpec = {
  id: 'non-heap',
  title: 'Non-heap memory',
  unit: 'bytes',
  fromZero: true,
  series: [
    { metric: `${M}.NonHeap.Used`, label: 'used' },
    { metric: `${M}.NonHeap.Committed`, label: 'committed' },
    { metric: `${M}.Metaspace.Used`, label: 'metaspace used' },
  ],
};

export const THREADS_CHART: ChartSpec = {
  id: 'threads',
  title: 'Threads',
  unit: 'count',
  fromZero: true,
  series: [{ metric: 'Status.JVM.Threads.Count', label: 'threads' }],
};

export const NETWORK_CHART: ChartSpec = {
  id: 'network',
  title: 'Network buffers (memory segments)',
  unit: 'count',
  fromZero: true,
  series: [
    { metric: 'Status.Shuffle.Netty.UsedMemorySegments', label: 'used' },
    { metric: 'Status.Shuffle.Netty.TotalMemorySegments', label: 'total' },
  ],
};

/** The garbage collectors named in a list of metric ids; `All` (2.x) only when it is the only one. */
export function garbageCollectors(metricIds: readonly string[]): string[] {
  const names = new Set<string>();
  for (const id of metricIds) {
    const name = GC.exec(id)?.[1];
    if (name) names.add(name);
  }
  const specific = [...names].filter((n) => n !== 'All').sort();
  return specific.length > 0 ? specific : [...names];
}

/** Time spent collecting garbage, per second of wall time, per collector. */
export function gcChart(metricIds: readonly string[]): ChartSpec {
  return {
    id: 'gc',
    title: 'Garbage collection time',
    unit: 'ms-per-s',
    fromZero: true,
    series: garbageCollectors(metricIds).map((name) => ({
      metric: `Status.JVM.GarbageCollector.${name}.Time`,
      label: name,
      rate: true,
    })),
  };
}

/** The charts of a task manager's detail page. */
export function taskManagerCharts(metricIds: readonly string[]): ChartSpec[] {
  return [HEAP_CHART, NON_HEAP_CHART, gcChart(metricIds), NETWORK_CHART];
}

/** The charts of the job manager page. */
export function jobManagerCharts(metricIds: readonly string[]): ChartSpec[] {
  return [HEAP_CHART, NON_HEAP_CHART, THREADS_CHART, gcChart(metricIds)];
}

/** The metric ids to `get` for some charts, without duplicates, in a stable order. */
export function chartMetricIds(specs: readonly ChartSpec[]): string[] {
  return [...new Set(specs.flatMap((s) => s.series.map((x) => x.metric)))].sort();
}

/** The lines of one chart from recorded samples (counters turned into rates). */
export function chartSeries(spec: ChartSpec, samples: readonly HistorySample[]): TimeSeries[] {
  return spec.series.map((s) => {
    const points = seriesPoints(samples, s.metric);
    return { name: s.label, points: s.rate ? ratePoints(points) : points };
  });
}
