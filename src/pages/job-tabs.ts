import type { JobDetails } from '../api/jobs';
import { preloadECharts } from '../charts/EChart';
import { JOB_TABS, type JobTab } from '../lib/paths';
import { tabContext, tabTable } from '../lib/tabs';

/** What the job page hands its views: the job is known to exist and its details are loaded. */
export interface JobTabContext {
  readonly jobId: string;
  readonly details: JobDetails;
  /** When the details were received (epoch ms): changes with every refresh, even when they do not. */
  readonly receivedAt: number;
}

export const jobTabContext = tabContext<JobTabContext>();
const { view } = jobTabContext;

const ARCHIVE_LACKS = "A History Server's archive holds no";

/** The job's views (`#/jobs/<id>/<tab>`), each in its own chunk. */
export const JOB_TAB_TABLE = tabTable(JOB_TABS, {
  graph: {
    label: 'Graph',
    load: view(
      async () => (await import('../features/job-graph/JobGraphView')).JobGraphView,
      ({ jobId, details, receivedAt }) => ({ jobId, details, receivedAt }),
    ),
  },
  exceptions: {
    label: 'Exceptions',
    load: view(
      async () => (await import('../features/exceptions/ExceptionsTab')).ExceptionsTab,
      ({ jobId }) => ({ jobId }),
    ),
  },
  failures: {
    label: 'Failures',
    prefetch: preloadECharts,
    load: view(
      async () => (await import('../features/failures/FailuresTab')).FailuresTab,
      ({ jobId, details }) => ({ jobId, details }),
    ),
  },
  'data-skew': {
    label: 'Data skew',
    notArchived: `${ARCHIVE_LACKS} records metrics, so it cannot show data skew.`,
    load: view(
      async () => (await import('../features/data-skew/DataSkewTab')).DataSkewTab,
      ({ jobId, details }) => ({ jobId, details }),
    ),
  },
  checkpoints: {
    label: 'Checkpoints',
    prefetch: preloadECharts,
    load: view(
      async () => (await import('../features/checkpoints/CheckpointsTab')).CheckpointsTab,
      ({ jobId }) => ({ jobId }),
    ),
    // `#/jobs/<id>/checkpoints/<checkpointId>` is one checkpoint, inside the checkpoints view.
    subRoutes: [
      {
        path: ':checkpointId',
        load: view(
          async () => (await import('../features/checkpoints/CheckpointDetail')).CheckpointDetail,
          ({ jobId }, params) => ({
            jobId,
            checkpointId: Number(params.checkpointId),
          }),
        ),
      },
    ],
  },
  // Listed only for jobs on the adaptive scheduler (see `jobTabShown`).
  rescales: {
    label: 'Rescales',
    load: view(
      async () => (await import('../features/rescales/RescalesTab')).RescalesTab,
      ({ jobId, details }) => ({ jobId, details }),
    ),
  },
  timeline: {
    label: 'Timeline',
    prefetch: preloadECharts,
    load: view(
      async () => (await import('../features/timeline/TimelineTab')).TimelineTab,
      ({ jobId }) => ({ jobId }),
    ),
  },
  configuration: {
    label: 'Configuration',
    load: view(
      async () => (await import('../features/job-configuration/ConfigurationTab')).ConfigurationTab,
      ({ jobId }) => ({ jobId }),
    ),
  },
});

/**
 * Whether the job's page lists a tab: Rescales only where Flink records them, for jobs whose
 * details say `schedulerType: "Adaptive"` (2.3; 1.20 has no such field and no rescales endpoints).
 */
export function jobTabShown(tab: JobTab, details: JobDetails): boolean {
  return tab !== 'rescales' || details.schedulerType === 'Adaptive';
}
