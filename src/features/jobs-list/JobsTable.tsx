import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { JobOverview } from '../../api/jobs';
import { column, DataTable, type Column } from '../../components/DataTable';
import { JobStateBadge, stateTone } from '../../components/JobStateBadge';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import type { SortState } from '../../lib/search-state';
import { useNow } from '../../lib/use-now';

export const JOB_SORT_COLUMNS = ['name', 'state', 'start', 'end', 'duration', 'tasks'] as const;
export const DEFAULT_JOB_SORT: SortState = { column: 'start', direction: 'desc' };

const TASK_STATES = [
  'running',
  'finished',
  'canceled',
  'failed',
  'canceling',
  'deploying',
  'scheduled',
  'created',
  'initializing',
  'reconciling',
] as const;

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
      column('name', {
        header: 'Job',
        rowHeader: true,
        className: 'job-name',
        value: (job) => job.name,
        format: (name, job) => <Link to={links.job(job.jid)}>{name}</Link>,
        search: true,
      }),
      column('state', {
        header: 'State',
        value: (job) => job.state,
        format: (state) => <JobStateBadge state={state} />,
        search: true,
      }),
      column('start', { header: 'Started', value: (job) => job['start-time'], format: (t) => formatTimestamp(t) }),
      column('end', {
        header: 'Ended',
        value: (job) => (job['end-time'] > 0 ? job['end-time'] : null),
        format: (t) => formatTimestamp(t),
      }),
      column('duration', { header: 'Duration', value: (job) => jobDuration(job, now), format: formatDuration }),
      column('tasks', {
        header: 'Tasks',
        className: 'task-counts',
        value: (job) => job.tasks.total,
        format: (_total, job) =>
          TASK_STATES.filter((s) => (job.tasks[s] ?? 0) > 0).map((s) => (
            <span key={s} className={`task-count task-${s}`}>
              {job.tasks[s]} {s}
            </span>
          )),
      }),
      // Searched too: a job is found by its id as well as its name.
      column('id', { header: 'Job ID', className: 'mono', value: (job) => job.jid, sort: false, search: true }),
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
