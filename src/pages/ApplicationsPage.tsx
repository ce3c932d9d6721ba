import type { ReactNode } from 'react';
import { endpoints } from '../api/endpoints';
import { ApplicationsList } from '../features/applications/ApplicationsList';
import { useServes } from '../lib/use-served';

/** Says, without asking the JobManager, that a Flink line before 2.3 has no applications. */
export function NoApplications({ flinkVersion }: { flinkVersion: string }): ReactNode {
  return (
    <p className="empty">
      This cluster runs Flink {flinkVersion}, which has no applications: they came with Flink 2.3. Its jobs are on the
      Jobs page.
    </p>
  );
}

/** Flink 2.3's applications, running and completed; older lines are told plainly. */
export function ApplicationsPage(): ReactNode {
  const { served, flinkVersion } = useServes(endpoints.applicationsOverview);
  return (
    <div className="page">
      <h1>Applications</h1>
      {served === true && <ApplicationsList />}
      {served === false && flinkVersion !== undefined && <NoApplications flinkVersion={flinkVersion} />}
    </div>
  );
}
