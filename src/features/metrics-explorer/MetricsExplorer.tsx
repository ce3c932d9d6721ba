import { useMemo, useState, type ReactNode } from 'react';
import { jobsOverviewQueryOptions, type JobOverview } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import { AvailableMetrics } from './AvailableMetrics';
import { ScopeCharts } from './PickedCharts';
import {
  addPick,
  groupPicks,
  isAggregatedScope,
  MAX_PICKS,
  removePick,
  scopeKey,
  type MetricPick,
} from '../../lib/metric-picks';
import { draftScope, INITIAL_DRAFT, ScopePicker, type ScopeDraft } from './ScopePicker';
import './metrics-explorer.css';

interface MetricsExplorerProps {
  /** The picked metrics (kept in the URL by the page). */
  picks: readonly MetricPick[];
  onPicksChange: (picks: MetricPick[]) => void;
}

/**
 * Chart any metric Flink reports: choose a scope, search its metric ids, pick; the picks poll
 * at the live rate and their values are charted over time.
 */
export function MetricsExplorer({ picks, onPicksChange }: MetricsExplorerProps): ReactNode {
  const [draft, setDraft] = useState<ScopeDraft>(INITIAL_DRAFT);
  const scope = draftScope(draft);
  const groups = useMemo(() => groupPicks(picks), [picks]);
  const jobsOverview = usePolledQuery(jobsOverviewQueryOptions());
  const jobs = useMemo(
    () => new Map<string, JobOverview>((jobsOverview.data?.jobs ?? []).map((j) => [j.jid, j])),
    [jobsOverview.data],
  );
  const picked = useMemo(() => {
    const key = scope ? scopeKey(scope) : '';
    return new Set(picks.filter((p) => scopeKey(p.scope) === key).map((p) => p.metricId));
  }, [picks, scope]);
  const needsAgg = scope !== null && isAggregatedScope(scope) && draft.aggs.length === 0;
  const full = picks.length >= MAX_PICKS;

  const pick = (metric: string): void => {
    if (!scope || needsAgg) return;
    // Past the limit, addPick refuses a new pick but still merges aggregations into a charted one.
    onPicksChange(
      addPick(picks, { scope, metricId: metric, aggregations: isAggregatedScope(scope) ? draft.aggs : [] }),
    );
  };

  return (
    <div className="metrics-explorer">
      <section className="explorer-add" aria-labelledby="explorer-add">
        <h2 id="explorer-add">Add a metric</h2>
        <ScopePicker draft={draft} onChange={setDraft} />
        {needsAgg && <p className="panel-warning">Choose at least one aggregation.</p>}
        {full && (
          <p className="panel-warning">At most {MAX_PICKS} metrics are charted at once: remove one to add another.</p>
        )}
        {scope ? (
          <AvailableMetrics scope={scope} picked={picked} onPick={pick} />
        ) : (
          <p className="empty">Complete the scope to list its metrics.</p>
        )}
      </section>
      <section className="explorer-charts" aria-labelledby="explorer-charts">
        <div className="explorer-charts-head">
          <h2 id="explorer-charts">Charts</h2>
          {picks.length > 0 && (
            <button type="button" onClick={() => onPicksChange([])}>
              Remove all
            </button>
          )}
        </div>
        {groups.length === 0 ? (
          <p className="empty">
            No metric picked yet. The picks are kept in the page's address: share it to share the charts.
          </p>
        ) : (
          groups.map((group) => (
            <ScopeCharts
              key={group.key}
              group={group}
              jobs={jobs}
              onRemove={(id) => onPicksChange(removePick(picks, id))}
            />
          ))
        )}
      </section>
    </div>
  );
}
