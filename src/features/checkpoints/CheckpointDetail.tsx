import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import {
  checkpointDetailsQueryOptions,
  checkpointSubtasksQueryOptions,
  type CheckpointStats,
  type SubtaskCheckpointStats,
  type TaskCheckpointStats,
} from '../../api/checkpoints';
import { jobDetailsQueryOptions } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import { column, DataTable, type Column } from '../../components/DataTable';
import { LinkButton } from '../../components/LinkButton';
import { QueryState } from '../../components/QueryState';
import { formatBytes, formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import { stringParam, useSearchState } from '../../lib/search-state';
import { checkpointHistory } from './history';
import { slowestSubtaskIndex, subtaskDelay, subtasksSlowestFirst, vertexDelay } from './slowest';
import { StatsTable } from './StatsTable';
import { subtaskSummaryRows } from './summary';
import { checkpointKind, checkpointTone, checkpointTypeLabel } from './checkpoint-display';
import './checkpoints.css';

const vertexParam = stringParam();

interface CheckpointDetailProps {
  jobId: string;
  checkpointId: number;
}

/**
 * One checkpoint: its figures, each vertex in it (the one that held it up first), and the
 * subtasks of the selected vertex (the slowest first and highlighted).
 */
export function CheckpointDetail({ jobId, checkpointId }: CheckpointDetailProps): ReactNode {
  const valid = Number.isSafeInteger(checkpointId) && checkpointId >= 0;
  return (
    <div className="checkpoint-detail">
      <p className="back-link">
        <Link to={links.job(jobId, 'checkpoints')}>← All checkpoints of this job</Link>
      </p>
      {valid ? (
        <CheckpointDetailBody jobId={jobId} checkpointId={checkpointId} />
      ) : (
        <p className="panel-error">Not a checkpoint id.</p>
      )}
    </div>
  );
}

function CheckpointDetailBody({ jobId, checkpointId }: CheckpointDetailProps): ReactNode {
  const details = usePolledQuery(checkpointDetailsQueryOptions(jobId, checkpointId));
  const job = usePolledQuery(jobDetailsQueryOptions(jobId));
  const names = useMemo(() => new Map((job.data?.vertices ?? []).map((v) => [v.id, v.name])), [job.data]);
  const seen = checkpointHistory.get(jobId).find((c) => c.id === checkpointId);

  // Flink keeps the details of its most recent checkpoints only (`web.checkpoints.history`).
  const forgotten = (
    <>
      <h2>Checkpoint {checkpointId}</h2>
      <p className="panel-warning" role="status">
        The JobManager no longer keeps the details of checkpoint {checkpointId}: it keeps only its most recent
        checkpoints.
        {seen ? ' What this dashboard saw of it:' : ''}
      </p>
      {seen && <CheckpointOverview entry={seen} />}
    </>
  );

  return (
    <QueryState query={details} what={`checkpoint ${checkpointId}`} notFound={forgotten}>
      {(data) => (
        <>
          <h2>
            {checkpointKind(data)} {data.id}{' '}
            <span className={`badge badge-${checkpointTone(data.status)}`}>{data.status}</span>
          </h2>
          <CheckpointOverview entry={data} />
          <VerticesAndSubtasks jobId={jobId} checkpoint={data} names={names} />
        </>
      )}
    </QueryState>
  );
}

function CheckpointOverview({ entry }: { entry: CheckpointStats }): ReactNode {
  return (
    <>
      {entry.className === 'failed' && (
        <div className="failure-box" role="alert">
          <strong>Failed at {formatTimestamp(entry.failure_timestamp)}:</strong>{' '}
          <span className="failure-message">{entry.failure_message ?? 'No failure message'}</span>
        </div>
      )}
      <dl className="detail-grid" aria-label="Checkpoint figures">
        <div>
          <dt>Type</dt>
          <dd>
            {checkpointTypeLabel(entry.checkpoint_type)}
            {entry.savepointFormat ? ` (${entry.savepointFormat})` : ''}
          </dd>
        </div>
        <div>
          <dt>Triggered</dt>
          <dd>{formatTimestamp(entry.trigger_timestamp)}</dd>
        </div>
        <div>
          <dt>Latest acknowledgement</dt>
          <dd>{formatTimestamp(entry.latest_ack_timestamp)}</dd>
        </div>
        <div>
          <dt>End-to-end duration</dt>
          <dd>{formatDuration(entry.end_to_end_duration)}</dd>
        </div>
        <div>
          <dt>Acknowledged subtasks</dt>
          <dd>
            {entry.num_acknowledged_subtasks}/{entry.num_subtasks}
          </dd>
        </div>
        <div>
          <dt>Checkpointed / full size</dt>
          <dd>
            {formatBytes(entry.checkpointed_size)} / {formatBytes(entry.state_size)}
          </dd>
        </div>
        <div>
          <dt>Processed / persisted in-flight data</dt>
          <dd>
            {formatBytes(entry.processed_data)} / {formatBytes(entry.persisted_data)}
          </dd>
        </div>
        {entry.className === 'completed' && (
          <div>
            <dt>Path</dt>
            <dd className="mono path">
              {entry.external_path ?? '–'}
              {entry.discarded ? ' (discarded)' : ''}
            </dd>
          </div>
        )}
      </dl>
    </>
  );
}

interface VertexRow {
  id: string;
  name: string;
  stats: TaskCheckpointStats;
}

function VerticesAndSubtasks({
  jobId,
  checkpoint,
  names,
}: {
  jobId: string;
  checkpoint: CheckpointStats;
  names: ReadonlyMap<string, string>;
}): ReactNode {
  const [picked, setPicked] = useSearchState('vertex', vertexParam);
  const rows = useMemo<VertexRow[]>(
    () =>
      Object.entries(checkpoint.tasks)
        .map(([id, stats]) => ({ id, name: names.get(id) ?? id, stats }))
        .sort((a, b) => {
          const da = vertexDelay(a.stats);
          const db = vertexDelay(b.stats);
          return da === db
            ? a.name.localeCompare(b.name)
            : da === Number.POSITIVE_INFINITY
              ? -1
              : db === Number.POSITIVE_INFINITY
                ? 1
                : db - da;
        }),
    [checkpoint.tasks, names],
  );
  // The first row is the one that held the checkpoint up (ties: by name), as in the table.
  const slowest = rows[0]?.id;
  const selected = picked && checkpoint.tasks[picked] ? picked : slowest;
  const columns = useMemo<Column<VertexRow>[]>(
    () => [
      column('name', {
        header: 'Vertex',
        rowHeader: true,
        className: 'job-name',
        value: (r) => r.name,
        format: (name, r) => (
          <>
            <LinkButton aria-pressed={r.id === selected} onClick={() => setPicked(r.id)}>
              {name}
            </LinkButton>
            {r.id === slowest && <span className="badge badge-warn slowest-mark">slowest</span>}
          </>
        ),
        search: (name, r) => `${name} ${r.id}`,
      }),
      column('status', {
        header: 'Status',
        value: (r) => r.stats.status,
        format: (status) => <span className={`badge badge-${checkpointTone(status)}`}>{status}</span>,
        search: true,
      }),
      column('acks', {
        header: 'Acknowledged',
        className: 'num',
        value: (r) => (r.stats.num_subtasks > 0 ? r.stats.num_acknowledged_subtasks / r.stats.num_subtasks : null),
        format: (_share, r) => `${r.stats.num_acknowledged_subtasks}/${r.stats.num_subtasks}`,
      }),
      column('ack', {
        header: 'Latest acknowledgement',
        value: (r) => (r.stats.latest_ack_timestamp > 0 ? r.stats.latest_ack_timestamp : null),
        format: (t) => formatTimestamp(t),
      }),
      column('duration', {
        header: 'End-to-end duration',
        className: 'num',
        value: (r) => (r.stats.end_to_end_duration >= 0 ? r.stats.end_to_end_duration : null),
        format: formatDuration,
      }),
      column('checkpointed', {
        header: 'Checkpointed size',
        className: 'num',
        value: (r) => r.stats.checkpointed_size,
        format: formatBytes,
      }),
      column('full', { header: 'Full size', className: 'num', value: (r) => r.stats.state_size, format: formatBytes }),
      column('processed', {
        header: 'Processed in-flight data',
        className: 'num',
        value: (r) => r.stats.processed_data,
        format: formatBytes,
      }),
      column('persisted', {
        header: 'Persisted in-flight data',
        className: 'num',
        value: (r) => r.stats.persisted_data,
        format: formatBytes,
      }),
    ],
    [selected, slowest, setPicked],
  );
  if (rows.length === 0) return <p className="empty">Flink reports no vertices for this checkpoint.</p>;
  const selectedRow = rows.find((r) => r.id === selected);
  return (
    <>
      <section aria-labelledby="cp-vertices">
        <h3 id="cp-vertices">Vertices</h3>
        <DataTable
          caption="Vertices in this checkpoint"
          captionHidden
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          filterable
          rowClassName={(r) =>
            r.id === selected
              ? 'row-selected'
              : r.stats.num_acknowledged_subtasks < r.stats.num_subtasks
                ? 'row-warn'
                : undefined
          }
        />
      </section>
      {selectedRow && (
        <section aria-labelledby="cp-subtasks">
          <h3 id="cp-subtasks">
            Subtasks of <span className="vertex-name">{selectedRow.name}</span>
          </h3>
          <SubtasksOfVertex jobId={jobId} checkpointId={checkpoint.id} vertexId={selectedRow.id} />
        </section>
      )}
    </>
  );
}

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

function completedValue(
  s: SubtaskCheckpointStats,
  pick: (c: Extract<SubtaskCheckpointStats, { className: 'completed' }>) => number,
): number | null {
  return s.className === 'completed' ? pick(s) : null;
}

function SubtasksOfVertex({
  jobId,
  checkpointId,
  vertexId,
}: {
  jobId: string;
  checkpointId: number;
  vertexId: string;
}): ReactNode {
  const subtasks = usePolledQuery(checkpointSubtasksQueryOptions(jobId, checkpointId, vertexId));
  return (
    <QueryState query={subtasks} what="the subtasks">
      {(data) => {
        const slowest = slowestSubtaskIndex(data.subtasks);
        return (
          <>
            <SubtaskTable subtasks={data.subtasks} slowest={slowest} />
            <StatsTable caption="Subtask summary" rows={subtaskSummaryRows(data.summary)} />
          </>
        );
      }}
    </QueryState>
  );
}

function SubtaskTable({
  subtasks,
  slowest,
}: {
  subtasks: readonly SubtaskCheckpointStats[];
  slowest: number | undefined;
}): ReactNode {
  const rows = useMemo(() => subtasksSlowestFirst(subtasks), [subtasks]);
  const columns = useMemo<Column<SubtaskCheckpointStats>[]>(() => {
    type Completed = Extract<SubtaskCheckpointStats, { className: 'completed' }>;
    const bytes = (id: string, header: string, pick: (c: Completed) => number): Column<SubtaskCheckpointStats> =>
      column(id, {
        header,
        className: 'num',
        value: (s: SubtaskCheckpointStats) => completedValue(s, pick),
        format: formatBytes,
      });
    const duration = (id: string, header: string, pick: (c: Completed) => number): Column<SubtaskCheckpointStats> =>
      column(id, {
        header,
        className: 'num',
        value: (s: SubtaskCheckpointStats) => completedValue(s, pick),
        format: formatDuration,
      });
    return [
      column('index', {
        header: 'Subtask',
        rowHeader: true,
        value: (s) => s.index,
        format: (index, s) => (
          <>
            {index}
            {index === slowest && s.className === 'completed' && (
              <span className="badge badge-warn slowest-mark">slowest</span>
            )}
          </>
        ),
        search: true,
      }),
      column('status', {
        header: 'Status',
        value: (s) =>
          s.className === 'completed' ? (s.aborted ? 'acknowledged aborted' : 'acknowledged') : 'not acknowledged',
        format: (_status, s) =>
          s.className === 'completed' ? (
            <>
              <span className="badge badge-ok">acknowledged</span>
              {s.aborted && <span className="cell-note"> aborted</span>}
            </>
          ) : (
            <span className="badge badge-warn">not acknowledged</span>
          ),
        // "pending" finds the subtasks still to acknowledge.
        search: (status, s) => (s.className === 'completed' ? status : 'not acknowledged pending'),
      }),
      column('ack', {
        header: 'Acknowledged at',
        value: (s) => completedValue(s, (c) => c.ack_timestamp),
        format: (t) => formatTimestamp(t),
      }),
      column('duration', {
        header: 'End-to-end duration',
        className: 'num',
        value: subtaskDelay,
        format: (delay, s) => (s.className === 'completed' ? formatDuration(delay) : 'not acknowledged'),
      }),
      bytes('checkpointed', 'Checkpointed size', (c) => c.checkpointed_size),
      bytes('full', 'Full size', (c) => c.state_size),
      duration('sync', 'Sync duration', (c) => c.checkpoint.sync),
      duration('async', 'Async duration', (c) => c.checkpoint.async),
      bytes('processed', 'Processed in-flight data', (c) => c.alignment.processed),
      bytes('persisted', 'Persisted in-flight data', (c) => c.alignment.persisted),
      duration('alignment', 'Alignment duration', (c) => c.alignment.duration),
      duration('start-delay', 'Start delay', (c) => c.start_delay),
      column('unaligned', {
        header: 'Unaligned',
        value: (s) => (s.className === 'completed' ? yesNo(s.unaligned_checkpoint) : null),
        format: (yes) => yes ?? '–',
        search: (_yes, s) => (s.className === 'completed' && s.unaligned_checkpoint ? 'unaligned' : ''),
      }),
    ];
  }, [slowest]);
  return (
    <DataTable
      caption="Subtasks in this checkpoint"
      captionHidden
      columns={columns}
      rows={rows}
      rowKey={(s) => String(s.index)}
      filterable
      rowClassName={(s) => (s.className !== 'completed' ? 'row-warn' : s.index === slowest ? 'row-slowest' : undefined)}
      empty="Flink reports no subtasks."
    />
  );
}
