import type { ReactNode } from 'react';
import { isJobId } from '../api/ids';
import { useRuntimeConfig } from '../app/runtime-config-context';
import { ClusterActions } from '../features/cluster-actions/ClusterActions';
import { useConfirm } from '../features/operations/ConfirmDialog';
import { JobPicker } from '../features/operations/JobPicker';
import { OperationsPanel } from '../features/operations/OperationsPanel';
import { trackOperation } from '../features/operations/operations-store';
import { usePermissions } from '../features/operations/permissions';
import { useSearchState, type SearchParam } from '../lib/search-state';

const jobParam: SearchParam<string> = {
  parse: (raw) => (isJobId(raw) ? raw : ''),
  serialize: (value) => (value ? value : null),
};

/**
 * Operations started in this tab, actions on a chosen job, and the cluster-level actions (data
 * sets, savepoint disposal, shutdown). The page composes the features and hands the cluster
 * actions what they need from the operations feature (tracking, confirmation).
 */
export function OperationsPage(): ReactNode {
  const config = useRuntimeConfig();
  const permissions = usePermissions();
  const { confirm, dialog } = useConfirm();
  const [jobId, setJobId] = useSearchState('job', jobParam);
  const canActOnJobs = permissions.snapshot || permissions.cancel || permissions.rescale;
  return (
    <div className="page">
      <h1>Operations</h1>
      {permissions.readOnly && (
        <p className="panel-warning">This dashboard is read-only: it shows the cluster but changes nothing on it.</p>
      )}
      <section aria-labelledby="ops-tab-heading">
        <h2 id="ops-tab-heading">In this tab</h2>
        <OperationsPanel />
      </section>
      {canActOnJobs && (
        <section aria-labelledby="ops-job-heading">
          <h2 id="ops-job-heading">Act on a job</h2>
          <JobPicker jobId={jobId || undefined} onChange={(id) => setJobId(id ?? '')} />
        </section>
      )}
      <ClusterActions
        clusterName={config.clusterName}
        allowed={permissions.cluster}
        track={trackOperation}
        confirm={confirm}
      />
      {dialog}
    </div>
  );
}
