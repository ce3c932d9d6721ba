import { useMutation } from '@tanstack/react-query';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { checkpointNowMutationOptions } from '../../api/checkpoints';
import { newTriggerId } from '../../api/ids';
import {
  rescaleWithRequirementsMutationOptions,
  updateJobResourceRequirementsMutationOptions,
  type JobResourceRequirementsUpdate,
} from '../../api/job-scaling';
import { cancelJobMutationOptions, jobDetailsQueryOptions } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import { savepointMutationOptions, stopWithSavepointMutationOptions, type SavepointResult } from '../../api/savepoints';
import { Toolbar } from '../../components/Toolbar';
import { isActive } from '../../lib/job-states';
import { links } from '../../lib/paths';
import { useConfirm } from './ConfirmDialog';
import { CheckpointDialog, SavepointDialog, StopDialog } from './JobActionDialogs';
import { InPlaceRescaleDialog } from './InPlaceRescaleDialog';
import { OperationResult, OperationStateBadge } from './OperationView';
import { OPERATION_TITLES, trackOperation, type OperationRecord, type TrackedOutcome } from './operations-store';
import { fromAsyncOutcome, followJobToEnd } from './outcomes';
import { usePermissions } from './permissions';
import { checkpointRequestFrom, savepointRequestFrom, stopRequestFrom } from './requests';
import { ResourceRequirementsDialog } from './ResourceRequirementsDialog';
import { useOperations } from './useOperations';
import './operations.css';

type OpenDialog = 'savepoint' | 'stop' | 'checkpoint' | 'rescale' | 'requirements';

/** How many of the job's own operations the actions bar shows (the operations page has all). */
const RECENT = 3;

function savepointOutcome(result: SavepointResult): { result: string; copyable?: boolean } {
  return result.location
    ? { result: result.location, copyable: true }
    : { result: 'Completed; Flink reported no location.' };
}

/**
 * What can be done to one job: savepoint, stop with a savepoint, checkpoint, cancel, rescale and
 * its resource requirements, each shown only where the job's state, the cluster's `/config`
 * features and the dashboard's read-only mode allow it. Operations are followed to their end by
 * the operations store (they go on when the page is left); the job's latest ones show below the
 * buttons with their progress, then the savepoint's location or Flink's failure cause.
 */
