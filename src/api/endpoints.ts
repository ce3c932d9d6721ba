// Every JobManager REST endpoint the dashboard knows: verb and path template, nothing else.
// The client (client.ts) is the only code that turns one of these plus its parameters into a
// URL. A unit test checks this table against the reference list of Flink's REST endpoints, and
// the contract suite records which (verb, template) pairs it exercised against a real cluster.

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface EndpointSpec {
  readonly verb: HttpVerb;
  readonly template: string;
  /** `json` (decoded with a schema) or `text` (log files, served as plain text). */
  readonly response: 'json' | 'text';
}

export const endpoints = {
  // cluster.ts
  shutdownCluster: { verb: 'DELETE', template: '/cluster', response: 'json' },
  webConfig: { verb: 'GET', template: '/config', response: 'json' },
  clusterOverview: { verb: 'GET', template: '/overview', response: 'json' },

  // datasets.ts
  dataSets: { verb: 'GET', template: '/datasets', response: 'json' },
  dataSetDeleteStatus: { verb: 'GET', template: '/datasets/delete/:triggerid', response: 'json' },
  deleteDataSet: { verb: 'DELETE', template: '/datasets/:datasetid', response: 'json' },

  // jars.ts
  jars: { verb: 'GET', template: '/jars', response: 'json' },
  uploadJar: { verb: 'POST', template: '/jars/upload', response: 'json' },
  deleteJar: { verb: 'DELETE', template: '/jars/:jarid', response: 'json' },
  jarPlan: { verb: 'POST', template: '/jars/:jarid/plan', response: 'json' },
  runJar: { verb: 'POST', template: '/jars/:jarid/run', response: 'json' },

  // jobmanager.ts
  jobManagerConfig: { verb: 'GET', template: '/jobmanager/config', response: 'json' },
  jobManagerEnvironment: { verb: 'GET', template: '/jobmanager/environment', response: 'json' },
  jobManagerLogs: { verb: 'GET', template: '/jobmanager/logs', response: 'json' },
  jobManagerMetrics: { verb: 'GET', template: '/jobmanager/metrics', response: 'json' },
  jobManagerThreadDump: { verb: 'GET', template: '/jobmanager/thread-dump', response: 'json' },

  // jobs.ts
  jobsStatuses: { verb: 'GET', template: '/jobs', response: 'json' },
  submitJob: { verb: 'POST', template: '/jobs', response: 'json' },
  jobsMetrics: { verb: 'GET', template: '/jobs/metrics', response: 'json' },
  jobsOverview: { verb: 'GET', template: '/jobs/overview', response: 'json' },
  jobDetails: { verb: 'GET', template: '/jobs/:jobid', response: 'json' },
  cancelJob: { verb: 'PATCH', template: '/jobs/:jobid', response: 'json' },
  jobAccumulators: { verb: 'GET', template: '/jobs/:jobid/accumulators', response: 'json' },
  clientHeartbeat: { verb: 'PATCH', template: '/jobs/:jobid/clientHeartbeat', response: 'json' },
  jobConfig: { verb: 'GET', template: '/jobs/:jobid/config', response: 'json' },
  jobExceptions: { verb: 'GET', template: '/jobs/:jobid/exceptions', response: 'json' },
  jobExecutionResult: { verb: 'GET', template: '/jobs/:jobid/execution-result', response: 'json' },
  jobJobManagerConfig: { verb: 'GET', template: '/jobs/:jobid/jobmanager/config', response: 'json' },
  jobJobManagerEnvironment: { verb: 'GET', template: '/jobs/:jobid/jobmanager/environment', response: 'json' },
  jobJobManagerLogUrl: { verb: 'GET', template: '/jobs/:jobid/jobmanager/log-url', response: 'json' },
  jobMetrics: { verb: 'GET', template: '/jobs/:jobid/metrics', response: 'json' },
  jobPlan: { verb: 'GET', template: '/jobs/:jobid/plan', response: 'json' },
  rescaleJob: { verb: 'PATCH', template: '/jobs/:jobid/rescaling', response: 'json' },
  rescaleStatus: { verb: 'GET', template: '/jobs/:jobid/rescaling/:triggerid', response: 'json' },
  jobResourceRequirements: { verb: 'GET', template: '/jobs/:jobid/resource-requirements', response: 'json' },
  updateJobResourceRequirements: { verb: 'PUT', template: '/jobs/:jobid/resource-requirements', response: 'json' },
  jobStatus: { verb: 'GET', template: '/jobs/:jobid/status', response: 'json' },
  jobTaskManagerLogUrl: { verb: 'GET', template: '/jobs/:jobid/taskmanagers/:taskmanagerid/log-url', response: 'json' },

  // rescales.ts (Flink 2.3+, adaptive scheduler)
  jobRescalesOverview: { verb: 'GET', template: '/jobs/:jobid/rescales/overview', response: 'json' },
  jobRescalesHistory: { verb: 'GET', template: '/jobs/:jobid/rescales/history', response: 'json' },
  jobRescalesSummary: { verb: 'GET', template: '/jobs/:jobid/rescales/summary', response: 'json' },
  jobRescalesConfig: { verb: 'GET', template: '/jobs/:jobid/rescales/config', response: 'json' },
  jobRescaleDetails: { verb: 'GET', template: '/jobs/:jobid/rescales/details/:rescaleuuid', response: 'json' },

  // checkpoints.ts
  checkpoints: { verb: 'GET', template: '/jobs/:jobid/checkpoints', response: 'json' },
  triggerCheckpoint: { verb: 'POST', template: '/jobs/:jobid/checkpoints', response: 'json' },
  checkpointConfig: { verb: 'GET', template: '/jobs/:jobid/checkpoints/config', response: 'json' },
  checkpointDetails: { verb: 'GET', template: '/jobs/:jobid/checkpoints/details/:checkpointid', response: 'json' },
  checkpointSubtasks: {
    verb: 'GET',
    template: '/jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid',
    response: 'json',
  },
  checkpointTriggerStatus: { verb: 'GET', template: '/jobs/:jobid/checkpoints/:triggerid', response: 'json' },

  // savepoints.ts
  triggerSavepoint: { verb: 'POST', template: '/jobs/:jobid/savepoints', response: 'json' },
  savepointStatus: { verb: 'GET', template: '/jobs/:jobid/savepoints/:triggerid', response: 'json' },
  stopWithSavepoint: { verb: 'POST', template: '/jobs/:jobid/stop', response: 'json' },
  disposeSavepoint: { verb: 'POST', template: '/savepoint-disposal', response: 'json' },
  savepointDisposalStatus: { verb: 'GET', template: '/savepoint-disposal/:triggerid', response: 'json' },

  // vertices.ts
  vertexDetails: { verb: 'GET', template: '/jobs/:jobid/vertices/:vertexid', response: 'json' },
  vertexAccumulators: { verb: 'GET', template: '/jobs/:jobid/vertices/:vertexid/accumulators', response: 'json' },
  vertexBackPressure: { verb: 'GET', template: '/jobs/:jobid/vertices/:vertexid/backpressure', response: 'json' },
  vertexFlameGraph: { verb: 'GET', template: '/jobs/:jobid/vertices/:vertexid/flamegraph', response: 'json' },
  vertexJmOperatorMetrics: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/jm-operator-metrics',
    response: 'json',
  },
  vertexMetrics: { verb: 'GET', template: '/jobs/:jobid/vertices/:vertexid/metrics', response: 'json' },
  subtasksAccumulators: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/subtasks/accumulators',
    response: 'json',
  },
  subtasksMetrics: { verb: 'GET', template: '/jobs/:jobid/vertices/:vertexid/subtasks/metrics', response: 'json' },
  subtaskDetails: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex',
    response: 'json',
  },
  subtaskAttempt: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/attempts/:attempt',
    response: 'json',
  },
  subtaskAttemptAccumulators: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/attempts/:attempt/accumulators',
    response: 'json',
  },
  subtaskMetrics: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/metrics',
    response: 'json',
  },
  subtaskTimes: { verb: 'GET', template: '/jobs/:jobid/vertices/:vertexid/subtasktimes', response: 'json' },
  vertexTaskManagers: { verb: 'GET', template: '/jobs/:jobid/vertices/:vertexid/taskmanagers', response: 'json' },
  vertexWatermarks: { verb: 'GET', template: '/jobs/:jobid/vertices/:vertexid/watermarks', response: 'json' },

  // taskmanagers.ts
  taskManagers: { verb: 'GET', template: '/taskmanagers', response: 'json' },
  taskManagersMetrics: { verb: 'GET', template: '/taskmanagers/metrics', response: 'json' },
  taskManagerDetails: { verb: 'GET', template: '/taskmanagers/:taskmanagerid', response: 'json' },
  taskManagerLogs: { verb: 'GET', template: '/taskmanagers/:taskmanagerid/logs', response: 'json' },
  taskManagerMetrics: { verb: 'GET', template: '/taskmanagers/:taskmanagerid/metrics', response: 'json' },
  taskManagerThreadDump: { verb: 'GET', template: '/taskmanagers/:taskmanagerid/thread-dump', response: 'json' },

  // logs.ts: files served as text (not in the REST reference list; Flink's own UI reads them)
  jobManagerLog: { verb: 'GET', template: '/jobmanager/log', response: 'text' },
  jobManagerStdout: { verb: 'GET', template: '/jobmanager/stdout', response: 'text' },
  jobManagerLogFile: { verb: 'GET', template: '/jobmanager/logs/:logname', response: 'text' },
  taskManagerLog: { verb: 'GET', template: '/taskmanagers/:taskmanagerid/log', response: 'text' },
  taskManagerStdout: { verb: 'GET', template: '/taskmanagers/:taskmanagerid/stdout', response: 'text' },
  taskManagerLogFile: { verb: 'GET', template: '/taskmanagers/:taskmanagerid/logs/:logname', response: 'text' },

  // profiler.ts: beyond the reference list (see BEYOND_REFERENCE below); the result files are
  // HTML documents written by async-profiler, read as text and never rendered.
  jobManagerProfiling: { verb: 'GET', template: '/jobmanager/profiler', response: 'json' },
  triggerJobManagerProfiling: { verb: 'POST', template: '/jobmanager/profiler', response: 'json' },
  jobManagerProfilingFile: { verb: 'GET', template: '/jobmanager/profiler/:filename', response: 'text' },
  taskManagerProfiling: { verb: 'GET', template: '/taskmanagers/:taskmanagerid/profiler', response: 'json' },
  triggerTaskManagerProfiling: { verb: 'POST', template: '/taskmanagers/:taskmanagerid/profiler', response: 'json' },
  taskManagerProfilingFile: {
    verb: 'GET',
    template: '/taskmanagers/:taskmanagerid/profiler/:filename',
    response: 'text',
  },
} as const satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof endpoints;
export type Endpoint = (typeof endpoints)[EndpointName];
export type EndpointTemplate = Endpoint['template'];

