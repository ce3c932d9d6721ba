import { fireEvent, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../api/settings';
import { stubFetch } from '../../api/test-utils';
import { renderWithProviders } from '../../components/testing/render-with-api';
import { ProfilerPanel } from './ProfilerPanel';

const here = path.dirname(fileURLToPath(import.meta.url));
const recorded = readFileSync(path.join(here, 'fixtures/taskmanager-itimer-flink-2.3.0.html'), 'utf8');
const TM = '127.0.0.1:41437-679d5e';
const FILE = '127.0.0.1:41437-679d5e_ITIMER_2026-12-04_16_47_31.html';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
// As Flink 2.3.0 answered in the sandbox.
const finished = {
  status: 'FINISHED',
  mode: 'ITIMER',
  triggerTime: 1796402846232,
  finishedTime: 1796402851583,
  duration: 5,
  message: 'Profiling Successful',
  outputFile: FILE,
  profilingMode: 'ITIMER',
};
const disabled = { errors: [`Unable to load requested file /taskmanagers/${TM}/profiler.`] };

afterEach(() => configureApi({ baseUrl: 'http://127.0.0.1:8081/', readOnly: false }));

describe('ProfilerPanel', () => {
  it('says profiling is disabled, and how to enable it, when Flink answers 404', async () => {
    configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
    stubFetch(() => json(disabled, 404));
    renderWithProviders(<ProfilerPanel target={{ kind: 'taskmanager', taskManagerId: TM }} />);
    await waitFor(() => expect(screen.getByText('Profiling is disabled on this cluster.')).toBeDefined());
    expect(screen.getByText('rest.profiling.enabled: true')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Start profiling' })).toBeNull();
  });

  it('starts a run with the chosen mode and duration', async () => {
    configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
    const fetchMock = stubFetch((url, init) => {
      if (init.method === 'POST') return json({ ...finished, status: 'RUNNING', finishedTime: null, outputFile: null });
      return json({ profilingList: [finished] });
    });
    renderWithProviders(<ProfilerPanel target={{ kind: 'jobmanager' }} />);
    fireEvent.change(await screen.findByLabelText('Mode'), { target: { value: 'WALL' } });
    fireEvent.change(screen.getByLabelText('Duration (s)'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start profiling' }));
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[0]).toBe('http://127.0.0.1:8081/jobmanager/profiler');
    expect(JSON.parse(post?.[1]?.body as string)).toEqual({ mode: 'WALL', duration: 7 });
  });

  it('offers no start in read-only mode, but lists the runs', async () => {
    configureApi({ baseUrl: 'http://127.0.0.1:8081/', readOnly: true });
    stubFetch(() => json({ profilingList: [finished] }));
    renderWithProviders(<ProfilerPanel target={{ kind: 'taskmanager', taskManagerId: TM }} />);
    await waitFor(() => expect(screen.getByText('Profiling Successful')).toBeDefined());
    expect(screen.queryByRole('button', { name: 'Start profiling' })).toBeNull();
  });

  it('opens a result as text, never as a page: the flame graph summary and a download', async () => {
    configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
    const fetchMock = stubFetch((url) => {
      if (url.endsWith('/profiler')) return json({ profilingList: [finished] });
      return new Response(recorded, { headers: { 'content-type': 'text/plain' } });
    });
    renderWithProviders(<ProfilerPanel target={{ kind: 'taskmanager', taskManagerId: TM }} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Open the ITIMER result of / }));
    await waitFor(() =>
      expect(screen.getByText(/samples in [\d,]+ frames, read from async-profiler 2\.x/)).toBeDefined(),
    );
    expect(screen.getByRole('button', { name: /^Download the HTML file/ })).toBeDefined();
    expect(document.querySelector('iframe, object, embed, script')).toBeNull();
    const fileCall = fetchMock.mock.calls.find(([url]) => typeof url === 'string' && url.endsWith('.html'));
    expect(fileCall?.[0]).toBe(
      `http://127.0.0.1:8081/taskmanagers/${encodeURIComponent(TM)}/profiler/${encodeURIComponent(FILE)}`,
    );
  });
});
