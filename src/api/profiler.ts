// The profiler (Flink 1.19+, FLIP-375): async-profiler runs inside the JobManager or a
// TaskManager for a given time and writes an HTML flame graph. The endpoints are registered only
// when the cluster sets `rest.profiling.enabled: true`; otherwise Flink answers 404. They are not
// in the REST reference list (see BEYOND_REFERENCE in endpoints.ts).

import { mutationOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { requestJson } from './client';
import { jsonQuery, textQuery } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { num, str } from './schemas';

/** The modes Flink offers (`ProfilingInfo.ProfilingMode`), in its order. */
export const PROFILING_MODES = ['CPU', 'ALLOC', 'LOCK', 'WALL', 'ITIMER'] as const;
export type ProfilingMode = (typeof PROFILING_MODES)[number];

export const ProfilingStatusSchema = v.picklist(['RUNNING', 'FINISHED', 'FAILED']);
export type ProfilingStatus = v.InferOutput<typeof ProfilingStatusSchema>;

/** One profiling run (`ProfilingInfo`); `finishedTime`, `message`, `outputFile` are null while RUNNING. */
export const ProfilingInfoSchema = v.looseObject({
  status: ProfilingStatusSchema,
  /** A mode this dashboard does not know stays a string. */
  mode: str,
  triggerTime: num,
  finishedTime: v.nullish(num),
  /** Seconds. */
  duration: num,
  message: v.nullish(str),
  /** The file name (no directory), to read with the profiler file endpoint. */
  outputFile: v.nullish(str),
});
export type ProfilingInfo = v.InferOutput<typeof ProfilingInfoSchema>;

export const ProfilingListSchema = v.looseObject({ profilingList: v.array(ProfilingInfoSchema) });
export type ProfilingList = v.InferOutput<typeof ProfilingListSchema>;

/** Whose profiler: the JobManager's or one TaskManager's. */
export type ProfilerTarget =
  { readonly kind: 'jobmanager' } | { readonly kind: 'taskmanager'; readonly taskManagerId: string };

export interface ProfilingRequest {
  readonly mode: ProfilingMode;
  /** Seconds; Flink caps it with `rest.profiling.duration-max` (300 s by default). */
  readonly duration: number;
}

/** Whether no run of the list is still running (then the list needs no fast polling). */
export function isProfilingSettled(list: ProfilingList): boolean {
  return list.profilingList.every((run) => run.status !== 'RUNNING');
}

export function jobManagerProfilingQueryOptions() {
  return jsonQuery(flinkKeys.jobmanagerProfiling(), endpoints.jobManagerProfiling, ProfilingListSchema, {});
}

export function taskManagerProfilingQueryOptions(taskManagerId: string) {
  return jsonQuery(flinkKeys.taskmanagerProfiling(taskManagerId), endpoints.taskManagerProfiling, ProfilingListSchema, {
    params: { taskmanagerid: taskManagerId },
  });
}

/**
 * A result file: an HTML document written by async-profiler, read as text. It must never be
 * rendered, navigated to or framed in the dashboard's origin (it carries its own script).
 */
export function jobManagerProfilingFileQueryOptions(fileName: string) {
  return textQuery(
    flinkKeys.jobmanagerProfilingFile(fileName),
    endpoints.jobManagerProfilingFile,
    { params: { filename: fileName } },
    'static',
  );
}

export function taskManagerProfilingFileQueryOptions(taskManagerId: string, fileName: string) {
  return textQuery(
    flinkKeys.taskmanagerProfilingFile(taskManagerId, fileName),
    endpoints.taskManagerProfilingFile,
    { params: { taskmanagerid: taskManagerId, filename: fileName } },
    'static',
  );
}

/** POST .../profiler: starts a run and answers it (RUNNING); Flink refuses a second concurrent run (500). */
export async function startProfiling(
  target: ProfilerTarget,
  request: ProfilingRequest,
  signal?: AbortSignal,
): Promise<ProfilingInfo> {
  const body = { mode: request.mode, duration: request.duration };
  return target.kind === 'jobmanager'
    ? requestJson(endpoints.triggerJobManagerProfiling, ProfilingInfoSchema, { body, signal })
    : requestJson(endpoints.triggerTaskManagerProfiling, ProfilingInfoSchema, {
        params: { taskmanagerid: target.taskManagerId },
        body,
        signal,
      });
}

function profilingKey(target: ProfilerTarget) {
  return target.kind === 'jobmanager'
    ? flinkKeys.jobmanagerProfiling()
    : flinkKeys.taskmanagerProfiling(target.taskManagerId);
}

export function startProfilingMutationOptions(target: ProfilerTarget) {
  return mutationOptions({
    mutationKey: [...profilingKey(target), 'start'],
    mutationFn: (request: ProfilingRequest) => startProfiling(target, request),
    onSettled: (_d, _e, _v, _c, { client }) => client.invalidateQueries({ queryKey: profilingKey(target) }),
  });
}
