import type { JobDetails } from '../api/jobs';
import { JOB_TABS } from '../lib/paths';
import { tabContext, tabTable } from '../lib/tabs';

/** What the job page hands its views: the job is known to exist and its details are loaded. */
export interface JobTabContext {
  readonly jobId: string;
  readonly details: JobDetails;
}

export const jobTabContext = tabContext<JobTabContext>();
const { view } = jobTabContext;

/** The job's views (`#/jobs/<id>/<tab>`), each in its own chunk. */
export const JOB_TAB_TABLE = tabTable(JOB_TABS, {
  graph: {
    label: 'Graph',
    load: view(
      async () => (await import('../features/job-graph/JobGraphView')).JobGraphView,
      ({ jobId, details }) => ({ jobId, details }),
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
    load: view(
      async () => (await import('../features/failures/FailuresTab')).FailuresTab,
      ({ jobId, details }) => ({ jobId, details }),
    ),
  },
  'data-skew': {
    label: 'Data skew',
    load: view(
      async () => (await import('../features/data-skew/DataSkewTab')).DataSkewTab,
      ({ jobId, details }) => ({ jobId, details }),
    ),
  },
  checkpoints: {
    label: 'Checkpoints',
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
  timeline: {
    label: 'Timeline',
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
