// GET /jobs/:jobid/exceptions: the job's exception history.

import * as v from 'valibot';
import { jsonQuery } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { failureLabelFilter } from './query';
import { bool, num, str } from './schemas';

const ExceptionInfoFields = {
  exceptionName: str,
  stacktrace: str,
  timestamp: num,
  /** null for global failures (not caused by one task). */
  taskName: v.optional(v.nullable(str)),
  /** `host:port` of the failed task's TaskManager; null for global failures. 1.20 and 2.x. */
  endpoint: v.optional(v.nullable(str)),
  taskManagerId: v.optional(v.nullable(str)),
  /** Labels attached by failure enrichers (FLIP-304), 1.18+. */
  failureLabels: v.optional(v.record(str, str), {}),
};

export const ExceptionInfoSchema = v.looseObject(ExceptionInfoFields);
export type ExceptionInfo = v.InferOutput<typeof ExceptionInfoSchema>;

export const RootExceptionInfoSchema = v.looseObject({
  ...ExceptionInfoFields,
  concurrentExceptions: v.optional(v.array(ExceptionInfoSchema), []),
});
export type RootExceptionInfo = v.InferOutput<typeof RootExceptionInfoSchema>;

export const JobExceptionsSchema = v.looseObject({
  exceptionHistory: v.looseObject({ entries: v.array(RootExceptionInfoSchema), truncated: bool }),
  /** Deprecated top-level members: sent by 1.20, removed in 2.0. Not used by the UI. */
  'root-exception': v.optional(v.nullable(str)),
  timestamp: v.optional(v.nullable(num)),
  'all-exceptions': v.optional(v.array(v.unknown())),
  truncated: v.optional(bool),
});
export type JobExceptions = v.InferOutput<typeof JobExceptionsSchema>;

export interface JobExceptionsQuery {
  /** Upper limit of history entries to return. */
  readonly maxExceptions?: number;
  /** Only exceptions carrying ALL these failure labels (`key:value`). */
  readonly failureLabels?: Readonly<Record<string, string>>;
}

/** The entries the exceptions view asks for at first (and a snapshot records): one page. */
export const EXCEPTIONS_PAGE = 10;

export function jobExceptionsQueryOptions(jobId: string, query: JobExceptionsQuery = {}) {
  const values = {
    maxExceptions: query.maxExceptions,
    failureLabelFilter: query.failureLabels ? failureLabelFilter(query.failureLabels) : undefined,
  };
  return jsonQuery(flinkKeys.jobExceptions(jobId, values), endpoints.jobExceptions, JobExceptionsSchema, {
    params: { jobid: jobId },
    query: values,
  });
}
