import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { CheckpointStats } from '../../api/checkpoints';
import { column, DataTable, type Column } from '../../components/DataTable';
import { formatBytes, formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import { sortParam, stringParam, useSearchState } from '../../lib/search-state';
import { checkpointKind, checkpointTone, checkpointTypeLabel, failureMessage } from './checkpoint-display';

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
/**
 * From this many rows (a full first page) the table draws only the rows near the screen: it sits
 * below the charts, mostly out of sight, and its 100 rows of 15 cells drawn all at once cost a
 * first open of the tab more main-thread time than both charts.
 */
export const HISTORY_VIRTUAL_FROM = 60;

function columnsFor(jobId: string): Column<CheckpointStats>[] {
  return [
    column('id', {
      header: 'ID',
      rowHeader: true,
      value: (c) => c.id,
      format: (id) => <Link to={links.checkpoint(jobId, id)}>{id}</Link>,
      search: true,
    }),
    column('status', {
      header: 'Status',
      value: (c) => c.status,
      format: (status, c) => (
        <>
          <span className={`badge badge-${checkpointTone(status)}`}>{status}</span>
          {c.className === 'completed' && c.discarded && <span className="cell-note"> discarded</span>}
        </>
      ),
      search: true,
    }),
    column('type', {
      header: 'Type',
      value: (c) => c.checkpoint_type,
      format: (type, c) => (
        <>
          {checkpointTypeLabel(type)}
          {c.savepointFormat ? <span className="cell-note"> {c.savepointFormat}</span> : null}
        </>
      ),
      search: (type, c) => `${type} ${checkpointTypeLabel(type)} ${c.savepointFormat ?? ''}`,
    }),
    column('kind', { header: 'Savepoint or checkpoint', value: checkpointKind, search: true }),
    column('acks', {
      header: 'Acknowledged',
      className: 'num',
      value: (c) => (c.num_subtasks > 0 ? c.num_acknowledged_subtasks / c.num_subtasks : null),
      format: (_share, c) => `${c.num_acknowledged_subtasks}/${c.num_subtasks}`,
    }),
    column('trigger', {
      header: 'Triggered',
      className: 'nowrap',
      value: (c) => c.trigger_timestamp,
      format: (t) => formatTimestamp(t),
    }),
    column('ack', {
      header: 'Latest acknowledgement',
      className: 'nowrap',
      value: (c) => (c.latest_ack_timestamp > 0 ? c.latest_ack_timestamp : null),
      format: (t) => formatTimestamp(t),
    }),
    column('duration', {
      header: 'End-to-end duration',
      className: 'num',
      value: (c) => (c.end_to_end_duration >= 0 ? c.end_to_end_duration : null),
      format: formatDuration,
    }),
    column('checkpointed', {
      header: 'Checkpointed size',
      className: 'num',
      value: (c) => c.checkpointed_size,
      format: formatBytes,
    }),
    column('full', { header: 'Full size', className: 'num', value: (c) => c.state_size, format: formatBytes }),
    column('processed', {
      header: 'Processed in-flight data',
      className: 'num',
      value: (c) => c.processed_data,
      format: formatBytes,
    }),
    column('persisted', {
      header: 'Persisted in-flight data',
      className: 'num',
      value: (c) => c.persisted_data,
      format: formatBytes,
    }),
    column('buffered', {
      header: 'Alignment buffered',
      className: 'num',
      value: (c) => c.alignment_buffered,
      format: formatBytes,
    }),
    column('failure', {
      header: 'Failure',
      className: 'failure-cell',
      value: (c) => failureMessage(c) ?? null,
      format: (_message, c) =>
        c.className === 'failed' ? (
          <>
            <span className="failure-message">{c.failure_message ?? 'No failure message'}</span>
            <span className="cell-note"> at {formatTimestamp(c.failure_timestamp)}</span>
          </>
        ) : null,
      search: true,
    }),
    column('path', {
      header: 'External path',
      className: 'path-cell mono',
      value: (c) => (c.className === 'completed' ? (c.external_path ?? null) : null),
      format: (path) => (path ? <span title={path}>{path}</span> : null),
      search: true,
    }),
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
  const columns = useMemo(() => columnsFor(jobId), [jobId]);
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
        rows={history}
        rowKey={(c) => String(c.id)}
        sort={sort}
        onSortChange={setSort}
        filter={filter}
        onFilterChange={setFilter}
        pageSize={HISTORY_PAGE}
        virtualFrom={HISTORY_VIRTUAL_FROM}
        rowClassName={(c) => (c.status === 'FAILED' ? 'row-bad' : c.status === 'IN_PROGRESS' ? 'row-warn' : undefined)}
        empty="No checkpoints yet."
        noMatch="No checkpoints match the filter."
      />
    </>
  );
}
