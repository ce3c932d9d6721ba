// The one hierarchical query-key factory. Every query and every invalidation uses these
// functions, never a literal array, so invalidating a parent (a job) refreshes its subtree
// (its vertices, checkpoints, exceptions ...).
//
//   cluster ─┬─ config
//            ├─ overview
//            ├─ jobmanager ─ config | environment | logs | log(name) | metrics(q) | thread-dump
//            │              | profiler | profiler-file(name)
//            ├─ jobs ─┬─ overview | statuses | metrics(q)
//            │        └─ job(id) ─┬─ details | status | plan | config | exceptions(q) | ...
//            │                    ├─ checkpoints ─ stats | config | details(cp) ─ subtasks(v)
//            │                    └─ vertices ─ vertex(id) ─ details | backpressure | flamegraph(q)
//            │                                              | subtasks ─ subtask(i) ─ attempt(a)
//            ├─ taskmanagers ─┬─ list | metrics(q)
//            │                └─ taskmanager(id) ─ details | logs | log(name) | metrics(q) | thread-dump
//            │                                   | profiler | profiler-file(name)
//            ├─ applications ─┬─ overview
//            │                └─ application(id) ─ details | exceptions | jobmanager-config
//            ├─ jars ─ list
//            └─ datasets ─ list

import type { QueryParams } from './query';

