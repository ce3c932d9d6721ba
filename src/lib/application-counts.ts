// Applications (Flink 2.3) counted the way the overview and the health wall show them.

import type { ApplicationOverview, ApplicationState } from '../api/applications';

export interface ApplicationCounts {
  /** Not yet ended: CREATED, RUNNING, FAILING, CANCELING. */
  readonly running: number;
  readonly finished: number;
  readonly failed: number;
  readonly canceled: number;
}

const BUCKET: Record<ApplicationState, keyof ApplicationCounts> = {
  CREATED: 'running',
  RUNNING: 'running',
  FAILING: 'running',
  CANCELING: 'running',
  FINISHED: 'finished',
  FAILED: 'failed',
  CANCELED: 'canceled',
};

export function countApplications(applications: readonly Pick<ApplicationOverview, 'status'>[]): ApplicationCounts {
  const counts = { running: 0, finished: 0, failed: 0, canceled: 0 };
  for (const app of applications) counts[BUCKET[app.status]] += 1;
  return counts;
}
