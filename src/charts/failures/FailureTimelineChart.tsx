import { useCallback, useMemo, type ReactNode } from 'react';
import { EChart } from '../EChart';
import { usePalette } from '../time-series/use-palette';
import { failureSeries, failureTimelineHeight, failureTimelineOption, type FailureMark } from './failure-options';

interface Props<M extends FailureMark> {
  readonly marks: readonly M[];
  readonly label: string;
  /** The time the page watched, so the axis spans it even with few marks. */
  readonly range?: { readonly from: number; readonly to: number };
  /** Called with the clicked mark (the feature navigates to its detail). */
  readonly onMarkClick?: (mark: M) => void;
}

/** A job's failures on one time axis: zoom (wheel, slider), brush, click a mark for its detail. */
export function FailureTimelineChart<M extends FailureMark>({ marks, label, range, onMarkClick }: Props<M>): ReactNode {
  const palette = usePalette();
  const option = useMemo(() => failureTimelineOption(marks, palette, range), [marks, palette, range]);
  const series = useMemo(() => failureSeries(marks), [marks]);
  const click = useCallback(
    (seriesIndex: number, dataIndex: number) => {
      const mark = series[seriesIndex]?.marks[dataIndex] as M | undefined;
      if (mark && onMarkClick) onMarkClick(mark);
    },
    [series, onMarkClick],
  );
  return (
    <EChart
      option={option}
      label={label}
      height={failureTimelineHeight()}
      onPointClick={onMarkClick ? click : undefined}
    />
  );
}
