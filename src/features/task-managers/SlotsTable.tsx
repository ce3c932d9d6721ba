import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { JobOverview } from '../../api/jobs';
import type { TaskManagerDetails } from '../../api/taskmanagers';
import { DataTable, type Column } from '../../components/DataTable';
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
    {
      id: 'job',
      header: 'Job',
      rowHeader: true,
      sortValue: jobName,
      filterText: (r) => `${jobName(r)} ${r.jobId}`,
      className: 'job-name',
      cell: (r) => <Link to={links.job(r.jobId)}>{jobName(r)}</Link>,
    },
    {
      id: 'state',
      header: 'Job state',
      sortValue: (r) => jobs.get(r.jobId)?.state,
      filterText: (r) => jobs.get(r.jobId)?.state ?? '',
      cell: (r) => {
        const state = jobs.get(r.jobId)?.state;
        return state ? <JobStateBadge state={state} /> : '–';
      },
    },
    { id: 'cpu', header: 'CPU cores', sortValue: (r) => r.resource?.cpuCores, cell: (r) => r.resource?.cpuCores ?? '–' },
    { id: 'heap', header: 'Task heap', sortValue: (r) => r.resource?.taskHeapMemory, cell: (r) => formatBytes(mebibytes(r.resource?.taskHeapMemory)) },
    { id: 'managed', header: 'Managed', sortValue: (r) => r.resource?.managedMemory, cell: (r) => formatBytes(mebibytes(r.resource?.managedMemory)) },
    { id: 'network', header: 'Network', sortValue: (r) => r.resource?.networkMemory, cell: (r) => formatBytes(mebibytes(r.resource?.networkMemory)) },
    ...(hasTasks ? [{ id: 'tasks', header: 'Tasks', sortValue: (r: SlotRow) => r.assignedTasks, cell: (r: SlotRow) => r.assignedTasks ?? '–' }] : []),
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
        empty={details.allocatedSlots === undefined ? 'This Flink version does not report slot allocations.' : 'No slot is allocated.'}
      />
      <p className="stat-sub">
        {rows.length} allocated, {free} free of {details.slotsNumber} slots.
      </p>
    </>
  );
}
