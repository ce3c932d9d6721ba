// Every JobManager REST endpoint the dashboard knows: verb and path template, nothing else.
// The client (client.ts) is the only code that turns one of these plus its parameters into a
// URL. A unit test checks this table against the reference list of Flink's REST endpoints, and
// the contract suite records which (verb, template) pairs it exercised against a real cluster.

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The Flink lines this dashboard supports, oldest first: `1.x` is 1.20 (the LTS line), then the
 * 2.x releases that added endpoints. A row exists from its line on, in every later one.
 */
export const FLINK_LINES = ['1.x', '2.3'] as const;
export type FlinkLine = (typeof FLINK_LINES)[number];

/**
 * What a cluster must run for Flink to register an endpoint, beyond its version:
 * `profiling` = `rest.profiling.enabled: true`; `adaptive-scheduler` = `jobmanager.scheduler: adaptive`.
 */
export type ClusterCapability = 'profiling' | 'adaptive-scheduler';

export interface EndpointSpec {
  readonly verb: HttpVerb;
  readonly template: string;
  /** `json` (decoded with a schema) or `text` (log files, served as plain text). */
  readonly response: 'json' | 'text';
  /** The first Flink line that serves it (checked by the contract suite against 1.20 and 2.3). */
  readonly since: FlinkLine;
  /** Served only by clusters with this capability (the contract suite's sandbox has `profiling`). */
  readonly requires?: ClusterCapability;
}

