// Route patterns and link builders in one place. Routes live in the URL hash (`#/jobs/...`), so
// a deep link reloads at any sub-path with no server rewriting (see README, deployment).

export const routes = {
  overview: '/',
  jobs: '/jobs',
  job: '/jobs/:jobId',
  taskManagers: '/taskmanagers',
  taskManager: '/taskmanagers/:taskManagerId',
} as const;

export const links = {
  overview: (): string => '/',
  jobs: (): string => '/jobs',
  job: (jobId: string): string => `/jobs/${encodeURIComponent(jobId)}`,
  taskManagers: (): string => '/taskmanagers',
  taskManager: (taskManagerId: string): string => `/taskmanagers/${encodeURIComponent(taskManagerId)}`,
};
