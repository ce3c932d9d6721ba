import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { configureApi } from '../../api/settings';
import { fixture, responseFrom, stubFetch } from '../../api/test-utils';
import { renderWithProviders } from '../../components/testing/render-with-api';
import type { ActionSpec, Confirm, TrackOperation } from '../../lib/action-ports';
import { ClusterActions, type ClusterOperationKind } from './ClusterActions';

const TRIGGER = 'd554826a23078669373bc747b2fc4835';
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

function renderActions(allowed: boolean, confirm: Confirm = vi.fn(() => Promise.resolve(true))) {
  const track = vi.fn<TrackOperation<ActionSpec<ClusterOperationKind>>>((_spec, run) =>
    run({ progress: () => undefined, note: () => undefined }),
  );
  renderWithProviders(<ClusterActions clusterName="Flink sandbox" allowed={allowed} track={track} confirm={confirm} />);
  return { track, confirm };
}

beforeEach(() => {
  configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
});

describe('ClusterActions', () => {
  it("follows a savepoint disposal to its end and shows Flink's failure cause", async () => {
    const fetchMock = stubFetch((url, init) => {
      const { pathname } = new URL(url);
      if (pathname === '/datasets')
        return json({ dataSets: [{ id: '0123456789abcdef0123456789abcdef', isComplete: true }] });
      if (pathname === '/savepoint-disposal' && init.method === 'POST') return json({ 'request-id': TRIGGER });
      if (pathname === `/savepoint-disposal/${TRIGGER}`)
        return responseFrom(fixture('flink-2.3.0/operation-disposal-failed'));
      throw new Error(`unexpected ${url}`);
    });
    const { track, confirm } = renderActions(true);
    fireEvent.change(screen.getByLabelText('Savepoint path'), {
      target: { value: 'file:/nonexistent/savepoint-000000-000000000000' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Dispose savepoint…' }));
    await waitFor(() =>
      expect(screen.getByText(/^Could not dispose of the savepoint: Could not dispose savepoint file:/)).toBeDefined(),
    );
    expect(confirm).toHaveBeenCalledWith(expect.objectContaining({ confirmLabel: 'Dispose savepoint', danger: true }));
    expect(track).toHaveBeenCalledWith(
      { kind: 'savepoint-disposal', subject: 'file:/nonexistent/savepoint-000000-000000000000' },
      expect.any(Function),
    );
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(post?.[1]?.body as string)).toEqual({
      'savepoint-path': 'file:/nonexistent/savepoint-000000-000000000000',
    });
  });

  it('asks for the cluster name before shutting it down, and does nothing when dismissed', async () => {
    const fetchMock = stubFetch(() => json({ dataSets: [] }));
    const confirm = vi.fn<Confirm>(() => Promise.resolve(false));
    const { track } = renderActions(true, confirm);
    fireEvent.click(screen.getByRole('button', { name: 'Shut down cluster…' }));
    await waitFor(() =>
      expect(confirm).toHaveBeenCalledWith(expect.objectContaining({ requireText: 'Flink sandbox', danger: true })),
    );
    expect(track).not.toHaveBeenCalled();
    expect(fetchMock.mock.calls.every(([, init]) => (init?.method ?? 'GET') === 'GET')).toBe(true);
  });

  it('shows the data sets and nothing that changes anything when not allowed', async () => {
    stubFetch(() => json({ dataSets: [{ id: '0123456789abcdef0123456789abcdef', isComplete: false }] }));
    renderActions(false);
    await screen.findByText('0123456789abcdef0123456789abcdef');
    expect(screen.queryAllByRole('button').filter((b) => !b.closest('thead'))).toEqual([]);
    expect(screen.queryByLabelText('Savepoint path')).toBeNull();
  });
});
