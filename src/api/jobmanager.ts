// The JobManager: its configuration, JVM environment, log files list and thread dump.
// (Metrics: metrics.ts; log file contents: logs.ts.)

import { queryOptions } from '@tanstack/react-query';
import { requestJson } from './client';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { usePolledQuery } from './polling';
import {
  ConfigEntriesSchema,
  EnvironmentSchema,
  LogListSchema,
  ThreadDumpSchema,
  type ConfigEntry,
  type Environment,
  type LogList,
  type ThreadDump,
} from './schemas';

export type { ConfigEntry, Environment, LogList, ThreadDump } from './schemas';

export function fetchJobManagerConfig(signal?: AbortSignal): Promise<ConfigEntry[]> {
  return requestJson(endpoints.jobManagerConfig, ConfigEntriesSchema, { signal });
}

export function jobManagerConfigQueryOptions() {
  return queryOptions({ queryKey: flinkKeys.jobmanagerConfig(), queryFn: ({ signal }) => fetchJobManagerConfig(signal) });
}

export function useJobManagerConfig() {
  return usePolledQuery(jobManagerConfigQueryOptions(), 'static');
}

export function fetchJobManagerEnvironment(signal?: AbortSignal): Promise<Environment> {
  return requestJson(endpoints.jobManagerEnvironment, EnvironmentSchema, { signal });
}

export function jobManagerEnvironmentQueryOptions() {
  return queryOptions({ queryKey: flinkKeys.jobmanagerEnvironment(), queryFn: ({ signal }) => fetchJobManagerEnvironment(signal) });
}

export function useJobManagerEnvironment() {
  return usePolledQuery(jobManagerEnvironmentQueryOptions(), 'static');
}

export function fetchJobManagerLogs(signal?: AbortSignal): Promise<LogList> {
  return requestJson(endpoints.jobManagerLogs, LogListSchema, { signal });
}

export function jobManagerLogsQueryOptions() {
  return queryOptions({ queryKey: flinkKeys.jobmanagerLogs(), queryFn: ({ signal }) => fetchJobManagerLogs(signal) });
}

export function useJobManagerLogs() {
  return usePolledQuery(jobManagerLogsQueryOptions());
}

export function fetchJobManagerThreadDump(signal?: AbortSignal): Promise<ThreadDump> {
  return requestJson(endpoints.jobManagerThreadDump, ThreadDumpSchema, { signal });
}

export function jobManagerThreadDumpQueryOptions() {
  return queryOptions({ queryKey: flinkKeys.jobmanagerThreadDump(), queryFn: ({ signal }) => fetchJobManagerThreadDump(signal) });
}

/** A thread dump is taken on request: fetched once, again only when asked (refetch). */
export function useJobManagerThreadDump() {
  return usePolledQuery(jobManagerThreadDumpQueryOptions(), 'static');
}
