import { memo, useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { TaskManagerSummary } from '../../api/taskmanagers';
import { column, DataTable, type Column } from '../../components/DataTable';
import { formatBytes, formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import type { SortState } from '../../lib/search-state';
import { useNow } from '../../lib/use-now';
import {
  heapLevel,
  heapRatio,
  heartbeatSortKey,
  lastHeartbeat,
  slotLevel,
  taskManagerAddress,
  worst,
  type Level,
} from './task-managers';
import type { HeapUsage } from './use-heap-usage';
import './task-managers.css';

export const TM_SORT_COLUMNS = [
  'id',
  'address',
  'dataPort',
  'slots',
  'cpu',
  'physical',
  'heapSize',
  'heapUsed',
  'managed',
  'tasks',
  'heartbeat',
] as const;
/** The list draws only the rows near the screen from this many task managers. */
export const TM_VIRTUAL_ROWS_FROM = 100;
export const DEFAULT_TM_SORT: SortState = { column: 'id', direction: 'asc' };

interface Row {
  tm: TaskManagerSummary;
  address: string;
  heap: HeapUsage | undefined;
  heapRatio: number | null;
  level: Level;
}

interface TaskManagersTableProps {
  taskManagers: readonly TaskManagerSummary[];
  heapUsage: ReadonlyMap<string, HeapUsage>;
  /** A heap value older than this shows its age (values read in turn, a paused refresh). */
  heapStaleAfterMs: number;
  filter: string;
  onFilterChange: (filter: string) => void;
  sort: SortState;
  onSortChange: (sort: SortState) => void;
}

function Percent({ ratio, level }: { ratio: number; level: Level }): ReactNode {
  return (
    <span className={`usage usage-${level}`}>
      <meter min={0} max={1} low={0.75} high={0.9} optimum={0} value={ratio} aria-hidden="true" />
      <span>{Math.round(ratio * 100)}%</span>
    </span>
  );
}

// The cells below are memoised on their values: a refresh brings a new object for every task
// manager whose heartbeat moved, and its row re-renders, but a link whose id is the same does not.

const Heartbeat = memo(function Heartbeat({ timeSinceLastHeartbeat }: { timeSinceLastHeartbeat: number }): ReactNode {
  const now = useNow();
  const at = lastHeartbeat({ timeSinceLastHeartbeat }, now);
  if (at === null) return '–';
  return <span title={formatTimestamp(at)}>{formatDuration(Math.max(0, now - at))} ago</span>;
});

const TaskManagerLink = memo(function TaskManagerLink({ id }: { id: string }): ReactNode {
  // data-tm-id: which rows are on screen, for the heap reads in turn (use-heap-usage.ts).
  return (
    <Link to={links.taskManager(id)} data-tm-id={id}>
      {id}
    </Link>
  );
});

/** The age of a heap value, once it is older than a refresh. */
function HeapAge({ at, staleAfterMs }: { at: number; staleAfterMs: number }): ReactNode {
  const now = useNow();
  const age = now - at;
  if (age <= staleAfterMs) return null;
  return <span className="tm-age">{formatDuration(age)} ago</span>;
}

function HeapCell({ row, staleAfterMs }: { row: Row; staleAfterMs: number }): ReactNode {
  const { heap, heapRatio: ratio } = row;
  if (heap === undefined) return <span className="tm-unread">not read yet</span>;
  if (ratio === null || heap.at === 0) return <span title={heap.error ?? 'Flink sent no heap value'}>–</span>;
  const level = heapLevel(ratio);
  return (
    <span title={`${formatBytes(heap.used)} of ${formatBytes(heap.max)}, read at ${formatTimestamp(heap.at)}`}>
      <Percent ratio={ratio} level={level} />
      {level === 'bad' && <span className="badge badge-bad tm-flag">high heap</span>}
      <HeapAge at={heap.at} staleAfterMs={staleAfterMs} />
    </span>
  );
}

const sameHeap = (a: HeapUsage | undefined, b: HeapUsage | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.used === b.used && a.max === b.max && a.at === b.at);

// A row is rebuilt only when its task manager or its heap value changed, so a turn of heap reads
// re-renders the rows read, not the whole table (DataTable's rows are memoised by identity).
const rowCache = new WeakMap<TaskManagerSummary, Row>();

function rowOf(tm: TaskManagerSummary, heap: HeapUsage | undefined): Row {
  const cached = rowCache.get(tm);
  if (cached && sameHeap(cached.heap, heap)) return cached;
  const ratio = heapRatio(heap?.used, heap?.max);
  const row: Row = {
    tm,
    address: taskManagerAddress(tm.path),
    heap,
    heapRatio: ratio,
    level: worst(slotLevel(tm.freeSlots, tm.slotsNumber), heapLevel(ratio), tm.blocked === true ? 'warn' : 'ok'),
  };
  rowCache.set(tm, row);
  return row;
}

/** Why a task manager is blocked, as far as Flink tells (it gives no reason). */
export const BLOCKED_TITLE =
  "Blocked by Flink's blocklist (speculative execution / failure handling): no new slots are allocated on it. Flink gives no reason.";

/** The table's columns (one list per table shape, so DataTable's rows stay memoised between renders). */
function taskManagerColumns(hasTasks: boolean, heapStaleAfterMs: number): Column<Row>[] {
  return [
    column('id', {
      header: 'Task manager',
      rowHeader: true,
      className: 'mono',
      value: (r) => r.tm.id,
      format: (id, r) => (
        <>
          <TaskManagerLink id={id} />
          {r.tm.blocked === true && (
            // Flink's /taskmanagers says only that a task manager is blocked, never why.
            <span className="badge badge-bad tm-flag" title={BLOCKED_TITLE}>
              blocked
            </span>
          )}
        </>
      ),
      search: (id, r) => (r.tm.blocked === true ? `${id} blocked` : id),
    }),
    column('address', {
      header: 'Address',
      className: 'mono',
      value: (r) => r.address,
      search: (address, r) => `${address} ${r.tm.path}`,
    }),
    column('dataPort', { header: 'Data port', className: 'mono', value: (r) => r.tm.dataPort }),
    column('slots', {
      header: 'Free / total slots',
      value: (r) => r.tm.freeSlots,
      format: (_free, r) => {
        const level = slotLevel(r.tm.freeSlots, r.tm.slotsNumber);
        return (
          <span className={level === 'ok' ? undefined : `usage-${level}`}>
            {r.tm.freeSlots} / {r.tm.slotsNumber}
            {level === 'bad' && <span className="badge badge-bad tm-flag">no free slot</span>}
            {level === 'warn' && <span className="badge badge-warn tm-flag">few free slots</span>}
          </span>
        );
      },
    }),
    column('cpu', { header: 'CPU cores', value: (r) => r.tm.hardware.cpuCores }),
    column('physical', { header: 'Physical memory', value: (r) => r.tm.hardware.physicalMemory, format: formatBytes }),
    column('heapSize', { header: 'JVM heap', value: (r) => r.tm.hardware.freeMemory, format: formatBytes }),
    column('heapUsed', {
      header: 'Heap used',
      value: (r) => r.heapRatio,
      format: (_ratio, r) => <HeapCell row={r} staleAfterMs={heapStaleAfterMs} />,
    }),
    column('managed', {
      header: 'Managed memory',
      value: (r) => r.tm.memoryConfiguration.managedMemory,
      format: formatBytes,
    }),
    ...(hasTasks
      ? [column('tasks', { header: 'Tasks', value: (r: Row) => r.tm.assignedTasks, format: (tasks) => tasks ?? '–' })]
      : []),
    column('heartbeat', {
      header: 'Last heartbeat',
      value: (r) => heartbeatSortKey(r.tm),
      format: (_key, r) => <Heartbeat timeSinceLastHeartbeat={r.tm.timeSinceLastHeartbeat} />,
    }),
  ];
}

/** The task managers: capacity, memory and health; full, hot or blocked ones stand out. */
export function TaskManagersTable({
  taskManagers,
  heapUsage,
  heapStaleAfterMs,
  filter,
  onFilterChange,
  sort,
  onSortChange,
}: TaskManagersTableProps): ReactNode {
  const rows = useMemo(() => taskManagers.map((tm) => rowOf(tm, heapUsage.get(tm.id))), [taskManagers, heapUsage]);
  const hasTasks = taskManagers.some((tm) => tm.assignedTasks !== undefined);
  const columns = useMemo(() => taskManagerColumns(hasTasks, heapStaleAfterMs), [hasTasks, heapStaleAfterMs]);
  return (
    <DataTable
      caption="Task managers"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.tm.id}
      filter={filter}
      onFilterChange={onFilterChange}
      sort={sort}
      onSortChange={onSortChange}
      rowClassName={(r) => (r.level === 'bad' ? 'row-bad' : r.level === 'warn' ? 'row-warn' : undefined)}
      empty="No task managers are registered."
      // Every row changes on each refresh (heartbeats) and ticks every second: from 100 task
      // managers only the rows near the screen are drawn, or a refresh re-lays out the whole table.
      virtualFrom={TM_VIRTUAL_ROWS_FROM}
    />
  );
}
