import { useId, useMemo, useState, type ReactNode } from 'react';
import { userMessage } from '../../api/errors';
import {
  subtasksMetricsQueryOptions,
  vertexMetricsQueryOptions,
  type AggregatedMetrics,
  type MetricValues,
} from '../../api/metrics';
import { usePolledQuery } from '../../api/polling';
import { METRIC_AGGREGATIONS, type MetricAggregation } from '../../api/query';
import { useRecordMetricSample } from '../../charts/metrics/history';
import { guessUnit } from '../../charts/metrics/units';
import type { TimeSeriesOptions } from '../../charts/time-series/time-series-option';
import { TimeSeriesChart } from '../../charts/time-series/TimeSeriesChart';
import { formatMetricValue } from '../../charts/time-series/value-format';
import { column, DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { Toolbar, ToolbarField } from '../../components/Toolbar';
import { formatTimestamp } from '../../lib/format';
import {
  addPick,
  AGGREGATION_WORDS,
  aggregatedMetricPick,
  isAggregatedScope,
  isSubtaskMetricPickable,
  MAX_PICKS,
  pickId,
  removePick,
  replacePick,
  splitSubtaskMetricId,
  subtaskMetricPick,
  toggleAggregation,
  vertexMetricName,
  vertexPickLabel,
  vertexPicksParam,
  type MetricPick,
} from '../../lib/metric-picks';
import { searchMetricIds } from '../../lib/metric-search';
import { useSearchState } from '../../lib/search-state';
import { seriesPoints, useHistory } from '../../lib/history-store';
import { historyKey, metricHistory } from './histories';
import styles from './MetricsTab.module.css';

/** Results listed under the search box; refine the search for more. */
const MAX_RESULTS = 60;
/** The history series of a subtask's metric; an aggregated pick records one series per aggregation. */
const SERIES = 'value';

/**
 * A pick's latest answer: the text of a non-numeric gauge (not charted), or its numbers by
 * series (`value`, or one per aggregation), null where Flink sent none.
 */
type Latest = { readonly text: string } | { readonly numbers: Readonly<Record<string, number | null>> };

function latestOf(
  pick: MetricPick,
  values: MetricValues | undefined,
  aggregated: AggregatedMetrics | undefined,
): Latest {
  if (isAggregatedScope(pick.scope)) {
    const entry = aggregated?.find((m) => m.id === pick.metricId);
    const numbers: Record<string, number | null> = {};
    for (const a of pick.aggregations) {
      const value = entry?.[a];
      numbers[a] = typeof value === 'number' ? value : null;
    }
    return { numbers };
  }
  const raw = values?.find((m) => m.id === pick.metricId)?.value;
  if (raw === undefined) return { numbers: { [SERIES]: null } };
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? { numbers: { [SERIES]: n } } : { text: raw };
}

function describeLatest(pick: MetricPick, latest: Latest): string {
  if ('text' in latest) return latest.text;
  const unit = guessUnit(vertexMetricName(pick));
  const entries = Object.entries(latest.numbers);
  if (entries.length === 1) return formatMetricValue(unit, entries[0]?.[1]);
  return entries.map(([series, value]) => `${series} ${formatMetricValue(unit, value)}`).join(' · ');
}

/** The number a row sorts by: the (first) charted value; text values (some gauges) sort last, as missing. */
function sortValue(latest: Latest): number | null {
  return 'text' in latest ? null : (Object.values(latest.numbers)[0] ?? null);
}

/**
 * Metrics of a vertex: search Flink's list of metric ids, pick some (kept in the URL), and
 * watch them over time. A pick is one subtask's metric, or a metric aggregated over all
 * subtasks charted with one line per aggregation.
 */
export function MetricsTab({ jobId, vertexId }: { jobId: string; vertexId: string }): ReactNode {
  const picksParam = useMemo(() => vertexPicksParam(jobId, vertexId), [jobId, vertexId]);
  const [picks, setPicks] = useSearchState('metrics', picksParam);
  const { ids, aggNames, aggs } = useMemo(() => {
    const aggregatedPicks = picks.filter((p) => isAggregatedScope(p.scope));
    return {
      ids: picks
        .filter((p) => !isAggregatedScope(p.scope))
        .map((p) => p.metricId)
        .sort(),
      aggNames: [...new Set(aggregatedPicks.map((p) => p.metricId))].sort(),
      aggs: METRIC_AGGREGATIONS.filter((a) => aggregatedPicks.some((p) => p.aggregations.includes(a))),
    };
  }, [picks]);

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
        value: vertexMetricName,
        search: (_name, p) => vertexPickLabel(p),
      }),
      column('shown-as', {
        header: 'Shown as',
        value: (p) =>
          isAggregatedScope(p.scope)
            ? p.aggregations.join(' ')
            : `subtask ${splitSubtaskMetricId(p.metricId)?.subtask ?? 0}`,
        format: (_shape, p) => (
          <ShownAs
            pick={p}
            onChange={(next) => setPicks(replacePick(picks, pickId(p), next))}
            onToggle={(aggregation) => setPicks(toggleAggregation(picks, pickId(p), aggregation))}
          />
        ),
        search: (shape, p) =>
          isAggregatedScope(p.scope) ? p.aggregations.map((a) => AGGREGATION_WORDS[a]).join(' ') : shape,
      }),
      column('value', {
        header: 'Latest value',
        className: 'num untrusted-text',
        value: (p) => sortValue(latestOf(p, values.data, aggregated.data)),
        format: (_value, p) => describeLatest(p, latestOf(p, values.data, aggregated.data)),
      }),
      column('remove', {
        header: '',
        value: (p) => vertexPickLabel(p),
        format: (label, p) => (
          <button type="button" onClick={() => setPicks(removePick(picks, pickId(p)))} aria-label={`Remove ${label}`}>
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
              rowKey={pickId}
              filterable
            />
            <div className="metric-charts">
              {picks.map((p) => (
                <PickChart
                  key={pickId(p)}
                  historyKey={`${historyKey(jobId, vertexId)}/${pickId(p)}`}
                  pick={p}
                  latest={latestOf(p, values.data, aggregated.data)}
                  sampledAt={isAggregatedScope(p.scope) ? aggregated.dataUpdatedAt : values.dataUpdatedAt}
                />
              ))}
            </div>
          </>
        )}
      </section>
    </>
  );
}

