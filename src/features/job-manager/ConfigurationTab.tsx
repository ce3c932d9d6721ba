import type { ReactNode } from 'react';
import { jobManagerConfigQueryOptions } from '../../api/jobmanager';
import { usePolledQuery } from '../../api/polling';
import { QueryState } from '../../components/QueryState';
import { sortParam, stringParam, useSearchState } from '../../lib/search-state';
import { CONFIG_SORT_COLUMNS, ConfigurationTable, DEFAULT_CONFIG_SORT } from './ConfigurationTable';

const filterParam = stringParam();
const sortBy = sortParam(CONFIG_SORT_COLUMNS, DEFAULT_CONFIG_SORT);

/** The job manager's configuration tab; the filter and sort live in the URL. */
export function ConfigurationTab(): ReactNode {
  const config = usePolledQuery(jobManagerConfigQueryOptions());
  const [filter, setFilter] = useSearchState('q', filterParam);
  const [sort, setSort] = useSearchState('sort', sortBy);
  return (
    <QueryState query={config} what="the configuration">
      {(entries) => (
        <ConfigurationTable
          entries={entries}
          filter={filter}
          onFilterChange={setFilter}
          sort={sort}
          onSortChange={setSort}
        />
      )}
    </QueryState>
  );
}
