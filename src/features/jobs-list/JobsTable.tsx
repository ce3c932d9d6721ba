import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { JobOverview } from '../../api/jobs';
import { DataTable, type Column } from '../../components/DataTable';
import { JobStateBadge, stateTone } from '../../components/JobStateBadge';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import type { SortState } from '../../lib/search-state';
import { useNow } from '../../lib/use-now';

export const JOB_SORT_COLUMNS = ['name', 'state', 'start', 'end', 'duration', 'tasks'] as const;
export const DEFAULT_JOB_SORT: SortState = { column: 'start', direction: 'desc' };

const TASK_STATES = ['running', 'finished', 'canceled', 'failed', 'canceling', 'deploying', 'scheduled', 'created', 'initializing', 'reconciling'] as const;

/** Duration so far for a running job (live), or Flink's final duration. */
export function jobDuration(job: JobOverview, now: number): number {
  return job['end-time'] > 0 ? job.duration : Math.max(0, now - job['start-time']);
}

interface JobsTableProps {
  jobs: readonly JobOverview[];
  filter: string;
  onFilterChange: (filter: string) => void;
  sort: SortState;
  onSortChange: (sort: SortState) => void;
}

export function JobsTable({ jobs, filter, onFilterChange, sort, onSortChange }: JobsTableProps): ReactNode {
  const now = useNow();
  const columns = useMemo<Column<JobOverview>[]>(
    () => [
      {
        id: 'name',
        header: 'Job',
        rowHeader: true,
        className: 'job-name',
        cell: (job) => <Link to={links.job(job.jid)}>{job.name}</Link>,
        sortValue: (job) => job.name,
        filterText: (job) => `${job.name} ${job.jid}`,
      },
      { id: 'state', header: 'State', cell: (job) => <JobStateBadge state={job.state} />, sortValue: (job) => job.state, filterText: (job) => job.state },
      { id: 'start', header: 'Started', cell: (job) => formatTimestamp(job['start-time']), sortValue: (job) => job['start-time'] },
      { id: 'end', header: 'Ended', cell: (job) => formatTimestamp(job['end-time']), sortValue: (job) => (job['end-time'] > 0 ? job['end-time'] : null) },
      { id: 'duration', header: 'Duration', cell: (job) => formatDuration(jobDuration(job, now)), sortValue: (job) => jobDuration(job, now) },
      {
        id: 'tasks',
        header: 'Tasks',
        className: 'task-counts',
        sortValue: (job) => job.tasks.total,
        cell: (job) =>
          TASK_STATES.filter((s) => (job.tasks[s] ?? 0) > 0).map((s) => (
            <span key={s} className={`task-count task-${s}`}>
              {job.tasks[s]} {s}
            </span>
          )),
      },
      { id: 'id', header: 'Job ID', className: 'mono', cell: (job) => job.jid },
    ],
    [now],
  );
  return (
    <DataTable
      caption="Jobs"
      captionHidden
      columns={columns}
      rows={jobs}
      rowKey={(job) => job.jid}
      filter={filter}
      onFilterChange={onFilterChange}
      sort={sort}
      onSortChange={onSortChange}
      rowClassName={(job) => `row-${stateTone(job.state)}`}
      empty="The JobManager knows no jobs."
    />
  );
}