interface ShownAsProps {
  pick: MetricPick;
  /** The pick shown another way: one subtask, or a single aggregation over subtasks. */
  onChange: (next: MetricPick) => void;
  onToggle: (aggregation: MetricAggregation) => void;
}

/** How a pick is shown: a select of the shape, and for an aggregated pick a checkbox per aggregation. */
function ShownAs({ pick, onChange, onToggle }: ShownAsProps): ReactNode {
  const { scope } = pick;
  if (scope.kind !== 'vertex' && scope.kind !== 'subtasks') return null;
  const name = vertexMetricName(pick);
  const label = vertexPickLabel(pick);
  const aggregatedBy = isAggregatedScope(scope) ? pick.aggregations : [];
  const selected =
    aggregatedBy.length === 0 ? 'subtask' : aggregatedBy.length === 1 ? (aggregatedBy[0] ?? '') : 'several';
  return (
    <>
      <select
        aria-label={`Show ${label} as`}
        value={selected}
        onChange={(e) => {
          const aggregation = METRIC_AGGREGATIONS.find((a) => a === e.target.value);
          if (aggregation) onChange(aggregatedMetricPick(scope.jobId, scope.vertexId, name, [aggregation]));
          else if (e.target.value === 'subtask' && aggregatedBy.length > 0)
            onChange(subtaskMetricPick(scope.jobId, scope.vertexId, `0.${name}`));
        }}
      >
        <option value="subtask">subtask {splitSubtaskMetricId(pick.metricId)?.subtask ?? 0}</option>
        {METRIC_AGGREGATIONS.map((a) => (
          <option key={a} value={a}>
            {AGGREGATION_WORDS[a]} over subtasks
          </option>
        ))}
        {aggregatedBy.length > 1 && (
          <option value="several" disabled>
            {aggregatedBy.length} aggregations over subtasks
          </option>
        )}
      </select>
      {aggregatedBy.length > 0 && (
        <span className={styles.aggregations}>
          {METRIC_AGGREGATIONS.map((a) => (
            <label key={a}>
              <input
                type="checkbox"
                checked={aggregatedBy.includes(a)}
                // The last aggregation stays: remove the pick instead.
                disabled={aggregatedBy.length === 1 && aggregatedBy.includes(a)}
                onChange={() => onToggle(a)}
                aria-label={`Chart the ${AGGREGATION_WORDS[a]} of ${name} over subtasks`}
              />
              {a}
            </label>
          ))}
        </span>
      )}
    </>
  );
}

interface PickChartProps {
  historyKey: string;
  pick: MetricPick;
  latest: Latest;
  /** When the answer holding `latest` arrived: each answer is one point, in a history that outlives this tab. */
  sampledAt: number;
}

function PickChart({ historyKey: key, pick, latest, sampledAt }: PickChartProps): ReactNode {
  const label = vertexPickLabel(pick);
  // Text values (a gauge reporting a path, say) are not charted, so not recorded.
  // Keyed by its text, so a re-render with the same answer does not make a new sample object.
  const sampleText = 'text' in latest ? '' : JSON.stringify(latest.numbers);
  const sample = useMemo(
    () => (sampleText === '' ? undefined : (JSON.parse(sampleText) as Record<string, number | null>)),
    [sampleText],
  );
  useRecordMetricSample(metricHistory, key, sampledAt, sample);
  const samples = useHistory(metricHistory, key);
  const series = useMemo(() => {
    const aggregatedBy = isAggregatedScope(pick.scope) ? pick.aggregations : [];
    if (aggregatedBy.length === 0) return [{ name: label, points: seriesPoints(samples, SERIES) }];
    return aggregatedBy.map((a) => ({
      name: aggregatedBy.length === 1 ? label : AGGREGATION_WORDS[a],
      points: seriesPoints(samples, a),
    }));
  }, [samples, label, pick]);
  const options = useMemo<TimeSeriesOptions>(() => ({ unit: guessUnit(vertexMetricName(pick)) }), [pick]);
  return (
    <figure className="metric-chart">
      <figcaption className="untrusted-text">{label}</figcaption>
      {'text' in latest ? (
        <p className="empty">
          Not a number, so not charted. Latest value: <span className="untrusted-text">{latest.text}</span>
        </p>
      ) : samples.length === 0 ? (
        <p className="empty">Waiting for the first value…</p>
      ) : (
        <>
          <TimeSeriesChart series={series} options={options} label={`Chart of ${label}`} height={200} />
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
  const picked = useMemo(
    () => new Set(picks.filter((p) => !isAggregatedScope(p.scope)).map((p) => p.metricId)),
    [picks],
  );
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
                  const pickable = isSubtaskMetricPickable(id);
                  const already = picked.has(id);
                  return (
                    <li key={id}>
                      <button
                        type="button"
                        className="metric-option untrusted-text"
                        disabled={!pickable || already || full}
                        title={!pickable ? 'This id contains a comma, which Flink cannot be asked for.' : undefined}
                        onClick={() => {
                          if (pickable) onPick(subtaskMetricPick(jobId, vertexId, id));
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
