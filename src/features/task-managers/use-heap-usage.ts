import { useQueries } from '@tanstack/react-query';
import { taskManagerMetricsQueryOptions } from '../../api/metrics';
import { usePollInterval } from '../../api/polling';

const HEAP_USED = 'Status.JVM.Memory.Heap.Used';
const HEAP_MAX = 'Status.JVM.Memory.Heap.Max';

/** Heap use is read per task manager (Flink's list does not carry it): at most this many. */
export const HEAP_USAGE_LIMIT = 50;

export interface HeapUsage {
  readonly used: number | null;
  readonly max: number | null;
}

function toNumber(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * The heap use of the first {@link HEAP_USAGE_LIMIT} task managers, from each one's metrics,
 * polled at the live rate; a task manager whose metrics did not answer is left out.
 */
export function useHeapUsage(taskManagerIds: readonly string[]): ReadonlyMap<string, HeapUsage> {
  const refetchInterval = usePollInterval('live');
  const ids = taskManagerIds.slice(0, HEAP_USAGE_LIMIT);
  return useQueries({
    queries: ids.map((id) => ({
      ...taskManagerMetricsQueryOptions(id, { get: [HEAP_USED, HEAP_MAX] }),
      refetchInterval,
      refetchIntervalInBackground: false,
    })),
    combine: (results) => {
      const usage = new Map<string, HeapUsage>();
      results.forEach((result, i) => {
        const id = ids[i];
        if (id === undefined || !result.data) return;
        const get = (metric: string) => toNumber(result.data.find((m) => m.id === metric)?.value);
        usage.set(id, { used: get(HEAP_USED), max: get(HEAP_MAX) });
      });
      return usage;
    },
  });
}
