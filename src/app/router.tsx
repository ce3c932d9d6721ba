import type { ComponentType } from 'react';
import { createHashRouter } from 'react-router-dom';
import { FleetLayout, Layout } from './Layout';
import { RouteErrorPage } from '../components/RouteErrorPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { OverviewPage } from '../pages/OverviewPage';
import { routes } from '../lib/paths';
import { readJobDetailsEarly } from '../api/jobs';
import { readWebConfigEarly } from '../api/webConfig';
import { discoverTabbedPages, preloadTabbedPage, readTabbedPageFirst, type TabbedPage } from '../lib/tab-routes';

/** A route whose page loads in its own chunk: the overview stays small. */
function lazyPage(load: () => Promise<ComponentType>): { lazy: () => Promise<{ Component: ComponentType }> } {
  return { lazy: async () => ({ Component: await load() }) };
}

// Pages whose tabs are child routes, from one tab table per page (pages/*-tabs.ts), added to the
// router when a URL first reaches them (see discoverTabbedPages). A vertex's URL is inside its
// job's, so the vertex page comes first. `readFirst`: both show the job's details first (the
// header, the tabs, the graph, the vertex's name and parallelism).
const vertexPage: TabbedPage = {
  id: 'vertex',
  path: routes.vertex,
  load: async () => (await import('../pages/VertexPage')).tabbedPageRoute,
  readFirst: ({ jobId }) => {
    if (jobId) readJobDetailsEarly(jobId);
  },
};
const jobPage: TabbedPage = {
  id: 'job',
  path: routes.job,
  load: async () => (await import('../pages/JobPage')).tabbedPageRoute,
  readFirst: ({ jobId }) => {
    if (jobId) readJobDetailsEarly(jobId);
  },
};
const taskManagerPage: TabbedPage = {
  id: 'task-manager',
  path: routes.taskManager,
  load: async () => (await import('../pages/TaskManagerPage')).tabbedPageRoute,
};
const jobManagerPage: TabbedPage = {
  id: 'job-manager',
  path: routes.jobManager,
  load: async () => (await import('../pages/JobManagerPage')).tabbedPageRoute,
};
const tabbedPages = [vertexPage, jobPage, taskManagerPage, jobManagerPage];
/**
 * For a deep link (`#/jobs/<id>/graph`, also inside a cluster, `#/c/<cluster>/jobs/...`): fetches
 * its page's and tab's chunks now, in parallel with config.json (see preloadTabbedPage).
 */
export function preloadDeepLink(hash: string): void {
  preloadTabbedPage(tabbedPages, deepLinkPath(hash));
}

/**
 * A deep link's first answers, asked for as soon as the API is configured, while its chunks
 * still download: the server's /config (every page polls at its interval) and the page's own
 * (`readFirst`).
 */
export function readDeepLinkFirst(hash: string): void {
  readWebConfigEarly();
  readTabbedPageFirst(tabbedPages, deepLinkPath(hash));
}

/** The route path of a hash, without its query and its cluster (`#/c/<cluster>/jobs/...`). */
function deepLinkPath(hash: string): string {
  return (
    hash
      .replace(/^#/, '')
      .replace(/[?].*$/, '')
      .replace(/^\/c\/[^/]+(?=\/|$)/, '') || '/'
  );
}

/** The route that holds the pages (and shows their errors). */
const PAGES = 'pages';

// Hash routing: `index.html#/jobs/<id>` reloads at any prefix with a plain static server.
// With several clusters, each cluster's router has the basename `/c/<id>`: every link of every
// view (`/jobs/<id>`) stays inside the active cluster without the views knowing of clusters.
export function createAppRouter(basename?: string): ReturnType<typeof createHashRouter> {
  return createHashRouter(
    [
      {
        element: <Layout />,
        children: [
          {
            id: PAGES,
            errorElement: <RouteErrorPage />,
            children: [
              { path: routes.overview, element: <OverviewPage /> },
              {
                path: routes.applications,
                ...lazyPage(async () => (await import('../pages/ApplicationsPage')).ApplicationsPage),
              },
              {
                path: routes.application,
                ...lazyPage(async () => (await import('../pages/ApplicationPage')).ApplicationPage),
              },
              { path: routes.jobs, ...lazyPage(async () => (await import('../pages/JobsPage')).JobsPage) },
              {
                path: routes.taskManagers,
                ...lazyPage(async () => (await import('../pages/TaskManagersPage')).TaskManagersPage),
              },
              { path: routes.metrics, ...lazyPage(async () => (await import('../pages/MetricsPage')).MetricsPage) },
              { path: routes.jars, ...lazyPage(async () => (await import('../pages/JarsPage')).JarsPage) },
              {
                path: routes.operations,
                ...lazyPage(async () => (await import('../pages/OperationsPage')).OperationsPage),
              },
              { path: routes.triage, ...lazyPage(async () => (await import('../pages/TriagePage')).TriagePage) },
              { path: routes.wall, ...lazyPage(async () => (await import('../features/kiosk/WallPage')).WallPage) },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
    { basename, patchRoutesOnNavigation: discoverTabbedPages(PAGES, tabbedPages, basename) },
  );
}

/**
 * The fleet's router (config.json lists `clusters`; the hash names no cluster): the fleet
 * overview at `#/` and `#/fleet`. Routes from before clusters never reach it (App sends them into
 * the first cluster).
 * `#/kiosk` is the fleet's health wall (every cluster's tiles).
 */
export function createFleetRouter(): ReturnType<typeof createHashRouter> {
  const fleetPage = lazyPage(async () => (await import('../pages/FleetPage')).FleetPage);
  return createHashRouter([
    {
      element: <FleetLayout />,
      children: [
        {
          id: PAGES,
          errorElement: <RouteErrorPage />,
          children: [
            { path: routes.overview, ...fleetPage },
            { path: routes.fleet, ...fleetPage },
            { path: routes.wall, ...lazyPage(async () => (await import('../pages/FleetWallPage')).FleetWallPage) },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
