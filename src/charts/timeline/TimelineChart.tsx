import { useCallback, useMemo, type ReactNode } from 'react';
import { EChart } from '../EChart';
import { usePalette } from '../time-series/use-palette';
import { timelineHeight, timelineOption, timelineSeriesSegments, type TimelineData } from './timeline-options';

interface TimelineChartProps {
  data: TimelineData;
  label: string;
  /** Called with the id of the clicked row (`rowIds`). */
  onRowClick?: (rowId: string) => void;
}

/** Which row was in which state when, as bars on a time axis. */
export function TimelineChart({ data, label, onRowClick }: TimelineChartProps): ReactNode {
  // Re-read when the theme changes, so an open chart follows the theme toggle.
  const palette = usePalette();
  const option = useMemo(() => timelineOption(data, palette), [data, palette]);
  const series = useMemo(() => timelineSeriesSegments(data), [data]);
  const click = useCallback(
    (seriesIndex: number, dataIndex: number) => {
      const seg = series[seriesIndex]?.segments[dataIndex];
      const id = seg ? data.rowIds[seg.row] : undefined;
      if (id !== undefined && onRowClick) onRowClick(id);
    },
    [series, data, onRowClick],
  );
  return (
    <EChart
      option={option}
      label={label}
      height={timelineHeight(data.rows.length)}
      onPointClick={onRowClick ? click : undefined}
    />
  );
}
