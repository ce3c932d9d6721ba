import type { ReactNode } from 'react';
import type { LogList } from '../../api/jobmanager';
import { DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { formatBytes, formatTimestamp } from '../../lib/format';
import { useLogList, type LogSource } from './log-source';

type LogEntry = LogList['logs'][number];

interface LogFilesProps {
  source: LogSource;
  /** The open file's name, or null when the current log is open. */
  selected: string | null;
  onSelect: (name: string | null) => void;
}

/** The log files of the job manager or a task manager, sortable and filterable; a click opens one. */
export function LogFiles({ source, selected, onSelect }: LogFilesProps): ReactNode {
  const list = useLogList(source);
  const columns: Column<LogEntry>[] = [
    {
      id: 'name',
      header: 'File',
      rowHeader: true,
      sortValue: (f) => f.name,
      filterText: (f) => f.name,
      cell: (f) => (
        <button
          type="button"
          className="log-file-button"
          aria-current={f.name === selected ? 'true' : undefined}
          onClick={() => onSelect(f.name)}
        >
          {f.name}
        </button>
      ),
    },
    { id: 'size', header: 'Size', sortValue: (f) => f.size, cell: (f) => formatBytes(f.size) },
    { id: 'mtime', header: 'Modified', sortValue: (f) => f.mtime, cell: (f) => formatTimestamp(f.mtime) },
  ];
  return (
    <section className="log-files" aria-label="Log files">
      <QueryState query={list} what="the log files">
        {(data) => (
          <>
            <DataTable
              caption="Log files"
              columns={columns}
              rows={data.logs}
              rowKey={(f) => f.name}
              defaultSort={{ column: 'name', direction: 'asc' }}
              filterable
              empty="No log files are listed."
            />
            {selected !== null && (
              <button type="button" onClick={() => onSelect(null)}>
                Back to the current log
              </button>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
