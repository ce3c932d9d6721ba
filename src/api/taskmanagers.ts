// TaskManagers: the list, one TaskManager's details, its log files list and thread dump.
// (Metrics: metrics.ts; log file contents: logs.ts.)

import { queryOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { requestJson } from './client';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { usePolledQuery } from './polling';
import { bool, int, LogListSchema, num, str, ThreadDumpSchema, type LogList, type ThreadDump } from './schemas';

const ResourceProfileSchema = v.looseObject({
  cpuCores: num,
  taskHeapMemory: num,
  taskOffHeapMemory: num,
  managedMemory: num,
  networkMemory: num,
  extendedResources: v.optional(v.record(str, num)),
});
export type ResourceProfile = v.InferOutput<typeof ResourceProfileSchema>;

const TaskManagerFields = {
  id: str,
  /** The TaskManager's RPC address (`pekko.tcp://flink@host:port/user/rpc/taskmanager_0`). */
  path: str,
  dataPort: int,
  jmxPort: v.optional(int),
  timeSinceLastHeartbeat: num,
  slotsNumber: int,
  freeSlots: int,
  totalResource: ResourceProfileSchema,
  freeResource: ResourceProfileSchema,
  hardware: v.looseObject({ cpuCores: int, physicalMemory: num, freeMemory: num, managedMemory: num }),
  memoryConfiguration: v.looseObject({
    frameworkHeap: num,
    taskHeap: num,
    frameworkOffHeap: num,
    taskOffHeap: num,
    networkMemory: num,
    managedMemory: num,
    jvmMetaspace: num,
    jvmOverhead: num,
    totalFlinkMemory: num,
    totalProcessMemory: num,
  }),
  /** Blocked by the blocklist (FLIP-224); sent only while blocked (absent in both lines' sandboxes). */
  blocked: v.optional(bool),
  /** 2.x only: number of tasks deployed on this TaskManager; absent in 1.20. */
  assignedTasks: v.optional(int),
};

export const TaskManagerSummarySchema = v.looseObject(TaskManagerFields);
/** One entry of GET /taskmanagers. */
export type TaskManagerSummary = v.InferOutput<typeof TaskManagerSummarySchema>;

export const TaskManagersSchema = v.looseObject({ taskmanagers: v.array(TaskManagerSummarySchema) });
export type TaskManagers = v.InferOutput<typeof TaskManagersSchema>;

export function fetchTaskManagers(signal?: AbortSignal): Promise<TaskManagers> {
  return requestJson(endpoints.taskManagers, TaskManagersSchema, { signal });
}

export function taskManagersQueryOptions() {
  return queryOptions({ queryKey: flinkKeys.taskmanagersList(), queryFn: ({ signal }) => fetchTaskManagers(signal) });
}

/** GET /taskmanagers, polled at the live rate. */
export function useTaskManagers() {
  return usePolledQuery(taskManagersQueryOptions());
}

export const TaskManagerDetailsSchema = v.looseObject({
  ...TaskManagerFields,
  metrics: v.looseObject({
    heapUsed: num,
    heapCommitted: num,
    heapMax: num,
    nonHeapUsed: num,
    nonHeapCommitted: num,
    nonHeapMax: num,
    directCount: num,
    directUsed: num,
    directMax: num,
    mappedCount: num,
    mappedUsed: num,
    mappedMax: num,
    nettyShuffleMemorySegmentsAvailable: v.optional(num),
    nettyShuffleMemorySegmentsUsed: v.optional(num),
    nettyShuffleMemorySegmentsTotal: v.optional(num),
    nettyShuffleMemoryAvailable: v.optional(num),
    nettyShuffleMemoryUsed: v.optional(num),
    nettyShuffleMemoryTotal: v.optional(num),
    garbageCollectors: v.array(v.looseObject({ name: str, count: num, time: num })),
    /** 1.20 only (deprecated names of nettyShuffleMemorySegments*), removed in 2.0. */
    memorySegmentsAvailable: v.optional(num),
    memorySegmentsTotal: v.optional(num),
  }),
  /** Slots and the jobs in them (1.20 and 2.x); `assignedTasks` per slot is 2.x only. */
  allocatedSlots: v.optional(
    v.array(v.looseObject({ jobId: str, resource: v.optional(ResourceProfileSchema), assignedTasks: v.optional(int) })),
  ),
});
export type TaskManagerDetails = v.InferOutput<typeof TaskManagerDetailsSchema>;

export function fetchTaskManagerDetails(taskManagerId: string, signal?: AbortSignal): Promise<TaskManagerDetails> {
  return requestJson(endpoints.taskManagerDetails, TaskManagerDetailsSchema, { params: { taskmanagerid: taskManagerId }, signal });
}

export function taskManagerDetailsQueryOptions(taskManagerId: string) {
  return queryOptions({
    queryKey: flinkKeys.taskmanagerDetails(taskManagerId),
    queryFn: ({ signal }) => fetchTaskManagerDetails(taskManagerId, signal),
  });
}

export function useTaskManagerDetails(taskManagerId: string) {
  return usePolledQuery(taskManagerDetailsQueryOptions(taskManagerId));
}

export function fetchTaskManagerLogs(taskManagerId: string, signal?: AbortSignal): Promise<LogList> {
  return requestJson(endpoints.taskManagerLogs, LogListSchema, { params: { taskmanagerid: taskManagerId }, signal });
}

export function taskManagerLogsQueryOptions(taskManagerId: string) {
  return queryOptions({
    queryKey: flinkKeys.taskmanagerLogs(taskManagerId),
    queryFn: ({ signal }) => fetchTaskManagerLogs(taskManagerId, signal),
  });
}

export function useTaskManagerLogs(taskManagerId: string) {
  return usePolledQuery(taskManagerLogsQueryOptions(taskManagerId));
}

export function fetchTaskManagerThreadDump(taskManagerId: string, signal?: AbortSignal): Promise<ThreadDump> {
  return requestJson(endpoints.taskManagerThreadDump, ThreadDumpSchema, { params: { taskmanagerid: taskManagerId }, signal });
}

export function taskManagerThreadDumpQueryOptions(taskManagerId: string) {
  return queryOptions({
    queryKey: flinkKeys.taskmanagerThreadDump(taskManagerId),
    queryFn: ({ signal }) => fetchTaskManagerThreadDump(taskManagerId, signal),
  });
}

export function useTaskManagerThreadDump(taskManagerId: string) {
  return usePolledQuery(taskManagerThreadDumpQueryOptions(taskManagerId), 'static');
}