export const endpoints = {
  // cluster.ts
  shutdownCluster: { verb: 'DELETE', template: '/cluster', response: 'json', since: '1.x' },
  webConfig: { verb: 'GET', template: '/config', response: 'json', since: '1.x' },
  clusterOverview: { verb: 'GET', template: '/overview', response: 'json', since: '1.x' },

  // datasets.ts
  dataSets: { verb: 'GET', template: '/datasets', response: 'json', since: '1.x' },
  dataSetDeleteStatus: { verb: 'GET', template: '/datasets/delete/:triggerid', response: 'json', since: '1.x' },
  deleteDataSet: { verb: 'DELETE', template: '/datasets/:datasetid', response: 'json', since: '1.x' },

  // jars.ts
  jars: { verb: 'GET', template: '/jars', response: 'json', since: '1.x' },
  uploadJar: { verb: 'POST', template: '/jars/upload', response: 'json', since: '1.x' },
  deleteJar: { verb: 'DELETE', template: '/jars/:jarid', response: 'json', since: '1.x' },
  jarPlan: { verb: 'POST', template: '/jars/:jarid/plan', response: 'json', since: '1.x' },
  runJar: { verb: 'POST', template: '/jars/:jarid/run', response: 'json', since: '1.x' },
  runJarAsApplication: { verb: 'POST', template: '/jars/:jarid/run-application', response: 'json', since: '2.3' },

  // applications.ts: Flink 2.3's applications (FLIP-549), beyond the reference list
  applicationsOverview: { verb: 'GET', template: '/applications/overview', response: 'json', since: '2.3' },
  applicationDetails: { verb: 'GET', template: '/applications/:applicationid', response: 'json', since: '2.3' },
  cancelApplication: { verb: 'POST', template: '/applications/:applicationid/cancel', response: 'json', since: '2.3' },
  applicationExceptions: {
    verb: 'GET',
    template: '/applications/:applicationid/exceptions',
    response: 'json',
    since: '2.3',
  },
  applicationJobManagerConfig: {
    verb: 'GET',
    template: '/applications/:applicationid/jobmanager/config',
    response: 'json',
    since: '2.3',
  },

  // jobmanager.ts
  jobManagerConfig: { verb: 'GET', template: '/jobmanager/config', response: 'json', since: '1.x' },
  jobManagerEnvironment: { verb: 'GET', template: '/jobmanager/environment', response: 'json', since: '1.x' },
  jobManagerLogs: { verb: 'GET', template: '/jobmanager/logs', response: 'json', since: '1.x' },
  jobManagerMetrics: { verb: 'GET', template: '/jobmanager/metrics', response: 'json', since: '1.x' },
  jobManagerThreadDump: { verb: 'GET', template: '/jobmanager/thread-dump', response: 'json', since: '1.x' },

  // jobs.ts
  jobsStatuses: { verb: 'GET', template: '/jobs', response: 'json', since: '1.x' },
  submitJob: { verb: 'POST', template: '/jobs', response: 'json', since: '1.x' },
  jobsMetrics: { verb: 'GET', template: '/jobs/metrics', response: 'json', since: '1.x' },
  jobsOverview: { verb: 'GET', template: '/jobs/overview', response: 'json', since: '1.x' },
  jobDetails: { verb: 'GET', template: '/jobs/:jobid', response: 'json', since: '1.x' },
  cancelJob: { verb: 'PATCH', template: '/jobs/:jobid', response: 'json', since: '1.x' },
  jobAccumulators: { verb: 'GET', template: '/jobs/:jobid/accumulators', response: 'json', since: '1.x' },
  clientHeartbeat: { verb: 'PATCH', template: '/jobs/:jobid/clientHeartbeat', response: 'json', since: '1.x' },
  jobConfig: { verb: 'GET', template: '/jobs/:jobid/config', response: 'json', since: '1.x' },
  jobExceptions: { verb: 'GET', template: '/jobs/:jobid/exceptions', response: 'json', since: '1.x' },
  jobExecutionResult: { verb: 'GET', template: '/jobs/:jobid/execution-result', response: 'json', since: '1.x' },
  jobJobManagerConfig: { verb: 'GET', template: '/jobs/:jobid/jobmanager/config', response: 'json', since: '1.x' },
  jobJobManagerEnvironment: {
    verb: 'GET',
    template: '/jobs/:jobid/jobmanager/environment',
    response: 'json',
    since: '1.x',
  },
  jobJobManagerLogUrl: { verb: 'GET', template: '/jobs/:jobid/jobmanager/log-url', response: 'json', since: '1.x' },
  jobMetrics: { verb: 'GET', template: '/jobs/:jobid/metrics', response: 'json', since: '1.x' },
  jobPlan: { verb: 'GET', template: '/jobs/:jobid/plan', response: 'json', since: '1.x' },
  rescaleJob: { verb: 'PATCH', template: '/jobs/:jobid/rescaling', response: 'json', since: '1.x' },
  rescaleStatus: { verb: 'GET', template: '/jobs/:jobid/rescaling/:triggerid', response: 'json', since: '1.x' },
  jobResourceRequirements: {
    verb: 'GET',
    template: '/jobs/:jobid/resource-requirements',
    response: 'json',
    since: '1.x',
  },
  updateJobResourceRequirements: {
    verb: 'PUT',
    template: '/jobs/:jobid/resource-requirements',
    response: 'json',
    since: '1.x',
  },
  jobStatus: { verb: 'GET', template: '/jobs/:jobid/status', response: 'json', since: '1.x' },
  jobTaskManagerLogUrl: {
    verb: 'GET',
    template: '/jobs/:jobid/taskmanagers/:taskmanagerid/log-url',
    response: 'json',
    since: '1.x',
  },

  // rescales.ts: Flink 2.3+, in the 2.4-SNAPSHOT OpenAPI file. They answer only for a job on the adaptive
  // scheduler (404 "AdaptiveScheduler is not enabled" / RescalesUnavailableException otherwise), with
  // `web.adaptive-scheduler.rescale-history.size` > 0 (flink-runtime rest/handler/job/rescales).
  jobRescalesOverview: {
    verb: 'GET',
    template: '/jobs/:jobid/rescales/overview',
    response: 'json',
    since: '2.3',
    requires: 'adaptive-scheduler',
  },
  jobRescalesHistory: {
    verb: 'GET',
    template: '/jobs/:jobid/rescales/history',
    response: 'json',
    since: '2.3',
    requires: 'adaptive-scheduler',
  },
  jobRescalesSummary: {
    verb: 'GET',
    template: '/jobs/:jobid/rescales/summary',
    response: 'json',
    since: '2.3',
    requires: 'adaptive-scheduler',
  },
  jobRescalesConfig: {
    verb: 'GET',
    template: '/jobs/:jobid/rescales/config',
    response: 'json',
    since: '2.3',
    requires: 'adaptive-scheduler',
  },
  jobRescaleDetails: {
    verb: 'GET',
    template: '/jobs/:jobid/rescales/details/:rescaleuuid',
    response: 'json',
    since: '2.3',
    requires: 'adaptive-scheduler',
  },

  // checkpoints.ts
  checkpoints: { verb: 'GET', template: '/jobs/:jobid/checkpoints', response: 'json', since: '1.x' },
  triggerCheckpoint: { verb: 'POST', template: '/jobs/:jobid/checkpoints', response: 'json', since: '1.x' },
  checkpointConfig: { verb: 'GET', template: '/jobs/:jobid/checkpoints/config', response: 'json', since: '1.x' },
  checkpointDetails: {
    verb: 'GET',
    template: '/jobs/:jobid/checkpoints/details/:checkpointid',
    response: 'json',
    since: '1.x',
  },
  checkpointSubtasks: {
    verb: 'GET',
    template: '/jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid',
    response: 'json',
    since: '1.x',
  },
  checkpointTriggerStatus: {
    verb: 'GET',
    template: '/jobs/:jobid/checkpoints/:triggerid',
    response: 'json',
    since: '1.x',
  },

  // savepoints.ts
  triggerSavepoint: { verb: 'POST', template: '/jobs/:jobid/savepoints', response: 'json', since: '1.x' },
  savepointStatus: { verb: 'GET', template: '/jobs/:jobid/savepoints/:triggerid', response: 'json', since: '1.x' },
  stopWithSavepoint: { verb: 'POST', template: '/jobs/:jobid/stop', response: 'json', since: '1.x' },
  disposeSavepoint: { verb: 'POST', template: '/savepoint-disposal', response: 'json', since: '1.x' },
  savepointDisposalStatus: { verb: 'GET', template: '/savepoint-disposal/:triggerid', response: 'json', since: '1.x' },

  // vertices.ts
  vertexDetails: { verb: 'GET', template: '/jobs/:jobid/vertices/:vertexid', response: 'json', since: '1.x' },
  vertexAccumulators: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/accumulators',
    response: 'json',
    since: '1.x',
  },
  vertexBackPressure: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/backpressure',
    response: 'json',
    since: '1.x',
  },
  vertexFlameGraph: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/flamegraph',
    response: 'json',
    since: '1.x',
  },
  vertexJmOperatorMetrics: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/jm-operator-metrics',
    response: 'json',
    since: '1.x',
  },
  vertexMetrics: { verb: 'GET', template: '/jobs/:jobid/vertices/:vertexid/metrics', response: 'json', since: '1.x' },
  subtasksAccumulators: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/subtasks/accumulators',
    response: 'json',
    since: '1.x',
  },
  subtasksMetrics: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/subtasks/metrics',
    response: 'json',
    since: '1.x',
  },
  subtaskDetails: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex',
    response: 'json',
    since: '1.x',
  },
  subtaskAttempt: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/attempts/:attempt',
    response: 'json',
    since: '1.x',
  },
  subtaskAttemptAccumulators: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/attempts/:attempt/accumulators',
    response: 'json',
    since: '1.x',
  },
  subtaskMetrics: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/metrics',
    response: 'json',
    since: '1.x',
  },
  subtaskTimes: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/subtasktimes',
    response: 'json',
    since: '1.x',
  },
  vertexTaskManagers: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/taskmanagers',
    response: 'json',
    since: '1.x',
  },
  vertexWatermarks: {
    verb: 'GET',
    template: '/jobs/:jobid/vertices/:vertexid/watermarks',
    response: 'json',
    since: '1.x',
  },

  // taskmanagers.ts
  taskManagers: { verb: 'GET', template: '/taskmanagers', response: 'json', since: '1.x' },
  taskManagersMetrics: { verb: 'GET', template: '/taskmanagers/metrics', response: 'json', since: '1.x' },
  taskManagerDetails: { verb: 'GET', template: '/taskmanagers/:taskmanagerid', response: 'json', since: '1.x' },
  taskManagerLogs: { verb: 'GET', template: '/taskmanagers/:taskmanagerid/logs', response: 'json', since: '1.x' },
  taskManagerMetrics: { verb: 'GET', template: '/taskmanagers/:taskmanagerid/metrics', response: 'json', since: '1.x' },
  taskManagerThreadDump: {
    verb: 'GET',
    template: '/taskmanagers/:taskmanagerid/thread-dump',
    response: 'json',
    since: '1.x',
  },

  // logs.ts: files served as text (not in the REST reference list; Flink's own UI reads them)
  jobManagerLog: { verb: 'GET', template: '/jobmanager/log', response: 'text', since: '1.x' },
  jobManagerStdout: { verb: 'GET', template: '/jobmanager/stdout', response: 'text', since: '1.x' },
  jobManagerLogFile: { verb: 'GET', template: '/jobmanager/logs/:logname', response: 'text', since: '1.x' },
  taskManagerLog: { verb: 'GET', template: '/taskmanagers/:taskmanagerid/log', response: 'text', since: '1.x' },
  taskManagerStdout: { verb: 'GET', template: '/taskmanagers/:taskmanagerid/stdout', response: 'text', since: '1.x' },
  taskManagerLogFile: {
    verb: 'GET',
    template: '/taskmanagers/:taskmanagerid/logs/:logname',
    response: 'text',
    since: '1.x',
  },

  // profiler.ts: beyond the reference list (see BEYOND_REFERENCE below); the result files are
  // HTML documents written by async-profiler, read as text and never rendered.
  jobManagerProfiling: {
    verb: 'GET',
    template: '/jobmanager/profiler',
    response: 'json',
    since: '1.x',
    requires: 'profiling',
  },
  triggerJobManagerProfiling: {
    verb: 'POST',
    template: '/jobmanager/profiler',
    response: 'json',
    since: '1.x',
    requires: 'profiling',
  },
  jobManagerProfilingFile: {
    verb: 'GET',
    template: '/jobmanager/profiler/:filename',
    response: 'text',
    since: '1.x',
    requires: 'profiling',
  },
  taskManagerProfiling: {
    verb: 'GET',
    template: '/taskmanagers/:taskmanagerid/profiler',
    response: 'json',
    since: '1.x',
    requires: 'profiling',
  },
  triggerTaskManagerProfiling: {
    verb: 'POST',
    template: '/taskmanagers/:taskmanagerid/profiler',
    response: 'json',
    since: '1.x',
    requires: 'profiling',
  },
  taskManagerProfilingFile: {
    verb: 'GET',
    template: '/taskmanagers/:taskmanagerid/profiler/:filename',
    response: 'text',
    since: '1.x',
    requires: 'profiling',
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
} as const satisfies Partial<Record<EndpointName, string>>;

/** Major and minor of a Flink version string (`2.3.0`, `1.20-SNAPSHOT`); undefined when unreadable. */
function majorMinor(version: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/**
 * Whether a Flink version (`/config`'s `flink-version`) is of this line or later. `1.x` holds for
 * every version; an unreadable version counts as the oldest line (nothing newer is assumed).
 */
export function versionReaches(version: string | undefined, line: FlinkLine): boolean {
  if (line === '1.x') return true;
  const have = version === undefined ? undefined : majorMinor(version);
  const want = majorMinor(line);
  if (!have || !want) return false;
  return have[0] > want[0] || (have[0] === want[0] && have[1] >= want[1]);
}

/** Whether a cluster of this version, with these capabilities, serves the endpoint. */
export function isServed(
  spec: Pick<EndpointSpec, 'since' | 'requires'>,
  version: string | undefined,
  capabilities: ReadonlySet<ClusterCapability> = new Set(),
): boolean {
  return versionReaches(version, spec.since) && (spec.requires === undefined || capabilities.has(spec.requires));
}

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
