import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isNotArchived, isNotFound, isNotInSnapshot, userMessage } from '../api/errors';
import { formatTimestamp } from '../lib/format';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** What the panel shows, for messages: "the jobs", "checkpoint history". */
  what: string;
  children: (data: T) => ReactNode;
  /**
   * Shown when the JobManager answers 404 (kind `not-found`): the job, vertex or checkpoint is
   * gone. Wins over data already on screen, which would otherwise stay up as if merely stale.
   * Without it, a 404 is an error like any other.
   */
  notFound?: ReactNode;
  /** Shown instead of the content when the answer holds nothing to show. */
  empty?: { readonly when: (data: T) => boolean; readonly message: ReactNode };
}

/**
 * Loading, error, not-found, empty and content for one panel, the same everywhere. When a refresh
 * fails after data arrived, the last good data stays on screen, marked stale, with what went
 * wrong. Every message about an error is `userMessage`'s.
 */
export function QueryState<T>({ query, what, children, notFound, empty }: QueryStateProps<T>): ReactNode {
  if (notFound !== undefined && isNotFound(query.error)) return notFound;
  // A History Server: the archive lacks this panel's data; say so in words, not as an error.
  if (isNotArchived(query.error)) return <p className="empty">{userMessage(query.error)}</p>;
  if (query.data !== undefined) {
    return (
      <>
        {query.isError && (
          <p className="panel-warning" role="status">
            Showing {what} as of {formatTimestamp(query.dataUpdatedAt)}: {userMessage(query.error)}
          </p>
        )}
        {empty?.when(query.data) ? <p className="empty">{empty.message}</p> : children(query.data)}
      </>
    );
  }
  if (isNotInSnapshot(query.error)) {
    // An opened snapshot that did not record this: nothing was sent, nothing to try again.
    return (
      <p className="panel-not-in-snapshot" role="status">
        Not in this snapshot: {what} had not been loaded when the snapshot was taken.
      </p>
    );
  }
  if (query.isError) {
    return (
      <div className="panel-error" role="alert">
        <p>
          Could not load {what}: {userMessage(query.error)}
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
