import { useMemo, type ReactNode } from 'react';
import { EChart } from '../EChart';
import { usePalette } from '../time-series/use-palette';
import type { HistorySample } from '../../lib/history-store';
import { chartSeries, type ChartSpec } from './jvm-charts';
import { timeSeriesOption, type TimeSeries } from '../time-series/time-series-option';
import { formatMetricValue, type ValueUnit } from '../time-series/value-format';
import './metric-charts.css';

interface MetricChartProps {
  title: string;
  series: readonly TimeSeries[];
  unit: ValueUnit;
  fromZero?: boolean;
  /** Accessible description of the chart. */
  label: string;
  /** Shown in place of the chart while there are fewer than two samples. */
  waitingText?: string;
  height?: number;
  /** Extra controls in the header (a remove button). */
  actions?: ReactNode;
}

function latest(series: TimeSeries): number | null {
  for (let i = series.points.length - 1; i >= 0; i--) {
    const v = series.points[i]?.[1];
    if (v != null) return v;
  }
  return null;
}

/** One metric chart with its title and latest values; titles and names render as text. */
export function MetricChart({
  title,
  series,
  unit,
  fromZero,
  label,
  waitingText,
  height = 220,
  actions,
}: MetricChartProps): ReactNode {
  // Re-read when the theme changes, so an open chart follows the theme toggle.
  const palette = usePalette();
  const option = useMemo(
    () => timeSeriesOption(series, palette, { unit, fromZero, area: true }),
    [series, unit, palette, fromZero],
  );
  const points = series.reduce((n, s) => Math.max(n, s.points.length), 0);
  return (
    <figure className="metric-chart">
      <figcaption className="metric-chart-head">
        <span className="metric-chart-title">{title}</span>
        <span className="metric-chart-latest">
          {series.map((s) => (
            <span key={s.name} className="metric-chart-value">
              {series.length > 1 ? `${s.name} ` : ''}
              <strong>{formatMetricValue(unit, latest(s))}</strong>
            </span>
          ))}
        </span>
        {actions}
      </figcaption>
      {points === 0 ? (
        <p className="metric-chart-waiting">{waitingText ?? 'Waiting for the first values…'}</p>
      ) : (
        <EChart option={option} label={label} height={height} />
      )}
    </figure>
  );
}

/** A grid of charts drawn from one history (a JVM's heap, non-heap, GC ...). */
export function MetricChartGrid({
  specs,
  samples,
  subject,
}: {
  specs: readonly ChartSpec[];
  samples: readonly HistorySample[];
  subject: string;
}): ReactNode {
  return (
    <div className="metric-chart-grid">
      {specs.map((spec) => (
        <SpecChart key={spec.id} spec={spec} samples={samples} subject={subject} />
      ))}
    </div>
  );
}

function SpecChart({
  spec,
  samples,
  subject,
}: {
  spec: ChartSpec;
  samples: readonly HistorySample[];
  subject: string;
}): ReactNode {
  const series = useMemo(() => chartSeries(spec, samples), [spec, samples]);
  if (spec.series.length === 0) return null;
  return (
    <MetricChart
      title={spec.title}
      series={series}
      unit={spec.unit}
      fromZero={spec.fromZero}
      label={`${spec.title} of ${subject} over time`}
      waitingText={
        spec.series.some((s) => s.rate) ? 'A rate needs two samples: waiting for the next refresh…' : undefined
      }
    />
  );
}
