import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureApi, resetApiSettings } from '../../api/settings';
import { fixture, responseFrom, stubFetch } from '../../api/test-utils';
import { AccumulatorsTab } from './AccumulatorsTab';
import { BackPressureTab } from './BackPressureTab';
import { backPressureHistory } from './histories';
import { WatermarksTab } from './WatermarksTab';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const VERTEX = '215c924c8a7d97259d4dcf322e423bde';
const base = `/jobs/${JOB}/vertices/${VERTEX}`;

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}

/** Renders with a fresh QueryClient, answering requests at the network level by path. */
function renderWithAnswers(ui: ReactNode, answers: Record<string, unknown>, path = '/'): string[] {
  configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
  const requests: string[] = [];
  stubFetch((url) => {
    const u = new URL(url);
    requests.push(`${u.pathname}${u.search}`);
    if (u.pathname === '/config') return responseFrom(fixture('flink-2.3.0/config'));
    const answer = answers[u.pathname];
    if (answer === undefined) return new Response(JSON.stringify({ errors: ['Not found'] }), { status: 404, headers: { 'content-type': 'application/json' } });
    return json(answer);
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
  return requests;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  resetApiSettings();
  backPressureHistory.clear();
});

describe('the watermarks tab', () => {
  it('shows each subtask with its watermark and lag, "no watermark yet" and idle subtasks in words', async () => {
    // Subtask 0 as recorded from the sandbox's event-time window; subtask 1 as Flink reports a
    // subtask before its first watermark (Long.MIN_VALUE) that receives nothing.
    renderWithAnswers(<WatermarksTab jobId={JOB} vertexId={VERTEX} />, {
      [`${base}/watermarks`]: [
        { id: '0.currentInputWatermark', value: '1795721496557' },
        { id: '1.currentInputWatermark', value: '-9223372036854775808' },
      ],
      [`${base}/metrics`]: [
        { id: '0.numRecordsInPerSecond', value: '12.9' },
        { id: '1.numRecordsInPerSecond', value: '0.0' },
      ],
    }, '/?tz=utc');
    const table = await screen.findByRole('table', { name: 'Watermarks per subtask' });
    const [, row0, row1] = within(table).getAllByRole('row');
    expect(row0?.textContent).toContain('2026-11-26 19:31:36.557');
    expect(row0?.textContent).toMatch(/behind/);
    expect(row1?.textContent).toContain('no watermark yet');
    expect(await within(table).findByText('idle: no records in')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'UTC' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('explains an empty answer (sources have no input watermark)', async () => {
    renderWithAnswers(<WatermarksTab jobId={JOB} vertexId={VERTEX} />, { [`${base}/watermarks`]: [] });
    expect(await screen.findByText(/Flink reports no input watermarks for this vertex/)).toBeTruthy();
  });
});

describe('the back pressure tab', () => {
  it('says "sampling…" while Flink has no result yet', async () => {
    renderWithAnswers(<BackPressureTab jobId={JOB} vertexId={VERTEX} />, { [`${base}/backpressure`]: { status: 'deprecated' } });
    expect(await screen.findByText(/Sampling… Flink is collecting back-pressure metrics/)).toBeTruthy();
  });

  it('shows the recorded level and ratios, and starts the history', async () => {
    const recorded = fixture('flink-2.3.0/vertex-backpressure').json as { backpressureLevel: string; subtasks: unknown[] };
    renderWithAnswers(<BackPressureTab jobId={JOB} vertexId={VERTEX} />, { [`${base}/backpressure`]: recorded });
    const table = await screen.findByRole('table', { name: 'Back pressure per subtask' });
    expect(within(table).getAllByRole('row')).toHaveLength(recorded.subtasks.length + 1);
    expect(screen.getByText('Back pressure level').nextElementSibling?.textContent).toBe(recorded.backpressureLevel);
    expect(backPressureHistory.get(`${JOB}/${VERTEX}`)).toHaveLength(1);
  });
});

describe('the accumulators tab', () => {
  it('renders hostile names as text', async () => {
    const hostile = { name: "<svg onload=alert('xss-svg')>", type: 'IntCounter', value: '1231' };
    renderWithAnswers(<AccumulatorsTab jobId={JOB} vertexId={VERTEX} />, {
      [`${base}/accumulators`]: { id: VERTEX, 'user-accumulators': [hostile] },
      [`${base}/subtasks/accumulators`]: {
        id: VERTEX,
        parallelism: 1,
        subtasks: [{ subtask: 0, attempt: 0, endpoint: 'localhost:45647', 'user-accumulators': [hostile] }],
      },
    });
    expect(await screen.findByRole('rowheader', { name: hostile.name })).toBeTruthy();
    expect(await screen.findByRole('cell', { name: hostile.name })).toBeTruthy();
    expect(document.querySelector('svg[onload]')).toBeNull();
  });
});
