import type { ReactNode } from 'react';
import type { TaskManagerSummary } from '../../api/taskmanagers';
import { formatBytes } from '../../lib/format';

/** The task managers with their slots: the capacity side of the overview. */
export function TaskManagersSummary({ taskManagers }: { taskManagers: readonly TaskManagerSummary[] }): ReactNode {
  if (taskManagers.length === 0) return <p className="empty">No task managers are registered.</p>;
  return (
    <table className="data-table">
      <caption>Task managers</caption>
      <thead>
        <tr>
          <th scope="col">Task manager</th>
          <th scope="col">Slots free / total</th>
          <th scope="col">CPU cores</th>
          <th scope="col">Physical memory</th>
        </tr>
      </thead>
      <tbody>
        {taskManagers.map((tm) => (
          <tr key={tm.id} className={tm.freeSlots === 0 ? 'row-warn' : undefined}>
            <th scope="row" className="mono">
              {tm.id}
            </th>
            <td>
              {tm.freeSlots} / {tm.slotsNumber}
            </td>
            <td>{tm.hardware.cpuCores}</td>
            <td>{formatBytes(tm.hardware.physicalMemory)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
