// Log files of the JobManager and TaskManagers: served as plain text, not JSON. The lists of
// files are in jobmanager.ts / taskmanagers.ts.

import { queryOptions } from '@tanstack/react-query';
import { buildUrl, requestText } from './client';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { usePolledQuery } from './polling';

/** Which file: the main log, stdout, or a named file from the logs list. */
export type LogFile = { readonly kind: 'log' } | { readonly kind: 'stdout' } | { readonly kind: 'file'; readonly name: string };

function fileKey(file: LogFile): string {
  return file.kind === 'file' ? `file:${file.name}` : file.kind;
}

export function fetchJobManagerLogFile(file: LogFile, signal?: AbortSignal): Promise<string> {
  switch (file.kind) {
    case 'log':
      return requestText(endpoints.jobManagerLog, { signal });
    case 'stdout':
      return requestText(endpoints.jobManagerStdout, { signal });
    case 'file':
      return requestText(endpoints.jobManagerLogFile, { params: { logname: file.name }, signal });
  }
}

export function fetchTaskManagerLogFile(taskManagerId: string, file: LogFile, signal?: AbortSignal): Promise<string> {
  switch (file.kind) {
    case 'log':
      return requestText(endpoints.taskManagerLog, { params: { taskmanagerid: taskManagerId }, signal });
    case 'stdout':
      return requestText(endpoints.taskManagerStdout, { params: { taskmanagerid: taskManagerId }, signal });
    case 'file':
      return requestText(endpoints.taskManagerLogFile, { params: { taskmanagerid: taskManagerId, logname: file.name }, signal });
  }
}

/** The URL of a JobManager log file, for a link that opens or downloads it. */
export function jobManagerLogFileUrl(file: LogFile): string {
  switch (file.kind) {
    case 'log':
      return buildUrl(endpoints.jobManagerLog, {});
    case 'stdout':
      return buildUrl(endpoints.jobManagerStdout, {});
    case 'file':
      return buildUrl(endpoints.jobManagerLogFile, { params: { logname: file.name } });
  }
}

export function taskManagerLogFileUrl(taskManagerId: string, file: LogFile): string {
  switch (file.kind) {
    case 'log':
      return buildUrl(endpoints.taskManagerLog, { params: { taskmanagerid: taskManagerId } });
    case 'stdout':
      return buildUrl(endpoints.taskManagerStdout, { params: { taskmanagerid: taskManagerId } });
    case 'file':
      return buildUrl(endpoints.taskManagerLogFile, { params: { taskmanagerid: taskManagerId, logname: file.name } });
  }
}

export function jobManagerLogFileQueryOptions(file: LogFile) {
  return queryOptions({
    queryKey: flinkKeys.jobmanagerLog(fileKey(file)),
    queryFn: ({ signal }) => fetchJobManagerLogFile(file, signal),
  });
}

/** Logs grow: refreshed at the live rate (pause to read). */
export function useJobManagerLogFile(file: LogFile) {
  return usePolledQuery(jobManagerLogFileQueryOptions(file));
}

export function taskManagerLogFileQueryOptions(taskManagerId: string, file: LogFile) {
  return queryOptions({
    queryKey: flinkKeys.taskmanagerLog(taskManagerId, fileKey(file)),
    queryFn: ({ signal }) => fetchTaskManagerLogFile(taskManagerId, file, signal),
  });
}

export function useTaskManagerLogFile(taskManagerId: string, file: LogFile) {
  return usePolledQuery(taskManagerLogFileQueryOptions(taskManagerId, file));
}
