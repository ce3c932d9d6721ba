import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it } from 'vitest';
import { configureApi } from '../../api/settings';
import { fixture, responseFrom, stubFetch } from '../../api/test-utils';
import { createTestQueryClient } from '../../components/testing/render-with-api';
import aggFixture from './fixtures/taskmanagers-metrics-agg.json';
import getFixture from './fixtures/jobmanager-metrics-get.json';
import listFixture from './fixtures/jobmanager-metrics-list.json';
import { MetricsExplorer } from './MetricsExplorer';
import { pickSeries } from './PickedCharts';
import { parsePicks, serializePicks, type MetricPick } from '../../lib/metric-picks';
import { explorerHistory, sampleFromAggregated } from './samplers';

// Recorded from the sandbox: GET /jobmanager/metrics (the list), /jobmanager/metrics?get=...,
// /taskmanagers/metrics?get=Status.JVM.Memory.Heap.Used&agg=min,max,sum,avg,skew.

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
  explorerHistory.clear();
  stubFetch((url) => {
    const { pathname, searchParams } = new URL(url);
    if (pathname === '/config') return responseFrom(fixture('flink-2.3.0/config'));
    if (pathname === '/jobs/overview') return responseFrom(fixture('flink-2.3.0/jobs-overview'));
    if (pathname === '/jobmanager/metrics') return json(searchParams.get('get') ? getFixture : listFixture);
    throw new Error(`unexpected request ${url}`);
  });
});

function Harness({ initial, onChange }: { initial: MetricPick[]; onChange: (raw: string | null) => void }): ReactNode {
  const [picks, setPicks] = useState(initial);
  const client = useState(createTestQueryClient)[0];
  return (
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <MetricsExplorer
          picks={picks}
          onPicksChange={(next) => {
            setPicks(next);
            onChange(serializePicks(next));
          }}
        />
      </MemoryRouter>
    </QueryClientProvider>
  );
}

describe('MetricsExplorer', () => {
  it("lists a scope's metrics, searches them, and charts a pick with its recorded value", async () => {
    let raw: string | null = null;
    render(<Harness initial={[]} onChange={(next) => (raw = next)} />);
    await screen.findByText(`${listFixture.length} metrics`);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search metrics' }), { target: { value: 'heap used' } });
    await screen.findByText(`2 of ${listFixture.length} metrics`); // Heap.Used and NonHeap.Used
    fireEvent.click(screen.getByRole('button', { name: 'Chart Status.JVM.Memory.Heap.Used' }));
    expect(raw).toBe('jm:Status.JVM.Memory.Heap.Used');

    // The sampler polls the picked metric and records it; the chart header shows the value.
    const heap = Number(getFixture.find((m) => m.id === 'Status.JVM.Memory.Heap.Used')?.value);
    await waitFor(() => expect(explorerHistory.get('jm').at(-1)?.values['Status.JVM.Memory.Heap.Used']).toBe(heap));
    expect(await screen.findByText(`${(heap / 1024 / 1024).toFixed(0)} MiB`)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove Status.JVM.Memory.Heap.Used' }));
    expect(raw).toBeNull();
  });

  it('turns aggregated answers into one line per aggregation', () => {
    const [pick] = parsePicks('tm:*:Status.JVM.Memory.Heap.Used:min-max');
    if (!pick) throw new Error('the pick should parse');
    const sample = sampleFromAggregated(aggFixture, pick.aggregations);
    const series = pickSeries(pick, [{ t: 1000, values: sample }]);
    expect(series.map((s) => s.name)).toEqual(['min', 'max']);
    expect(series.map((s) => s.points)).toEqual([[[1000, aggFixture[0]?.min]], [[1000, aggFixture[0]?.max]]]);
  });
});
