import { memo, useMemo, type ReactNode } from 'react';
import { column, DataTable, type Column } from '../../components/DataTable';
import { JobStateBadge, stateTone } from '../../components/JobStateBadge';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import type { SortState } from '../../lib/search-state';
import { readClock, useNow } from '../../lib/use-now';
import type { FleetJobRow } from './fleet-jobs';

export const FLEET_JOB_SORT_COLUMNS = ['name', 'cluster', 'state', 'start', 'end', 'duration'] as const;
export const DEFAULT_FLEET_JOB_SORT: SortState = { column: 'start', direction: 'desc' };

interface FleetJobsTableProps {
  readonly rows: readonly FleetJobRow[];
  readonly filter: string;
  readonly onFilterChange: (filter: string) => void;
  readonly sort: SortState;
  readonly onSortChange: (sort: SortState) => void;
}

/** The table draws only the rows near the screen from this many rows (its first page is 200). */
export const FLEET_JOBS_VIRTUAL_FROM = 100;

const jobHref = (clusterId: string, jobId: string): string => `#${links.inCluster(clusterId, links.job(jobId))}`;

/** A running job's duration, ticking with the shared clock: only these cells re-render each second. */
function RunningFor({ since }: { since: number }): ReactNode {
  const now = useNow();
  return formatDuration(Math.max(0, now - since));
}

const isEnded = (r: FleetJobRow): boolean => r.job['end-time'] > 0;

/**
 * Every job of every cluster in one table: the filter box searches job names, ids and cluster
 * names (the cross-cluster search); each job opens in its own cluster's views; an ended job that a
 * History Server of the fleet holds links to its archived copy.
 */
export const FleetJobsTable = memo(function FleetJobsTable({
  rows,
  filter,
  onFilterChange,
  sort,
  onSortChange,
}: FleetJobsTableProps): ReactNode {
  // The URL's sort is parsed anew on every render: keep one object while it says the same, so the
  // table does not sort its 10,000 rows again.
  const { column: sortColumn, direction: sortDirection } = sort;
  const stableSort = useMemo(() => ({ column: sortColumn, direction: sortDirection }), [sortColumn, sortDirection]);
  // The same columns for the table's life (no clock in them): a clock tick re-renders only the
  // running jobs' duration cells, not every row, and does not sort again.
  const columns = useMemo<Column<FleetJobRow>[]>(
    () => [
      column('name', {
        header: 'Job',
        rowHeader: true,
        className: 'job-name',
        value: (r) => r.job.name,
        format: (name, r) => <a href={jobHref(r.clusterId, r.job.jid)}>{name}</a>,
        search: true,
      }),
      column('cluster', { header: 'Cluster', value: (r) => r.clusterName, search: true }),
      column('state', {
        header: 'State',
        value: (r) => r.job.state,
        format: (state) => <JobStateBadge state={state} />,
        search: true,
      }),
      column('start', { header: 'Started', value: (r) => r.job['start-time'], format: (t) => formatTimestamp(t) }),
      column('end', {
        header: 'Ended',
        value: (r) => (r.job['end-time'] > 0 ? r.job['end-time'] : null),
        format: (t) => formatTimestamp(t),
      }),
      column('duration', {
        header: 'Duration',
        // A running job by its age now (its list keeps the job's object while only Flink's
        // duration grows, see keepUnchangedJobs); its cell keeps ticking on its own.
        value: (r) => (isEnded(r) ? r.job.duration : Math.max(0, readClock() - r.job['start-time'])),
        format: (ms, r) => (isEnded(r) ? formatDuration(ms) : <RunningFor since={r.job['start-time']} />),
      }),
      column('archived', {
        header: 'Archived copy',
        value: (r) => r.archivedOn?.clusterName ?? null,
        format: (name, r) =>
          name !== null && r.archivedOn ? (
            <a href={jobHref(r.archivedOn.clusterId, r.job.jid)}>Archived copy on {name}</a>
          ) : null,
        sort: false,
      }),
      column('id', { header: 'Job ID', className: 'mono', value: (r) => r.job.jid, sort: false, search: true }),
    ],
    [],
  );
  return (
    <DataTable
      caption="Jobs of all clusters"
      captionHidden
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      filter={filter}
      onFilterChange={onFilterChange}
      sort={stableSort}
      onSortChange={onSortChange}
      rowClassName={(r) => `row-${stateTone(r.job.state)}`}
      empty="No cluster has answered with jobs yet."
      noMatch="No job of any cluster matches the search."
      pageSize={200}
      // Running jobs' rows change on each of their cluster's answers (ten a refresh on a fleet of
      // ten) and their durations tick: from 100 rows only those near the screen are drawn, or each
      // answer re-lays out a 200-row table.
      virtualFrom={FLEET_JOBS_VIRTUAL_FROM}
    />
  );
});
