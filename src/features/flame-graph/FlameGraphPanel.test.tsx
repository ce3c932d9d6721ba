import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { configureApi } from '../../api/settings';
import { fixture, responseFrom, stubFetch } from '../../api/test-utils';
import { renderWithProviders } from '../../components/testing/render-with-api';
import { FlameGraphPanel } from './FlameGraphPanel';

const JOB = 'e500a2c642c6e8b82a9af81c5e3e65bb';
const VERTEX = '16851faa461cd7f831a6268ed1e6aef9';

function renderPanel(endTimestamp: number) {
  configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
  const requests: string[] = [];
  stubFetch((url) => {
    const u = new URL(url);
    requests.push(`${u.pathname}${u.search}`);
    if (u.pathname === '/config') return responseFrom(fixture('flink-2.3.0/config'));
    return new Response(JSON.stringify({ endTimestamp }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  renderWithProviders(<FlameGraphPanel jobId={JOB} vertexId={VERTEX} parallelism={2} />);
  return requests;
}

describe('the flame graph panel', () => {
  it('tells how to enable flame graphs when they are disabled', async () => {
    renderPanel(-2);
    expect(await screen.findByText('rest.flamegraph.enabled: true')).toBeTruthy();
  });

  it('says the task is not running', async () => {
    renderPanel(-1);
    expect(await screen.findByText(/The task is not running/)).toBeTruthy();
  });

  it('says it is waiting for samples, and asks for the chosen type and subtask', async () => {
    const requests = renderPanel(-3);
    expect(await screen.findByText(/Sampling… waiting for the first samples/)).toBeTruthy();
    expect(requests.some((r) => r.endsWith('/flamegraph?type=ON_CPU'))).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Off-CPU' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Subtasks' }), { target: { value: '1' } });
    await waitFor(() =>
      expect(requests.some((r) => r.includes('type=OFF_CPU') && r.includes('subtaskindex=1'))).toBe(true),
    );
    expect(screen.getByRole('button', { name: 'Off-CPU' }).getAttribute('aria-pressed')).toBe('true');
  });
});
