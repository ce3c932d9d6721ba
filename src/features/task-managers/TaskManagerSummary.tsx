import type { ReactNode } from 'react';
import type { TaskManagerDetails } from '../../api/taskmanagers';
import { formatBytes, formatDuration, formatTimestamp } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { heapLevel, heapRatio, lastHeartbeat, slotLevel, taskManagerAddress } from './task-managers';
import './task-managers.css';

/** The headline numbers of one task manager. */
export function TaskManagerSummary({ details }: { details: TaskManagerDetails }): ReactNode {
  const now = useNow();
  const heartbeat = lastHeartbeat(details, now);
  const slots = slotLevel(details.freeSlots, details.slotsNumber);
  const ratio = heapRatio(details.metrics.heapUsed, details.metrics.heapMax);
  const heap = heapLevel(ratio);
  const levelClass = (level: string) => (level === 'bad' ? 'stat stat-bad' : level === 'warn' ? 'stat stat-warn' : 'stat');
  return (
    <dl className="stat-grid" aria-label="Task manager summary">
      <div className="stat">
        <dt>Address</dt>
        <dd className="mono stat-small">{taskManagerAddress(details.path)}</dd>
      </div>
      <div className={levelClass(slots)}>
        <dt>Free / total slots</dt>
        <dd>
          {details.freeSlots} / {details.slotsNumber}
        </dd>
      </div>
      <div className="stat">
        <dt>CPU cores</dt>
        <dd>{details.hardware.cpuCores}</dd>
      </div>
      <div className="stat">
        <dt>Physical memory</dt>
        <dd>{formatBytes(details.hardware.physicalMemory)}</dd>
      </div>
      <div className={levelClass(heap)}>
        <dt>Heap used</dt>
        <dd>
          {ratio === null ? '–' : `${Math.round(ratio * 100)}%`}
          <span className="stat-sub">
            {formatBytes(details.metrics.heapUsed)} of {formatBytes(details.metrics.heapMax)}
          </span>
        </dd>
      </div>
      {details.assignedTasks !== undefined && (
        <div className="stat">
          <dt>Tasks</dt>
          <dd>{details.assignedTasks}</dd>
        </div>
      )}
      <div className="stat">
        <dt>Last heartbeat</dt>
        <dd>
          {heartbeat === null ? '–' : `${formatDuration(Math.max(0, now - heartbeat))} ago`}
          <span className="stat-sub">{formatTimestamp(heartbeat)}</span>
        </dd>
      </div>
      <div className="stat">
        <dt>Data port</dt>
        <dd>{details.dataPort}</dd>
      </div>
      {details.blocked === true && (
        <div className="stat stat-bad">
          <dt>Blocked</dt>
          <dd>blocklisted: no new slots</dd>
        </div>
      )}
    </dl>
  );
}
