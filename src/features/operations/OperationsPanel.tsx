import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { DataTable, type Column } from '../../components/DataTable';
import { formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import { OperationResult, OperationStateBadge } from './OperationView';
import { markOperationsSeen, OPERATION_TITLES, type OperationRecord } from './operations-store';
import { useOperations } from './useOperations';
import './operations.css';

const COLUMNS: readonly Column<OperationRecord>[] = [
  {
    id: 'kind',
    header: 'Operation',
    rowHeader: true,
    cell: (r) => OPERATION_TITLES[r.kind],
    sortValue: (r) => OPERATION_TITLES[r.kind],
    filterText: (r) => OPERATION_TITLES[r.kind],
  },
  {
    id: 'subject',
    header: 'Job or subject',
    className: 'job-name',
    cell: (r) => (
      <>
        {r.jobId ? <Link to={links.job(r.jobId)}>{r.subject ?? r.jobId}</Link> : (r.subject ?? '–')}
        {r.triggerId && (
          <span className="ops-trigger">
            trigger <code>{r.triggerId}</code>
          </span>
        )}
      </>
    ),
    filterText: (r) => `${r.subject ?? ''} ${r.jobId ?? ''}`,
  },
  {
    id: 'started',
    header: 'Started',
    cell: (r) => formatTimestamp(r.startedAt),
    sortValue: (r) => r.startedAt,
  },
  {
    id: 'state',
    header: 'State',
    cell: (r) => <OperationStateBadge record={r} />,
    sortValue: (r) => r.state,
    filterText: (r) => r.state,
  },
  { id: 'result', header: 'Result', className: 'ops-result-cell', cell: (r) => <OperationResult record={r} /> },
];

/**
 * Every operation started in this tab, newest first, followed to its end even while the user is
 * on another page (the store follows them, not this component).
 */
export function OperationsPanel(): ReactNode {
  const { records } = useOperations();
  // Shown here: the header's indicator stops counting these failures as new.
  useEffect(() => {
    markOperationsSeen();
  }, [records]);
  return (
    <DataTable
      caption="Operations started in this tab"
      captionHidden
      columns={COLUMNS}
      rows={records}
      rowKey={(r) => String(r.id)}
      rowClassName={(r) => (r.state === 'failed' ? 'row-bad' : undefined)}
      empty="No operations yet. Savepoints, checkpoints, cancellations, jar runs and other actions you start appear here until you close the tab."
    />
  );
}
