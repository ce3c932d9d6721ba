import { useEffect, useMemo, type ReactNode } from 'react';
import { useSampledQuery } from '../../api/polling';
import { backPressureQueryOptions, isBackPressureReady, type BackPressureLevel } from '../../api/vertex-sampling';
import type { TimeSeriesOptions } from '../../charts/time-series/time-series-option';
import { TimeSeriesChart } from '../../charts/time-series/TimeSeriesChart';
import { DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { BACK_PRESSURE_SERIES, backPressureRows, backPressureSample, formatRatio, levelTone, type BackPressureRow } from './back-pressure';
import { seriesPoints, useHistory } from '../../lib/history-store';
import { backPressureHistory, historyKey } from './histories';

export function LevelBadge({ level }: { level: BackPressureLevel }): ReactNode {
  return <span className={`badge badge-${levelTone(level)}`}>{level}</span>;
}

const columns: Column<BackPressureRow>[] = [
  {
    id: 'subtask',
    header: 'Subtask',
    rowHeader: true,
    className: 'num',
    cell: (r) => (r.attempt === null ? r.subtask : `${r.subtask} (attempt ${r.attempt})`),
    sortValue: (r) => r.subtask,
    filterText: (r) => String(r.subtask),
  },
  { id: 'level', header: 'Level', cell: (r) => <LevelBadge level={r.level} />, sortValue: (r) => r.backPressured, filterText: (r) => r.level },
  { id: 'backpressured', header: 'Back-pressured', className: 'num', cell: (r) => formatRatio(r.backPressured), sortValue: (r) => r.backPressured },
  { id: 'busy', header: 'Busy', className: 'num', cell: (r) => formatRatio(r.busy), sortValue: (r) => r.busy },
  { id: 'idle', header: 'Idle', className: 'num', cell: (r) => formatRatio(r.idle), sortValue: (r) => r.idle },
];

const CHART_OPTIONS: TimeSeriesOptions = {
  unit: 'percent',
  thresholds: [
    { value: 10, label: 'low', tone: 'warn' },
    { value: 50, label: 'high', tone: 'bad' },
  ],
};

/**
 * Back pressure of a vertex: Flink's level, the back-pressured / busy / idle ratio of every
 * subtask, and how they moved while the page was open (kept in memory per vertex).
 */
export function BackPressureTab({ jobId, vertexId }: { jobId: string; vertexId: string }): ReactNode {
  const query = useSampledQuery(backPressureQueryOptions(jobId, vertexId), isBackPressureReady);
  const key = historyKey(jobId, vertexId);
  const data = query.data;

  useEffect(() => {
    if (data?.status !== 'ok') return;
    const sample = backPressureSample(data);
    if (sample) backPressureHistory.record(key, data['end-timestamp'], sample);
  }, [data, key]);

  return (
    <>
      <QueryState query={query} what="the back pressure">
        {(bp) =>
          bp.status !== 'ok' ? (
            <p className="sampling-state" role="status" aria-busy="true">
              Sampling… Flink is collecting back-pressure metrics for this vertex; the first result appears in a few seconds.
            </p>
          ) : (
            <>
              <BackPressureSummary level={bp.backpressureLevel} sampledAt={bp['end-timestamp']} />
              <DataTable
                caption="Back pressure per subtask"
                columns={columns}
                rows={backPressureRows(bp.subtasks)}
                rowKey={(r) => r.key}
                rowClassName={(r) => (r.level === 'ok' ? undefined : `row-${levelTone(r.level)}`)}
                defaultSort={{ column: 'subtask', direction: 'asc' }}
                filterable
                empty="Flink reported no subtasks."
              />
            </>
          )
        }
      </QueryState>
      <BackPressureHistory historyKey={key} />
    </>
  );
}

function BackPressureSummary({ level, sampledAt }: { level: BackPressureLevel; sampledAt: number }): ReactNode {
  const now = useNow();
  return (
    <dl className="stat-grid vertex-stats">
      <div className={`stat ${level === 'high' ? 'stat-bad' : level === 'low' ? 'stat-warn' : ''}`}>
        <dt>Back pressure level</dt>
        <dd>
          <LevelBadge level={level} />
        </dd>
      </div>
      <div className="stat">
        <dt>Measured</dt>
        <dd>
          {formatDuration(Math.max(0, now - sampledAt))} ago
          <span className="stat-sub">{formatTimestamp(sampledAt)}</span>
        </dd>
      </div>
    </dl>
  );
}

function BackPressureHistory({ historyKey: key }: { historyKey: string }): ReactNode {
  const samples = useHistory(backPressureHistory, key);
  const series = useMemo(
    () => Object.values(BACK_PRESSURE_SERIES).map((name) => ({ name, points: seriesPoints(samples, name) })),
    [samples],
  );
  return (
    <section aria-labelledby="bp-history-heading">
      <h3 id="bp-history-heading">While this page was open</h3>
      {samples.length === 0 ? (
        <p className="empty">The chart starts with the first measurement.</p>
      ) : (
        <>
          <p className="chart-note">
            {samples.length} measurement{samples.length === 1 ? '' : 's'} since {formatTimestamp(samples[0]?.t)}; kept while the
            dashboard is open.
          </p>
          <TimeSeriesChart series={series} options={CHART_OPTIONS} label="Back-pressured, busy and idle time of the subtasks over time, in percent" />
        </>
      )}
    </section>
  );
}
