import { describe, expect, it } from 'vitest';
// Recorded from the sandbox: GET /taskmanagers/:id/metrics?get=... and GET /jobmanager/metrics.
import jmList from './fixtures/jobmanager-metrics-list.json';
import tmMetrics from './fixtures/taskmanager-metrics-get.json';
import { createHistoryStore, seriesPoints } from '../../lib/history-store';
import { parseMetricValue, ratePoints, sampleFromMetricValues } from './history';
import {
  chartMetricIds,
  chartSeries,
  garbageCollectors,
  HEAP_CHART,
  gcChart,
  jobManagerCharts,
  taskManagerCharts,
} from './jvm-charts';
import { guessUnit } from './units';

describe('guessUnit', () => {
  it('guesses units from Flink metric names', () => {
    expect(guessUnit('Status.JVM.Memory.Heap.Used')).toBe('bytes');
    expect(guessUnit('numBytesOutPerSecond')).toBe('bytes-per-s');
    expect(guessUnit('0.numRecordsInPerSecond')).toBe('per-s');
    expect(guessUnit('busyTimeMsPerSecond')).toBe('ms-per-s');
    expect(guessUnit('Status.JVM.CPU.Load')).toBe('ratio');
    expect(guessUnit('lastCheckpointDuration')).toBe('ms');
    expect(guessUnit('numRestarts')).toBe('count');
    expect(guessUnit('Status.JVM.Threads.Count')).toBe('count');
    expect(guessUnit('currentInputWatermark')).toBe('number');
    expect(guessUnit('Status.JVM.CPU.Time')).toBe('number');
  });
});

describe('JVM charts', () => {
  const ids = jmList.map((m) => m.id);

  it('name the garbage collectors from the recorded list of metric ids', () => {
    expect(garbageCollectors(ids)).toEqual(['Copy', 'MarkSweepCompact']);
    expect(garbageCollectors(['Status.JVM.GarbageCollector.All.Time'])).toEqual(['All']);
    expect(gcChart([]).series).toEqual([]);
    expect(jobManagerCharts(ids).map((c) => c.id)).toEqual(['heap', 'non-heap', 'threads', 'gc']);
    expect(taskManagerCharts(ids).map((c) => c.id)).toEqual(['heap', 'non-heap', 'gc', 'network']);
    expect(chartMetricIds(taskManagerCharts(ids))).toContain('Status.Shuffle.Netty.UsedMemorySegments');
    expect(chartMetricIds(jobManagerCharts(ids))).toContain('Status.JVM.GarbageCollector.Copy.Time');
  });

  it('turn recorded samples into lines, counters into rates', () => {
    const store = createHistoryStore({ maxSamples: 10, maxKeys: 2 });
    const first = sampleFromMetricValues(tmMetrics);
    store.record('tm', 1000, first);
    const time = 'Status.JVM.GarbageCollector.All.Time';
    store.record('tm', 3000, { ...first, [time]: (first[time] ?? 0) + 40 });
    const [heap] = chartSeries(HEAP_CHART, store.get('tm'));
    expect(heap?.name).toBe('used');
    expect(heap?.points[0]).toEqual([
      1000,
      Number(tmMetrics.find((m) => m.id === 'Status.JVM.Memory.Heap.Used')?.value),
    ]);
    const gc = chartSeries(gcChart(['Status.JVM.GarbageCollector.All.Time']), store.get('tm'));
    expect(gc[0]?.points).toEqual([[3000, 20]]); // 40 ms over 2 s
  });
});

describe('the metric history', () => {
  it('keeps samples in order, ignores repeats, and is bounded in samples and keys', () => {
    const store = createHistoryStore({ maxSamples: 3, maxKeys: 2 });
    let notified = 0;
    store.subscribe(() => notified++);
    for (const t of [1, 2, 2, 1, 3, 4]) store.record('a', t, { v: t });
    expect(store.get('a').map((s) => s.t)).toEqual([2, 3, 4]);
    expect(notified).toBe(4);
    store.record('b', 1, { v: 1 });
    store.record('c', 1, { v: 1 });
    expect(store.keys()).toEqual(['b', 'c']);
    expect(store.get('a')).toEqual([]);
    expect(seriesPoints(store.get('b'), 'v')).toEqual([[1, 1]]);
    expect(seriesPoints(store.get('b'), 'missing')).toEqual([]);
  });

  it('reads Flink values and counters safely', () => {
    expect(parseMetricValue('42')).toBe(42);
    expect(parseMetricValue('1.5E9')).toBe(1.5e9);
    expect(parseMetricValue('file:///tmp/x')).toBeNull();
    expect(parseMetricValue('')).toBeNull();
    expect(parseMetricValue(undefined)).toBeNull();
    // A counter that goes down (restart) or a gap gives a gap, not a negative rate.
    expect(
      ratePoints([
        [0, 10],
        [1000, 20],
        [2000, 5],
        [3000, null],
        [4000, 7],
      ]),
    ).toEqual([
      [1000, 10],
      [2000, null],
      [3000, null],
      [4000, null],
    ]);
  });
});
