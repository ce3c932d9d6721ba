import { hashKey, useQueryClient, type QueryClient, type QueryState } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type RefObject } from 'react';
import { userMessage } from '../../api/errors';
import { taskManagerMetricsQueryOptions, taskManagersMetricsQueryOptions } from '../../api/metrics';
import { KEPT_BETWEEN_TURNS_MS, usePolledQuery } from '../../api/polling';
import type { MetricValues } from '../../api/schemas';
import { HEAP_READS_PER_REFRESH, planHeapReads } from './heap-schedule';
import { afterPaint } from '../../lib/after-paint';

const HEAP_USED = 'Status.JVM.Memory.Heap.Used';
const HEAP_MAX = 'Status.JVM.Memory.Heap.Max';
const HEAP = { get: [HEAP_USED, HEAP_MAX] };

export interface HeapUsage {
  readonly used: number | null;
  readonly max: number | null;
  /** When the value was read (this browser's clock); 0 when it never was. */
  readonly at: number;
  /** Why the last read failed, when there is no value. */
  readonly error?: string;
}

/** The worst heap over all task managers, aggregated by Flink in one request. */
export interface HeapAggregate {
  readonly maxUsed: number | null;
  readonly minMax: number | null;
  readonly maxMax: number | null;
  readonly at: number;
}

export interface HeapUsageState {
  readonly usage: ReadonlyMap<string, HeapUsage>;
  /** Not every task manager is read on every refresh (more of them than HEAP_READS_PER_REFRESH). */
  readonly inTurn: boolean;
  /** Set when read in turn: the aggregate over all task managers, read every refresh. */
  readonly aggregate: HeapAggregate | null;
  readonly aggregateError: string | null;
}

function toNumber(value: string | number | undefined): number | null {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

const heapQuery = (id: string) => ({ ...taskManagerMetricsQueryOptions(id, HEAP), gcTime: KEPT_BETWEEN_TURNS_MS });

/**
 * Each task manager's heap query hash, made once: every turn looks up the state of all of them
 * (200 at the 100x cluster), and building and hashing 200 query keys a refresh showed in its profile.
 * Task managers that left the list are dropped from it (`forgetHeapHashes`).
 */
const heapHashes = new Map<string, string>();
function heapState(client: QueryClient, id: string): QueryState<MetricValues> | undefined {
  let hash = heapHashes.get(id);
  if (hash === undefined) {
    hash = hashKey(heapQuery(id).queryKey);
    heapHashes.set(id, hash);
  }
  return client.getQueryCache().get<MetricValues>(hash)?.state;
}

/** Keeps the hashes of the task managers listed (and a few more: another cluster's, say), not of every one ever seen. */
function forgetHeapHashes(listed: readonly string[]): void {
  if (heapHashes.size <= 2 * listed.length + 64) return;
  const keep = new Set(listed);
  for (const id of heapHashes.keys()) if (!keep.has(id)) heapHashes.delete(id);
}

/** The last heap value read for each task manager, from the query cache (where reads put it). */
function readUsage(client: QueryClient, ids: readonly string[]): Map<string, HeapUsage> {
  const usage = new Map<string, HeapUsage>();
  for (const id of ids) {
    const state = heapState(client, id);
    if (!state) continue;
    if (state.data) {
      const get = (metric: string) => toNumber(state.data?.find((m) => m.id === metric)?.value);
      usage.set(id, { used: get(HEAP_USED), max: get(HEAP_MAX), at: state.dataUpdatedAt });
    } else if (state.error) {
      usage.set(id, { used: null, max: null, at: 0, error: userMessage(state.error) });
    }
  }
  return usage;
}

/** The task managers whose rows are on screen (rows marked `data-tm-id`), top first. */
export function taskManagersOnScreen(container: HTMLElement | null): string[] {
  if (!container) return [];
  const out: string[] = [];
  const bottom = window.innerHeight;
  for (const el of container.querySelectorAll<HTMLElement>('[data-tm-id]')) {
    const box = el.getBoundingClientRect();
    if (box.height > 0 && box.bottom > 0 && box.top < bottom) out.push(el.dataset.tmId ?? '');
  }
  return out;
}

/**
 * The task managers' heap use within a fixed request budget (heap-schedule.ts): each answer of the
 * polled task manager list starts one turn that reads the heap of at most HEAP_READS_PER_REFRESH
 * of them (the rows on screen in `container` first), and all of their answers come back as one
 * update. Values are kept between reads with the time they were read. When not every task manager
 * is read on every refresh, Flink's aggregate over all of them (`/taskmanagers/metrics?agg=`,
 * one request) is polled too, so the worst heap is never older than a refresh.
 */
export function useHeapUsage(
  list: {
    readonly data: { readonly taskmanagers: readonly { readonly id: string }[] } | undefined;
    readonly dataUpdatedAt: number;
  },
  container: RefObject<HTMLElement | null>,
): HeapUsageState {
  const client = useQueryClient();
  const taskManagers = list.data?.taskmanagers;
  const tick = list.dataUpdatedAt;
  const ids = useMemo(() => (taskManagers ?? []).map((tm) => tm.id), [taskManagers]);
  const inTurn = ids.length > HEAP_READS_PER_REFRESH;
  // What was read before (another visit to the page), then each turn's answers.
  const [usage, setUsage] = useState(() => readUsage(client, ids));

  useEffect(() => {
    if (ids.length === 0) return;
    const turn = () => {
      const now = Date.now();
      const readAt = new Map<string, number>();
      for (const id of ids) {
        const state = heapState(client, id);
        // A read still on its way (a slow JobManager) counts as read now: not asked again meanwhile.
        const at = state?.fetchStatus === 'fetching' ? now : state?.dataUpdatedAt;
        if (at) readAt.set(id, at);
      }
      forgetHeapHashes(ids);
      const plan = planHeapReads({ ids, onScreen: taskManagersOnScreen(container.current), readAt });
      // One update for the whole turn: the table re-renders once, not once per answer. Not cancelled
      // by the next turn, so a slow turn still shows.
      void Promise.allSettled(plan.map((id) => client.fetchQuery({ ...heapQuery(id), staleTime: 0 }))).then(() => {
        const read = readUsage(client, plan);
        setUsage((prev) => new Map([...prev, ...read]));
      });
    };
    // The rows on screen are measured once the new list is laid out and painted (a frame, then a
    // task): measured right after the commit, the 200-row table's layout was forced, ~35 ms a refresh.
    return afterPaint(turn);
    // `tick`: one turn per answer of the list, even when the list is the same.
  }, [client, ids, tick, container]);

  const aggregate = usePolledQuery({
    ...taskManagersMetricsQueryOptions({ get: HEAP.get, agg: ['min', 'max'] }),
    enabled: inTurn,
  });
  const aggregateData = aggregate.data;
  const aggregateAt = aggregate.dataUpdatedAt;
  const worst = useMemo((): HeapAggregate | null => {
    if (!aggregateData) return null;
    const used = aggregateData.find((m) => m.id === HEAP_USED);
    const max = aggregateData.find((m) => m.id === HEAP_MAX);
    return {
      maxUsed: toNumber(used?.max),
      minMax: toNumber(max?.min),
      maxMax: toNumber(max?.max),
      at: aggregateAt,
    };
  }, [aggregateData, aggregateAt]);

  return {
    usage,
    inTurn,
    aggregate: inTurn ? worst : null,
    aggregateError: inTurn && aggregate.error ? userMessage(aggregate.error) : null,
  };
}
