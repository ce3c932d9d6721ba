import type { UseQueryResult } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import {
  jobManagerMetricsQueryOptions,
  jobMetricsQueryOptions,
  jobsMetricsQueryOptions,
  subtasksMetricsQueryOptions,
  taskManagerMetricsQueryOptions,
  taskManagersMetricsQueryOptions,
  vertexMetricsQueryOptions,
} from '../../api/metrics';
import { usePolledQuery } from '../../api/polling';
import { QueryState } from '../../components/QueryState';
import { searchMetricIds } from '../../lib/metric-search';
import type { MetricScope } from '../../lib/metric-picks';

/** Most metric ids listed at once; the search narrows the rest down. */
export const LIST_LIMIT = 200;

interface ListProps {
  /** Ids already charted in this scope. */
  picked: ReadonlySet<string>;
  onPick: (metric: string) => void;
}

function MetricIdList<T extends readonly { readonly id: string }[]>({
  query,
  picked,
  onPick,
}: ListProps & { query: UseQueryResult<T> }): ReactNode {
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const ids = useMemo(() => (query.data ?? []).map((m) => m.id), [query.data]);
  const matches = useMemo(() => searchMetricIds(ids, deferred), [ids, deferred]);
  return (
    <QueryState query={query} what="the available metrics">
      {() => (
        <div className="metric-ids">
          <label className="table-filter">
            <span>Search metrics</span>
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="e.g. heap used"
            />
          </label>
          <span className="metric-ids-count">
            {matches.length === ids.length ? `${ids.length} metrics` : `${matches.length} of ${ids.length} metrics`}
          </span>
          {ids.length === 0 ? (
            <p className="empty">This scope has no metrics (yet).</p>
          ) : (
            <ul className="metric-id-list" aria-label="Available metrics">
              {matches.slice(0, LIST_LIMIT).map((id) => (
                <li key={id}>
                  <button
                    type="button"
                    className="metric-id"
                    onClick={() => onPick(id)}
                    aria-pressed={picked.has(id)}
                    aria-label={`Chart ${id}`}
                  >
                    {id}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {matches.length > LIST_LIMIT && (
            <p className="stat-sub">{matches.length - LIST_LIMIT} more: refine the search to see them.</p>
          )}
        </div>
      )}
    </QueryState>
  );
}

// One small component per scope kind: each calls its own typed query (hooks cannot be chosen
// at run time). The lists of ids are static: fetched when the scope is chosen.

function JmList(props: ListProps): ReactNode {
  return <MetricIdList query={usePolledQuery(jobManagerMetricsQueryOptions(), 'static')} {...props} />;
}
function TmList({ taskManagerId, ...props }: ListProps & { taskManagerId: string }): ReactNode {
  return <MetricIdList query={usePolledQuery(taskManagerMetricsQueryOptions(taskManagerId), 'static')} {...props} />;
}
function TmsList(props: ListProps): ReactNode {
  return <MetricIdList query={usePolledQuery(taskManagersMetricsQueryOptions(), 'static')} {...props} />;
}
function JobsList(props: ListProps): ReactNode {
  return <MetricIdList query={usePolledQuery(jobsMetricsQueryOptions(), 'static')} {...props} />;
}
function JobList({ jobId, ...props }: ListProps & { jobId: string }): ReactNode {
  return <MetricIdList query={usePolledQuery(jobMetricsQueryOptions(jobId), 'static')} {...props} />;
}
function VertexList({ jobId, vertexId, ...props }: ListProps & { jobId: string; vertexId: string }): ReactNode {
  return <MetricIdList query={usePolledQuery(vertexMetricsQueryOptions(jobId, vertexId), 'static')} {...props} />;
}
function SubtasksList({ jobId, vertexId, ...props }: ListProps & { jobId: string; vertexId: string }): ReactNode {
  return <MetricIdList query={usePolledQuery(subtasksMetricsQueryOptions(jobId, vertexId), 'static')} {...props} />;
}

/** The metric ids Flink offers in a scope (GET without `get`), searchable; a click charts one. */
export function AvailableMetrics({ scope, ...props }: ListProps & { scope: MetricScope }): ReactNode {
  switch (scope.kind) {
    case 'jm':
      return <JmList {...props} />;
    case 'tm':
      return <TmList key={scope.taskManagerId} taskManagerId={scope.taskManagerId} {...props} />;
    case 'tms':
      return <TmsList {...props} />;
    case 'jobs':
      return <JobsList {...props} />;
    case 'job':
      return <JobList key={scope.jobId} jobId={scope.jobId} {...props} />;
    case 'vertex':
      return (
        <VertexList key={`${scope.jobId}/${scope.vertexId}`} jobId={scope.jobId} vertexId={scope.vertexId} {...props} />
      );
    case 'subtasks':
      return (
        <SubtasksList
          key={`${scope.jobId}/${scope.vertexId}`}
          jobId={scope.jobId}
          vertexId={scope.vertexId}
          {...props}
        />
      );
  }
}
