// Test helpers: render a component with a fresh QueryClient and a router; `renderWithApi` also
// answers its requests from recorded Flink responses at the network level (global fetch). The
// resets between tests are in src/test/setup.ts. Tests only.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { configureApi } from '../../api/settings';
import { fixture, responseFrom, stubFetch } from '../../api/test-utils';

/** Path (with query) -> recorded JSON body, or a Response for anything else. */
export type Answers = Readonly<Record<string, unknown>>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A QueryClient for one test: no retries, so a failed request shows its error at once. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

/** Renders `ui` inside a fresh QueryClient and a router at `path`; the test stubs fetch itself. */
export function renderWithProviders(ui: ReactNode, path = '/'): RenderResult & { client: QueryClient } {
  const client = createTestQueryClient();
  // As a wrapper, the providers stay in place when the test calls `rerender` with new props.
  function Providers({ children }: { children: ReactNode }): ReactNode {
    return (
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
      </QueryClientProvider>
    );
  }
  return Object.assign(render(ui, { wrapper: Providers }), { client });
}

/** Renders `ui` answering each request from `answers` (by path with query, then by path); 404 otherwise. */
export function renderWithApi(
  ui: ReactNode,
  answers: Answers,
  path = '/',
): RenderResult & { client: QueryClient; requests: string[] } {
  configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
  const requests: string[] = [];
  stubFetch((url) => {
    const u = new URL(url);
    const key = `${u.pathname}${u.search}`;
    requests.push(key);
    if (u.pathname === '/config') return responseFrom(fixture('flink-2.3.0/config'));
    const answer = answers[key] ?? answers[u.pathname];
    if (answer instanceof Response) return answer.clone();
    if (answer === undefined) return json({ errors: [`Not found: ${key}`] }, 404);
    return json(answer);
  });
  return Object.assign(renderWithProviders(ui, path), { requests });
}
