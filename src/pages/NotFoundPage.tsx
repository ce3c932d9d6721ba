import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { links } from '../lib/paths';

export function NotFoundPage(): ReactNode {
  const location = useLocation();
  return (
    <div className="page">
      <h1>No such page</h1>
      <p>
        The dashboard has no page at <code>{location.pathname}</code>.
      </p>
      <p>
        <Link to={links.overview()}>Back to the cluster overview</Link>
      </p>
    </div>
  );
}
