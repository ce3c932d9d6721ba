import type { ReactNode } from 'react';
import type { TaskManagerDetails } from '../../api/taskmanagers';
import { column, DataTable, type Column } from '../../components/DataTable';
import { formatBytes, formatCount, formatDuration } from '../../lib/format';
import { memoryModel, networkSegments, type MemoryPart } from './task-managers';

const AREA_LABEL: Record<MemoryPart['area'], string> = { heap: 'JVM heap', 'off-heap': 'off-heap', jvm: 'JVM' };

/** Flink's memory model of the task manager (configured sizes), as a bar and a table. */
export function MemoryModel({ config }: { config: TaskManagerDetails['memoryConfiguration'] }): ReactNode {
  const parts = memoryModel(config);
  const total = config.totalProcessMemory > 0 ? config.totalProcessMemory : parts.reduce((n, p) => n + p.bytes, 0);
  const columns: Column<MemoryPart>[] = [
    column('part', {
      header: 'Component',
      rowHeader: true,
      value: (p) => p.label,
      format: (label, p) => (
        <>
          <span className={`memory-swatch memory-area-${p.area}`} aria-hidden="true" />
          {label}
        </>
      ),
      search: true,
    }),
    column('area', { header: 'Area', value: (p) => AREA_LABEL[p.area], search: true }),
    column('size', { header: 'Configured', value: (p) => p.bytes, format: formatBytes }),
    column('share', {
      header: 'Share of process',
      value: (p) => p.bytes,
      format: (bytes) => (total > 0 ? `${((bytes / total) * 100).toFixed(1)}%` : '–'),
    }),
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
        Total Flink memory {formatBytes(config.totalFlinkMemory)}, total process memory{' '}
        {formatBytes(config.totalProcessMemory)}.
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
    {
      id: 'heap',
      label: 'Heap',
      used: metrics.heapUsed,
      committed: metrics.heapCommitted,
      max: metrics.heapMax,
      unit: 'bytes',
    },
    {
      id: 'nonHeap',
      label: 'Non-heap',
      used: metrics.nonHeapUsed,
      committed: metrics.nonHeapCommitted,
      max: metrics.nonHeapMax,
      unit: 'bytes',
    },
    {
      id: 'direct',
      label: 'Direct buffers',
      used: metrics.directUsed,
      committed: null,
      max: metrics.directMax,
      count: metrics.directCount,
      unit: 'bytes',
    },
    {
      id: 'mapped',
      label: 'Mapped buffers',
      used: metrics.mappedUsed,
      committed: null,
      max: metrics.mappedMax,
      count: metrics.mappedCount,
      unit: 'bytes',
    },
    {
      id: 'network',
      label: 'Network buffers (segments)',
      used: segments.used,
      committed: null,
      max: segments.total,
      unit: 'segments',
    },
  ];
  if (metrics.nettyShuffleMemoryTotal !== undefined) {
    rows.push({
      id: 'networkBytes',
      label: 'Network memory',
      used: metrics.nettyShuffleMemoryUsed ?? null,
      committed: null,
      max: metrics.nettyShuffleMemoryTotal,
      unit: 'bytes',
    });
  }
  const show = (row: UsageRow, value: number | null | undefined) =>
    row.unit === 'bytes' ? formatBytes(value) : formatCount(value);
  const columns: Column<UsageRow>[] = [
    column('kind', { header: 'Memory', rowHeader: true, value: (r) => r.label, search: true }),
    column('used', { header: 'Used', value: (r) => r.used, format: (used, r) => show(r, used) }),
    column('committed', {
      header: 'Committed',
      value: (r) => r.committed,
      format: (committed, r) => show(r, committed),
    }),
    column('max', { header: 'Max / total', value: (r) => r.max, format: (max, r) => show(r, max) }),
    column('ratio', {
      header: 'Used of max',
      value: (r) => (r.used !== null && r.max !== null && r.max > 0 ? r.used / r.max : null),
      format: (ratio) => (ratio === null ? '–' : `${Math.round(ratio * 100)}%`),
    }),
    column('count', { header: 'Buffers', value: (r) => r.count, format: formatCount }),
  ];
  return <DataTable caption="JVM memory" columns={columns} rows={rows} rowKey={(r) => r.id} filterable captionHidden />;
}

type Collector = TaskManagerDetails['metrics']['garbageCollectors'][number];

/** Garbage collectors: collections and time since the JVM started. */
export function GarbageCollectorsTable({ collectors }: { collectors: readonly Collector[] }): ReactNode {
  const columns: Column<Collector>[] = [
    column('name', { header: 'Collector', rowHeader: true, value: (c) => c.name, search: true }),
    column('count', { header: 'Collections', value: (c) => c.count, format: formatCount }),
    column('time', { header: 'Total time', value: (c) => c.time, format: formatDuration }),
  ];
  return (
    <DataTable
      caption="Garbage collectors"
      columns={columns}
      rows={collectors}
      rowKey={(c) => c.name}
      filterable
      captionHidden
      empty="No collector reported."
    />
  );
}
