import { useCallback, useMemo, type ReactNode } from 'react';
import { MetricsExplorer } from '../features/metrics-explorer/MetricsExplorer';
import { parsePicks, serializePicks, type MetricPick } from '../lib/metric-picks';
import { stringParam, useSearchState } from '../lib/search-state';

const mParam = stringParam();

/** The metrics explorer; the picked metrics live in the URL (`?m=`), so charts can be shared. */
export function MetricsPage(): ReactNode {
  const [raw, setRaw] = useSearchState('m', mParam);
  const picks = useMemo(() => parsePicks(raw), [raw]);
  const setPicks = useCallback((next: MetricPick[]) => setRaw(serializePicks(next) ?? ''), [setRaw]);
  return (
    <div className="page">
      <h1>Metrics</h1>
      <MetricsExplorer picks={picks} onPicksChange={setPicks} />
    </div>
  );
}
