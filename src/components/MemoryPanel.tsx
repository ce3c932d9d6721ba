import type { ReactNode } from 'react';
import { formatBytes, formatCount, formatDuration } from '../lib/format';
import { column, DataTable, type Column } from './DataTable';
import styles from './MemoryPanel.module.css';

// The memory of a Flink process, as the task manager and job manager pages show it: the
// configured memory model (a bar and a table of its parts), the JVM's memory pools now (used,
// committed, max) and the garbage collectors. Each page reads its own figures; these only show them.

export interface MemoryPart {
  readonly id: string;
  readonly label: string;
  readonly bytes: number;
  /** Where the part lives: the JVM heap, off-heap (direct, managed), or the JVM itself. */
  readonly area: 'heap' | 'off-heap' | 'jvm';
}

const AREA_LABEL: Record<MemoryPart['area'], string> = { heap: 'JVM heap', 'off-heap': 'off-heap', jvm: 'JVM' };
const AREA_CLASS: Record<MemoryPart['area'], string | undefined> = {
  heap: styles.heap,
  'off-heap': styles.offHeap,
  jvm: styles.jvm,
};

/** Two columns side by side where there is room (the model, the JVM now). */
export function MemoryColumns({ children }: { children: ReactNode }): ReactNode {
  return <div className={styles.columns}>{children}</div>;
}

/** A memory model (configured sizes) as a bar and a table; `total` is the process's, when known. */
export function MemoryModel({
  parts,
  total,
  children,
}: {
  parts: readonly MemoryPart[];
  total?: number | null;
  /** A line under the table (totals, where the figures come from). */
  children?: ReactNode;
}): ReactNode {
  const sum = total != null && total > 0 ? total : parts.reduce((n, p) => n + p.bytes, 0);
  const columns: Column<MemoryPart>[] = [
    column('part', {
      header: 'Component',
      rowHeader: true,
      value: (p) => p.label,
      format: (label, p) => (
        <>
          <span className={`${styles.swatch} ${AREA_CLASS[p.area]}`} aria-hidden="true" />
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
      format: (bytes) => (sum > 0 ? `${((bytes / sum) * 100).toFixed(1)}%` : '–'),
    }),
  ];
  return (
    <div>
      <div className={styles.bar} role="img" aria-label={`Memory model: ${formatBytes(sum)} in total`}>
        {parts
          .filter((p) => p.bytes > 0)
          .map((p) => (
            <span
              key={p.id}
              className={`${styles.part} ${AREA_CLASS[p.area]}`}
              style={{ flexGrow: p.bytes, flexBasis: 0 }}
              title={`${p.label}: ${formatBytes(p.bytes)}`}
            />
          ))}
      </div>
      <DataTable caption="Memory model" columns={columns} rows={parts} rowKey={(p) => p.id} filterable captionHidden />
      {children && <p className="stat-sub">{children}</p>}
    </div>
  );
}

/** One JVM memory pool now: Flink's -1 or a missing metric is null (shown as –). */
export interface MemoryUsageRow {
  readonly id: string;
  readonly label: string;
  readonly used: number | null;
  readonly committed: number | null;
  /** The pool's limit (max, or a buffer pool's total capacity). */
  readonly max: number | null;
  /** Buffers in a buffer pool (direct, mapped). */
  readonly count?: number | null;
  readonly unit: 'bytes' | 'segments';
}

/** The JVM's memory pools as last reported: used, committed, the limit, and used of the limit. */
export function JvmMemoryTable({ rows }: { rows: readonly MemoryUsageRow[] }): ReactNode {
  const show = (row: MemoryUsageRow, value: number | null | undefined) =>
    row.unit === 'bytes' ? formatBytes(value) : formatCount(value);
  const columns: Column<MemoryUsageRow>[] = [
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

export interface GarbageCollector {
  readonly name: string;
  readonly count: number | null;
  /** Milliseconds spent collecting since the JVM started. */
  readonly time: number | null;
}

/** Garbage collectors: collections and time since the JVM started. */
export function GarbageCollectorsTable({ collectors }: { collectors: readonly GarbageCollector[] }): ReactNode {
  const columns: Column<GarbageCollector>[] = [
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
