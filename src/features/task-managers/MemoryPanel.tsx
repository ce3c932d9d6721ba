import type { ReactNode } from 'react';
import type { TaskManagerDetails } from '../../api/taskmanagers';
import { JvmMemoryTable, MemoryModel, type MemoryUsageRow } from '../../components/MemoryPanel';
import { formatBytes } from '../../lib/format';
import { memoryModel, networkSegments } from './task-managers';

/** Flink's memory model of the task manager (configured sizes), as a bar and a table. */
export function TaskManagerMemoryModel({ config }: { config: TaskManagerDetails['memoryConfiguration'] }): ReactNode {
  return (
    <MemoryModel parts={memoryModel(config)} total={config.totalProcessMemory}>
      Total Flink memory {formatBytes(config.totalFlinkMemory)}, total process memory{' '}
      {formatBytes(config.totalProcessMemory)}.
    </MemoryModel>
  );
}

/** The JVM's memory as the task manager last reported it (heap, non-heap, direct, mapped, network). */
export function taskManagerMemoryRows(metrics: TaskManagerDetails['metrics']): MemoryUsageRow[] {
  const segments = networkSegments(metrics);
  const rows: MemoryUsageRow[] = [
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
  return rows;
}

/** The JVM's memory as the task manager last reported it. */
export function TaskManagerJvmMemory({ metrics }: { metrics: TaskManagerDetails['metrics'] }): ReactNode {
  return <JvmMemoryTable rows={taskManagerMemoryRows(metrics)} />;
}
