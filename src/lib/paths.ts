// Route patterns and link builders in one place. Routes live in the URL hash (`#/jobs/...`), so
// a deep link reloads at any sub-path with no server rewriting (see README, deployment).

export const JOB_TABS = ['graph', 'exceptions', 'checkpoints', 'timeline', 'configuration'] as const;
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

export const TASK_MANAGER_TABS = ['metrics', 'logs', 'stdout', 'thread-dump'] as const;
export type TaskManagerTab = (typeof TASK_MANAGER_TABS)[number];

export const JOB_MANAGER_TABS = ['configuration', 'environment', 'metrics', 'logs', 'stdout', 'thread-dump'] as const;
export type JobManagerTab = (typeof JOB_MANAGER_TABS)[number];

export const routes = {
  overview: '/',
  jobs: '/jobs',
  job: '/jobs/:jobId/:tab?',
  vertex: '/jobs/:jobId/vertices/:vertexId/:tab?',
  checkpoint: '/jobs/:jobId/checkpoints/:checkpointId',
  taskManagers: '/taskmanagers',
  taskManager: '/taskmanagers/:taskManagerId/:tab?',
  jobManager: '/jobmanager/:tab?',
  metrics: '/metrics',
  jars: '/jars',
  operations: '/operations',
  /** The health wall (kiosk mode's first view; also a page of its own). */
  wall: '/kiosk',
} as const;

const seg = encodeURIComponent;

export const links = {
  overview: (): string => '/',
  jobs: (): string => '/jobs',
  job: (jobId: string, tab?: JobTab): string => `/jobs/${seg(jobId)}${tab ? `/${tab}` : ''}`,
  vertex: (jobId: string, vertexId: string, tab?: VertexTab): string =>
    `/jobs/${seg(jobId)}/vertices/${seg(vertexId)}${tab ? `/${tab}` : ''}`,
  checkpoint: (jobId: string, checkpointId: number): string => `/jobs/${seg(jobId)}/checkpoints/${checkpointId}`,
  taskManagers: (): string => '/taskmanagers',
  taskManager: (taskManagerId: string, tab?: TaskManagerTab): string =>
    `/taskmanagers/${seg(taskManagerId)}${tab ? `/${tab}` : ''}`,
  jobManager: (tab?: JobManagerTab): string => `/jobmanager${tab ? `/${tab}` : ''}`,
  metrics: (): string => '/metrics',
  jars: (): string => '/jars',
  operations: (): string => '/operations',
  wall: (): string => '/kiosk',
};

/** Reads a tab segment from the URL, falling back to the first tab for anything unknown. */
export function parseTab<T extends string>(tabs: readonly T[], value: string | undefined): T {
  const found = tabs.find((t) => t === value);
  return found ?? (tabs[0] as T);
}
