import type { ReactNode } from 'react';
import type { LogList } from '../../api/jobmanager';
import { column, DataTable, type Column } from '../../components/DataTable';
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
    column('name', {
      header: 'File',
      rowHeader: true,
      value: (f) => f.name,
      search: true,
      format: (name) => (
        <button
          type="button"
          className="log-file-button"
          aria-current={name === selected ? 'true' : undefined}
          onClick={() => onSelect(name)}
        >
          {name}
        </button>
      ),
    }),
    column('size', { header: 'Size', value: (f) => f.size, format: formatBytes }),
    column('mtime', { header: 'Modified', value: (f) => f.mtime, format: (t) => formatTimestamp(t) }),
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
