// Log files of the JobManager and TaskManagers: served as plain text, not JSON. The lists of
// files are in jobmanager.ts / taskmanagers.ts.

import { buildUrl } from './client';
import { textQuery } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';

/** Which file: the main log, stdout, or a named file from the logs list. */
export type LogFile =
  { readonly kind: 'log' } | { readonly kind: 'stdout' } | { readonly kind: 'file'; readonly name: string };

function fileKey(file: LogFile): string {
  return file.kind === 'file' ? `file:${file.name}` : file.kind;
}

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
  const queryKey = flinkKeys.jobmanagerLog(fileKey(file));
  switch (file.kind) {
    case 'log':
      return textQuery(queryKey, endpoints.jobManagerLog, {});
    case 'stdout':
      return textQuery(queryKey, endpoints.jobManagerStdout, {});
    case 'file':
      return textQuery(queryKey, endpoints.jobManagerLogFile, { params: { logname: file.name } });
  }
}

export function taskManagerLogFileQueryOptions(taskManagerId: string, file: LogFile) {
  const queryKey = flinkKeys.taskmanagerLog(taskManagerId, fileKey(file));
  switch (file.kind) {
    case 'log':
      return textQuery(queryKey, endpoints.taskManagerLog, { params: { taskmanagerid: taskManagerId } });
    case 'stdout':
      return textQuery(queryKey, endpoints.taskManagerStdout, { params: { taskmanagerid: taskManagerId } });
    case 'file':
      return textQuery(queryKey, endpoints.taskManagerLogFile, {
        params: { taskmanagerid: taskManagerId, logname: file.name },
      });
  }
}
