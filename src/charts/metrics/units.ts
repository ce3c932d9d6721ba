import type { ValueUnit } from '../time-series/value-format';

// Flink's metrics carry no unit; their names follow conventions that tell most of them apart.

/** A best guess of how a metric's values read, from its id (`Status.JVM.Memory.Heap.Used`). */
export function guessUnit(metricId: string): ValueUnit {
  const name = metricId.split('.').pop() ?? metricId;
  const path = metricId.toLowerCase();
  if (/watermark/i.test(name) || path.endsWith('.cpu.time')) return 'number'; // timestamps, nanoseconds
  if (/bytes?.*persecond$/i.test(name)) return 'bytes-per-s';
  if (/timemspersecond$/i.test(name)) return 'ms-per-s';
  if (/persecond$/i.test(name)) return 'per-s';
  if (/^(backPressuredTimeMsPerSecond|busyTimeMsPerSecond|idleTimeMsPerSecond)$/.test(name)) return 'ms-per-s';
  if (/(usage|ratio)$/i.test(name) || name === 'Load') return 'ratio';
  if (path.includes('.memory.') || /bytes|size$|memory|capacity$|memoryused$/i.test(name)) return 'bytes';
  if (/(time|duration|delay|lag|uptime|downtime)(ms)?$/i.test(name) && !/nanos$/i.test(name)) return 'ms';
  if (/^num|count$|^current|segments$|records/i.test(name)) return 'count';
  return 'number';
}
