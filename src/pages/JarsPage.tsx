import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { JarsView } from '../features/jars/JarsView';
import { useConfirm } from '../features/operations/ConfirmDialog';
import { trackOperation } from '../features/operations/operations-store';
import { usePermissions } from '../features/operations/permissions';
import { links } from '../lib/paths';
import { stringParam, useSearchState } from '../lib/search-state';

const jarParam = stringParam();

/**
 * Uploaded jars. The page hands the jars feature what it needs from the operations feature
 * (permissions, tracking, confirmation) and where to go once a job started.
 */
export function JarsPage(): ReactNode {
  const permissions = usePermissions();
  const { confirm, dialog } = useConfirm();
  const navigate = useNavigate();
  const [jarId, setJarId] = useSearchState('jar', jarParam);
  return (
    <div className="page">
      <h1>Jars</h1>
      <JarsView
        canSubmit={permissions.submit}
        jarsServed={permissions.jarsServed}
        selectedJarId={jarId || undefined}
        onSelect={(id) => setJarId(id ?? '')}
        onJobStarted={(jobId) => void navigate(links.job(jobId))}
        onApplicationStarted={(applicationId) => void navigate(links.application(applicationId))}
        track={trackOperation}
        confirm={confirm}
      />
      {dialog}
    </div>
  );
}
