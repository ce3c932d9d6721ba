import type { ReactNode } from 'react';
import { formatBytes, formatTimestamp } from '../../lib/format';
import { HEAP_READS_ON_SCREEN, HEAP_READS_PER_REFRESH, refreshesPerRound } from './heap-schedule';
import { heapLevel, heapRatio } from './task-managers';
import type { HeapUsageState } from './use-heap-usage';

/**
 * Above a list whose heap is read in turn: how it is read, and the worst heap over all task
 * managers (Flink's aggregate, read every refresh), so a full heap is seen before its row is read.
 */
export function HeapSummary({ heap, taskManagers }: { heap: HeapUsageState; taskManagers: number }): ReactNode {
  if (!heap.inTurn) return null;
  const worst = heap.aggregate;
  // Flink aggregates each metric on its own: the highest use over the smallest heap is exact only
  // when every heap has the same size (the usual case), an upper bound otherwise.
  const sameSize = worst !== null && worst.minMax !== null && worst.minMax === worst.maxMax;
  const ratio = worst && sameSize ? heapRatio(worst.maxUsed, worst.minMax) : null;
  const level = heapLevel(ratio);
  return (
    <div className="tm-heap-summary">
      <p aria-label="Highest heap use">
        <strong>Highest heap use of all {taskManagers} task managers: </strong>
        {heap.aggregateError !== null && worst === null ? (
          <span className="usage-bad">could not be read ({heap.aggregateError})</span>
        ) : worst === null ? (
          'reading…'
        ) : (
          <span title={`Flink's aggregate over every task manager, read at ${formatTimestamp(worst.at)}`}>
            <span className={level === 'ok' ? undefined : `usage-${level}`}>
              {formatBytes(worst.maxUsed)}
              {sameSize
                ? ` of ${formatBytes(worst.minMax)}${ratio === null ? '' : ` (${Math.round(ratio * 100)}%)`}`
                : ` (heaps from ${formatBytes(worst.minMax)} to ${formatBytes(worst.maxMax)})`}
            </span>
            {level === 'bad' && <span className="badge badge-bad tm-flag">high heap</span>}
          </span>
        )}
      </p>
      <p className="stat-sub">
        Each task manager's heap is read in turn: {HEAP_READS_PER_REFRESH} per refresh, up to {HEAP_READS_ON_SCREEN} of
        them among the rows on screen; every one is read at least every {refreshesPerRound(taskManagers)} refreshes. A
        value older than a refresh shows its age.
      </p>
    </div>
  );
}
