import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { configureApi } from '../../api/settings';
import { fixture, responseFrom, stubFetch } from '../../api/test-utils';
import { renderWithProviders } from '../../components/testing/render-with-api';
import jmLogs from './fixtures/jobmanager-logs.json';
import tmLogs from './fixtures/taskmanager-logs.json';
import { LogFiles } from './LogFiles';

// Recorded from the sandbox: GET /jobmanager/logs and GET /taskmanagers/:id/logs.

beforeEach(() => {
  configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
  stubFetch((url) => {
    const path = decodeURIComponent(new URL(url).pathname);
    const body = { '/jobmanager/logs': jmLogs, '/taskmanagers/127.0.0.1:45603-311eea/logs': tmLogs }[path];
    if (path === '/config') return responseFrom(fixture('flink-2.3.0/config'));
    if (!body) throw new Error(`unexpected request ${url}`);
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
});

describe('LogFiles', () => {
  it.each([
    ['the job manager', { kind: 'jobmanager' } as const, jmLogs],
    ['a task manager', { kind: 'taskmanager', taskManagerId: '127.0.0.1:45603-311eea' } as const, tmLogs],
  ])('lists the log files of %s, and opens one', async (_, source, recorded) => {
    const onSelect = vi.fn();
    renderWithProviders(<LogFiles source={source} selected={null} onSelect={onSelect} />);
    const table = await screen.findByRole('table', { name: 'Log files' });
    const names = within(table)
      .getAllByRole('rowheader')
      .map((b) => b.textContent);
    expect(names).toEqual(recorded.logs.map((l) => l.name).sort());
    const first = recorded.logs[0]?.name ?? '';
    fireEvent.click(within(table).getByRole('button', { name: first }));
    expect(onSelect).toHaveBeenCalledWith(first);
  });
});
