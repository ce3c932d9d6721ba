import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { endpoints } from '../api/endpoints';
import { ApplicationDetail } from '../features/applications/ApplicationDetail';
import { ApplicationActions } from '../features/operations/ApplicationActions';
import { useServes } from '../lib/use-served';
import { NoApplications } from './ApplicationsPage';

/** One application (Flink 2.3): the applications feature's detail, the operations feature's cancel. */
export function ApplicationPage(): ReactNode {
  const { applicationId = '' } = useParams();
  const { served, flinkVersion } = useServes(endpoints.applicationDetails);
  return (
    <div className="page">
      {served === true && (
        <ApplicationDetail
          applicationId={applicationId}
          actions={(app) => <ApplicationActions applicationId={app.id} name={app.name} state={app.status} />}
        />
      )}
      {served === false && flinkVersion !== undefined && (
        <>
          <h1>Applications</h1>
          <NoApplications flinkVersion={flinkVersion} />
        </>
      )}
    </div>
  );
}
