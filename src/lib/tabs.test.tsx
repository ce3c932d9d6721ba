import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TabNav } from '../components/TabNav';
import { discoverTabbedPages, preloadTabbedPage, type TabbedPage } from './tab-routes';
import { tabContext, tabRoutes, tabTable, useActiveTab } from './tabs';

const IDS = ['alpha', 'beta', 'gamma'] as const;
type Id = (typeof IDS)[number];

interface Context {
  readonly owner: string;
}
const context = tabContext<Context>();

function Shows({ text }: { text: string }): ReactNode {
  return <p>view {text}</p>;
}

/** Counts its own clicks: tells a kept view from a fresh one. */
function Counter({ owner }: { owner: string }): ReactNode {
  const [clicks, setClicks] = useState(0);
  return (
    <button type="button" onClick={() => setClicks((n) => n + 1)}>
      {owner} clicked {clicks}
    </button>
  );
}

// Rows written out of order: the table takes its order from the ids.
const TABLE = tabTable(IDS, {
  gamma: {
    label: 'Gamma',
    load: context.view(
      () => Promise.resolve(Shows),
      ({ owner }) => ({ text: `gamma of ${owner}` }),
    ),
  },
  alpha: {
    label: 'Alpha',
    load: context.view(
      () => Promise.resolve(Counter),
      ({ owner }) => ({ owner }),
    ),
  },
  beta: {
    label: 'Beta',
    load: context.view(
      () => Promise.resolve(Shows),
      ({ owner }) => ({ text: `beta of ${owner}` }),
    ),
    subRoutes: [
      {
        path: ':item',
        load: context.view(
          () => Promise.resolve(Shows),
          ({ owner }, params) => ({ text: `item ${params.item} of ${owner}` }),
        ),
      },
    ],
  },
});

function Page(): ReactNode {
  const active = useActiveTab(TABLE);
  return (
    <>
      <h1>{active.label}</h1>
      <TabNav label="Test views" tabs={TABLE} linkTo={(id: Id) => `/page/${id}`} keepSearch />
      <context.Outlet context={{ owner: 'page' }} />
    </>
  );
}

const pages: TabbedPage[] = [
  { id: 'page', path: '/page', load: () => Promise.resolve({ Component: Page, children: tabRoutes(TABLE) }) },
];

/** The app's arrangement: the page and its tab routes are added when a URL first reaches them. */
function renderAt(path: string): ReturnType<typeof createMemoryRouter> {
  const router = createMemoryRouter([{ id: 'root', children: [{ path: '*', element: <p>not found</p> }] }], {
    initialEntries: [path],
    patchRoutesOnNavigation: discoverTabbedPages('root', pages),
  });
  render(<RouterProvider router={router} />);
  return router;
}

function current(): string | null {
  return (
    screen.getByRole('navigation', { name: 'Test views' }).querySelector('[aria-current="page"]')?.textContent ?? null
  );
}

afterEach(cleanup);

describe('tabTable', () => {
  it('has one row per id, in the order of the ids', () => {
    expect(TABLE.map((t) => [t.id, t.label])).toEqual([
      ['alpha', 'Alpha'],
      ['beta', 'Beta'],
      ['gamma', 'Gamma'],
    ]);
  });
});

