// The JobManager: its configuration, JVM environment, log files list and thread dump.
// (Metrics: metrics.ts; log file contents: logs.ts.)

import { jsonQuery } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { ConfigEntriesSchema, EnvironmentSchema, LogListSchema, ThreadDumpSchema } from './schemas';

export type { ConfigEntry, Environment, LogList, ThreadDump } from './schemas';

export function jobManagerConfigQueryOptions() {
  return jsonQuery(flinkKeys.jobmanagerConfig(), endpoints.jobManagerConfig, ConfigEntriesSchema, {}, 'static');
}

export function jobManagerEnvironmentQueryOptions() {
  return jsonQuery(flinkKeys.jobmanagerEnvironment(), endpoints.jobManagerEnvironment, EnvironmentSchema, {}, 'static');
}

export function jobManagerLogsQueryOptions() {
  return jsonQuery(flinkKeys.jobmanagerLogs(), endpoints.jobManagerLogs, LogListSchema, {});
}

export function jobManagerThreadDumpQueryOptions() {
  return jsonQuery(flinkKeys.jobmanagerThreadDump(), endpoints.jobManagerThreadDump, ThreadDumpSchema, {}, 'static');
}
