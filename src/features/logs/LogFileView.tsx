import { useState, type ReactNode } from 'react';
import { QueryState } from '../../components/QueryState';
import { describeFile, downloadName, useLogFile, type LogFile, type LogSource } from './log-source';
import { LogViewer } from './LogViewer';

/** One log file of the job manager or a task manager, in the viewer; Follow refetches it live. */
export function LogFileView({ source, file }: { source: LogSource; file: LogFile }): ReactNode {
  const [follow, setFollow] = useState(false);
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
          onReload={() => void query.refetch()}
          reloading={query.isFetching}
        />
      )}
    </QueryState>
  );
}
