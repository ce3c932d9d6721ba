import { useMemo, type ReactNode } from 'react';
import { EChart } from '../EChart';
import { timeSeriesOption, type TimeSeries, type TimeSeriesOptions } from './time-series-option';
import { usePalette } from './use-palette';

interface TimeSeriesChartProps {
  series: readonly TimeSeries[];
  /** Accessible description of what the chart shows. */
  label: string;
  options?: TimeSeriesOptions;
  height?: number;
}

/** A themed line chart over time; ECharts loads in its own chunk on first use. */
export function TimeSeriesChart({ series, label, options, height = 240 }: TimeSeriesChartProps): ReactNode {
  const palette = usePalette();
  const option = useMemo(() => timeSeriesOption(series, palette, options), [series, palette, options]);
  return <EChart option={option} label={label} height={height} className="time-series-chart" />;
}
