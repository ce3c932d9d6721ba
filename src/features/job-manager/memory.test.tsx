import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sampleFromMetricValues } from '../../charts/metrics/history';
import { renderWithApi } from '../../components/testing/render-with-api';
import { formatBytes } from '../../lib/format';
import config from './fixtures/jobmanager-config.json';
import metrics120 from './fixtures/jobmanager-memory-metrics-1.20.5.json';
import metrics23 from './fixtures/jobmanager-memory-metrics-2.3.0.json';
import { JobManagerMetricsTab } from './JobManagerMetricsTab';
import {
  garbageCollectorMetrics,
  JOB_MANAGER_MEMORY_METRICS,
  jobManagerGarbageCollectors,
  jobManagerMemoryModel,
  jobManagerMemoryRows,
  parseMemorySize,
} from './memory';

// Recorded from the sandbox: GET /jobmanager/config, and /jobmanager/metrics?get=<every
// Status.JVM.Memory.* and Status.JVM.GarbageCollector.* id> on 2.3.0 and 1.20.5.

describe("the job manager's memory", () => {
  it("reads Flink's memory sizes", () => {
    expect(parseMemorySize('469762048b')).toBe(469762048);
    expect(parseMemorySize('1024m')).toBe(2 ** 30);
    expect(parseMemorySize('1 gb')).toBe(2 ** 30);
    expect(parseMemorySize('64 MEBIBYTES')).toBe(64 * 2 ** 20);
    expect(parseMemorySize('12')).toBe(12);
    expect(parseMemorySize('1.5g')).toBeNull();
    expect(parseMemorySize('lots')).toBeNull();
    expect(parseMemorySize(undefined)).toBeNull();
  });

  it('builds the memory model from the effective configuration: its parts add up to the process size', () => {
    const model = jobManagerMemoryModel(config);
    expect(model.parts.map((p) => p.label)).toEqual(['JVM heap', 'Off-heap', 'JVM metaspace', 'JVM overhead']);
    expect(model.processSize).toBe(2 ** 30);
    expect(model.parts.reduce((n, p) => n + p.bytes, 0)).toBe(model.processSize);
    expect(model.overheadRange).toBeNull();
    // An overhead that is a range is said as one, not drawn as a part.
    const ranged = jobManagerMemoryModel([
      { key: 'jobmanager.memory.heap.size', value: '512m' },
      { key: 'jobmanager.memory.jvm-overhead.min', value: '192m' },
      { key: 'jobmanager.memory.jvm-overhead.max', value: '1g' },
    ]);
    expect(ranged.parts.map((p) => p.id)).toEqual(['heap']);
    expect(ranged.overheadRange).toEqual({ min: 192 * 2 ** 20, max: 2 ** 30 });
  });

  it('reads every pool with its limit on both lines; -1 and missing metrics are unknown', () => {
    for (const recorded of [metrics23, metrics120]) {
      const values = sampleFromMetricValues(recorded);
      for (const id of JOB_MANAGER_MEMORY_METRICS) expect(values[id], id).toBeTypeOf('number');
      const rows = jobManagerMemoryRows(values);
      expect(rows.map((r) => r.id)).toEqual(['heap', 'nonHeap', 'metaspace', 'direct', 'mapped']);
      const heap = rows[0];
      expect(heap?.used).toBe(values['Status.JVM.Memory.Heap.Used']);
      expect(heap?.max).toBe(values['Status.JVM.Memory.Heap.Max']);
      expect(rows[2]?.max).toBe(values['Status.JVM.Memory.Metaspace.Max']);
      expect(rows[3]?.count).toBe(values['Status.JVM.Memory.Direct.Count']);
      const gcs = jobManagerGarbageCollectors(values, ['Copy', 'MarkSweepCompact']);
      expect(gcs.map((g) => g.count)).toEqual([
        values['Status.JVM.GarbageCollector.Copy.Count'],
        values['Status.JVM.GarbageCollector.MarkSweepCompact.Count'],
      ]);
    }
    const unknown = jobManagerMemoryRows({ 'Status.JVM.Memory.Heap.Max': -1 });
    expect(unknown[0]).toMatchObject({ used: null, max: null });
    expect(garbageCollectorMetrics(['G1 Young Generation'])).toEqual([
      'Status.JVM.GarbageCollector.G1 Young Generation.Count',
      'Status.JVM.GarbageCollector.G1 Young Generation.Time',
    ]);
  });

  it('shows the model, the pools and the collectors from one metrics request per refresh', async () => {
    const { requests } = renderWithApi(<JobManagerMetricsTab />, {
      '/jobmanager/config': config,
      // The list of ids (no `get`) and the values (with `get`) share the path: both answered with
      // the recorded values (the list's decoder reads the ids).
      '/jobmanager/metrics': metrics23,
    });
    await screen.findByRole('table', { name: 'Memory model' });
    expect(screen.getByRole('rowheader', { name: 'JVM metaspace' })).toBeTruthy();
    const jvm = await screen.findByRole('table', { name: 'JVM memory' });
    const values = sampleFromMetricValues(metrics23);
    const metaspace = within(jvm).getByRole('row', { name: /^Metaspace \(in non-heap\)/ });
    expect(within(metaspace).getByText(formatBytes(values['Status.JVM.Memory.Metaspace.Used']))).toBeTruthy();
    expect(within(metaspace).getByText(formatBytes(values['Status.JVM.Memory.Metaspace.Max']))).toBeTruthy();
    const gcs = screen.getByRole('table', { name: 'Garbage collectors' });
    expect(within(gcs).getByRole('rowheader', { name: 'MarkSweepCompact' })).toBeTruthy();
    const get = requests.filter((r) => r.startsWith('/jobmanager/metrics?get='));
    expect(get).toHaveLength(1);
    const asked = decodeURIComponent(get[0]?.slice('/jobmanager/metrics?get='.length) ?? '').split(',');
    for (const id of JOB_MANAGER_MEMORY_METRICS) expect(asked).toContain(id);
    expect(asked).toContain('Status.JVM.Memory.Heap.Used');
    expect(asked).toContain('Status.JVM.GarbageCollector.Copy.Count');
    expect(screen.getByText(new RegExp(`total process memory ${formatBytes(2 ** 30)}`))).toBeTruthy();
    // Three tables and a lazy page's worth of rendering: slow in jsdom on a busy machine.
  }, 30_000);
});
