import { useEffect, useRef, type ComponentType, type ReactNode } from 'react';
import { Outlet, useMatches, useOutletContext, useParams, type Params, type RouteObject } from 'react-router-dom';

/** A tab's view, loaded in a chunk of its own when the tab is first opened. */
export type LoadView = () => Promise<ComponentType>;

/** A route under a tab that shows inside that tab (a checkpoint inside the checkpoints view). */
export interface SubRoute {
  /** Path below the tab's own segment, e.g. `:checkpointId`. */
  readonly path: string;
  readonly load: LoadView;
}

/** One tab of a page: its URL segment, its link text, and its view. */
export interface Tab<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly load: LoadView;
  readonly subRoutes?: readonly SubRoute[];
  /**
   * What a History Server shows instead of this view, when its archive does not hold the view's
   * data (metrics, samples): the tab is hidden there, and a deep link shows these words.
   */
  readonly notArchived?: string;
  /**
   * A library the view needs beyond its own chunk (the chart library, the flame graph's), fetched
   * with the tab's chunk while the page is idle (see usePrefetchTabs).
   */
  readonly prefetch?: () => void;
}

/** A page's tabs, in the order of their links; the first is the page's default view. */
export type TabTable<Id extends string> = readonly [Tab<Id>, ...Tab<Id>[]];

/**
 * A page's tabs in the order of `ids` (the URL segments declared in lib/paths, which type the
 * links), one row per id: the compiler rejects a missing row and a row for an unknown id.
 */
export function tabTable<Id extends string>(
  ids: readonly [Id, ...Id[]],
  rows: { readonly [K in Id]: Omit<Tab<K>, 'id'> },
): TabTable<Id> {
  const [first, ...rest] = ids;
  return [{ id: first, ...rows[first] }, ...rest.map((id) => ({ id, ...rows[id] }))];
}

/** What a tab route tells the page about itself: which tab is showing. */
interface TabHandle {
  readonly tab: string;
}

function isTabHandle(handle: unknown): handle is TabHandle {
  return typeof handle === 'object' && handle !== null && 'tab' in handle && typeof handle.tab === 'string';
}

/** Loads a view once, so that every route showing it renders the same component. */
function lazyOnce(load: LoadView): () => Promise<{ Component: ComponentType }> {
  let loaded: Promise<{ Component: ComponentType }> | undefined;
  return () => (loaded ??= load().then((Component) => ({ Component })));
}

/**
 * The tabs as child routes of their page: `<page>/<id>` for each, the first tab also at the page's
 * own URL, and any other segment falls back to the first tab (an old or mistyped link still opens
 * the page). A tab's index, own and fallback routes render the same component, so moving between
 * `#/jobs/<id>` and `#/jobs/<id>/graph` keeps the view's state instead of starting it again.
 */
export function tabRoutes<Id extends string>(tabs: TabTable<Id>): RouteObject[] {
  const [first] = tabs;
  const firstView = lazyOnce(first.load);
  return [
    { index: true, handle: { tab: first.id } satisfies TabHandle, lazy: firstView },
    ...tabs.flatMap((tab): RouteObject[] => {
      const handle: TabHandle = { tab: tab.id };
      return [
        { path: tab.id, handle, lazy: tab === first ? firstView : lazyOnce(tab.load) },
        ...(tab.subRoutes ?? []).map((sub) => ({ path: `${tab.id}/${sub.path}`, handle, lazy: lazyOnce(sub.load) })),
      ];
    }),
    { path: ':tab', handle: { tab: first.id } satisfies TabHandle, lazy: firstView },
  ];
}

/** The tab the URL shows (the first for an unknown segment, as the routes fall back to it). */
export function useActiveTab<Id extends string>(tabs: TabTable<Id>): Tab<Id> {
  const id = useMatches()
    .map((match) => match.handle)
    .findLast(isTabHandle)?.tab;
  return tabs.find((tab) => tab.id === id) ?? tabs[0];
}

/** A view component and how to get its props from the page's context and the URL's params. */
function viewFrom<Context, Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  props: (context: Context, params: Readonly<Params>) => Props,
): LoadView {
  return async () => {
    const View = await load();
    function TabView(): ReactNode {
      return <View {...props(useOutletContext<Context>(), useParams())} />;
    }
    TabView.displayName = `TabView(${View.displayName ?? View.name})`;
    return TabView;
  };
}

/**
 * What a page hands its tab views (the job's id and details, say), typed once per page: the page
 * renders `<Outlet context>` with it and each view of the page's tab table reads it through
 * `view`, so features keep taking plain props and nothing is passed down by hand.
 */
export interface TabContext<Context> {
  /** Where the page shows its active tab. */
  readonly Outlet: (props: { readonly context: Context }) => ReactNode;
  /** A lazily loaded view, given its props from the page's context (and the URL's params). */
  readonly view: <Props extends object>(
    load: () => Promise<ComponentType<Props>>,
    props: (context: Context, params: Readonly<Params>) => Props,
  ) => LoadView;
}

export function tabContext<Context>(): TabContext<Context> {
  return {
    Outlet: ({ context }) => <Outlet context={context} />,
    view: (load, props) => viewFrom(load, props),
  };
}

/** Runs `task` when the browser is idle (at the latest after `timeoutMs`); returns a cancel. */
export function whenIdle(task: () => void, timeoutMs = 3000): () => void {
  if (typeof window.requestIdleCallback !== 'function') {
    const timer = window.setTimeout(task, timeoutMs);
    return () => window.clearTimeout(timer);
  }
  const id = window.requestIdleCallback(task, { timeout: timeoutMs });
  return () => window.cancelIdleCallback(id);
}

/** The browser was asked to save data (Chrome's "Lite" setting, some phones on metered networks). */
function savingData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return connection?.saveData === true;
}

const prefetched = new WeakSet<object>();

/**
 * Fetches the chunks of a page's other tabs (a few KiB each) and the libraries they declare
 * (`prefetch`) once the page is idle, once per table: the first click on a tab then draws at once
 * instead of waiting for two or three downloads in a row. The first page's download stays as small
 * as before; a browser asked to save data fetches nothing ahead.
 */
export function usePrefetchTabs<Id extends string>(tabs: TabTable<Id>, shown: (tab: Tab<Id>) => boolean): void {
  // Which tabs are shown settles with the page's first data: read it when idle, not at mount.
  const shownNow = useRef(shown);
  useEffect(() => {
    shownNow.current = shown;
  });
  useEffect(() => {
    if (prefetched.has(tabs) || savingData()) return undefined;
    return whenIdle(() => {
      if (prefetched.has(tabs)) return;
      prefetched.add(tabs);
      for (const tab of tabs.filter((t) => shownNow.current(t))) {
        // A chunk that fails to load here is reported by the router when the tab is opened.
        tab.load().catch(() => undefined);
        tab.prefetch?.();
      }
    });
  }, [tabs]);
}
