import type { ReactNode } from 'react';
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

function Heartbeat({ tm }: { tm: TaskManagerSummary }): ReactNode {
  const now = useNow();
  const at = lastHeartbeat(tm, now);
  if (at === null) return '–';
  return <span title={formatTimestamp(at)}>{formatDuration(Math.max(0, now - at))} ago</span>;
}

/** Why a task manager is blocked, as far as Flink tells (it gives no reason). */
export const BLOCKED_TITLE =
  "Blocked by Flink's blocklist (speculative execution / failure handling): no new slots are allocated on it. Flink gives no reason.";

/** The task managers: capacity, memory and health; full, hot or blocked ones stand out. */
export function TaskManagersTable({
  taskManagers,
  heapUsage,
  filter,
  onFilterChange,
  sort,
  onSortChange,
}: TaskManagersTableProps): ReactNode {
  const rows: Row[] = taskManagers.map((tm) => {
    const heap = heapUsage.get(tm.id);
    const ratio = heapRatio(heap?.used, heap?.max);
    return {
      tm,
      address: taskManagerAddress(tm.path),
      heap,
      heapRatio: ratio,
      level: worst(slotLevel(tm.freeSlots, tm.slotsNumber), heapLevel(ratio), tm.blocked === true ? 'warn' : 'ok'),
    };
  });
  const hasTasks = taskManagers.some((tm) => tm.assignedTasks !== undefined);
  const columns: Column<Row>[] = [
    column('id', {
      header: 'Task manager',
      rowHeader: true,
      className: 'mono',
      value: (r) => r.tm.id,
      format: (id, r) => (
        <>
          <Link to={links.taskManager(id)}>{id}</Link>
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
      format: (ratio, r) =>
        ratio === null ? (
          '–'
        ) : (
          <span title={`${formatBytes(r.heap?.used)} of ${formatBytes(r.heap?.max)}`}>
            <Percent ratio={ratio} level={heapLevel(ratio)} />
            {heapLevel(ratio) === 'bad' && <span className="badge badge-bad tm-flag">high heap</span>}
          </span>
        ),
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
      format: (_key, r) => <Heartbeat tm={r.tm} />,
    }),
  ];
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
    />
  );
}
