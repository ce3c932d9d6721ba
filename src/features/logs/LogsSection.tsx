import type { ReactNode } from 'react';
import { stringParam, useSearchState } from '../../lib/search-state';
import { LogFiles } from './LogFiles';
import { LogFileView } from './LogFileView';
import type { LogSource } from './log-source';

const fileParam = stringParam();

/**
 * The log files of the job manager or a task manager and the open one (the current log unless
 * `?file=<name>` picks another, so a link to a rotated file can be shared).
 */
export function LogsSection({ source }: { source: LogSource }): ReactNode {
  const [file, setFile] = useSearchState('file', fileParam);
  return (
    <>
      <LogFiles source={source} selected={file === '' ? null : file} onSelect={(name) => setFile(name ?? '')} />
      <h2 className="log-title">{file === '' ? 'Current log' : file}</h2>
      <LogFileView key={file} source={source} file={file === '' ? { kind: 'log' } : { kind: 'file', name: file }} />
    </>
  );
}
