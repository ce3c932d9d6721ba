import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { JobOverview } from '../../api/jobs';
import type { TaskManagerDetails } from '../../api/taskmanagers';
import { column, DataTable, type Column } from '../../components/DataTable';
import { JobStateBadge } from '../../components/JobStateBadge';
import { formatBytes } from '../../lib/format';
import { links } from '../../lib/paths';
import { mebibytes, slotRows, type SlotRow } from './task-managers';

interface SlotsTableProps {
  details: TaskManagerDetails;
  /** Jobs by id, for names and states (the slots only carry job ids). */
  jobs: ReadonlyMap<string, JobOverview>;
}

/** The task manager's allocated slots and the jobs using them; free slots are counted below. */
export function SlotsTable({ details, jobs }: SlotsTableProps): ReactNode {
  const rows = slotRows(details);
  const hasTasks = rows.some((r) => r.assignedTasks !== undefined);
  const jobName = (r: SlotRow) => jobs.get(r.jobId)?.name ?? r.jobId;
  const columns: Column<SlotRow>[] = [
    column('job', {
      header: 'Job',
      rowHeader: true,
      className: 'job-name',
      value: jobName,
      format: (name, r) => <Link to={links.job(r.jobId)}>{name}</Link>,
      search: (name, r) => `${name} ${r.jobId}`,
    }),
    column('state', {
      header: 'Job state',
      value: (r) => jobs.get(r.jobId)?.state,
      format: (state) => (state ? <JobStateBadge state={state} /> : '–'),
      search: true,
    }),
    column('cpu', { header: 'CPU cores', value: (r) => r.resource?.cpuCores, format: (cores) => cores ?? '–' }),
    column('heap', {
      header: 'Task heap',
      value: (r) => r.resource?.taskHeapMemory,
      format: (mib) => formatBytes(mebibytes(mib)),
    }),
    column('managed', {
      header: 'Managed',
      value: (r) => r.resource?.managedMemory,
      format: (mib) => formatBytes(mebibytes(mib)),
    }),
    column('network', {
      header: 'Network',
      value: (r) => r.resource?.networkMemory,
      format: (mib) => formatBytes(mebibytes(mib)),
    }),
    ...(hasTasks
      ? [column('tasks', { header: 'Tasks', value: (r: SlotRow) => r.assignedTasks, format: (tasks) => tasks ?? '–' })]
      : []),
  ];
  const free = Math.max(0, details.freeSlots);
  return (
    <>
      <DataTable
        caption="Allocated slots"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        filterable
        empty={
          details.allocatedSlots === undefined
            ? 'This Flink version does not report slot allocations.'
            : 'No slot is allocated.'
        }
      />
      <p className="stat-sub">
        {rows.length} allocated, {free} free of {details.slotsNumber} slots.
      </p>
    </>
  );
}
