import { useState, type ReactNode } from 'react';
import { QueryState } from '../../components/QueryState';
import { describeFile, downloadName, useLogFile, type LogFile, type LogSource } from './log-source';
import { LogViewer } from './LogViewer';

/**
 * One log file of the job manager or a task manager, in the viewer; Follow refetches it live. The
 * current log and stdout open at their end and follow it (people read the tail first); a file
 * picked from the list opens at the top.
 */
export function LogFileView({ source, file }: { source: LogSource; file: LogFile }): ReactNode {
  const tail = file.kind !== 'file';
  const [follow, setFollow] = useState(tail);
  const query = useLogFile(source, file, follow);
  const name = downloadName(source, file);
  return (
    <QueryState query={query} what={describeFile(file)}>
      {(text) => (
        <LogViewer
          text={text}
          fileName={name}
          follow={follow}
          onFollowChange={setFollow}
          tail={tail}
          onReload={() => void query.refetch()}
          reloading={query.isFetching}
        />
      )}
    </QueryState>
  );
}
