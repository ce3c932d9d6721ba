import type { ReactNode } from 'react';
import type { TaskManagerDetails } from '../../api/taskmanagers';
import { Stat, StatDetail, StatGrid, type StatTone } from '../../components/StatGrid';
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
  const tone = (level: string): StatTone | undefined => (level === 'bad' || level === 'warn' ? level : undefined);
  return (
    <StatGrid label="Task manager summary">
      <Stat term="Address" smallValue valueClassName="mono">
        {taskManagerAddress(details.path)}
      </Stat>
      <Stat term="Free / total slots" tone={tone(slots)}>
        {details.freeSlots} / {details.slotsNumber}
      </Stat>
      <Stat term="CPU cores">{details.hardware.cpuCores}</Stat>
      <Stat term="Physical memory">{formatBytes(details.hardware.physicalMemory)}</Stat>
      <Stat term="Heap used" tone={tone(heap)}>
        {ratio === null ? '–' : `${Math.round(ratio * 100)}%`}
        <StatDetail>
          {formatBytes(details.metrics.heapUsed)} of {formatBytes(details.metrics.heapMax)}
        </StatDetail>
      </Stat>
      {details.assignedTasks !== undefined && <Stat term="Tasks">{details.assignedTasks}</Stat>}
      <Stat term="Last heartbeat">
        {heartbeat === null ? '–' : `${formatDuration(Math.max(0, now - heartbeat))} ago`}
        <StatDetail>{formatTimestamp(heartbeat)}</StatDetail>
      </Stat>
      <Stat term="Data port">{details.dataPort}</Stat>
      {details.blocked === true && (
        <Stat term="Blocked" tone="bad">
          blocklisted: no new slots
        </Stat>
      )}
    </StatGrid>
  );
}
