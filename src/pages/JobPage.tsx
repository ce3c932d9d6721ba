import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { isJobId } from '../api/ids';
import { jobDetailsQueryOptions } from '../api/jobs';
import { useHistoryServer, usePolledQuery } from '../api/polling';
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
              <jobTabContext.Outlet key={jobId} context={{ jobId, details: data }} />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

/** The router's entry to this page: the page and its tabs as child routes. */
export const tabbedPageRoute: TabbedPageRoute = { Component: JobPage, children: tabRoutes(JOB_TAB_TABLE) };
