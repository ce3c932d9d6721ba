import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../api/settings';
import { fixture, responseFrom, stubFetch } from '../../api/test-utils';
import { renderWithProviders } from '../../components/testing/render-with-api';
import { setRefreshInterval } from '../../refresh/store';
import { LogFileView } from './LogFileView';

let logCalls = 0;
beforeEach(() => {
  configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
  setRefreshInterval(500); // the fastest the policy allows, to see polling in a short test
  logCalls = 0;
  stubFetch((url) => {
    const path = decodeURIComponent(new URL(url).pathname);
    if (path === '/config') return responseFrom(fixture('flink-2.3.0/config'));
    if (
      path === '/taskmanagers/127.0.0.1:45603-311eea/log' ||
      path === '/taskmanagers/127.0.0.1:45603-311eea/logs/old.log'
    ) {
      logCalls++;
      const lines = Array.from({ length: logCalls }, (_, i) => `line ${i + 1} <img src=x onerror=alert(1)>`);
      return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain' } });
    }
    throw new Error(`unexpected request ${url}`);
  });
});

const source = { kind: 'taskmanager', taskManagerId: '127.0.0.1:45603-311eea' } as const;

describe('LogFileView', () => {
  it('fetches a file from the list once (static), and at the live rate while following', async () => {
    renderWithProviders(<LogFileView source={source} file={{ kind: 'file', name: 'old.log' }} />);
    await screen.findByText('1 lines', { exact: false });
    expect(screen.getByRole('checkbox', { name: 'Follow' })).toHaveProperty('checked', false);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(logCalls).toBe(1);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Follow' }));
    await waitFor(() => expect(logCalls).toBeGreaterThanOrEqual(3), { timeout: 4000 });
    await screen.findByText(`${logCalls} lines`, { exact: false });
    expect(document.querySelector('img')).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Follow' }));
    const stopped = logCalls;
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(logCalls).toBe(stopped);

    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(logCalls).toBe(stopped + 1));
  });

  it('follows the current log from the start', async () => {
    renderWithProviders(<LogFileView source={source} file={{ kind: 'log' }} />);
    expect(await screen.findByRole('checkbox', { name: 'Follow' })).toHaveProperty('checked', true);
    await waitFor(() => expect(logCalls).toBeGreaterThanOrEqual(3), { timeout: 4000 });
  });
});