export function JobActions({ jobId }: { jobId: string }): ReactNode {
  const permissions = usePermissions();
  const details = usePolledQuery(jobDetailsQueryOptions(jobId));
  const { records } = useOperations();
  const { confirm, dialog: confirmDialog } = useConfirm();
  const [open, setOpen] = useState<OpenDialog | null>(null);
  // On a phone the actions are one menu behind this button (CSS shows the button only there).
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();

  const savepoint = useMutation(savepointMutationOptions(jobId));
  const stop = useMutation(stopWithSavepointMutationOptions(jobId));
  const checkpoint = useMutation(checkpointNowMutationOptions(jobId));
  const cancel = useMutation(cancelJobMutationOptions(jobId));
  const rescale = useMutation(rescaleWithRequirementsMutationOptions(jobId));
  const requirements = useMutation(updateJobResourceRequirementsMutationOptions(jobId));

  const job = details.data;
  const jobName = job?.name ?? jobId;
  const state = job?.state;
  const running = state === 'RUNNING';
  const active = state !== undefined && isActive(state);
  const vertexNames = useMemo(() => new Map((job?.vertices ?? []).map((v) => [v.id, v.name])), [job?.vertices]);
  const recent = records.filter((r) => r.jobId === jobId).slice(0, RECENT);

  const close = (): void => setOpen(null);
  const openDialog = (dialog: OpenDialog): void => {
    setMenuOpen(false);
    setOpen(dialog);
  };

  const startSavepoint = (values: Parameters<typeof savepointRequestFrom>[0]): void => {
    close();
    const triggerId = newTriggerId();
    void trackOperation({ kind: 'savepoint', jobId, subject: jobName, triggerId }, async (ctx) => {
      ctx.note(values.cancelJob ? 'Taking a savepoint, then cancelling the job…' : 'Taking a savepoint…');
      return fromAsyncOutcome(await savepoint.mutateAsync(savepointRequestFrom(values, triggerId)), savepointOutcome);
    });
  };

  const startStop = (values: Parameters<typeof stopRequestFrom>[0]): void => {
    close();
    const triggerId = newTriggerId();
    void trackOperation({ kind: 'stop-with-savepoint', jobId, subject: jobName, triggerId }, async (ctx) => {
      ctx.note(values.drain ? 'Draining, taking a savepoint, stopping…' : 'Taking a savepoint, stopping…');
      return fromAsyncOutcome(await stop.mutateAsync(stopRequestFrom(values, triggerId)), savepointOutcome);
    });
  };

  const startCheckpoint = (type: 'CONFIGURED' | 'FULL'): void => {
    close();
    const triggerId = newTriggerId();
    void trackOperation({ kind: 'checkpoint', jobId, subject: jobName, triggerId }, async (ctx) => {
      ctx.note(type === 'FULL' ? 'Taking a full checkpoint…' : 'Taking a checkpoint…');
      return fromAsyncOutcome(await checkpoint.mutateAsync(checkpointRequestFrom(type, triggerId)), (id) => ({
        result: id === null ? 'Completed' : `Checkpoint ${id} completed`,
      }));
    });
  };

  const startRescale = (parallelism: number): void => {
    close();
    void trackOperation({ kind: 'rescale', jobId, subject: jobName }, async (ctx) => {
      // PATCH /jobs/:id/rescaling answers "Rescaling is temporarily disabled" on every Flink since
      // 1.x: the adaptive scheduler rescales when the resource requirements change instead.
      ctx.note(`Setting every vertex's upper bound to ${parallelism}…`);
      const update = await rescale.mutateAsync(parallelism);
      return {
        ok: true,
        result: `Upper bound of ${Object.keys(update).length} vertices set to ${parallelism}; the adaptive scheduler rescales as slots allow`,
      };
    });
  };

  const saveRequirements = (update: JobResourceRequirementsUpdate): void => {
    close();
    void trackOperation(
      { kind: 'resource-requirements', jobId, subject: jobName },
      async (): Promise<TrackedOutcome> => {
        await requirements.mutateAsync(update);
        return { ok: true, result: `Requirements of ${Object.keys(update).length} vertices saved` };
      },
    );
  };

  const askCancel = async (): Promise<void> => {
    const yes = await confirm({
      title: 'Cancel this job?',
      message: (
        <>
          <p>
            <span className="ops-subject">{jobName}</span> will be cancelled without a savepoint. Its state is lost
            unless a checkpoint or savepoint is kept.
          </p>
        </>
      ),
      confirmLabel: 'Cancel job',
      dismissLabel: 'Keep running',
      danger: true,
    });
    if (!yes) return;
    void trackOperation({ kind: 'cancel', jobId, subject: jobName }, async (ctx): Promise<TrackedOutcome> => {
      ctx.note('Cancelling…');
      await cancel.mutateAsync();
      const end = await followJobToEnd(jobId, { onState: (s) => ctx.note(`The job is ${s}`) });
      return end.final
        ? { ok: true, result: end.state }
        : { ok: false, message: `The job did not reach a final state in time; it is ${end.state}.` };
    });
  };

  const canSnapshot = permissions.snapshot && running;
  const canStop = permissions.cancel && running;
  const canCancel = permissions.cancel && active;
  const canRescale = permissions.rescale && running;
  const anyAction = canSnapshot || canStop || canCancel || canRescale;
  const hasMenu = anyAction || (job !== undefined && active);

  return (
    <section className="ops-job-actions" aria-label="Actions on this job">
      {hasMenu && (
        <button
          type="button"
          className="ops-menu-button"
          aria-expanded={menuOpen}
          aria-controls={menuId}
          onClick={() => setMenuOpen((o) => !o)}
        >
          Job actions <span aria-hidden="true">{menuOpen ? '▴' : '▾'}</span>
        </button>
      )}
      <div id={menuId} className={hasMenu ? `ops-menu${menuOpen ? ' ops-menu-open' : ''}` : undefined}>
        <Toolbar gap="8px" role="group" aria-label="Job actions">
          {canSnapshot && (
            <button type="button" onClick={() => openDialog('savepoint')}>
              Trigger savepoint…
            </button>
          )}
          {canStop && (
            <button type="button" onClick={() => openDialog('stop')}>
              Stop with savepoint…
            </button>
          )}
          {canSnapshot && (
            <button type="button" onClick={() => openDialog('checkpoint')}>
              Trigger checkpoint…
            </button>
          )}
          {canRescale && (
            <button type="button" onClick={() => openDialog('rescale')}>
              Rescale…
            </button>
          )}
          {job && active && (
            <button type="button" onClick={() => openDialog('requirements')}>
              Resource requirements
            </button>
          )}
          {canCancel && (
            <button
              type="button"
              className="ops-danger-outline"
              onClick={() => {
                setMenuOpen(false);
                void askCancel();
              }}
            >
              Cancel job…
            </button>
          )}
          {!anyAction && job && !permissions.readOnly && !active && (
            <span className="ops-hint">The job has ended: nothing to do.</span>
          )}
        </Toolbar>
      </div>
      {recent.length > 0 && (
        <div className="ops-recent-wrap">
          <ul className="ops-recent" aria-label="Operations on this job" aria-live="polite">
            {recent.map((record) => (
              <RecentOperation key={record.id} record={record} />
            ))}
          </ul>
          <Link className="ops-recent-more" to={links.operations()}>
            All operations in this tab
          </Link>
        </div>
      )}
      {open === 'savepoint' && (
        <SavepointDialog jobName={jobName} allowCancel={permissions.cancel} onSubmit={startSavepoint} onClose={close} />
      )}
      {open === 'stop' && <StopDialog jobName={jobName} onSubmit={startStop} onClose={close} />}
      {open === 'checkpoint' && <CheckpointDialog jobName={jobName} onSubmit={startCheckpoint} onClose={close} />}
      {open === 'rescale' && (
        <InPlaceRescaleDialog
          jobId={jobId}
          schedulerType={job?.schedulerType}
          jobName={jobName}
          current={job?.vertices.reduce((max, v) => Math.max(max, v.parallelism), 0) || undefined}
          onSubmit={startRescale}
          onClose={close}
        />
      )}
      {open === 'requirements' && (
        <ResourceRequirementsDialog
          jobId={jobId}
          jobName={jobName}
          vertexNames={vertexNames}
          editable={permissions.rescale}
          schedulerType={job?.schedulerType}
          onSave={saveRequirements}
          onClose={close}
        />
      )}
      {confirmDialog}
    </section>
  );
}

function RecentOperation({ record }: { record: OperationRecord }): ReactNode {
  return (
    <li className={`ops-recent-item ops-state-${record.state}`}>
      <span className="ops-recent-head">
        <strong>{OPERATION_TITLES[record.kind]}</strong> <OperationStateBadge record={record} />
      </span>
      <OperationResult record={record} />
    </li>
  );
}
