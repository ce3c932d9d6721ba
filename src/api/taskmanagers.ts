// TaskManagers: the list, one TaskManager's details, its log files list and thread dump.
// (Metrics: metrics.ts; log file contents: logs.ts.)

import * as v from 'valibot';
import { jsonQuery } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { bool, int, LogListSchema, num, str, ThreadDumpSchema } from './schemas';

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

export function taskManagersQueryOptions() {
  return jsonQuery(flinkKeys.taskmanagersList(), endpoints.taskManagers, TaskManagersSchema, {});
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

export function taskManagerDetailsQueryOptions(taskManagerId: string) {
  return jsonQuery(
    flinkKeys.taskmanagerDetails(taskManagerId),
    endpoints.taskManagerDetails,
    TaskManagerDetailsSchema,
    {
      params: { taskmanagerid: taskManagerId },
    },
  );
}

export function taskManagerLogsQueryOptions(taskManagerId: string) {
  return jsonQuery(flinkKeys.taskmanagerLogs(taskManagerId), endpoints.taskManagerLogs, LogListSchema, {
    params: { taskmanagerid: taskManagerId },
  });
}

export function taskManagerThreadDumpQueryOptions(taskManagerId: string) {
  return jsonQuery(
    flinkKeys.taskmanagerThreadDump(taskManagerId),
    endpoints.taskManagerThreadDump,
    ThreadDumpSchema,
    { params: { taskmanagerid: taskManagerId } },
    'static',
  );
}
