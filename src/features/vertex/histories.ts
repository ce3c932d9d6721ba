import { createHistoryStore, keepInSnapshots } from '../../lib/history-store';

/** Back-pressure ratios per vertex: ~15 minutes at Flink's default sampling, 20 vertices. */
export const backPressureHistory = createHistoryStore({ maxSamples: 300, maxKeys: 20 });
/** Picked metrics, one key per vertex and pick: ~30 minutes at a 3 s refresh, 160 picks. */
export const metricHistory = createHistoryStore({ maxSamples: 600, maxKeys: 160 });

keepInSnapshots('vertex-back-pressure', backPressureHistory);
keepInSnapshots('vertex-metrics', metricHistory);

export function historyKey(jobId: string, vertexId: string): string {
  return `${jobId}/${vertexId}`;
}
