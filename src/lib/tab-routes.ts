import type { ComponentType } from 'react';
import {
  matchPath,
  matchRoutes,
  type Params,
  type PatchRoutesOnNavigationFunction,
  type RouteObject,
} from 'react-router-dom';

// The router's side of tabbed pages, apart from lib/tabs so that the first page's download holds
// only this.

/** A page whose tabs are child routes, found when a URL first reaches the page. */
export interface TabbedPage {
  /** The page's route id in the router. */
  readonly id: string;
  /** The page's route pattern (`/jobs/:jobId`); its tabs are below it. */
  readonly path: string;
  /** Loads the page's module: its component and its tab routes (lib/tabs, `tabRoutes`). */
  readonly load: () => Promise<TabbedPageRoute>;
  /** Asks for the answers the page shows first, before its module has loaded (a deep link). */
  readonly readFirst?: (params: Params) => void;
}

/** What a tabbed page's module gives the router. */
export interface TabbedPageRoute {
  readonly Component: ComponentType;
  readonly children: RouteObject[];
}

/**
 * Adds a tabbed page's route, with its tab routes, under the route `parentId` the first time a URL
 * reaches the page: the tab tables (and the code that loads each tab) stay out of the first
 * page's download. Until then the URL matches only the catch-all route, which makes the router
 * ask for more routes. `pages` are tried in order, so a page nested in another's URL (a vertex in
 * its job) comes first.
 */
export function discoverTabbedPages(
  parentId: string,
  pages: readonly TabbedPage[],
  /** The router's basename (`/c/<cluster>`): the router hands over the path with it. */
  basename = '',
): PatchRoutesOnNavigationFunction {
  const added = new Set<string>();
  return async ({ path: fullPath, patch }) => {
    const path = basename && fullPath.startsWith(basename) ? fullPath.slice(basename.length) || '/' : fullPath;
    const page = pages.find((p) => matchPath({ path: p.path, end: false }, path) !== null);
    if (page === undefined || added.has(page.id)) return;
    const { Component, children } = await page.load();
    if (added.has(page.id)) return;
    added.add(page.id);
    patch(parentId, [{ id: page.id, path: page.path, Component, children }]);
  };
}

/**
 * Starts downloading the chunks a deep link to a tabbed page needs (the page's and its tab's view)
 * at once, while the app still reads config.json: otherwise they load one after the other once the
 * router runs (entry, then the page, then its tab, and only then the tab's first request). The
 * router later gets the same modules: the tab routes load each view once (`lazyOnce`).
 */
export function preloadTabbedPage(pages: readonly TabbedPage[], path: string): void {
  const page = pages.find((p) => matchPath({ path: p.path, end: false }, path) !== null);
  if (page === undefined) return;
  page
    .load()
    .then(({ children }) => {
      const tree: RouteObject[] = [{ path: page.path, children }];
      for (const { route } of matchRoutes(tree, path) ?? []) {
        if (typeof route.lazy === 'function') route.lazy().catch(() => undefined);
      }
    })
    // A chunk that fails here fails again, and is reported, when the router asks for it.
    .catch(() => undefined);
}

/**
 * Asks for the answers a deep link's tabbed page shows first (its `readFirst`), once the API is
 * configured: they travel while the page's chunks still download (see preloadTabbedPage).
 */
export function readTabbedPageFirst(pages: readonly TabbedPage[], path: string): void {
  for (const page of pages) {
    const match = matchPath({ path: page.path, end: false }, path);
    if (match === null) continue;
    page.readFirst?.(match.params);
    return;
  }
}
