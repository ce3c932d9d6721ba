import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { links } from '../../lib/paths';
import { OPERATION_TITLES, unseenFailures } from './operations-store';
import { useOperations } from './useOperations';
import './operations.css';

/**
 * A compact header link to the operations page: how many operations run and how many failed since
 * the page was last seen. The latest settled operation is announced to screen readers.
 */
export function OperationsIndicator(): ReactNode {
  const snapshot = useOperations();
  const running = snapshot.records.filter((r) => r.state === 'running').length;
  const failed = unseenFailures(snapshot);
  const lastSettled = snapshot.records.find((r) => r.state !== 'running');
  const parts = [running > 0 ? `${running} running` : '', failed > 0 ? `${failed} failed` : ''].filter(Boolean);
  return (
    <span className="ops-indicator">
      <Link to={links.operations()} aria-label={parts.length ? `Operations: ${parts.join(', ')}` : 'Operations'}>
        Operations
        {running > 0 && (
          <span className="ops-indicator-count ops-indicator-running" aria-hidden="true">
            {running}
          </span>
        )}
        {failed > 0 && (
          <span className="ops-indicator-count ops-indicator-failed" aria-hidden="true">
            {failed}!
          </span>
        )}
      </Link>
      <span className="visually-hidden" role="status">
        {lastSettled ? `${OPERATION_TITLES[lastSettled.kind]} ${lastSettled.state}` : ''}
      </span>
    </span>
  );
}