describe('tab routes', () => {
  it('shows the first tab at the page URL, and a tab at its own', async () => {
    renderAt('/page');
    expect(await screen.findByRole('button', { name: 'page clicked 0' })).toBeTruthy();
    expect(current()).toBe('Alpha');
    cleanup();
    renderAt('/page/gamma');
    expect(await screen.findByText('view gamma of page')).toBeTruthy();
    expect(current()).toBe('Gamma');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Gamma');
  });

  it('falls back to the first tab for an unknown tab, keeping the URL', async () => {
    const router = renderAt('/page/%3Cscript%3E');
    expect(await screen.findByRole('button', { name: 'page clicked 0' })).toBeTruthy();
    expect(current()).toBe('Alpha');
    expect(router.state.location.pathname).toBe('/page/%3Cscript%3E');
  });

  it('shows a sub-route inside its tab, with the URL params', async () => {
    renderAt('/page/beta/42');
    expect(await screen.findByText('view item 42 of page')).toBeTruthy();
    expect(current()).toBe('Beta');
  });

  it('leaves deeper unknown URLs to the catch-all route', async () => {
    renderAt('/page/alpha/1/2');
    expect(await screen.findByText('not found')).toBeTruthy();
  });

  it('links every tab, carrying the query string, and keeps the first view between its two URLs', async () => {
    renderAt('/page?tz=utc');
    fireEvent.click(await screen.findByRole('button', { name: 'page clicked 0' }));
    const links = screen.getByRole('navigation', { name: 'Test views' }).querySelectorAll('a');
    expect([...links].map((a) => a.getAttribute('href'))).toEqual([
      '/page/alpha?tz=utc',
      '/page/beta?tz=utc',
      '/page/gamma?tz=utc',
    ]);
    fireEvent.click(screen.getByRole('link', { name: 'Alpha' }));
    // `/page` and `/page/alpha` render the same view: its state survives the move.
    expect(await screen.findByRole('button', { name: 'page clicked 1' })).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Beta' }));
    expect(await screen.findByText('view beta of page')).toBeTruthy();
    expect(current()).toBe('Beta');
  });
});

describe('fetching ahead', () => {
  it('fetches every shown tab and the libraries its row names once the page is idle, once per table', async () => {
    vi.useFakeTimers();
    try {
      const loads: string[] = [];
      const row = (id: string, extra = false) => ({
        label: id,
        load: () => {
          loads.push(id);
          return Promise.resolve(() => null);
        },
        ...(extra ? { prefetch: () => void loads.push(`${id} library`) } : {}),
      });
      const table = tabTable(IDS, { alpha: row('alpha'), beta: row('beta', true), gamma: row('gamma') });
      const page = (): ReactNode => (
        <TabNav label="Views" tabs={table} linkTo={(id) => `/page/${id}`} shown={(id) => id !== 'gamma'} />
      );
      const router = createMemoryRouter([{ path: '/page/*', Component: page }], { initialEntries: ['/page/alpha'] });
      const first = render(<RouterProvider router={router} />);
      expect(loads).toEqual([]);
      await vi.runAllTimersAsync();
      expect(loads).toEqual(['alpha', 'beta', 'beta library']);
      first.unmount();
      render(<RouterProvider router={router} />);
      await vi.runAllTimersAsync();
      expect(loads).toEqual(['alpha', 'beta', 'beta library']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fetches the page and the tab of a deep link before the router asks for them, once', async () => {
    const loaded: string[] = [];
    const row = (id: string) => ({
      label: id,
      load: () => {
        loaded.push(id);
        return Promise.resolve(() => null);
      },
    });
    const routes = tabRoutes(tabTable(IDS, { alpha: row('alpha'), beta: row('beta'), gamma: row('gamma') }));
    const page: TabbedPage = {
      id: 'page',
      path: '/page/:owner',
      load: () => {
        loaded.push('page');
        return Promise.resolve({ Component: () => null, children: routes });
      },
    };
    preloadTabbedPage([page], '/page/someone/beta');
    await vi.waitFor(() => expect(loaded).toEqual(['page', 'beta']));
    // The router's own call for the tab gets the view loaded ahead, without loading it again.
    const lazy = routes.find((r) => r.path === 'beta')?.lazy;
    if (typeof lazy !== 'function') throw new Error('the beta route is not lazy');
    await lazy();
    expect(loaded).toEqual(['page', 'beta']);
    preloadTabbedPage([page], '/elsewhere');
    expect(loaded).toEqual(['page', 'beta']);
  });
});
