import type { ReactNode } from 'react';
import type { SortState } from '../../lib/search-state';
import { FleetClustersTable } from './FleetClustersTable';
import { FleetJobsTable } from './FleetJobsTable';
import { fleetJobRows } from './fleet-jobs';
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
  const rows = fleetJobRows(
    fleet.map((c) => ({
      clusterId: c.cluster.id,
      clusterName: c.cluster.name,
      history: c.history,
      jobs: c.jobs.data?.jobs,
    })),
  );
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
