import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FlinkApiError, userMessage } from '../api/errors';
import { formatTimestamp } from '../lib/format';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** What the panel shows, for messages: "the jobs", "checkpoint history". */
  what: string;
  children: (data: T) => ReactNode;
}

/**
 * Loading, error and content for one panel, the same everywhere. When a refresh fails after
 * data arrived, the last good data stays on screen, marked stale, with what went wrong.
 */
export function QueryState<T>({ query, what, children }: QueryStateProps<T>): ReactNode {
  if (query.data !== undefined) {
    return (
      <>
        {query.isError && (
          <p className="panel-warning" role="status">
            Showing {what} as of {formatTimestamp(query.dataUpdatedAt)}: {describe(query.error)}
          </p>
        )}
        {children(query.data)}
      </>
    );
  }
  if (query.isError) {
    return (
      <div className="panel-error" role="alert">
        <p>
          Could not load {what}: {describe(query.error)}
        </p>
        <button type="button" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <p className="panel-loading" aria-busy="true">
      Loading {what}…
    </p>
  );
}

function describe(error: unknown): string {
  if (error instanceof FlinkApiError) return userMessage(error);
  return error instanceof Error ? error.message : String(error);
}
