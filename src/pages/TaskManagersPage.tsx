import type { ReactNode } from 'react';
import { usePolledQuery } from '../api/polling';
import { taskManagersQueryOptions } from '../api/taskmanagers';
import { QueryState } from '../components/QueryState';
import { DEFAULT_TM_SORT, TM_SORT_COLUMNS, TaskManagersTable } from '../features/task-managers/TaskManagersTable';
import { HEAP_USAGE_LIMIT, useHeapUsage } from '../features/task-managers/use-heap-usage';
import { sortParam, stringParam, useSearchState } from '../lib/search-state';

const qParam = stringParam();
const sortBy = sortParam(TM_SORT_COLUMNS, DEFAULT_TM_SORT);

/** All task managers; the filter and sort live in the URL. */
export function TaskManagersPage(): ReactNode {
  const taskManagers = usePolledQuery(taskManagersQueryOptions());
  const heapUsage = useHeapUsage(taskManagers.data?.taskmanagers.map((tm) => tm.id) ?? []);
  const [filter, setFilter] = useSearchState('q', qParam);
  const [sort, setSort] = useSearchState('sort', sortBy);
  return (
    <div className="page">
      <h1>Task managers</h1>
      <QueryState query={taskManagers} what="the task managers">
        {(data) => (
          <>
            <TaskManagersTable
              taskManagers={data.taskmanagers}
              heapUsage={heapUsage}
              filter={filter}
              onFilterChange={setFilter}
              sort={sort}
              onSortChange={setSort}
            />
            {data.taskmanagers.length > HEAP_USAGE_LIMIT && (
              <p className="stat-sub">Heap use is shown for the first {HEAP_USAGE_LIMIT} task managers only.</p>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
