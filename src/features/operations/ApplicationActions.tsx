import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { cancelApplicationMutationOptions, isApplicationTerminal, type ApplicationState } from '../../api/applications';
import { Toolbar } from '../../components/Toolbar';
import { links } from '../../lib/paths';
import { useConfirm } from './ConfirmDialog';
import { OperationResult, OperationStateBadge } from './OperationView';
import { OPERATION_TITLES, trackOperation, type TrackedOutcome } from './operations-store';
import { followApplicationToEnd } from './outcomes';
import { usePermissions } from './permissions';
import { useOperations } from './useOperations';
import './operations.css';

/**
 * What can be done to an application (Flink 2.3): cancel it, with its jobs. Confirmed, followed to
 * its end by the operations store; hidden in read-only mode and when `/config` forbids cancelling
 * (`web-cancel: false`), as job cancel is.
 */
export function ApplicationActions({
  applicationId,
  name,
  state,
}: {
  applicationId: string;
  name: string;
  state: ApplicationState;
}): ReactNode {
  const permissions = usePermissions();
  const { records } = useOperations();
  const { confirm, dialog } = useConfirm();
  const cancel = useMutation(cancelApplicationMutationOptions(applicationId));
  const recent = records
    .filter((r) => r.kind === 'application-cancel' && r.applicationId === applicationId)
    .slice(0, 1);
  const canCancel = permissions.cancel && !isApplicationTerminal(state);

  const askCancel = async (): Promise<void> => {
    const yes = await confirm({
      title: 'Cancel this application?',
      message: (
        <p>
          <span className="ops-subject">{name}</span> and every job it runs will be cancelled without a savepoint.
        </p>
      ),
      confirmLabel: 'Cancel application',
      dismissLabel: 'Keep running',
      danger: true,
    });
    if (!yes) return;
    void trackOperation(
      { kind: 'application-cancel', subject: name, applicationId },
      async (ctx): Promise<TrackedOutcome> => {
        ctx.note('Cancelling…');
        await cancel.mutateAsync();
        const end = await followApplicationToEnd(applicationId, {
          onState: (s) => ctx.note(`The application is ${s}`),
        });
        return end.final
          ? { ok: true, result: end.state }
          : { ok: false, message: `The application did not reach a final state in time; it is ${end.state}.` };
      },
    );
  };

  if (!canCancel && recent.length === 0) return null;
  return (
    <section className="ops-job-actions" aria-label="Actions on this application">
      {canCancel && (
        <Toolbar gap="8px" role="group" aria-label="Application actions">
          <button type="button" className="ops-danger-outline" onClick={() => void askCancel()}>
            Cancel application…
          </button>
        </Toolbar>
      )}
      {recent.length > 0 && (
        <div className="ops-recent-wrap">
          <ul className="ops-recent" aria-label="Operations on this application" aria-live="polite">
            {recent.map((record) => (
              <li key={record.id} className={`ops-recent-item ops-state-${record.state}`}>
                <span className="ops-recent-head">
                  <strong>{OPERATION_TITLES[record.kind]}</strong> <OperationStateBadge record={record} />
                </span>
                <OperationResult record={record} />
              </li>
            ))}
          </ul>
          <Link className="ops-recent-more" to={links.operations()}>
            All operations in this tab
          </Link>
        </div>
      )}
      {dialog}
    </section>
  );
}