/** Query-parameter objects in keys are normalised: undefined entries dropped, keys sorted. */
function q(params: QueryParams | undefined): Readonly<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(params ?? {}).sort()) {
    const value = params?.[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const cluster = () => ['flink'] as const;
const jobmanager = () => [...cluster(), 'jobmanager'] as const;
const jobs = () => [...cluster(), 'jobs'] as const;
const job = (jobId: string) => [...jobs(), 'job', jobId] as const;
const checkpoints = (jobId: string) => [...job(jobId), 'checkpoints'] as const;
const checkpoint = (jobId: string, checkpointId: number) =>
  [...checkpoints(jobId), 'checkpoint', checkpointId] as const;
const vertices = (jobId: string) => [...job(jobId), 'vertices'] as const;
const vertex = (jobId: string, vertexId: string) => [...vertices(jobId), vertexId] as const;
const subtasks = (jobId: string, vertexId: string) => [...vertex(jobId, vertexId), 'subtasks'] as const;
const subtask = (jobId: string, vertexId: string, index: number) => [...subtasks(jobId, vertexId), index] as const;
const taskmanagers = () => [...cluster(), 'taskmanagers'] as const;
const taskmanager = (id: string) => [...taskmanagers(), 'tm', id] as const;
const applications = () => [...cluster(), 'applications'] as const;
const application = (applicationId: string) => [...applications(), 'application', applicationId] as const;
const jars = () => [...cluster(), 'jars'] as const;
const datasets = () => [...cluster(), 'datasets'] as const;

export const flinkKeys = {
  cluster,
  config: () => [...cluster(), 'config'] as const,
  overview: () => [...cluster(), 'overview'] as const,

  jobmanager,
  jobmanagerConfig: () => [...jobmanager(), 'config'] as const,
  jobmanagerEnvironment: () => [...jobmanager(), 'environment'] as const,
  jobmanagerLogs: () => [...jobmanager(), 'logs'] as const,
  jobmanagerLog: (file: string) => [...jobmanager(), 'log', file] as const,
  jobmanagerMetrics: (query?: QueryParams) => [...jobmanager(), 'metrics', q(query)] as const,
  jobmanagerThreadDump: () => [...jobmanager(), 'thread-dump'] as const,
  jobmanagerProfiling: () => [...jobmanager(), 'profiler'] as const,
  jobmanagerProfilingFile: (file: string) => [...jobmanager(), 'profiler-file', file] as const,

  jobs,
  jobsOverview: () => [...jobs(), 'overview'] as const,
  jobsStatuses: () => [...jobs(), 'statuses'] as const,
  jobsMetrics: (query?: QueryParams) => [...jobs(), 'metrics', q(query)] as const,

  job,
  jobDetails: (jobId: string) => [...job(jobId), 'details'] as const,
  jobStatus: (jobId: string) => [...job(jobId), 'status'] as const,
  jobPlan: (jobId: string) => [...job(jobId), 'plan'] as const,
  jobConfig: (jobId: string) => [...job(jobId), 'config'] as const,
  jobExceptions: (jobId: string, query?: QueryParams) => [...job(jobId), 'exceptions', q(query)] as const,
  jobAccumulators: (jobId: string, query?: QueryParams) => [...job(jobId), 'accumulators', q(query)] as const,
  jobExecutionResult: (jobId: string) => [...job(jobId), 'execution-result'] as const,
  jobMetrics: (jobId: string, query?: QueryParams) => [...job(jobId), 'metrics', q(query)] as const,
  jobJobManagerConfig: (jobId: string) => [...job(jobId), 'jobmanager', 'config'] as const,
  jobJobManagerEnvironment: (jobId: string) => [...job(jobId), 'jobmanager', 'environment'] as const,
  jobJobManagerLogUrl: (jobId: string) => [...job(jobId), 'jobmanager', 'log-url'] as const,
  jobTaskManagerLogUrl: (jobId: string, taskManagerId: string) =>
    [...job(jobId), 'taskmanager-log-url', taskManagerId] as const,
  jobResourceRequirements: (jobId: string) => [...job(jobId), 'resource-requirements'] as const,
  jobRescaleStatus: (jobId: string, triggerId: string) => [...job(jobId), 'rescaling', triggerId] as const,
  jobRescalesOverview: (jobId: string) => [...job(jobId), 'rescales', 'overview'] as const,
  jobRescalesHistory: (jobId: string) => [...job(jobId), 'rescales', 'history'] as const,
  jobRescalesSummary: (jobId: string) => [...job(jobId), 'rescales', 'summary'] as const,
  jobRescalesConfig: (jobId: string) => [...job(jobId), 'rescales', 'config'] as const,
  jobRescaleDetails: (jobId: string, rescaleId: string) => [...job(jobId), 'rescales', 'details', rescaleId] as const,
  savepointStatus: (jobId: string, triggerId: string) => [...job(jobId), 'savepoints', triggerId] as const,
  savepointDisposalStatus: (triggerId: string) => [...cluster(), 'savepoint-disposal', triggerId] as const,

  checkpoints,
  checkpointStats: (jobId: string) => [...checkpoints(jobId), 'stats'] as const,
  checkpointConfig: (jobId: string) => [...checkpoints(jobId), 'config'] as const,
  checkpointTriggerStatus: (jobId: string, triggerId: string) => [...checkpoints(jobId), 'trigger', triggerId] as const,
  checkpoint,
  checkpointDetails: (jobId: string, checkpointId: number) => [...checkpoint(jobId, checkpointId), 'details'] as const,
  checkpointSubtasks: (jobId: string, checkpointId: number, vertexId: string) =>
    [...checkpoint(jobId, checkpointId), 'subtasks', vertexId] as const,

  vertices,
  vertex,
  vertexDetails: (jobId: string, vertexId: string) => [...vertex(jobId, vertexId), 'details'] as const,
  vertexAccumulators: (jobId: string, vertexId: string) => [...vertex(jobId, vertexId), 'accumulators'] as const,
  vertexBackPressure: (jobId: string, vertexId: string) => [...vertex(jobId, vertexId), 'backpressure'] as const,
  vertexFlameGraph: (jobId: string, vertexId: string, query?: QueryParams) =>
    [...vertex(jobId, vertexId), 'flamegraph', q(query)] as const,
  vertexMetrics: (jobId: string, vertexId: string, query?: QueryParams) =>
    [...vertex(jobId, vertexId), 'metrics', q(query)] as const,
  vertexJmOperatorMetrics: (jobId: string, vertexId: string, query?: QueryParams) =>
    [...vertex(jobId, vertexId), 'jm-operator-metrics', q(query)] as const,
  vertexSubtaskTimes: (jobId: string, vertexId: string) => [...vertex(jobId, vertexId), 'subtasktimes'] as const,
  vertexTaskManagers: (jobId: string, vertexId: string) => [...vertex(jobId, vertexId), 'taskmanagers'] as const,
  vertexWatermarks: (jobId: string, vertexId: string) => [...vertex(jobId, vertexId), 'watermarks'] as const,
  subtasks,
  subtasksAccumulators: (jobId: string, vertexId: string) => [...subtasks(jobId, vertexId), 'accumulators'] as const,
  subtasksMetrics: (jobId: string, vertexId: string, query?: QueryParams) =>
    [...subtasks(jobId, vertexId), 'metrics', q(query)] as const,
  subtask,
  subtaskDetails: (jobId: string, vertexId: string, index: number) =>
    [...subtask(jobId, vertexId, index), 'details'] as const,
  subtaskMetrics: (jobId: string, vertexId: string, index: number, query?: QueryParams) =>
    [...subtask(jobId, vertexId, index), 'metrics', q(query)] as const,
  subtaskAttempt: (jobId: string, vertexId: string, index: number, attempt: number) =>
    [...subtask(jobId, vertexId, index), 'attempt', attempt] as const,
  subtaskAttemptAccumulators: (jobId: string, vertexId: string, index: number, attempt: number) =>
    [...subtask(jobId, vertexId, index), 'attempt', attempt, 'accumulators'] as const,

  taskmanagers,
  taskmanagersList: () => [...taskmanagers(), 'list'] as const,
  taskmanagersMetrics: (query?: QueryParams) => [...taskmanagers(), 'metrics', q(query)] as const,
  taskmanager,
  taskmanagerDetails: (id: string) => [...taskmanager(id), 'details'] as const,
  taskmanagerLogs: (id: string) => [...taskmanager(id), 'logs'] as const,
  taskmanagerLog: (id: string, file: string) => [...taskmanager(id), 'log', file] as const,
  taskmanagerMetrics: (id: string, query?: QueryParams) => [...taskmanager(id), 'metrics', q(query)] as const,
  taskmanagerThreadDump: (id: string) => [...taskmanager(id), 'thread-dump'] as const,
  taskmanagerProfiling: (id: string) => [...taskmanager(id), 'profiler'] as const,
  taskmanagerProfilingFile: (id: string, file: string) => [...taskmanager(id), 'profiler-file', file] as const,

  applications,
  applicationsOverview: () => [...applications(), 'overview'] as const,
  application,
  applicationDetails: (applicationId: string) => [...application(applicationId), 'details'] as const,
  applicationExceptions: (applicationId: string) => [...application(applicationId), 'exceptions'] as const,
  applicationJobManagerConfig: (applicationId: string) => [...application(applicationId), 'jobmanager-config'] as const,

  jars,
  jarsList: () => [...jars(), 'list'] as const,
  jarPlan: (jarId: string, body: unknown) => [...jars(), 'plan', jarId, body] as const,

  datasets,
  datasetsList: () => [...datasets(), 'list'] as const,
  datasetDeletionStatus: (triggerId: string) => [...datasets(), 'delete', triggerId] as const,
} as const;

/**
 * The fleet views' keys (fleet overview, fleet wall, "archived copy" links): one subtree per
 * cluster, so each cluster's answers, errors and refreshes are its own and never mix with the
 * active cluster's `flinkKeys`.
 *
 *   fleet ─ cluster(id) ─ config | overview | jobs-overview
 */
const fleet = () => ['fleet'] as const;
const fleetCluster = (clusterId: string) => [...fleet(), clusterId] as const;

export const fleetKeys = {
  fleet,
  cluster: fleetCluster,
  config: (clusterId: string) => [...fleetCluster(clusterId), 'config'] as const,
  overview: (clusterId: string) => [...fleetCluster(clusterId), 'overview'] as const,
  jobsOverview: (clusterId: string) => [...fleetCluster(clusterId), 'jobs-overview'] as const,
} as const;

/** Whether a query belongs to the fleet views (they show each cluster's reachability themselves). */
export function isFleetKey(queryKey: readonly unknown[]): boolean {
  return queryKey[0] === fleet()[0];
}
