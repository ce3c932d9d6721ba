import type { ReactNode } from 'react';
import { Link, useRouteError } from 'react-router-dom';

/**
 * The last line of defence: a page that threw while rendering. Says what happened and offers a
 * way on, instead of a blank screen; the rest of the app (navigation) keeps working.
 */
export function RouteErrorPage(): ReactNode {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="page panel-error" role="alert">
      <h1>This page failed to render</h1>
      <p>
        The dashboard hit an unexpected problem showing this view: <code>{message}</code>
      </p>
      <p>
        Reload the page to try again, or go back to the <Link to="/">cluster overview</Link>.
      </p>
    </div>
  );
}
