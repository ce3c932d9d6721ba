// Route patterns and link builders in one place. Routes live in the URL hash (`#/jobs/...`), so
// a deep link reloads at any sub-path with no server rewriting (see README, deployment).

// Each tabbed page's tab ids (URL segments), in link order. They type the links below; each
// page's tab table (pages/*-tabs.ts) has exactly one row per id, checked by the compiler, and
// becomes the page's child routes.
export const JOB_TABS = [
  'graph',
  'exceptions',
  'failures',
  'data-skew',
  'checkpoints',
  'rescales',
  'timeline',
  'configuration',
] as const;
export type JobTab = (typeof JOB_TABS)[number];

export const VERTEX_TABS = [
  'subtasks',
  'taskmanagers',
  'backpressure',
  'watermarks',
  'accumulators',
  'metrics',
  'flamegraph',
] as const;
export type VertexTab = (typeof VERTEX_TABS)[number];

export const TASK_MANAGER_TABS = ['metrics', 'logs', 'stdout', 'thread-dump', 'profiler'] as const;
export type TaskManagerTab = (typeof TASK_MANAGER_TABS)[number];

export const JOB_MANAGER_TABS = [
  'configuration',
  'environment',
  'metrics',
  'logs',
  'stdout',
  'thread-dump',
  'profiler',
] as const;
export type JobManagerTab = (typeof JOB_MANAGER_TABS)[number];

export const routes = {
  overview: '/',
  /** Flink 2.3's applications (a line without them says so on the page). */
  applications: '/applications',
  application: '/applications/:applicationId',
  jobs: '/jobs',
  // Tabbed pages: their tabs are child routes (`<page>/<tab>`, see lib/tabs).
  job: '/jobs/:jobId',
  vertex: '/jobs/:jobId/vertices/:vertexId',
  taskManagers: '/taskmanagers',
  taskManager: '/taskmanagers/:taskManagerId',
  jobManager: '/jobmanager',
  metrics: '/metrics',
  jars: '/jars',
  operations: '/operations',
  /** The health wall (kiosk mode's first view; also a page of its own). */
  wall: '/kiosk',
  /** What is wrong now, across every running job. */
  triage: '/triage',
  /** With `clusters` in config.json: the fleet overview (outside any cluster's `/c/<id>`). */
  fleet: '/fleet',
  /** With `clusters`: one cluster's views, each of the routes above inside it (router basename). */
  cluster: '/c/:clusterId',
} as const;

/** The route prefix of one cluster's views (`/c/<id>`): its router's basename. */
export function clusterBase(clusterId: string): string {
  return `/c/${encodeURIComponent(clusterId)}`;
}

/** An id (job, vertex, task manager) as one path segment: `:` and `/` in it stay inside it. */
const encodeSegment = encodeURIComponent;

export const links = {
  overview: (): string => '/',
  applications: (): string => '/applications',
  application: (applicationId: string): string => `/applications/${encodeSegment(applicationId)}`,
  jobs: (): string => '/jobs',
  job: (jobId: string, tab?: JobTab): string => `/jobs/${encodeSegment(jobId)}${tab ? `/${tab}` : ''}`,
  vertex: (jobId: string, vertexId: string, tab?: VertexTab): string =>
    `/jobs/${encodeSegment(jobId)}/vertices/${encodeSegment(vertexId)}${tab ? `/${tab}` : ''}`,
  /** One entry of the job's exception history, picked by its timestamp (`?at=`, the exceptions tab's param). */
  exception: (jobId: string, timestamp: number): string =>
    `/jobs/${encodeSegment(jobId)}/exceptions?at=${Math.round(timestamp)}`,
  checkpoint: (jobId: string, checkpointId: number): string =>
    `/jobs/${encodeSegment(jobId)}/checkpoints/${checkpointId}`,
  taskManagers: (): string => '/taskmanagers',
  taskManager: (taskManagerId: string, tab?: TaskManagerTab): string =>
    `/taskmanagers/${encodeSegment(taskManagerId)}${tab ? `/${tab}` : ''}`,
  jobManager: (tab?: JobManagerTab): string => `/jobmanager${tab ? `/${tab}` : ''}`,
  metrics: (): string => '/metrics',
  jars: (): string => '/jars',
  operations: (): string => '/operations',
  wall: (): string => '/kiosk',
  triage: (): string => '/triage',
  /** The fleet overview: an href outside any cluster, so `'#' + links.fleet()`. */
  fleet: (): string => '/fleet',
  /**
   * A view of another cluster than the active one (`/c/<id><path>`, path from the builders
   * above): an href that crosses clusters, so `'#' + links.inCluster(id, links.job(jobId))`.
   */
  inCluster: (clusterId: string, path: string): string =>
    `${clusterBase(clusterId)}${path.startsWith('/') ? path : `/${path}`}`,
};
