import { useEffect, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { isJobId } from '../api/ids';
import { jobDetailsQueryOptions, type JobDetails } from '../api/jobs';
import { usePolledQuery } from '../api/polling';
import { preloadECharts } from '../charts/EChart';
import { QueryState } from '../components/QueryState';
import { CheckpointDetail } from '../features/checkpoints/CheckpointDetail';
import { CheckpointsTab } from '../features/checkpoints/CheckpointsTab';
import { ExceptionsTab } from '../features/exceptions/ExceptionsTab';
import { JobGraphView } from '../features/job-graph/JobGraphView';
import { ConfigurationTab } from '../features/job-configuration/ConfigurationTab';
import { JobActions } from '../features/operations/JobActions';
import { TimelineTab } from '../features/timeline/TimelineTab';
import { JobHeader } from '../features/job-header/JobHeader';
import { JobTabs } from '../features/job-header/JobTabs';
import { UnknownJob } from '../features/job-header/UnknownJob';
import { useDocumentTitle } from '../features/job-header/useDocumentTitle';
import { parseTab, type JobTab } from '../lib/paths';

interface JobTabView {
  readonly id: JobTab;
  readonly label: string;
  readonly render: (jobId: string, details: JobDetails) => ReactNode;
}

/**
 * The job's views, in the order of their links. A view is one entry here (its id must be one of
 * `JOB_TABS` in lib/paths); only views listed here get a link, and an unknown or not yet built
 * tab in the URL falls back to the first.
 */
const TABS: readonly [JobTabView, ...JobTabView[]] = [
  // Keyed by job: moving from one job's graph to another's (a link, the kiosk's rotation) starts
  // a fresh view, instead of asking the new job for the watermarks of the old job's vertices.
  { id: 'graph', label: 'Graph', render: (jobId, details) => <JobGraphView key={jobId} jobId={jobId} details={details} /> },
  { id: 'exceptions', label: 'Exceptions', render: (jobId) => <ExceptionsTab jobId={jobId} /> },
  { id: 'checkpoints', label: 'Checkpoints', render: (jobId) => <CheckpointsTab jobId={jobId} /> },
  { id: 'timeline', label: 'Timeline', render: (jobId) => <TimelineTab jobId={jobId} /> },
  { id: 'configuration', label: 'Configuration', render: (jobId) => <ConfigurationTab jobId={jobId} /> },
];

/** One job: header, view links, and the view named by the URL (`#/jobs/<id>/<tab>`). */
export function JobPage(): ReactNode {
  const { jobId = '', tab, checkpointId } = useParams();
  const details = usePolledQuery(jobDetailsQueryOptions(jobId));
  // `#/jobs/<id>/checkpoints/<checkpointId>` is one checkpoint, inside the checkpoints view.
  const activeId = checkpointId === undefined ? parseTab(TABS.map((t) => t.id), tab) : 'checkpoints';
  const active = TABS.find((t) => t.id === activeId) ?? TABS[0];
  useDocumentTitle(details.data?.name);
  // Most job views draw charts: compile the chart library while the user reads, not after a click.
  useEffect(() => {
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(preloadECharts, 2000);
      return () => window.clearTimeout(timer);
    }
    const id = window.requestIdleCallback(preloadECharts, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }, []);

  if (!isJobId(jobId)) {
    return (
      <div className="page">
        <UnknownJob jobId={jobId} malformed />
      </div>
    );
  }
  // Also when data was on screen (QueryState's notFound wins over it): a JobManager that restarted
  // without HA no longer knows the job, and its last details must not stay up as if merely stale.
  return (
    <div className="page job-page">
      <QueryState query={details} what="the job" notFound={<UnknownJob jobId={jobId} />}>
        {(data) => (
          <>
            <JobHeader details={data} receivedAt={details.dataUpdatedAt} actions={<JobActions jobId={jobId} />} />
            <JobTabs jobId={jobId} tabs={TABS} active={active.id} />
            {checkpointId === undefined ? (
              active.render(jobId, data)
            ) : (
              <CheckpointDetail jobId={jobId} checkpointId={Number(checkpointId)} />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