/** The file endpoints: not REST resources in Flink's reference list, but served by the JobManager. */
export const FILE_ENDPOINT_NAMES = [
  'jobManagerLog',
  'jobManagerStdout',
  'jobManagerLogFile',
  'taskManagerLog',
  'taskManagerStdout',
  'taskManagerLogFile',
] as const satisfies readonly EndpointName[];

const PROFILER_SOURCE =
  'Flink 1.19+ (FLIP-375), registered only with rest.profiling.enabled: true; flink-runtime ' +
  'rest/handler/cluster/{JobManager,TaskManager}Profiling{,List,File}Handler, messages ProfilingRequestBody / ' +
  'ProfilingInfo / ProfilingInfoList; absent from Flink 2.3 REST API docs and OpenAPI file';

const RESCALES_SOURCE =
  'Flink 2.3+, adaptive scheduler only (404 "AdaptiveScheduler is not enabled" / RescalesUnavailableException ' +
  'otherwise); flink-runtime rest/handler/job/rescales/JobRescales{Overview,History,Summary}Handler, ' +
  'JobRescaleConfigHandler, JobRescaleDetailsHandler; in the 2.4-SNAPSHOT OpenAPI file';

/**
 * Endpoints Flink serves that its REST reference list (reference/rest-endpoints.tsv) and OpenAPI
 * file do not name, each with where it comes from.
 */
