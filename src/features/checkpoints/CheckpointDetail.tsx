import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { checkpointDetailsQueryOptions, checkpointSubtasksQueryOptions, type CheckpointStats, type SubtaskCheckpointStats, type TaskCheckpointStats } from '../../api/checkpoints';
import { jobDetailsQueryOptions } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import { DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { formatBytes, formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import { stringParam, useSearchState } from '../../lib/search-state';
import { checkpointHistory } from './history';
import { slowestSubtaskIndex, subtaskDelay, subtasksSlowestFirst, vertexDelay } from './slowest';
import { StatsTable } from './StatsTable';
import { subtaskSummaryRows } from './summary';
import { checkpointKind, checkpointTone, checkpointTypeLabel } from './view';
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
      {valid ? <CheckpointDetailBody jobId={jobId} checkpointId={checkpointId} /> : <p className="panel-error">Not a checkpoint id.</p>}
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
        The JobManager no longer keeps the details of checkpoint {checkpointId}: it keeps only its most recent checkpoints.
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
            {checkpointKind(data)} {data.id} <span className={`badge badge-${checkpointTone(data.status)}`}>{data.status}</span>
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

function VerticesAndSubtasks({ jobId, checkpoint, names }: { jobId: string; checkpoint: CheckpointStats; names: ReadonlyMap<string, string> }): ReactNode {
  const [picked, setPicked] = useSearchState('vertex', vertexParam);
  const rows = useMemo<VertexRow[]>(
    () =>
      Object.entries(checkpoint.tasks)
        .map(([id, stats]) => ({ id, name: names.get(id) ?? id, stats }))
        .sort((a, b) => {
          const da = vertexDelay(a.stats);
          const db = vertexDelay(b.stats);
          return da === db ? a.name.localeCompare(b.name) : da === Number.POSITIVE_INFINITY ? -1 : db === Number.POSITIVE_INFINITY ? 1 : db - da;
        }),
    [checkpoint.tasks, names],
  );
  // The first row is the one that held the checkpoint up (ties: by name), as in the table.
  const slowest = rows[0]?.id;
  const selected = picked && checkpoint.tasks[picked] ? picked : slowest;
  const columns = useMemo<Column<VertexRow>[]>(
    () => [
      {
        id: 'name',
        header: 'Vertex',
        rowHeader: true,
        className: 'job-name',
        cell: (r) => (
          <>
            <button type="button" className="link-button" aria-pressed={r.id === selected} onClick={() => setPicked(r.id)}>
              {r.name}
            </button>
            {r.id === slowest && <span className="badge badge-warn slowest-mark">slowest</span>}
          </>
        ),
        sortValue: (r) => r.name,
        filterText: (r) => `${r.name} ${r.id}`,
      },
      {
        id: 'status',
        header: 'Status',
        cell: (r) => <span className={`badge badge-${checkpointTone(r.stats.status)}`}>{r.stats.status}</span>,
        sortValue: (r) => r.stats.status,
        filterText: (r) => r.stats.status,
      },
      {
        id: 'acks',
        header: 'Acknowledged',
        className: 'num',
        cell: (r) => `${r.stats.num_acknowledged_subtasks}/${r.stats.num_subtasks}`,
        sortValue: (r) => (r.stats.num_subtasks > 0 ? r.stats.num_acknowledged_subtasks / r.stats.num_subtasks : null),
      },
      {
        id: 'ack',
        header: 'Latest acknowledgement',
        cell: (r) => formatTimestamp(r.stats.latest_ack_timestamp),
        sortValue: (r) => (r.stats.latest_ack_timestamp > 0 ? r.stats.latest_ack_timestamp : null),
      },
      {
        id: 'duration',
        header: 'End-to-end duration',
        className: 'num',
        cell: (r) => formatDuration(r.stats.end_to_end_duration),
        sortValue: (r) => (r.stats.end_to_end_duration >= 0 ? r.stats.end_to_end_duration : null),
      },
      { id: 'checkpointed', header: 'Checkpointed size', className: 'num', cell: (r) => formatBytes(r.stats.checkpointed_size), sortValue: (r) => r.stats.checkpointed_size },
      { id: 'full', header: 'Full size', className: 'num', cell: (r) => formatBytes(r.stats.state_size), sortValue: (r) => r.stats.state_size },
      { id: 'processed', header: 'Processed in-flight data', className: 'num', cell: (r) => formatBytes(r.stats.processed_data), sortValue: (r) => r.stats.processed_data },
      { id: 'persisted', header: 'Persisted in-flight data', className: 'num', cell: (r) => formatBytes(r.stats.persisted_data), sortValue: (r) => r.stats.persisted_data },
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
          rowClassName={(r) => (r.id === selected ? 'row-selected' : r.stats.num_acknowledged_subtasks < r.stats.num_subtasks ? 'row-warn' : undefined)}
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

function completedValue(s: SubtaskCheckpointStats, pick: (c: Extract<SubtaskCheckpointStats, { className: 'completed' }>) => number): number | null {
  return s.className === 'completed' ? pick(s) : null;
}

function SubtasksOfVertex({ jobId, checkpointId, vertexId }: { jobId: string; checkpointId: number; vertexId: string }): ReactNode {
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

function SubtaskTable({ subtasks, slowest }: { subtasks: readonly SubtaskCheckpointStats[]; slowest: number | undefined }): ReactNode {
  const rows = useMemo(() => subtasksSlowestFirst(subtasks), [subtasks]);
  const columns = useMemo<Column<SubtaskCheckpointStats>[]>(() => {
    const bytes = (id: string, header: string, pick: (c: Extract<SubtaskCheckpointStats, { className: 'completed' }>) => number): Column<SubtaskCheckpointStats> => ({
      id,
      header,
      className: 'num',
      cell: (s) => formatBytes(completedValue(s, pick)),
      sortValue: (s) => completedValue(s, pick),
    });
    const duration = (id: string, header: string, pick: (c: Extract<SubtaskCheckpointStats, { className: 'completed' }>) => number): Column<SubtaskCheckpointStats> => ({
      id,
      header,
      className: 'num',
      cell: (s) => formatDuration(completedValue(s, pick)),
      sortValue: (s) => completedValue(s, pick),
    });
    return [
      {
        id: 'index',
        header: 'Subtask',
        rowHeader: true,
        cell: (s) => (
          <>
            {s.index}
            {s.index === slowest && s.className === 'completed' && <span className="badge badge-warn slowest-mark">slowest</span>}
          </>
        ),
        sortValue: (s) => s.index,
        filterText: (s) => String(s.index),
      },
      {
        id: 'status',
        header: 'Status',
        cell: (s) =>
          s.className === 'completed' ? (
            <>
              <span className="badge badge-ok">acknowledged</span>
              {s.aborted && <span className="cell-note"> aborted</span>}
            </>
          ) : (
            <span className="badge badge-warn">not acknowledged</span>
          ),
        sortValue: (s) => (s.className === 'completed' ? (s.aborted ? 'acknowledged aborted' : 'acknowledged') : 'not acknowledged'),
        filterText: (s) => (s.className === 'completed' ? `acknowledged ${s.aborted ? 'aborted' : ''}` : 'not acknowledged pending'),
      },
      {
        id: 'ack',
        header: 'Acknowledged at',
        cell: (s) => formatTimestamp(completedValue(s, (c) => c.ack_timestamp)),
        sortValue: (s) => completedValue(s, (c) => c.ack_timestamp),
      },
      {
        id: 'duration',
        header: 'End-to-end duration',
        className: 'num',
        cell: (s) => (s.className === 'completed' ? formatDuration(s.end_to_end_duration) : 'not acknowledged'),
        sortValue: (s) => subtaskDelay(s),
      },
      bytes('checkpointed', 'Checkpointed size', (c) => c.checkpointed_size),
      bytes('full', 'Full size', (c) => c.state_size),
      duration('sync', 'Sync duration', (c) => c.checkpoint.sync),
      duration('async', 'Async duration', (c) => c.checkpoint.async),
      bytes('processed', 'Processed in-flight data', (c) => c.alignment.processed),
      bytes('persisted', 'Persisted in-flight data', (c) => c.alignment.persisted),
      duration('alignment', 'Alignment duration', (c) => c.alignment.duration),
      duration('start-delay', 'Start delay', (c) => c.start_delay),
      {
        id: 'unaligned',
        header: 'Unaligned',
        cell: (s) => (s.className === 'completed' ? yesNo(s.unaligned_checkpoint) : '–'),
        sortValue: (s) => (s.className === 'completed' ? yesNo(s.unaligned_checkpoint) : null),
        filterText: (s) => (s.className === 'completed' && s.unaligned_checkpoint ? 'unaligned' : ''),
      },
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
