import { useCallback, useMemo, type ReactNode } from 'react';
import { EChart } from '../EChart';
import { usePalette } from '../time-series/use-palette';
import {
  checkpointChartData,
  checkpointDurationOption,
  checkpointIndexAt,
  checkpointSizeOption,
  type CheckpointPoint,
} from './checkpoint-options';

interface CheckpointChartsProps {
  points: readonly CheckpointPoint[];
  /** The configured checkpoint timeout, drawn on the duration chart when within sight. */
  timeoutMs?: number;
  /** Called with the id of a clicked checkpoint. */
  onSelect?: (checkpointId: number) => void;
}

/** Duration and size per checkpoint, side by side; clicking a bar selects that checkpoint. */
export function CheckpointCharts({ points, timeoutMs, onSelect }: CheckpointChartsProps): ReactNode {
  const data = useMemo(() => checkpointChartData(points), [points]);
  // Re-read when the theme changes, so an open chart follows the theme toggle.
  const palette = usePalette();
  const duration = useMemo(() => checkpointDurationOption(data, palette, timeoutMs), [data, palette, timeoutMs]);
  const size = useMemo(() => checkpointSizeOption(data, palette), [data, palette]);
  const click = useCallback(
    (series: number, dataIndex: number) => {
      const point = data.points[checkpointIndexAt(data, series, dataIndex)];
      if (point && onSelect) onSelect(point.id);
    },
    [data, onSelect],
  );
  const handler = onSelect ? click : undefined;
  return (
    <div className="checkpoint-charts">
      <figure className="checkpoint-chart">
        <figcaption>End-to-end duration</figcaption>
        <EChart
          option={duration}
          label={`End-to-end duration of ${data.points.length} checkpoints`}
          onPointClick={handler}
        />
      </figure>
      <figure className="checkpoint-chart">
        <figcaption>Checkpointed and full size</figcaption>
        <EChart
          option={size}
          label={`Checkpointed and full size of ${data.points.length} checkpoints`}
          onPointClick={handler}
        />
      </figure>
    </div>
  );
}
