import { useState, type ReactNode } from 'react';
import type { SortState } from '../../lib/search-state';
import { FleetClustersTable } from './FleetClustersTable';
import { FleetJobsTable } from './FleetJobsTable';
import { nextFleetJobRows, type FleetJobRowsState } from './fleet-jobs';
import { useFleetData, type FleetCluster } from './useFleetData';
import './fleet.css';

interface FleetOverviewProps {
  readonly clusters: readonly FleetCluster[];
  /** The cross-cluster search (job name, id or cluster) and the jobs' sort, kept in the URL by the page. */
  readonly search: string;
  readonly onSearchChange: (search: string) => void;
  readonly sort: SortState;
  readonly onSortChange: (sort: SortState) => void;
}

/** The fleet overview: one row per cluster, then every job of every cluster. */
export function FleetOverview({ clusters, search, onSearchChange, sort, onSortChange }: FleetOverviewProps): ReactNode {
  const fleet = useFleetData(clusters);
  const sources = fleet.map((c) => ({
    clusterId: c.cluster.id,
    clusterName: c.cluster.name,
    history: c.history,
    jobs: c.jobs,
  }));
  // Derived during render: the same rows (same array) until a cluster's job list changes, so the
  // jobs table neither sorts again nor re-renders its rows when only an /overview answered.
  const [jobRows, setJobRows] = useState<FleetJobRowsState | undefined>(undefined);
  const next = nextFleetJobRows(jobRows, sources);
  if (next !== jobRows) setJobRows(next);
  const rows = next.rows;
  return (
    <div className="page fleet-page">
      <h1>Fleet</h1>
      <section aria-labelledby="fleet-clusters-heading">
        <h2 id="fleet-clusters-heading">Clusters</h2>
        <FleetClustersTable clusters={fleet} />
      </section>
      <section aria-labelledby="fleet-jobs-heading">
        <h2 id="fleet-jobs-heading">Jobs of all clusters</h2>
        <FleetJobsTable
          rows={rows}
          filter={search}
          onFilterChange={onSearchChange}
          sort={sort}
          onSortChange={onSortChange}
        />
      </section>
    </div>
  );
}
