// Applications (Flink 2.3, FLIP-549): a user program with its jobs. A job submitted through
// `POST /jars/:jarid/run` becomes an application named `SingleJobApplication(<job name>)` whose
// id equals the job's; `POST /jars/:jarid/run-application` submits the program as an application.
// Not served before 2.3 (1.20 answers 404): the UI asks `applicationsServed(version)` first.

import { mutationOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { requestJson } from './client';
import { jsonQuery } from './endpoint-query';
import { endpoints, isServed } from './endpoints';
import { JobOverviewSchema } from './jobs';
import { flinkKeys } from './keys';
import { ConfigEntriesSchema, EmptySchema, int, num, str } from './schemas';

/** `ApplicationState` in flink-runtime (2.3). */
export const ApplicationStateSchema = v.picklist([
  'CREATED',
  'RUNNING',
  'FAILING',
  'FAILED',
  'CANCELING',
  'CANCELED',
  'FINISHED',
]);
export type ApplicationState = v.InferOutput<typeof ApplicationStateSchema>;

/** Whether a cluster of this Flink version (`/config`'s `flink-version`) has applications. */
export function applicationsServed(flinkVersion: string | undefined): boolean {
  return isServed(endpoints.applicationsOverview, flinkVersion);
}

// ---- GET /applications/overview ---------------------------------------------------------------

export const ApplicationOverviewSchema = v.looseObject({
  id: str,
  name: str,
  status: ApplicationStateSchema,
  'start-time': num,
  /** -1 while the application runs. */
  'end-time': num,
  duration: num,
  /** How many of its jobs are in each job state, e.g. `{ "RUNNING": 1 }`. */
  jobs: v.record(str, int),
});
export type ApplicationOverview = v.InferOutput<typeof ApplicationOverviewSchema>;

export const ApplicationsOverviewSchema = v.looseObject({ applications: v.array(ApplicationOverviewSchema) });
export type ApplicationsOverview = v.InferOutput<typeof ApplicationsOverviewSchema>;

export function applicationsOverviewQueryOptions() {
  return jsonQuery(flinkKeys.applicationsOverview(), endpoints.applicationsOverview, ApplicationsOverviewSchema, {});
}

// ---- GET /applications/:applicationid ---------------------------------------------------------

export const ApplicationDetailsSchema = v.looseObject({
  id: str,
  name: str,
  status: ApplicationStateSchema,
  'start-time': num,
  'end-time': num,
  duration: num,
  /** When it entered each state (0: never). */
  timestamps: v.record(str, num),
  /** Its jobs, as `/jobs/overview` lists them. */
  jobs: v.array(JobOverviewSchema),
});
export type ApplicationDetails = v.InferOutput<typeof ApplicationDetailsSchema>;

export function applicationDetailsQueryOptions(applicationId: string) {
  return jsonQuery(
    flinkKeys.applicationDetails(applicationId),
    endpoints.applicationDetails,
    ApplicationDetailsSchema,
    {
      params: { applicationid: applicationId },
    },
  );
}

// ---- GET /applications/:applicationid/exceptions ----------------------------------------------

export const ApplicationExceptionSchema = v.looseObject({
  exceptionName: str,
  stacktrace: str,
  timestamp: num,
  /** The job the exception came from, when it came from one. */
  jobId: v.nullish(str),
});
export type ApplicationException = v.InferOutput<typeof ApplicationExceptionSchema>;

export const ApplicationExceptionsSchema = v.looseObject({
  exceptionHistory: v.looseObject({ entries: v.array(ApplicationExceptionSchema) }),
});
export type ApplicationExceptions = v.InferOutput<typeof ApplicationExceptionsSchema>;

export function applicationExceptionsQueryOptions(applicationId: string) {
  return jsonQuery(
    flinkKeys.applicationExceptions(applicationId),
    endpoints.applicationExceptions,
    ApplicationExceptionsSchema,
    { params: { applicationid: applicationId } },
  );
}

// ---- GET /applications/:applicationid/jobmanager/config ---------------------------------------

/** The JobManager configuration the application runs with: does not change while it runs. */
export function applicationJobManagerConfigQueryOptions(applicationId: string) {
  return jsonQuery(
    flinkKeys.applicationJobManagerConfig(applicationId),
    endpoints.applicationJobManagerConfig,
    ConfigEntriesSchema,
    { params: { applicationid: applicationId } },
    'static',
  );
}

// ---- POST /applications/:applicationid/cancel -------------------------------------------------

/** Cancels the application and its jobs (Flink answers 202 and cancels them). */
export async function cancelApplication(applicationId: string, signal?: AbortSignal): Promise<void> {
  await requestJson(endpoints.cancelApplication, EmptySchema, { params: { applicationid: applicationId }, signal });
}

export function cancelApplicationMutationOptions(applicationId: string) {
  return mutationOptions({
    mutationKey: [...flinkKeys.application(applicationId), 'cancel'],
    mutationFn: () => cancelApplication(applicationId),
    onSuccess: async (_d, _v, _c, { client }) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: flinkKeys.applications() }),
        client.invalidateQueries({ queryKey: flinkKeys.jobs() }),
        client.invalidateQueries({ queryKey: flinkKeys.overview() }),
      ]);
    },
  });
}

/** Application states after which nothing changes any more. */
export function isApplicationTerminal(state: ApplicationState): boolean {
  return state === 'FINISHED' || state === 'FAILED' || state === 'CANCELED';
}
