import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { jobManagerThreadDumpQueryOptions, type ThreadDump } from '../../api/jobmanager';
import { usePolledQuery } from '../../api/polling';
import { taskManagerThreadDumpQueryOptions } from '../../api/taskmanagers';
import { QueryState } from '../../components/QueryState';
import { anyKeyOptions } from '../../lib/any-key-options';
import { THREAD_DUMP_WARNING, ThreadDumpView } from './ThreadDumpView';

export type ThreadDumpSource =
  { readonly kind: 'jobmanager' } | { readonly kind: 'taskmanager'; readonly taskManagerId: string };

/**
 * A thread dump of the job manager or a task manager, taken only on request: a dump stops the
 * JVM at a safepoint, so opening the tab asks first (a dump taken earlier in this session is
 * shown as it was). Static, never polled.
 */
export function ThreadDumpPanel({ source }: { source: ThreadDumpSource }): ReactNode {
  const options: UseQueryOptions<ThreadDump, Error, ThreadDump, QueryKey> =
    source.kind === 'jobmanager'
      ? anyKeyOptions(jobManagerThreadDumpQueryOptions())
      : anyKeyOptions(taskManagerThreadDumpQueryOptions(source.taskManagerId));
  const [requested, setRequested] = useState(false);
  const query = usePolledQuery(
    { ...options, staleTime: Infinity, refetchOnWindowFocus: false, enabled: requested },
    'static',
  );
  if (query.data === undefined && !requested) {
    return (
      <div className="thread-dump-tools">
        <button type="button" onClick={() => setRequested(true)} aria-describedby="thread-dump-pause-warning">
          Take a thread dump
        </button>
        <span id="thread-dump-pause-warning" className="thread-dump-warning">
          {THREAD_DUMP_WARNING}
        </span>
      </div>
    );
  }
  return (
    <QueryState query={query} what="the thread dump">
      {(dump) => (
        <ThreadDumpView
          dump={dump}
          takenAt={query.dataUpdatedAt}
          onRefresh={() => void query.refetch()}
          refreshing={query.isFetching}
        />
      )}
    </QueryState>
  );
}
