import { useMemo, type ReactNode } from 'react';
import { useSampledQuery } from '../../api/polling';
import { backPressureQueryOptions, isBackPressureReady, type BackPressureLevel } from '../../api/vertex-sampling';
import { useRecordMetricSample } from '../../charts/metrics/history';
import type { TimeSeriesOptions } from '../../charts/time-series/time-series-option';
import { TimeSeriesChart } from '../../charts/time-series/TimeSeriesChart';
import { column, DataTable, type Column } from '../../components/DataTable';
import { SUBTASK_ROWS_SHOWN } from './vertex-columns';
import { QueryState } from '../../components/QueryState';
import { Stat, StatDetail, StatGrid } from '../../components/StatGrid';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import {
  BACK_PRESSURE_SERIES,
  backPressureRows,
  backPressureSample,
  formatRatio,
  levelTone,
  type BackPressureRow,
} from './back-pressure';
import { seriesPoints, useHistory } from '../../lib/history-store';
import { backPressureHistory, historyKey } from './histories';

export function LevelBadge({ level }: { level: BackPressureLevel }): ReactNode {
  return <span className={`badge badge-${levelTone(level)}`}>{level}</span>;
}

const columns: Column<BackPressureRow>[] = [
  column('subtask', {
    header: 'Subtask',
    rowHeader: true,
    className: 'num',
    value: (r) => r.subtask,
    format: (subtask, r) => (r.attempt === null ? subtask : `${subtask} (attempt ${r.attempt})`),
    search: true,
  }),
  // Sorted by the share behind the level, so "high" rows order by how high.
  column('level', {
    header: 'Level',
    value: (r) => r.level,
    format: (level) => <LevelBadge level={level} />,
    sort: (_level, r) => r.backPressured,
    search: true,
  }),
  column('backpressured', {
    header: 'Back-pressured',
    className: 'num',
    value: (r) => r.backPressured,
    format: formatRatio,
  }),
  column('busy', { header: 'Busy', className: 'num', value: (r) => r.busy, format: formatRatio }),
  column('idle', { header: 'Idle', className: 'num', value: (r) => r.idle, format: formatRatio }),
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

  // Timed by Flink's own sampling, so the same sample answered twice is one point.
  const sample = useMemo(() => (data ? (backPressureSample(data) ?? undefined) : undefined), [data]);
  useRecordMetricSample(backPressureHistory, key, data?.status === 'ok' ? data['end-timestamp'] : 0, sample);

  return (
    <>
      <QueryState query={query} what="the back pressure">
        {(bp) =>
          bp.status !== 'ok' ? (
            <p className="sampling-state" role="status" aria-busy="true">
              Sampling… Flink is collecting back-pressure metrics for this vertex; the first result appears in a few
              seconds.
            </p>
          ) : (
            <>
              <BackPressureSummary level={bp.backpressureLevel} sampledAt={bp['end-timestamp']} />
              <DataTable
                caption="Back pressure per subtask"
                pageSize={SUBTASK_ROWS_SHOWN}
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
    <StatGrid dense>
      <Stat term="Back pressure level" tone={level === 'high' ? 'bad' : level === 'low' ? 'warn' : undefined}>
        <LevelBadge level={level} />
      </Stat>
      <Stat term="Measured">
        {formatDuration(Math.max(0, now - sampledAt))} ago
        <StatDetail>{formatTimestamp(sampledAt)}</StatDetail>
      </Stat>
    </StatGrid>
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
            {samples.length} measurement{samples.length === 1 ? '' : 's'} since {formatTimestamp(samples[0]?.t)}; kept
            while the dashboard is open.
          </p>
          <TimeSeriesChart
            series={series}
            options={CHART_OPTIONS}
            label="Back-pressured, busy and idle time of the subtasks over time, in percent"
          />
        </>
      )}
    </section>
  );
}
