import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { userMessage } from '../../api/errors';
import { jobDetailsQueryOptions, type JobOverview } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import { seriesPoints, useHistory, type HistorySample } from '../../lib/history-store';
import { MetricChart } from '../../charts/metrics/MetricCharts';
import type { TimeSeries } from '../../charts/time-series/time-series-option';
import { guessUnit } from '../../charts/metrics/units';
import { links } from '../../lib/paths';
import { pickId, seriesName, type MetricPick, type MetricScope, type ScopeGroup } from '../../lib/metric-picks';
import { explorerHistory, ScopeSampler } from './samplers';

/** The lines of one pick's chart: its value, or one line per aggregation. */
export function pickSeries(pick: MetricPick, samples: readonly HistorySample[]): TimeSeries[] {
  if (pick.aggregations.length === 0) return [{ name: pick.metricId, points: seriesPoints(samples, pick.metricId) }];
  return pick.aggregations.map((agg) => ({ name: agg, points: seriesPoints(samples, seriesName(pick.metricId, agg)) }));
}

function VertexName({ jobId, vertexId }: { jobId: string; vertexId: string }): ReactNode {
  const details = usePolledQuery(jobDetailsQueryOptions(jobId), 'static');
  const name = details.data?.vertices.find((v) => v.id === vertexId)?.name;
  return <Link to={links.vertex(jobId, vertexId)}>{name ?? vertexId}</Link>;
}

export function ScopeTitle({ scope, jobs }: { scope: MetricScope; jobs: ReadonlyMap<string, JobOverview> }): ReactNode {
  const job = (jobId: string) => <Link to={links.job(jobId)}>{jobs.get(jobId)?.name ?? jobId}</Link>;
  switch (scope.kind) {
    case 'jm':
      return <Link to={links.jobManager('metrics')}>Job manager</Link>;
    case 'tm':
      return (
        <>
          Task manager <Link to={links.taskManager(scope.taskManagerId)}>{scope.taskManagerId}</Link>
        </>
      );
    case 'tms':
      return 'All task managers';
    case 'jobs':
      return 'All jobs';
    case 'job':
      return <>Job {job(scope.jobId)}</>;
    case 'vertex':
      return (
        <>
          Vertex <VertexName jobId={scope.jobId} vertexId={scope.vertexId} /> of job {job(scope.jobId)}
        </>
      );
    case 'subtasks':
      return (
        <>
          Subtasks {scope.subtasks ?? 'all'} of vertex <VertexName jobId={scope.jobId} vertexId={scope.vertexId} /> of
          job {job(scope.jobId)}
        </>
      );
  }
}

interface ScopeChartsProps {
  group: ScopeGroup;
  jobs: ReadonlyMap<string, JobOverview>;
  onRemove: (id: string) => void;
}

/** One scope's picked metrics: polled together, one chart per metric. */
export function ScopeCharts({ group, jobs, onRemove }: ScopeChartsProps): ReactNode {
  const samples = useHistory(explorerHistory, group.key);
  return (
    <section className="scope-charts" aria-label={`Metrics of ${group.key}`}>
      <h3 className="scope-title">
        <ScopeTitle scope={group.scope} jobs={jobs} />
      </h3>
      <ScopeSampler group={group}>
        {(status) => (
          <>
            {status.error && (
              <p className="panel-error" role="alert">
                Could not read these metrics: {userMessage(status.error)}
              </p>
            )}
            {status.missing.length > 0 && !status.loading && (
              <p className="panel-warning" role="status">
                Flink does not report {status.missing.join(', ')} here (any more).
              </p>
            )}
          </>
        )}
      </ScopeSampler>
      <div className="metric-chart-grid">
        {group.picks.map((pick) => (
          <PickChart key={pickId(pick)} pick={pick} samples={samples} onRemove={onRemove} />
        ))}
      </div>
    </section>
  );
}

function PickChart({
  pick,
  samples,
  onRemove,
}: {
  pick: MetricPick;
  samples: readonly HistorySample[];
  onRemove: (id: string) => void;
}): ReactNode {
  const series = useMemo(() => pickSeries(pick, samples), [pick, samples]);
  const id = pickId(pick);
  return (
    <MetricChart
      title={pick.metricId}
      series={series}
      unit={guessUnit(pick.metricId)}
      label={`${pick.metricId} over time`}
      actions={
        <button
          type="button"
          className="remove-pick"
          onClick={() => onRemove(id)}
          aria-label={`Remove ${pick.metricId}`}
        >
          Remove
        </button>
      }
    />
  );
}
