import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { shutdownClusterMutationOptions } from '../../api/cluster';
import { dataSetsQueryOptions, deleteDataSetMutationOptions } from '../../api/datasets';
import type { AsyncOperationOutcome } from '../../api/operations';
import { usePolledQuery } from '../../api/polling';
import { disposeSavepointMutationOptions } from '../../api/savepoints';
import { column, DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import type { ActionSpec, Confirm, TrackedOutcome, TrackOperation } from '../../lib/action-ports';
import './cluster-actions.css';

/** The operations this feature starts, for the page's operations tracker (see lib/action-ports). */
export type ClusterOperationKind = 'dataset-deletion' | 'savepoint-disposal' | 'cluster-shutdown';

interface ClusterActionsProps {
  /** The cluster's name (config.json `clusterName`): typed to confirm shutting it down. */
  clusterName: string;
  /** Not read-only: data sets may be deleted, savepoints disposed, the cluster shut down. */
  allowed: boolean;
  track: TrackOperation<ActionSpec<ClusterOperationKind>>;
  confirm: Confirm;
}

function outcomeOf(outcome: AsyncOperationOutcome<null>, result: string): TrackedOutcome {
  if (outcome.status === 'completed') return { ok: true, result };
  const { message, stackTrace } = outcome.failure;
  return stackTrace === undefined ? { ok: false, message } : { ok: false, message, detail: stackTrace };
}

/** The cluster as a whole: cached data sets, savepoint disposal, and shutting the cluster down. */
export function ClusterActions({ clusterName, allowed, track, confirm }: ClusterActionsProps): ReactNode {
  return (
    <>
      <DataSetsSection allowed={allowed} track={track} confirm={confirm} />
      {allowed && <SavepointDisposalSection track={track} confirm={confirm} />}
      {allowed && <ShutdownSection clusterName={clusterName} track={track} confirm={confirm} />}
    </>
  );
}

type DataSet = { id: string; isComplete: boolean };

function DataSetsSection({ allowed, track, confirm }: Omit<ClusterActionsProps, 'clusterName'>): ReactNode {
  const query = usePolledQuery(dataSetsQueryOptions());
  const deletion = useMutation(deleteDataSetMutationOptions());
  const remove = async (dataSet: DataSet): Promise<void> => {
    const yes = await confirm({
      title: 'Delete this data set?',
      message: (
        <p>
          The cached intermediate result <code>{dataSet.id}</code> is released on every TaskManager. Jobs that read it
          must compute it again.
        </p>
      ),
      confirmLabel: 'Delete data set',
      danger: true,
    });
    if (!yes) return;
    void track({ kind: 'dataset-deletion', subject: dataSet.id }, async (ctx) => {
      ctx.note('Deleting…');
      return outcomeOf(await deletion.mutateAsync(dataSet.id), 'Deleted');
    });
  };
  const columns: Column<DataSet>[] = [
    column('id', { header: 'Data set', rowHeader: true, value: (d) => d.id, format: (id) => <code>{id}</code> }),
    column('complete', {
      header: 'Complete',
      value: (d) => (d.isComplete ? 1 : 0),
      format: (complete) => (complete ? 'yes' : 'no'),
    }),
  ];
  if (allowed) {
    columns.push(
      column('actions', {
        header: 'Actions',
        value: (d) => d.id,
        format: (id, d) => (
          <button
            type="button"
            className="ca-danger-outline"
            onClick={() => void remove(d)}
            aria-label={`Delete data set ${id}`}
          >
            Delete
          </button>
        ),
        sort: false,
      }),
    );
  }
  return (
    <section aria-labelledby="ca-datasets">
      <h2 id="ca-datasets">Cluster data sets</h2>
      <QueryState query={query} what="the cluster's data sets">
        {(data) => (
          <DataTable
            caption="Cluster data sets"
            captionHidden
            columns={columns}
            rows={data.dataSets}
            rowKey={(d) => d.id}
            empty="No cached intermediate data sets: batch jobs create them with cache()."
          />
        )}
      </QueryState>
    </section>
  );
}

function SavepointDisposalSection({ track, confirm }: Pick<ClusterActionsProps, 'track' | 'confirm'>): ReactNode {
  const id = useId();
  const [path, setPath] = useState('');
  const [last, setLast] = useState<{ path: string; outcome: TrackedOutcome | null } | null>(null);
  const disposal = useMutation(disposeSavepointMutationOptions());
  const trimmed = path.trim();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!trimmed) return;
    const yes = await confirm({
      title: 'Dispose of this savepoint?',
      message: (
        <p>
          Flink deletes the savepoint&apos;s files at <code>{trimmed}</code>. No job can be restored from it afterwards.
        </p>
      ),
      confirmLabel: 'Dispose savepoint',
      danger: true,
    });
    if (!yes) return;
    setLast({ path: trimmed, outcome: null });
    const outcome = await track({ kind: 'savepoint-disposal', subject: trimmed }, async (ctx) => {
      ctx.note('Disposing…');
      return outcomeOf(await disposal.mutateAsync(trimmed), 'Disposed');
    });
    setLast({ path: trimmed, outcome });
  };
  return (
    <section aria-labelledby="ca-disposal">
      <h2 id="ca-disposal">Dispose of a savepoint</h2>
      <form className="ca-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={id}>Savepoint path</label>
        <input
          id={id}
          className="ca-path"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="file:///savepoints/savepoint-1a2b3c-0123456789ab"
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit" className="ca-danger-outline" disabled={!trimmed}>
          Dispose savepoint…
        </button>
      </form>
      {last && (
        <div className="ca-last" role="status">
          {last.outcome === null ? (
            <p>
              <progress aria-label="Savepoint disposal progress" /> Disposing of <code>{last.path}</code>…
            </p>
          ) : last.outcome.ok ? (
            <p>
              Disposed of <code>{last.path}</code>.
            </p>
          ) : (
            <div className="panel-error">
              <p>Could not dispose of the savepoint: {last.outcome.message}</p>
              {last.outcome.detail !== undefined && (
                <details>
                  <summary>Flink&apos;s full message</summary>
                  <pre className="ca-pre">{last.outcome.detail}</pre>
                </details>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function ShutdownSection({
  clusterName,
  track,
  confirm,
}: Pick<ClusterActionsProps, 'clusterName' | 'track' | 'confirm'>): ReactNode {
  const shutdown = useMutation(shutdownClusterMutationOptions());
  const [outcome, setOutcome] = useState<TrackedOutcome | null>(null);
  const ask = async (): Promise<void> => {
    const yes = await confirm({
      title: 'Shut down the cluster?',
      message: (
        <p>
          The JobManager of <strong>{clusterName}</strong> stops, and with it every running job and, in a session
          cluster, its TaskManagers. Nobody can use this dashboard until the cluster is started again.
        </p>
      ),
      confirmLabel: 'Shut down cluster',
      danger: true,
      requireText: clusterName,
    });
    if (!yes) return;
    setOutcome(
      await track({ kind: 'cluster-shutdown', subject: clusterName }, async (): Promise<TrackedOutcome> => {
        await shutdown.mutateAsync();
        return { ok: true, result: 'The JobManager is shutting down' };
      }),
    );
  };
  return (
    <section aria-labelledby="ca-shutdown" className="ca-danger-zone">
      <h2 id="ca-shutdown">Shut down the cluster</h2>
      <p>Stops the JobManager and every job on it. You will be asked to type the cluster&apos;s name.</p>
      <button type="button" className="ca-danger" onClick={() => void ask()}>
        Shut down cluster…
      </button>
      {outcome && (
        <p role="status" className={outcome.ok ? undefined : 'panel-error'}>
          {outcome.ok ? outcome.result : `Could not shut the cluster down: ${outcome.message}`}
        </p>
      )}
    </section>
  );
}
