import type { ConfigEntry } from '../../api/schemas';
import type { GarbageCollector, MemoryPart, MemoryUsageRow } from '../../components/MemoryPanel';

// The job manager's memory, as its Metrics tab shows it: the memory model from its effective
// configuration (`/jobmanager/config`: Flink writes the derived `jobmanager.memory.*` sizes there)
// and the JVM's pools from its metrics (`/jobmanager/metrics?get=...`; the same ids on 1.20 and 2.x).

const M = 'Status.JVM.Memory';

/** The metric ids of the JVM memory pools, read in the tab's one metrics request. */
export const JOB_MANAGER_MEMORY_METRICS: readonly string[] = [
  `${M}.Heap.Used`,
  `${M}.Heap.Committed`,
  `${M}.Heap.Max`,
  `${M}.NonHeap.Used`,
  `${M}.NonHeap.Committed`,
  `${M}.NonHeap.Max`,
  `${M}.Metaspace.Used`,
  `${M}.Metaspace.Committed`,
  `${M}.Metaspace.Max`,
  `${M}.Direct.MemoryUsed`,
  `${M}.Direct.TotalCapacity`,
  `${M}.Direct.Count`,
  `${M}.Mapped.MemoryUsed`,
  `${M}.Mapped.TotalCapacity`,
  `${M}.Mapped.Count`,
];

const gc = (name: string, what: 'Count' | 'Time') => `Status.JVM.GarbageCollector.${name}.${what}`;

/** The metric ids of some garbage collectors' collections and time. */
export function garbageCollectorMetrics(names: readonly string[]): string[] {
  return names.flatMap((name) => [gc(name, 'Count'), gc(name, 'Time')]);
}

type Values = Readonly<Record<string, number | null>>;

/** A size or count from the metrics; Flink's -1 (undefined max) and a missing metric are null. */
function read(values: Values, id: string): number | null {
  const value = values[id];
  return value === undefined || value === null || value < 0 ? null : value;
}

/** The JVM's pools now: heap, non-heap, metaspace (part of non-heap), direct and mapped buffers. */
export function jobManagerMemoryRows(values: Values): MemoryUsageRow[] {
  const pool = (id: string, label: string, name: string): MemoryUsageRow => ({
    id,
    label,
    used: read(values, `${M}.${name}.Used`),
    committed: read(values, `${M}.${name}.Committed`),
    max: read(values, `${M}.${name}.Max`),
    unit: 'bytes',
  });
  const buffers = (id: string, label: string, name: string): MemoryUsageRow => ({
    id,
    label,
    used: read(values, `${M}.${name}.MemoryUsed`),
    committed: null,
    max: read(values, `${M}.${name}.TotalCapacity`),
    count: read(values, `${M}.${name}.Count`),
    unit: 'bytes',
  });
  return [
    pool('heap', 'Heap', 'Heap'),
    pool('nonHeap', 'Non-heap', 'NonHeap'),
    pool('metaspace', 'Metaspace (in non-heap)', 'Metaspace'),
    buffers('direct', 'Direct buffers', 'Direct'),
    buffers('mapped', 'Mapped buffers', 'Mapped'),
  ];
}

/** Collections and time of each collector (the JVM names them). */
export function jobManagerGarbageCollectors(values: Values, names: readonly string[]): GarbageCollector[] {
  return names.map((name) => ({ name, count: read(values, gc(name, 'Count')), time: read(values, gc(name, 'Time')) }));
}

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  bytes: 1,
  k: 2 ** 10,
  kb: 2 ** 10,
  kibibytes: 2 ** 10,
  m: 2 ** 20,
  mb: 2 ** 20,
  mebibytes: 2 ** 20,
  g: 2 ** 30,
  gb: 2 ** 30,
  gibibytes: 2 ** 30,
  t: 2 ** 40,
  tb: 2 ** 40,
  tebibytes: 2 ** 40,
};

/** A Flink memory size (`469762048b`, `1024m`, `1 gb`; units are powers of 1024) in bytes, or null. */
export function parseMemorySize(text: string | undefined): number | null {
  const match = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(text ?? '');
  if (!match) return null;
  const unit = UNITS[(match[2] ?? '').toLowerCase()];
  return unit === undefined ? null : Number(match[1]) * unit;
}

export interface JobManagerMemoryModel {
  readonly parts: MemoryPart[];
  /** `jobmanager.memory.process.size`, when configured. */
  readonly processSize: number | null;
  /** `jobmanager.memory.flink.size`, when configured. */
  readonly flinkSize: number | null;
  /** The JVM overhead's range when it is not one size (then it is left out of the parts). */
  readonly overheadRange: { readonly min: number | null; readonly max: number | null } | null;
}

/**
 * The job manager's memory model: JVM heap, off-heap, JVM metaspace and JVM overhead (as Flink's
 * own dashboard shows it), from the effective configuration; parts Flink does not name are left out.
 */
export function jobManagerMemoryModel(config: readonly ConfigEntry[]): JobManagerMemoryModel {
  const entries = new Map(config.map((e) => [e.key, e.value]));
  const size = (key: string) => parseMemorySize(entries.get(`jobmanager.memory.${key}`));
  const overheadMin = size('jvm-overhead.min');
  const overheadMax = size('jvm-overhead.max');
  const overhead = overheadMin !== null && overheadMin === overheadMax ? overheadMin : null;
  const parts: { id: string; label: string; bytes: number | null; area: MemoryPart['area'] }[] = [
    { id: 'heap', label: 'JVM heap', bytes: size('heap.size'), area: 'heap' },
    { id: 'offHeap', label: 'Off-heap', bytes: size('off-heap.size'), area: 'off-heap' },
    { id: 'metaspace', label: 'JVM metaspace', bytes: size('jvm-metaspace.size'), area: 'jvm' },
    { id: 'overhead', label: 'JVM overhead', bytes: overhead, area: 'jvm' },
  ];
  return {
    parts: parts.flatMap((p) => (p.bytes === null ? [] : [{ ...p, bytes: p.bytes }])),
    processSize: size('process.size'),
    flinkSize: size('flink.size'),
    overheadRange:
      overhead === null && (overheadMin !== null || overheadMax !== null)
        ? { min: overheadMin, max: overheadMax }
        : null,
  };
}
