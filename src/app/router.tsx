import { createHashRouter } from 'react-router-dom';
import { Layout } from './Layout';
import { RouteErrorPage } from '../components/RouteErrorPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { OverviewPage } from '../pages/OverviewPage';
import { routes } from '../lib/paths';

// Hash routing: `index.html#/jobs/<id>` reloads at any prefix with a plain static server.
export function createAppRouter(): ReturnType<typeof createHashRouter> {
  return createHashRouter([
    {
      element: <Layout />,
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [
            { path: routes.overview, element: <OverviewPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
