import type { ComponentType } from 'react';
import { createHashRouter } from 'react-router-dom';
import { Layout } from './Layout';
import { RouteErrorPage } from '../components/RouteErrorPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { OverviewPage } from '../pages/OverviewPage';
import { routes } from '../lib/paths';

/** A route whose page loads in its own chunk: the overview stays small. */
function lazyPage(load: () => Promise<ComponentType>): { lazy: () => Promise<{ Component: ComponentType }> } {
  return { lazy: async () => ({ Component: await load() }) };
}

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
            { path: routes.jobs, ...lazyPage(async () => (await import('../pages/JobsPage')).JobsPage) },
            { path: routes.vertex, ...lazyPage(async () => (await import('../pages/VertexPage')).VertexPage) },
            { path: routes.checkpoint, ...lazyPage(async () => (await import('../pages/JobPage')).JobPage) },
            { path: routes.job, ...lazyPage(async () => (await import('../pages/JobPage')).JobPage) },
            { path: routes.taskManagers, ...lazyPage(async () => (await import('../pages/TaskManagersPage')).TaskManagersPage) },
            { path: routes.taskManager, ...lazyPage(async () => (await import('../pages/TaskManagerPage')).TaskManagerPage) },
            { path: routes.jobManager, ...lazyPage(async () => (await import('../pages/JobManagerPage')).JobManagerPage) },
            { path: routes.metrics, ...lazyPage(async () => (await import('../pages/MetricsPage')).MetricsPage) },
            { path: routes.jars, ...lazyPage(async () => (await import('../pages/JarsPage')).JarsPage) },
            { path: routes.operations, ...lazyPage(async () => (await import('../pages/OperationsPage')).OperationsPage) },
            { path: routes.wall, ...lazyPage(async () => (await import('../features/kiosk/WallPage')).WallPage) },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
