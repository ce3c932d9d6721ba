import { useRef, type ReactNode } from 'react';
import { usePolledQuery, usePollInterval } from '../api/polling';
import { taskManagersQueryOptions } from '../api/taskmanagers';
import { QueryState } from '../components/QueryState';
import { HeapSummary } from '../features/task-managers/HeapSummary';
import { DEFAULT_TM_SORT, TM_SORT_COLUMNS, TaskManagersTable } from '../features/task-managers/TaskManagersTable';
import { useHeapUsage } from '../features/task-managers/use-heap-usage';
import { staleAfterMs } from '../lib/read-in-turn';
import { sortParam, stringParam, useSearchState } from '../lib/search-state';

const qParam = stringParam();
const sortBy = sortParam(TM_SORT_COLUMNS, DEFAULT_TM_SORT);

/** All task managers; the filter and sort live in the URL. */
export function TaskManagersPage(): ReactNode {
  const taskManagers = usePolledQuery(taskManagersQueryOptions());
  const table = useRef<HTMLDivElement>(null);
  const heap = useHeapUsage(taskManagers, table);
  const interval = usePollInterval('live');
  const heapStaleAfterMs = staleAfterMs(interval);
  const [filter, setFilter] = useSearchState('q', qParam);
  const [sort, setSort] = useSearchState('sort', sortBy);
  return (
    <div className="page">
      <h1>Task managers</h1>
      <QueryState query={taskManagers} what="the task managers">
        {(data) => (
          <>
            <HeapSummary heap={heap} taskManagers={data.taskmanagers.length} />
            <div ref={table}>
              <TaskManagersTable
                taskManagers={data.taskmanagers}
                heapUsage={heap.usage}
                heapStaleAfterMs={heapStaleAfterMs}
                filter={filter}
                onFilterChange={setFilter}
                sort={sort}
                onSortChange={setSort}
              />
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}
