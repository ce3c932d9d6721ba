import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { column, DataTable, type Column } from '../../components/DataTable';
import { formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import { OperationResult, OperationStateBadge } from './OperationView';
import { markOperationsSeen, OPERATION_TITLES, type OperationRecord } from './operations-store';
import { useOperations } from './useOperations';
import './operations.css';

const COLUMNS: readonly Column<OperationRecord>[] = [
  column('kind', { header: 'Operation', rowHeader: true, value: (r) => OPERATION_TITLES[r.kind], search: true }),
  column('subject', {
    header: 'Job or subject',
    className: 'job-name',
    value: (r) => `${r.subject ?? ''} ${r.jobId ?? r.applicationId ?? ''}`,
    sort: false,
    search: true,
    format: (_text, r) => (
      <>
        {r.jobId ? (
          <Link to={links.job(r.jobId)}>{r.subject ?? r.jobId}</Link>
        ) : r.applicationId ? (
          <Link to={links.application(r.applicationId)}>{r.subject ?? r.applicationId}</Link>
        ) : (
          (r.subject ?? '–')
        )}
        {r.triggerId && (
          <span className="ops-trigger">
            trigger <code>{r.triggerId}</code>
          </span>
        )}
      </>
    ),
  }),
  column('started', { header: 'Started', value: (r) => r.startedAt, format: (t) => formatTimestamp(t) }),
  column('state', {
    header: 'State',
    value: (r) => r.state,
    format: (_state, r) => <OperationStateBadge record={r} />,
    search: true,
  }),
  column('result', {
    header: 'Result',
    className: 'ops-result-cell',
    value: (r) => r.state,
    format: (_state, r) => <OperationResult record={r} />,
    sort: false,
  }),
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
