// One job's configuration and results: its configuration, accumulators, execution result, and
// the JobManager's configuration, environment and log URLs as seen from the job.

import * as v from 'valibot';
import { jsonQuery } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import {
  bool,
  ConfigEntriesSchema,
  EnvironmentSchema,
  int,
  LogUrlSchema,
  num,
  str,
  UserAccumulatorSchema,
} from './schemas';

// ---- GET /jobs/:jobid/config -----------------------------------------------------------------

export const JobConfigSchema = v.looseObject({
  jid: str,
  name: str,
  'execution-config': v.optional(
    v.looseObject({
      'job-parallelism': v.optional(int),
      'object-reuse-mode': v.optional(bool),
      /** A description such as "Cluster level default restart strategy" (1.20 and 2.x). */
      'restart-strategy': v.optional(str),
      /** 1.20 only (`PIPELINED`, ...; the DataSet-era execution mode was removed in 2.0). */
      'execution-mode': v.optional(str),
      'user-config': v.optional(v.record(str, v.nullable(str))),
    }),
  ),
});
export type JobConfig = v.InferOutput<typeof JobConfigSchema>;

export function jobConfigQueryOptions(jobId: string) {
  return jsonQuery(
    flinkKeys.jobConfig(jobId),
    endpoints.jobConfig,
    JobConfigSchema,
    { params: { jobid: jobId } },
    'static',
  );
}

// ---- GET /jobs/:jobid/accumulators -----------------------------------------------------------

export const JobAccumulatorsSchema = v.looseObject({
  'job-accumulators': v.array(v.unknown()),
  'user-task-accumulators': v.array(UserAccumulatorSchema),
  'serialized-user-task-accumulators': v.optional(v.record(str, v.unknown())),
});
export type JobAccumulators = v.InferOutput<typeof JobAccumulatorsSchema>;

export interface JobAccumulatorsQuery {
  readonly includeSerializedValue?: boolean;
}

export function jobAccumulatorsQueryOptions(jobId: string, query: JobAccumulatorsQuery = {}) {
  return jsonQuery(flinkKeys.jobAccumulators(jobId, { ...query }), endpoints.jobAccumulators, JobAccumulatorsSchema, {
    params: { jobid: jobId },
    query: { includeSerializedValue: query.includeSerializedValue },
  });
}

// ---- GET /jobs/:jobid/execution-result -------------------------------------------------------

/**
 * While the job runs: `{ status: { id: "IN_PROGRESS" } }`. Once it ended: the result, whose
 * JSON names come from Flink's JobResult serializer (`application-status`, `net-runtime`,
 * `accumulator-results`, `failure-cause`).
 */
export const JobExecutionResultSchema = v.looseObject({
  status: v.looseObject({ id: v.picklist(['IN_PROGRESS', 'COMPLETED']) }),
  'job-execution-result': v.optional(
    v.looseObject({
      id: str,
      'application-status': str,
      'net-runtime': num,
      'accumulator-results': v.optional(v.record(str, v.unknown())),
      'failure-cause': v.optional(v.unknown()),
      /** 2.3 only: name, application and times of the job; absent in 1.20. */
      name: v.optional(str),
      'application-id': v.optional(str),
      'start-time': v.optional(num),
      'end-time': v.optional(num),
    }),
  ),
});
export type JobExecutionResult = v.InferOutput<typeof JobExecutionResultSchema>;

export function jobExecutionResultQueryOptions(jobId: string) {
  return jsonQuery(flinkKeys.jobExecutionResult(jobId), endpoints.jobExecutionResult, JobExecutionResultSchema, {
    params: { jobid: jobId },
  });
}

// ---- the JobManager seen from one job --------------------------------------------------------

export function jobJobManagerConfigQueryOptions(jobId: string) {
  return jsonQuery(
    flinkKeys.jobJobManagerConfig(jobId),
    endpoints.jobJobManagerConfig,
    ConfigEntriesSchema,
    { params: { jobid: jobId } },
    'static',
  );
}

export function jobJobManagerEnvironmentQueryOptions(jobId: string) {
  return jsonQuery(
    flinkKeys.jobJobManagerEnvironment(jobId),
    endpoints.jobJobManagerEnvironment,
    EnvironmentSchema,
    { params: { jobid: jobId } },
    'static',
  );
}

/**
 * GET /jobs/:jobid/jobmanager/log-url: only answered where a log URL pattern is configured
 * (`historyserver.log.jobmanager.url-pattern`, mainly the HistoryServer); elsewhere Flink
 * answers 404, which arrives as a `not-found` error.
 */
export function jobJobManagerLogUrlQueryOptions(jobId: string) {
  return jsonQuery(
    flinkKeys.jobJobManagerLogUrl(jobId),
    endpoints.jobJobManagerLogUrl,
    LogUrlSchema,
    { params: { jobid: jobId } },
    'static',
  );
}

/** GET /jobs/:jobid/taskmanagers/:taskmanagerid/log-url: as the JobManager's, pattern needed. */
export function jobTaskManagerLogUrlQueryOptions(jobId: string, taskManagerId: string) {
  return jsonQuery(
    flinkKeys.jobTaskManagerLogUrl(jobId, taskManagerId),
    endpoints.jobTaskManagerLogUrl,
    LogUrlSchema,
    { params: { jobid: jobId, taskmanagerid: taskManagerId } },
    'static',
  );
}
