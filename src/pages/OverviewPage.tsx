import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { applicationsOverviewQueryOptions } from '../api/applications';
import { clusterOverviewQueryOptions } from '../api/cluster';
import { endpoints } from '../api/endpoints';
import { jobsOverviewQueryOptions } from '../api/jobs';
import { useHistoryServer, usePolledQuery } from '../api/polling';
import { links } from '../lib/paths';
import { taskManagersQueryOptions } from '../api/taskmanagers';
import { useRuntimeConfig } from '../app/runtime-config-context';
import { QueryState } from '../components/QueryState';
import { ExportSnapshotButton } from '../features/snapshot/ExportSnapshotButton';
import { OpenSnapshot } from '../features/snapshot/OpenSnapshot';
import { ClusterSummary } from '../features/cluster-overview/ClusterSummary';
import { countApplications } from '../lib/application-counts';
import { byUrgency, countByState, isActive } from '../lib/job-states';
import { useServes } from '../lib/use-served';
import { JobsSummaryTable } from '../features/cluster-overview/JobsSummaryTable';
import { TaskManagersSummary } from '../features/cluster-overview/TaskManagersSummary';
import { TriagePanel } from '../features/cluster-overview/TriagePanel';

export function OverviewPage(): ReactNode {
  const overview = usePolledQuery(clusterOverviewQueryOptions());
  const jobs = usePolledQuery(jobsOverviewQueryOptions());
  const taskManagers = usePolledQuery(taskManagersQueryOptions());
  // Applications (Flink 2.3+) are counted where the cluster has them: asked only then.
  const applicationsServed = useServes(endpoints.applicationsOverview).served === true;
  const applications = usePolledQuery({ ...applicationsOverviewQueryOptions(), enabled: applicationsServed });
  const jobList = jobs.data?.jobs ?? [];
  const { clusterName } = useRuntimeConfig();
  // A History Server has no cluster: its page is the list of archived jobs.
  const history = useHistoryServer();
  if (history) return <Navigate to={links.jobs()} replace />;

  return (
    <div className="page">
      <div className="overview-title-row">
        <h1>Cluster overview</h1>
        <ExportSnapshotButton scope="cluster" clusterName={clusterName} />
      </div>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="visually-hidden">
          Summary
        </h2>
        <QueryState query={overview} what="the cluster overview">
          {(data) => (
            <ClusterSummary
              overview={data}
              jobsByState={countByState(jobList)}
              applications={
                applicationsServed && applications.data ? countApplications(applications.data.applications) : undefined
              }
            />
          )}
        </QueryState>
      </section>
      <TriagePanel />
      <section aria-labelledby="jobs-heading">
        <h2 id="jobs-heading">Jobs</h2>
        <QueryState query={jobs} what="the jobs">
          {(data) => {
            const ordered = byUrgency(data.jobs);
            return (
              <>
                <JobsSummaryTable caption="Running jobs" jobs={ordered.filter((j) => isActive(j.state))} />
                <JobsSummaryTable caption="Completed jobs" jobs={ordered.filter((j) => !isActive(j.state))} />
              </>
            );
          }}
        </QueryState>
      </section>
      <section aria-labelledby="tm-heading">
        <h2 id="tm-heading">Task managers</h2>
        <QueryState query={taskManagers} what="the task managers">
          {(data) => <TaskManagersSummary taskManagers={data.taskmanagers} />}
        </QueryState>
      </section>
      <OpenSnapshot />
    </div>
  );
}
