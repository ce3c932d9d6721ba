import { useEffect, useRef, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { isJobId } from '../api/ids';
import { jobDetailsQueryOptions } from '../api/jobs';
import { useHistoryServer, usePolledQuery } from '../api/polling';
import { LARGE_GRAPH } from '../charts/job-graph/limits';
import { QueryState } from '../components/QueryState';
import { TabNav } from '../components/TabNav';
import { useClusterScope } from '../app/cluster-context';
import { useRuntimeConfig } from '../app/runtime-config-context';
import { ArchivedCopyLink } from '../features/fleet/ArchivedCopyLink';
import { WatchJob } from '../features/notifications/WatchJob';
import { JobActions } from '../features/operations/JobActions';
import { ExportSnapshotButton } from '../features/snapshot/ExportSnapshotButton';
import { JobHeader } from '../features/job-header/JobHeader';
import { UnknownJob } from '../features/job-header/UnknownJob';
import { useDocumentTitle } from '../features/job-header/useDocumentTitle';
import { links } from '../lib/paths';
import type { TabbedPageRoute } from '../lib/tab-routes';
import { tabRoutes, useActiveTab } from '../lib/tabs';
import { JOB_TAB_TABLE, jobTabContext, jobTabShown } from './job-tabs';

/** One job: header, view links, and the view the URL names (a child route, see job-tabs). */
export function JobPage(): ReactNode {
  const { jobId = '' } = useParams();
  const details = usePolledQuery(jobDetailsQueryOptions(jobId));
  const { clusterName } = useRuntimeConfig();
  useDocumentTitle(details.data?.name);
  const history = useHistoryServer();
  const fleet = useClusterScope();
  const active = useActiveTab(JOB_TAB_TABLE);
  // A large graph takes the layout worker hundreds of milliseconds: lay it out as soon as the job's
  // details arrive, whichever view is open, so that "Graph" draws at once (cached by structure).
  const prewarmed = useRef('');
  const data = details.data;
  useEffect(() => {
    if (!data || data.vertices.length <= LARGE_GRAPH || prewarmed.current === jobId) return;
    prewarmed.current = jobId;
    import('../features/job-graph/structure').then(
      (m) => m.prewarmJobGraph(data),
      () => undefined, // the Graph view reports a chunk that does not load
    );
  }, [jobId, data]);

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
            <JobHeader
              details={data}
              receivedAt={details.dataUpdatedAt}
              actions={
                <>
                  <JobActions jobId={jobId} />
                  {!history && <WatchJob jobId={jobId} jobName={data.name} />}
                  {!history && <ExportSnapshotButton scope="job" jobId={jobId} clusterName={clusterName} />}
                </>
              }
            />
            {fleet?.active && !history && (
              <ArchivedCopyLink
                clusters={fleet.clusters}
                clusterId={fleet.active.id}
                jobId={jobId}
                state={data.state}
              />
            )}
            <TabNav
              label="Job views"
              tabs={JOB_TAB_TABLE}
              linkTo={(tab) => links.job(jobId, tab)}
              shown={(tab) => jobTabShown(tab, data)}
              archiveOnly={history}
            />
            {/* Keyed by job: moving from one job's view to another's (a link, the kiosk's rotation)
                starts a fresh view, instead of asking the new job for the old job's vertices. */}
            {history && active.notArchived !== undefined ? (
              <p className="empty">{active.notArchived}</p>
            ) : (
              <jobTabContext.Outlet key={jobId} context={{ jobId, details: data, receivedAt: details.dataUpdatedAt }} />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

/** The router's entry to this page: the page and its tabs as child routes. */
export const tabbedPageRoute: TabbedPageRoute = { Component: JobPage, children: tabRoutes(JOB_TAB_TABLE) };
