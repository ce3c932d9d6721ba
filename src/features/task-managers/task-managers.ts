import type { ResourceProfile, TaskManagerDetails, TaskManagerSummary } from '../../api/taskmanagers';
import type { MemoryPart } from '../../components/MemoryPanel';

// Pure readings of Flink's task manager answers, in one place so the list and the detail page
// agree, and so the 1.20 / 2.x differences are handled once.

export type Level = 'ok' | 'warn' | 'bad';

/** `pekko.tcp://flink@127.0.0.1:45603/user/rpc/taskmanager_0` -> `127.0.0.1:45603`. */
export function taskManagerAddress(path: string): string {
  const match = /^[a-z.+-]+:\/\/[^@/]*@([^/]+)/i.exec(path);
  return match?.[1] ?? path;
}

/** No free slot is bad (nothing more can be scheduled there); a fifth or less free is a warning. */
export function slotLevel(free: number, total: number): Level {
  if (total <= 0) return 'ok';
  if (free <= 0) return 'bad';
  return free / total <= 0.2 ? 'warn' : 'ok';
}

/** Heap used over max, or null when unknown (Flink's -1, a missing metric). */
export function heapRatio(used: number | null | undefined, max: number | null | undefined): number | null {
  if (used == null || max == null || !Number.isFinite(used) || !Number.isFinite(max) || used < 0 || max <= 0)
    return null;
  return used / max;
}

export const HEAP_WARN = 0.75;
export const HEAP_BAD = 0.9;

export function heapLevel(ratio: number | null): Level {
  if (ratio === null) return 'ok';
  if (ratio >= HEAP_BAD) return 'bad';
  return ratio >= HEAP_WARN ? 'warn' : 'ok';
}

export function worst(...levels: Level[]): Level {
  if (levels.includes('bad')) return 'bad';
  return levels.includes('warn') ? 'warn' : 'ok';
}

/**
 * The time of the last heartbeat. Despite its name Flink's `timeSinceLastHeartbeat` is the epoch
 * time of the last heartbeat (in 1.20 and 2.x alike); a small value is read as an age instead.
 */
export function lastHeartbeat(tm: Pick<TaskManagerSummary, 'timeSinceLastHeartbeat'>, now: number): number | null {
  const value = tm.timeSinceLastHeartbeat;
  if (!Number.isFinite(value) || value <= 0) return null;
  return value > 1e12 ? value : now - value;
}

/** Sorts the most recent heartbeat first (ascending); unknown last. */
export function heartbeatSortKey(tm: Pick<TaskManagerSummary, 'timeSinceLastHeartbeat'>): number | null {
  const value = tm.timeSinceLastHeartbeat;
  if (!Number.isFinite(value) || value <= 0) return null;
  return value > 1e12 ? -value : value;
}

/** Resource profiles count memory in MiB. */
export function mebibytes(value: number | null | undefined): number | null {
  return value == null || !Number.isFinite(value) || value < 0 ? null : value * 1024 * 1024;
}

/**
 * Flink's memory model of a task manager (`memoryConfiguration`, 1.12+ and 2.x): the parts that
 * add up to the total process memory.
 */
export function memoryModel(config: TaskManagerSummary['memoryConfiguration']): MemoryPart[] {
  return [
    { id: 'frameworkHeap', label: 'Framework heap', bytes: config.frameworkHeap, area: 'heap' as const },
    { id: 'taskHeap', label: 'Task heap', bytes: config.taskHeap, area: 'heap' as const },
    { id: 'managedMemory', label: 'Managed memory', bytes: config.managedMemory, area: 'off-heap' as const },
    { id: 'frameworkOffHeap', label: 'Framework off-heap', bytes: config.frameworkOffHeap, area: 'off-heap' as const },
    { id: 'taskOffHeap', label: 'Task off-heap', bytes: config.taskOffHeap, area: 'off-heap' as const },
    { id: 'networkMemory', label: 'Network', bytes: config.networkMemory, area: 'off-heap' as const },
    { id: 'jvmMetaspace', label: 'JVM metaspace', bytes: config.jvmMetaspace, area: 'jvm' as const },
    { id: 'jvmOverhead', label: 'JVM overhead', bytes: config.jvmOverhead, area: 'jvm' as const },
  ].filter((p) => Number.isFinite(p.bytes) && p.bytes >= 0);
}

export interface NetworkSegments {
  readonly used: number | null;
  readonly available: number | null;
  readonly total: number | null;
}

/**
 * Network buffers (memory segments). 2.x sends `nettyShuffleMemorySegments*`; 1.20 sends those
 * and the deprecated `memorySegmentsAvailable/Total`, the only names older lines know.
 */
export function networkSegments(metrics: TaskManagerDetails['metrics']): NetworkSegments {
  const total = metrics.nettyShuffleMemorySegmentsTotal ?? metrics.memorySegmentsTotal ?? null;
  const available = metrics.nettyShuffleMemorySegmentsAvailable ?? metrics.memorySegmentsAvailable ?? null;
  const used =
    metrics.nettyShuffleMemorySegmentsUsed ?? (total !== null && available !== null ? total - available : null);
  return { used, available, total };
}

export interface SlotRow {
  readonly key: string;
  readonly jobId: string;
  readonly resource: ResourceProfile | undefined;
  /** 2.x only. */
  readonly assignedTasks: number | undefined;
}

/** The allocated slots (1.20 and 2.x; absent in older lines), one row each. */
export function slotRows(details: Pick<TaskManagerDetails, 'allocatedSlots'>): SlotRow[] {
  return (details.allocatedSlots ?? []).map((slot, i) => ({
    key: `${slot.jobId}-${i}`,
    jobId: slot.jobId,
    resource: slot.resource,
    assignedTasks: slot.assignedTasks,
  }));
}