export const BEYOND_REFERENCE = {
  jobManagerProfiling: PROFILER_SOURCE,
  triggerJobManagerProfiling: PROFILER_SOURCE,
  jobManagerProfilingFile: PROFILER_SOURCE,
  taskManagerProfiling: PROFILER_SOURCE,
  triggerTaskManagerProfiling: PROFILER_SOURCE,
  taskManagerProfilingFile: PROFILER_SOURCE,
  jobRescalesOverview: RESCALES_SOURCE,
  jobRescalesHistory: RESCALES_SOURCE,
  jobRescalesSummary: RESCALES_SOURCE,
  jobRescalesConfig: RESCALES_SOURCE,
  jobRescaleDetails: RESCALES_SOURCE,
} as const satisfies Partial<Record<EndpointName, string>>;

/** The key used for instrumentation and coverage: `GET /jobs/:jobid`. */
export function endpointKey(endpoint: Pick<EndpointSpec, 'verb' | 'template'>): string {
  return `${endpoint.verb} ${endpoint.template}`;
}

/** Every endpoint of the table, as a list. */
export function allEndpoints(): { name: EndpointName; spec: Endpoint }[] {
  return (Object.keys(endpoints) as EndpointName[]).map((name) => ({ name, spec: endpoints[name] }));
}

// ---- path parameters, derived from the template at the type level --------------------------

type ParamNames<T extends string> = T extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : T extends `${string}:${infer Name}`
    ? Name
    : never;

/** Parameters that are numbers in Flink (longs and ints); every other one is a string id. */
export type NumericParamName = 'checkpointid' | 'subtaskindex' | 'attempt';

export type PathParams<T extends string> = {
  readonly [K in ParamNames<T>]: K extends NumericParamName ? number : string;
};

export type ParamName = ParamNames<EndpointTemplate>;
