// Test helper: renders a component with a fresh QueryClient and a router, answering its
// requests from recorded Flink responses at the network level (global fetch). Tests only.
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

export function renderWithApi(ui: ReactNode, answers: Answers, path = '/'): RenderResult & { requests: string[] } {
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
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
  return Object.assign(result, { requests });
}
