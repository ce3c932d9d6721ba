import type { ReactNode } from 'react';
import { useRuntimeConfig } from '../app/runtime-config-context';
import { clustersOf } from '../app/runtime-config';
import { DEFAULT_FLEET_JOB_SORT, FLEET_JOB_SORT_COLUMNS } from '../features/fleet/FleetJobsTable';
import { FleetOverview } from '../features/fleet/FleetOverview';
import { sortParam, stringParam, useSearchState } from '../lib/search-state';

const qParam = stringParam();
const sortBy = sortParam(FLEET_JOB_SORT_COLUMNS, DEFAULT_FLEET_JOB_SORT);

/**
 * The fleet overview (`#/` and `#/fleet` when config.json lists `clusters`): every cluster's
 * reachability, version, capacity, jobs and worst finding, then all jobs of all clusters; the
 * cross-cluster search and the sort live in the URL (`?q=`, `?sort=`).
 */
export function FleetPage(): ReactNode {
  const clusters = clustersOf(useRuntimeConfig());
  const [search, setSearch] = useSearchState('q', qParam);
  const [sort, setSort] = useSearchState('sort', sortBy);
  return (
    <FleetOverview clusters={clusters} search={search} onSearchChange={setSearch} sort={sort} onSortChange={setSort} />
  );
}
