import type { ReactNode } from 'react';
import { jobsOverviewQueryOptions } from '../api/jobs';
import { usePolledQuery } from '../api/polling';
import { QueryState } from '../components/QueryState';
import { countByState } from '../lib/job-states';
import { DEFAULT_JOB_SORT, JOB_SORT_COLUMNS, JobsTable } from '../features/jobs-list/JobsTable';
import { StateFilter } from '../features/jobs-list/StateFilter';
import { listParam, sortParam, stringParam, useSearchState } from '../lib/search-state';

const qParam = stringParam();
const statesParam = listParam((s) => /^[A-Z_]+$/.test(s));
const sortBy = sortParam(JOB_SORT_COLUMNS, DEFAULT_JOB_SORT);

/** All jobs, running and completed; the filter, state selection and sort live in the URL. */
export function JobsPage(): ReactNode {
  const jobs = usePolledQuery(jobsOverviewQueryOptions());
  const [filter, setFilter] = useSearchState('q', qParam);
  const [states, setStates] = useSearchState('state', statesParam);
  const [sort, setSort] = useSearchState('sort', sortBy);
  return (
    <div className="page">
      <h1>Jobs</h1>
      <QueryState query={jobs} what="the jobs">
        {(data) => (
          <>
            <StateFilter counts={countByState(data.jobs)} selected={states} onChange={setStates} />
            <JobsTable
              jobs={states.length ? data.jobs.filter((j) => states.includes(j.state)) : data.jobs}
              filter={filter}
              onFilterChange={setFilter}
              sort={sort}
              onSortChange={setSort}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}
