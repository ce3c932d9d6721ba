import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import { jobManagerLogsQueryOptions, type LogList } from '../../api/jobmanager';
import { jobManagerLogFileQueryOptions, taskManagerLogFileQueryOptions, type LogFile } from '../../api/logs';
import { usePolledQuery } from '../../api/polling';
import { taskManagerLogsQueryOptions } from '../../api/taskmanagers';
import { anyKeyOptions } from '../../lib/any-key-options';

export type { LogFile } from '../../api/logs';

/** Whose logs: the job manager's, or one task manager's. */
export type LogSource =
  { readonly kind: 'jobmanager' } | { readonly kind: 'taskmanager'; readonly taskManagerId: string };

/** The name a file is saved under when downloaded. */
export function downloadName(source: LogSource, file: LogFile): string {
  if (file.kind === 'file') return file.name;
  const base =
    source.kind === 'jobmanager' ? 'jobmanager' : `taskmanager-${source.taskManagerId.replace(/[^\w.-]+/g, '_')}`;
  return `${base}.${file.kind === 'log' ? 'log' : 'out'}`;
}

/** How a file is named on screen. */
export function describeFile(file: LogFile): string {
  switch (file.kind) {
    case 'log':
      return 'the current log';
    case 'stdout':
      return 'stdout';
    case 'file':
      return file.name;
  }
}

function fileOptions(source: LogSource, file: LogFile): UseQueryOptions<string, Error, string, QueryKey> {
  return source.kind === 'jobmanager'
    ? anyKeyOptions(jobManagerLogFileQueryOptions(file))
    : anyKeyOptions(taskManagerLogFileQueryOptions(source.taskManagerId, file));
}

/**
 * A log file's text. Log files can be large, so they are fetched once (static) and again only on
 * request (Reload) — unless the viewer follows the file, then it is refetched at the live rate
 * the refresh policy gives.
 */
export function useLogFile(source: LogSource, file: LogFile, follow: boolean) {
  return usePolledQuery(
    { ...fileOptions(source, file), staleTime: follow ? 0 : Infinity, refetchOnWindowFocus: follow },
    follow ? 'live' : 'static',
  );
}

/** The list of log files of the job manager or a task manager. */
export function useLogList(source: LogSource) {
  const options: UseQueryOptions<LogList, Error, LogList, QueryKey> =
    source.kind === 'jobmanager'
      ? anyKeyOptions(jobManagerLogsQueryOptions())
      : anyKeyOptions(taskManagerLogsQueryOptions(source.taskManagerId));
  return usePolledQuery(options);
}
