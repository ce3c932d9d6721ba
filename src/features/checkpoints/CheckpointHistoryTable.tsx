import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { CheckpointStats } from '../../api/checkpoints';
import { DataTable, filterRows, sortRows, type Column } from '../../components/DataTable';
import { formatBytes, formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import { sortParam, stringParam, useSearchState } from '../../lib/search-state';
import { checkpointKind, checkpointTone, checkpointTypeLabel, failureMessage } from './view';

export const HISTORY_SORT_COLUMNS = [
  'id',
  'status',
  'type',
  'kind',
  'acks',
  'trigger',
  'ack',
  'duration',
  'checkpointed',
  'full',
  'processed',
  'persisted',
  'buffered',
  'failure',
  'path',
] as const;
const sortBy = sortParam(HISTORY_SORT_COLUMNS, { column: 'id', direction: 'desc' });
const filterParam = stringParam();

/** Rows rendered at first; more on demand, so a 1,000-checkpoint history stays quick. */
export const HISTORY_PAGE = 100;

function columnsFor(jobId: string): Column<CheckpointStats>[] {
  return [
    {
      id: 'id',
      header: 'ID',
      rowHeader: true,
      cell: (c) => <Link to={links.checkpoint(jobId, c.id)}>{c.id}</Link>,
      sortValue: (c) => c.id,
      filterText: (c) => String(c.id),
    },
    {
      id: 'status',
      header: 'Status',
      cell: (c) => (
        <>
          <span className={`badge badge-${checkpointTone(c.status)}`}>{c.status}</span>
          {c.className === 'completed' && c.discarded && <span className="cell-note"> discarded</span>}
        </>
      ),
      sortValue: (c) => c.status,
      filterText: (c) => c.status,
    },
    {
      id: 'type',
      header: 'Type',
      cell: (c) => (
        <>
          {checkpointTypeLabel(c.checkpoint_type)}
          {c.savepointFormat ? <span className="cell-note"> {c.savepointFormat}</span> : null}
        </>
      ),
      sortValue: (c) => c.checkpoint_type,
      filterText: (c) => `${c.checkpoint_type} ${checkpointTypeLabel(c.checkpoint_type)} ${c.savepointFormat ?? ''}`,
    },
    { id: 'kind', header: 'Savepoint or checkpoint', cell: checkpointKind, sortValue: checkpointKind, filterText: checkpointKind },
    {
      id: 'acks',
      header: 'Acknowledged',
      className: 'num',
      cell: (c) => `${c.num_acknowledged_subtasks}/${c.num_subtasks}`,
      sortValue: (c) => (c.num_subtasks > 0 ? c.num_acknowledged_subtasks / c.num_subtasks : null),
    },
    { id: 'trigger', header: 'Triggered', className: 'nowrap', cell: (c) => formatTimestamp(c.trigger_timestamp), sortValue: (c) => c.trigger_timestamp },
    {
      id: 'ack',
      header: 'Latest acknowledgement',
      className: 'nowrap',
      cell: (c) => formatTimestamp(c.latest_ack_timestamp),
      sortValue: (c) => (c.latest_ack_timestamp > 0 ? c.latest_ack_timestamp : null),
    },
    {
      id: 'duration',
      header: 'End-to-end duration',
      className: 'num',
      cell: (c) => formatDuration(c.end_to_end_duration),
      sortValue: (c) => (c.end_to_end_duration >= 0 ? c.end_to_end_duration : null),
    },
    { id: 'checkpointed', header: 'Checkpointed size', className: 'num', cell: (c) => formatBytes(c.checkpointed_size), sortValue: (c) => c.checkpointed_size },
    { id: 'full', header: 'Full size', className: 'num', cell: (c) => formatBytes(c.state_size), sortValue: (c) => c.state_size },
    { id: 'processed', header: 'Processed in-flight data', className: 'num', cell: (c) => formatBytes(c.processed_data), sortValue: (c) => c.processed_data },
    { id: 'persisted', header: 'Persisted in-flight data', className: 'num', cell: (c) => formatBytes(c.persisted_data), sortValue: (c) => c.persisted_data },
    {
      id: 'buffered',
      header: 'Alignment buffered',
      className: 'num',
      cell: (c) => formatBytes(c.alignment_buffered),
      sortValue: (c) => c.alignment_buffered,
    },
    {
      id: 'failure',
      header: 'Failure',
      className: 'failure-cell',
      cell: (c) =>
        c.className === 'failed' ? (
          <>
            <span className="failure-message">{c.failure_message ?? 'No failure message'}</span>
            <span className="cell-note"> at {formatTimestamp(c.failure_timestamp)}</span>
          </>
        ) : null,
      sortValue: (c) => failureMessage(c) ?? null,
      filterText: (c) => failureMessage(c) ?? '',
    },
    {
      id: 'path',
      header: 'External path',
      className: 'path-cell mono',
      cell: (c) => (c.className === 'completed' && c.external_path ? <span title={c.external_path}>{c.external_path}</span> : null),
      sortValue: (c) => (c.className === 'completed' ? (c.external_path ?? null) : null),
      filterText: (c) => (c.className === 'completed' ? (c.external_path ?? '') : ''),
    },
  ];
}

interface CheckpointHistoryTableProps {
  jobId: string;
  history: readonly CheckpointStats[];
  /** How many of these the JobManager still reports (the rest were kept by the dashboard). */
  serverCount: number;
}

/**
 * Every checkpoint seen while the dashboard was open, with every field Flink reports. Sort and
 * filter live in the URL; only the first rows are rendered until asked for more.
 */
export function CheckpointHistoryTable({ jobId, history, serverCount }: CheckpointHistoryTableProps): ReactNode {
  const [sort, setSort] = useSearchState('cp-sort', sortBy);
  const [filter, setFilter] = useSearchState('cp-q', filterParam);
  const [limit, setLimit] = useState(HISTORY_PAGE);
  const columns = useMemo(() => columnsFor(jobId), [jobId]);
  const matching = useMemo(() => sortRows(filterRows(history, columns, filter), columns, sort), [history, columns, filter, sort]);
  const shown = useMemo(() => matching.slice(0, limit), [matching, limit]);
  const hidden = matching.length - shown.length;
  return (
    <>
      <p className="history-note">
        {history.length} checkpoint{history.length === 1 ? '' : 's'} seen while this dashboard was open
        {history.length > serverCount ? ` (the JobManager keeps the last ${serverCount})` : ''}.
      </p>
      <DataTable
        caption="Checkpoint history"
        captionHidden
        columns={columns}
        rows={shown}
        rowKey={(c) => String(c.id)}
        sort={sort}
        onSortChange={setSort}
        filter={filter}
        onFilterChange={setFilter}
        rowClassName={(c) => (c.status === 'FAILED' ? 'row-bad' : c.status === 'IN_PROGRESS' ? 'row-warn' : undefined)}
        empty={history.length === 0 ? 'No checkpoints yet.' : 'No checkpoints match the filter.'}
      />
      {hidden > 0 && (
        <p className="show-more">
          Showing {shown.length} of {matching.length}.{' '}
          <button type="button" onClick={() => setLimit((l) => l + HISTORY_PAGE)}>
            Show {Math.min(HISTORY_PAGE, hidden)} more
          </button>{' '}
          <button type="button" onClick={() => setLimit(matching.length)}>
            Show all
          </button>
        </p>
      )}
    </>
  );
}
