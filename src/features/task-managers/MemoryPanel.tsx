import type { ReactNode } from 'react';
import type { TaskManagerDetails } from '../../api/taskmanagers';
import { DataTable, type Column } from '../../components/DataTable';
import { formatBytes, formatCount, formatDuration } from '../../lib/format';
import { memoryModel, networkSegments, type MemoryPart } from './task-managers';

const AREA_LABEL: Record<MemoryPart['area'], string> = { heap: 'JVM heap', 'off-heap': 'off-heap', jvm: 'JVM' };

/** Flink's memory model of the task manager (configured sizes), as a bar and a table. */
export function MemoryModel({ config }: { config: TaskManagerDetails['memoryConfiguration'] }): ReactNode {
  const parts = memoryModel(config);
  const total = config.totalProcessMemory > 0 ? config.totalProcessMemory : parts.reduce((n, p) => n + p.bytes, 0);
  const columns: Column<MemoryPart>[] = [
    {
      id: 'part',
      header: 'Component',
      rowHeader: true,
      sortValue: (p) => p.label,
      filterText: (p) => `${p.label} ${AREA_LABEL[p.area]}`,
      cell: (p) => (
        <>
          <span className={`memory-swatch memory-area-${p.area}`} aria-hidden="true" />
          {p.label}
        </>
      ),
    },
    { id: 'area', header: 'Area', sortValue: (p) => AREA_LABEL[p.area], filterText: (p) => AREA_LABEL[p.area], cell: (p) => AREA_LABEL[p.area] },
    { id: 'size', header: 'Configured', sortValue: (p) => p.bytes, cell: (p) => formatBytes(p.bytes) },
    { id: 'share', header: 'Share of process', sortValue: (p) => p.bytes, cell: (p) => (total > 0 ? `${((p.bytes / total) * 100).toFixed(1)}%` : '–') },
  ];
  return (
    <div>
      <div className="memory-bar" role="img" aria-label={`Memory model: ${formatBytes(total)} in total`}>
        {parts
          .filter((p) => p.bytes > 0)
          .map((p) => (
            <span
              key={p.id}
              className={`memory-bar-part memory-area-${p.area}`}
              style={{ flexGrow: p.bytes, flexBasis: 0 }}
              title={`${p.label}: ${formatBytes(p.bytes)}`}
            />
          ))}
      </div>
      <DataTable caption="Memory model" columns={columns} rows={parts} rowKey={(p) => p.id} filterable captionHidden />
      <p className="stat-sub">
        Total Flink memory {formatBytes(config.totalFlinkMemory)}, total process memory {formatBytes(config.totalProcessMemory)}.
      </p>
    </div>
  );
}

interface UsageRow {
  id: string;
  label: string;
  used: number | null;
  committed: number | null;
  max: number | null;
  count?: number | null;
  unit: 'bytes' | 'segments';
}

/** The JVM's memory as the task manager last reported it (heap, non-heap, direct, mapped, network). */
export function JvmMemoryTable({ metrics }: { metrics: TaskManagerDetails['metrics'] }): ReactNode {
  const segments = networkSegments(metrics);
  const rows: UsageRow[] = [
    { id: 'heap', label: 'Heap', used: metrics.heapUsed, committed: metrics.heapCommitted, max: metrics.heapMax, unit: 'bytes' },
    { id: 'nonHeap', label: 'Non-heap', used: metrics.nonHeapUsed, committed: metrics.nonHeapCommitted, max: metrics.nonHeapMax, unit: 'bytes' },
    { id: 'direct', label: 'Direct buffers', used: metrics.directUsed, committed: null, max: metrics.directMax, count: metrics.directCount, unit: 'bytes' },
    { id: 'mapped', label: 'Mapped buffers', used: metrics.mappedUsed, committed: null, max: metrics.mappedMax, count: metrics.mappedCount, unit: 'bytes' },
    { id: 'network', label: 'Network buffers (segments)', used: segments.used, committed: null, max: segments.total, unit: 'segments' },
  ];
  if (metrics.nettyShuffleMemoryTotal !== undefined) {
    rows.push({ id: 'networkBytes', label: 'Network memory', used: metrics.nettyShuffleMemoryUsed ?? null, committed: null, max: metrics.nettyShuffleMemoryTotal, unit: 'bytes' });
  }
  const show = (row: UsageRow, value: number | null | undefined) => (row.unit === 'bytes' ? formatBytes(value) : formatCount(value));
  const columns: Column<UsageRow>[] = [
    { id: 'kind', header: 'Memory', rowHeader: true, sortValue: (r) => r.label, filterText: (r) => r.label, cell: (r) => r.label },
    { id: 'used', header: 'Used', sortValue: (r) => r.used, cell: (r) => show(r, r.used) },
    { id: 'committed', header: 'Committed', sortValue: (r) => r.committed, cell: (r) => show(r, r.committed) },
    { id: 'max', header: 'Max / total', sortValue: (r) => r.max, cell: (r) => show(r, r.max) },
    {
      id: 'ratio',
      header: 'Used of max',
      sortValue: (r) => (r.used !== null && r.max !== null && r.max > 0 ? r.used / r.max : null),
      cell: (r) => (r.used !== null && r.max !== null && r.max > 0 ? `${Math.round((r.used / r.max) * 100)}%` : '–'),
    },
    { id: 'count', header: 'Buffers', sortValue: (r) => r.count, cell: (r) => formatCount(r.count) },
  ];
  return <DataTable caption="JVM memory" columns={columns} rows={rows} rowKey={(r) => r.id} filterable captionHidden />;
}

type Collector = TaskManagerDetails['metrics']['garbageCollectors'][number];

/** Garbage collectors: collections and time since the JVM started. */
export function GarbageCollectorsTable({ collectors }: { collectors: readonly Collector[] }): ReactNode {
  const columns: Column<Collector>[] = [
    { id: 'name', header: 'Collector', rowHeader: true, sortValue: (c) => c.name, filterText: (c) => c.name, cell: (c) => c.name },
    { id: 'count', header: 'Collections', sortValue: (c) => c.count, cell: (c) => formatCount(c.count) },
    { id: 'time', header: 'Total time', sortValue: (c) => c.time, cell: (c) => formatDuration(c.time) },
  ];
  return (
    <DataTable caption="Garbage collectors" columns={columns} rows={collectors} rowKey={(c) => c.name} filterable captionHidden empty="No collector reported." />
  );
}
