import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { jobManagerThreadDumpQueryOptions, type ThreadDump } from '../../api/jobmanager';
import { usePolledQuery } from '../../api/polling';
import { taskManagerThreadDumpQueryOptions } from '../../api/taskmanagers';
import { QueryState } from '../../components/QueryState';
import { anyKeyOptions } from '../../lib/any-key-options';
import { ThreadDumpView } from './ThreadDumpView';

export type ThreadDumpSource =
  { readonly kind: 'jobmanager' } | { readonly kind: 'taskmanager'; readonly taskManagerId: string };

/** A thread dump of the job manager or a task manager, taken on request (static, not polled). */
export function ThreadDumpPanel({ source }: { source: ThreadDumpSource }): ReactNode {
  const options: UseQueryOptions<ThreadDump, Error, ThreadDump, QueryKey> =
    source.kind === 'jobmanager'
      ? anyKeyOptions(jobManagerThreadDumpQueryOptions())
      : anyKeyOptions(taskManagerThreadDumpQueryOptions(source.taskManagerId));
  const query = usePolledQuery({ ...options, staleTime: Infinity, refetchOnWindowFocus: false }, 'static');
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
