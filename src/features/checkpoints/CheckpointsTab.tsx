import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  checkpointConfigQueryOptions,
  checkpointingStatisticsQueryOptions,
  type CheckpointingStatistics,
  type CheckpointStats,
} from '../../api/checkpoints';
import { isNotFound } from '../../api/errors';
import { usePolledQuery } from '../../api/polling';
import { CheckpointCharts } from '../../charts/checkpoints/CheckpointCharts';
import { preloadECharts } from '../../charts/EChart';
import { column, DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { Stat, StatGrid, type StatTone } from '../../components/StatGrid';
import { formatBytes, formatCount, formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import { CheckpointHistoryTable } from './CheckpointHistoryTable';
import { useCheckpointHistory } from './history';
import { StatsTable } from './StatsTable';
import { checkpointSummaryRows } from './summary';
import {
  checkpointConfigRows,
  checkpointKind,
  checkpointTone,
  toCheckpointPoint,
  type ConfigRow,
} from './checkpoint-display';
import './checkpoints.css';

/** The Checkpoints tab of a job: counts, latest, history with charts, summary, configuration. */
export function CheckpointsTab({ jobId }: { jobId: string }): ReactNode {
  const stats = usePolledQuery(checkpointingStatisticsQueryOptions(jobId));
  const config = usePolledQuery(checkpointConfigQueryOptions(jobId));
  const history = useCheckpointHistory(jobId, stats.data?.history);
  useEffect(() => preloadECharts(), []);

  return (
    <div className="checkpoints-tab">
      {/* Flink answers 404 for the checkpoints of a job that does not checkpoint. */}
      <QueryState
        query={stats}
        what="checkpoint statistics"
        notFound={<p className="empty">Checkpointing is not enabled for this job.</p>}
      >
        {(data) => (
          <>
            <section aria-labelledby="cp-counts">
              <h2 id="cp-counts">Checkpoint counts</h2>
              <CheckpointCounts counts={data.counts} />
            </section>
            <section aria-labelledby="cp-latest">
              <h2 id="cp-latest">Latest</h2>
              <LatestCheckpoints jobId={jobId} latest={data.latest} />
            </section>
            <section aria-labelledby="cp-history">
              <h2 id="cp-history">History</h2>
              <HistoryCharts jobId={jobId} history={history} timeoutMs={config.data?.timeout} />
              <CheckpointHistoryTable jobId={jobId} history={history} serverCount={data.history.length} />
            </section>
            <section aria-labelledby="cp-summary">
              <h2 id="cp-summary">Summary</h2>
              {data.counts.completed === 0 ? (
                <p className="empty">No completed checkpoints yet: the summary covers completed checkpoints.</p>
              ) : (
                <StatsTable
                  caption="Checkpoint summary (completed checkpoints)"
                  rows={checkpointSummaryRows(data.summary)}
                />
              )}
            </section>
          </>
        )}
      </QueryState>
      {!isNotFound(stats.error) && (
        <section aria-labelledby="cp-config">
          <h2 id="cp-config">Configuration</h2>
          <QueryState query={config} what="the checkpoint configuration">
            {(data) => <KeyValueTable caption="Checkpoint configuration" rows={checkpointConfigRows(data)} />}
          </QueryState>
        </section>
      )}
    </div>
  );
}

function HistoryCharts({
  jobId,
  history,
  timeoutMs,
}: {
  jobId: string;
  history: readonly CheckpointStats[];
  timeoutMs: number | undefined;
}): ReactNode {
  const navigate = useNavigate();
  const points = useMemo(() => history.map(toCheckpointPoint), [history]);
  const select = useCallback((id: number) => void navigate(links.checkpoint(jobId, id)), [navigate, jobId]);
  if (points.length === 0) return <p className="empty">No checkpoints yet.</p>;
  return <CheckpointCharts points={points} timeoutMs={timeoutMs} onSelect={select} />;
}

function CheckpointCounts({ counts }: { counts: CheckpointingStatistics['counts'] }): ReactNode {
  const items: { label: string; value: number; tone?: StatTone }[] = [
    { label: 'Triggered', value: counts.total },
    { label: 'In progress', value: counts.in_progress, tone: counts.in_progress > 0 ? 'warn' : undefined },
    { label: 'Completed', value: counts.completed },
    { label: 'Failed', value: counts.failed, tone: counts.failed > 0 ? 'bad' : undefined },
    { label: 'Restored', value: counts.restored },
  ];
  return (
    <StatGrid label="Checkpoint counts">
      {items.map((s) => (
        <Stat key={s.label} term={s.label} tone={s.tone}>
          {formatCount(s.value)}
        </Stat>
      ))}
    </StatGrid>
  );
}

function CheckpointLink({ jobId, entry }: { jobId: string; entry: CheckpointStats }): ReactNode {
  return (
    <Link to={links.checkpoint(jobId, entry.id)}>
      {checkpointKind(entry)} {entry.id}
    </Link>
  );
}

function LatestCheckpoints({ jobId, latest }: { jobId: string; latest: CheckpointingStatistics['latest'] }): ReactNode {
  const { completed, failed, savepoint, restored } = latest;
  return (
    <div className="latest-grid">
      <article className="latest-card" aria-labelledby="cp-latest-completed">
        <h3 id="cp-latest-completed">Latest completed</h3>
        {completed ? (
          <dl>
            <dt>Checkpoint</dt>
            <dd>
              <CheckpointLink jobId={jobId} entry={completed} />
            </dd>
            <dt>Completed</dt>
            <dd>{formatTimestamp(completed.latest_ack_timestamp)}</dd>
            <dt>End-to-end duration</dt>
            <dd>{formatDuration(completed.end_to_end_duration)}</dd>
            <dt>Checkpointed / full size</dt>
            <dd>
              {formatBytes(completed.checkpointed_size)} / {formatBytes(completed.state_size)}
            </dd>
            {completed.className === 'completed' && completed.external_path && (
              <>
                <dt>Path</dt>
                <dd className="mono path">{completed.external_path}</dd>
              </>
            )}
          </dl>
        ) : (
          <p className="empty">None yet.</p>
        )}
      </article>
      <article className={`latest-card${failed ? ' latest-bad' : ''}`} aria-labelledby="cp-latest-failed">
        <h3 id="cp-latest-failed">Latest failed</h3>
        {failed ? (
          <dl>
            <dt>Checkpoint</dt>
            <dd>
              <CheckpointLink jobId={jobId} entry={failed} />
            </dd>
            <dt>Failed</dt>
            <dd>
              {formatTimestamp(failed.className === 'failed' ? failed.failure_timestamp : failed.latest_ack_timestamp)}
            </dd>
            <dt>Failure message</dt>
            <dd className="failure-message">
              {(failed.className === 'failed' && failed.failure_message) || 'No failure message'}
            </dd>
          </dl>
        ) : (
          <p className="empty">None.</p>
        )}
      </article>
      <article className="latest-card" aria-labelledby="cp-latest-savepoint">
        <h3 id="cp-latest-savepoint">Latest savepoint</h3>
        {savepoint ? (
          <dl>
            <dt>Savepoint</dt>
            <dd>
              <CheckpointLink jobId={jobId} entry={savepoint} />
            </dd>
            <dt>Triggered</dt>
            <dd>{formatTimestamp(savepoint.trigger_timestamp)}</dd>
            <dt>Status</dt>
            <dd>
              <span className={`badge badge-${checkpointTone(savepoint.status)}`}>{savepoint.status}</span>
            </dd>
            {savepoint.className === 'completed' && savepoint.external_path && (
              <>
                <dt>Path</dt>
                <dd className="mono path">{savepoint.external_path}</dd>
              </>
            )}
          </dl>
        ) : (
          <p className="empty">None.</p>
        )}
      </article>
      <article className="latest-card" aria-labelledby="cp-latest-restore">
        <h3 id="cp-latest-restore">Latest restore</h3>
        {restored ? (
          <dl>
            <dt>From</dt>
            <dd>
              {checkpointKind(restored)} {restored.id}
            </dd>
            <dt>Restored</dt>
            <dd>{formatTimestamp(restored.restore_timestamp)}</dd>
            {restored.external_path && (
              <>
                <dt>Path</dt>
                <dd className="mono path">{restored.external_path}</dd>
              </>
            )}
          </dl>
        ) : (
          <p className="empty">The job was not restored.</p>
        )}
      </article>
    </div>
  );
}

const configColumns: Column<ConfigRow>[] = [
  column('label', { header: 'Setting', rowHeader: true, value: (r) => r.label, search: true }),
  column('value', { header: 'Value', value: (r) => r.value, search: true }),
];

function KeyValueTable({ caption, rows }: { caption: string; rows: readonly ConfigRow[] }): ReactNode {
  return <DataTable caption={caption} columns={configColumns} rows={rows} rowKey={(r) => r.key} filterable />;
}
