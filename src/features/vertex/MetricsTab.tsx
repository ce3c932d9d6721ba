import { useId, useMemo, useState, type ReactNode } from 'react';
import { userMessage } from '../../api/errors';
import { subtasksMetricsQueryOptions, vertexMetricsQueryOptions } from '../../api/metrics';
import { usePolledQuery } from '../../api/polling';
import { METRIC_AGGREGATIONS, type MetricAggregation } from '../../api/query';
import { useRecordMetricSample } from '../../charts/metrics/history';
import { TimeSeriesChart } from '../../charts/time-series/TimeSeriesChart';
import { column, DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { Toolbar, ToolbarField } from '../../components/Toolbar';
import { formatTimestamp } from '../../lib/format';
import { searchMetricIds } from '../../lib/metric-search';
import { useSearchState } from '../../lib/search-state';
import { seriesPoints, useHistory } from '../../lib/history-store';
import { historyKey, metricHistory } from './histories';
import {
  addPick,
  AGG_WORDS,
  formatMetricNumber,
  isPickable,
  MAX_PICKS,
  parsePick,
  pickKey,
  pickLabel,
  pickRequests,
  picksParam,
  pickValue,
  removePick,
  replacePick,
  reshapePick,
  type MetricPick,
} from './metric-picks';

/** Results listed under the search box; refine the search for more. */
const MAX_RESULTS = 60;
const SERIES = 'value';

function pickHistoryKey(jobId: string, vertexId: string, pick: MetricPick): string {
  return `${historyKey(jobId, vertexId)}/${pickKey(pick)}`;
}

/**
 * Metrics of a vertex: search Flink's list of metric ids, pick some (kept in the URL), and
 * watch them over time. A pick is one subtask's metric or an aggregate over all subtasks.
 */
export function MetricsTab({ jobId, vertexId }: { jobId: string; vertexId: string }): ReactNode {
  const [picks, setPicks] = useSearchState('metrics', picksParam);
  const { ids, aggNames, aggs } = useMemo(() => pickRequests(picks), [picks]);

  const values = usePolledQuery({
    ...vertexMetricsQueryOptions(jobId, vertexId, { get: ids }),
    enabled: ids.length > 0,
  });
  const aggregated = usePolledQuery({
    ...subtasksMetricsQueryOptions(jobId, vertexId, { get: aggNames, agg: aggs }),
    enabled: aggNames.length > 0,
  });

  const problems = [values, aggregated]
    .filter((query) => query.isError && query.error)
    .map((query) => userMessage(query.error));

  const pickColumns = useMemo<Column<MetricPick>[]>(
    () => [
      column('metric', {
        header: 'Metric',
        rowHeader: true,
        className: 'untrusted-text',
        value: (p) => p.name,
        search: (_name, p) => pickLabel(p),
      }),
      column('shown-as', {
        header: 'Shown as',
        value: (p) => (p.kind === 'agg' ? p.agg : `subtask ${p.subtask}`),
        format: (_shape, p) => (
          <select
            aria-label={`Show ${pickLabel(p)} as`}
            value={p.kind === 'agg' ? p.agg : 'subtask'}
            onChange={(e) => {
              const shape =
                e.target.value === 'subtask' ? 'subtask' : METRIC_AGGREGATIONS.find((a) => a === e.target.value);
              if (shape) setPicks(replacePick(picks, pickKey(p), reshapePick(p, shape)));
            }}
          >
            <option value="subtask">subtask {p.kind === 'subtask' ? p.subtask : 0}</option>
            {METRIC_AGGREGATIONS.map((a: MetricAggregation) => (
              <option key={a} value={a}>
                {AGG_WORDS[a]} over subtasks
              </option>
            ))}
          </select>
        ),
        search: (shape, p) => (p.kind === 'agg' ? AGG_WORDS[p.agg] : shape),
      }),
      column('value', {
        header: 'Latest value',
        className: 'num untrusted-text',
        value: (p) => pickValue(p, values.data, aggregated.data),
        format: describeValue,
        // Text values (Flink reports some gauges as strings) sort last, as missing.
        sort: (latest) => (typeof latest === 'number' ? latest : null),
      }),
      column('remove', {
        header: '',
        value: (p) => pickLabel(p),
        format: (label, p) => (
          <button type="button" onClick={() => setPicks(removePick(picks, pickKey(p)))} aria-label={`Remove ${label}`}>
            Remove
          </button>
        ),
        sort: false,
      }),
    ],
    [picks, setPicks, values.data, aggregated.data],
  );

  return (
    <>
      <MetricPicker jobId={jobId} vertexId={vertexId} picks={picks} onPick={(p) => setPicks(addPick(picks, p))} />
      <section aria-labelledby="picked-heading">
        <h3 id="picked-heading">Charted metrics</h3>
        {problems.length > 0 && (
          <p className="panel-warning" role="status">
            Could not read the latest values: {problems.join('; ')}
          </p>
        )}
        {picks.length === 0 ? (
          <p className="empty">Pick metrics above to chart them. Picks are kept in the link.</p>
        ) : (
          <>
            <DataTable
              caption="Charted metrics"
              captionHidden
              columns={pickColumns}
              rows={picks}
              rowKey={pickKey}
              filterable
            />
            <div className="metric-charts">
              {picks.map((p) => (
                <PickChart
                  key={pickKey(p)}
                  historyKey={pickHistoryKey(jobId, vertexId, p)}
                  label={pickLabel(p)}
                  latest={pickValue(p, values.data, aggregated.data)}
                  sampledAt={p.kind === 'agg' ? aggregated.dataUpdatedAt : values.dataUpdatedAt}
                />
              ))}
            </div>
          </>
        )}
      </section>
    </>
  );
}

function describeValue(value: number | string | undefined): string {
  if (value === undefined) return '–';
  return typeof value === 'number' ? formatMetricNumber(value) : value;
}

interface PickChartProps {
  historyKey: string;
  label: string;
  latest: number | string | undefined;
  /** When the answer holding `latest` arrived: each answer is one point, in a history that outlives this tab. */
  sampledAt: number;
}

function PickChart({ historyKey: key, label, latest, sampledAt }: PickChartProps): ReactNode {
  // Text values (a gauge reporting a path, say) are not charted, so not recorded.
  const sample = useMemo(() => (typeof latest === 'string' ? undefined : { [SERIES]: latest ?? null }), [latest]);
  useRecordMetricSample(metricHistory, key, sampledAt, sample);
  const samples = useHistory(metricHistory, key);
  const series = useMemo(() => [{ name: label, points: seriesPoints(samples, SERIES) }], [samples, label]);
  return (
    <figure className="metric-chart">
      <figcaption className="untrusted-text">{label}</figcaption>
      {typeof latest === 'string' ? (
        <p className="empty">
          Not a number, so not charted. Latest value: <span className="untrusted-text">{latest}</span>
        </p>
      ) : samples.length === 0 ? (
        <p className="empty">Waiting for the first value…</p>
      ) : (
        <>
          <TimeSeriesChart series={series} label={`Chart of ${label}`} height={200} />
          <p className="chart-note">
            {samples.length} value{samples.length === 1 ? '' : 's'} since {formatTimestamp(samples[0]?.t)}
          </p>
        </>
      )}
    </figure>
  );
}

interface MetricPickerProps {
  jobId: string;
  vertexId: string;
  picks: readonly MetricPick[];
  onPick: (pick: MetricPick) => void;
}

function MetricPicker({ jobId, vertexId, picks, onPick }: MetricPickerProps): ReactNode {
  // The list of ids changes only when operators register metrics: fetched once, reloadable.
  const list = usePolledQuery(vertexMetricsQueryOptions(jobId, vertexId), 'static');
  const [search, setSearch] = useState('');
  const searchId = useId();
  const picked = useMemo(() => new Set(picks.map(pickKey)), [picks]);
  const full = picks.length >= MAX_PICKS;

  return (
    <section aria-labelledby="metric-search-heading" className="metric-picker">
      <h3 id="metric-search-heading">Pick metrics</h3>
      <QueryState query={list} what="the metric list">
        {(data) => {
          const matches = searchMetricIds(
            data.map((m) => m.id),
            search,
          );
          const shown = matches.slice(0, MAX_RESULTS);
          return (
            <>
              <Toolbar spaceBelow="12px">
                <ToolbarField htmlFor={searchId}>
                  <span>Search metrics</span>
                  <input
                    id={searchId}
                    type="search"
                    value={search}
                    placeholder="e.g. numRecordsInPerSecond"
                    onChange={(e) => setSearch(e.target.value)}
                  />
                </ToolbarField>
                <span className="result-count" aria-live="polite">
                  {matches.length} of {data.length} metrics
                  {matches.length > shown.length ? `, first ${shown.length} shown` : ''}
                </span>
                <button type="button" onClick={() => void list.refetch()}>
                  Reload list
                </button>
              </Toolbar>
              {full && (
                <p className="empty">{MAX_PICKS} metrics are charted, the most at once: remove one to add another.</p>
              )}
              <ul className="metric-results" aria-label="Matching metrics">
                {shown.map((id) => {
                  const pickable = isPickable(id);
                  const already = picked.has(id);
                  return (
                    <li key={id}>
                      <button
                        type="button"
                        className="metric-option untrusted-text"
                        disabled={!pickable || already || full}
                        title={!pickable ? 'This id contains a comma, which Flink cannot be asked for.' : undefined}
                        onClick={() => {
                          const pick = pickable ? parsePick(id) : null;
                          if (pick) onPick(pick);
                        }}
                      >
                        {id}
                        {already && <span className="metric-charted"> (charted)</span>}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
