import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApi } from '../../components/testing/render-with-api';
import { metricHistory } from './histories';
import { MetricsTab } from './MetricsTab';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const VERTEX = '215c924c8a7d97259d4dcf322e423bde';
const base = `/jobs/${JOB}/vertices/${VERTEX}`;

afterEach(() => {
  metricHistory.clear();
});

describe('the vertex metrics tab', () => {
  it('opens an old link with one row per metric, its aggregations merged, and toggles them', async () => {
    renderWithApi(
      <MetricsTab jobId={JOB} vertexId={VERTEX} />,
      {
        [`${base}/metrics`]: [
          { id: '0.numRecordsIn', value: '2059' },
          { id: '0.busyTimeMsPerSecond', value: '12' },
        ],
        [`${base}/subtasks/metrics`]: [{ id: 'busyTimeMsPerSecond', min: 1, max: 500, avg: 250, sum: 501, skew: 90 }],
      },
      '/?metrics=0.numRecordsIn,avg(busyTimeMsPerSecond),max(busyTimeMsPerSecond)',
    );
    const table = await screen.findByRole('table', { name: 'Charted metrics' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'numRecordsIn',
      'busyTimeMsPerSecond',
    ]);
    expect(await within(table).findByText('max 500 ms/s · avg 250 ms/s')).toBeTruthy();

    const shownAs = screen.getByLabelText<HTMLSelectElement>(
      'Show busyTimeMsPerSecond, maximum and average over subtasks as',
    );
    expect(shownAs.value).toBe('several');
    fireEvent.click(screen.getByLabelText('Chart the maximum of busyTimeMsPerSecond over subtasks'));
    expect(await screen.findByLabelText('Show busyTimeMsPerSecond, average over subtasks as')).toBeTruthy();
    // The last aggregation of a pick stays: remove the pick instead.
    expect(
      screen.getByLabelText<HTMLInputElement>('Chart the average of busyTimeMsPerSecond over subtasks').disabled,
    ).toBe(true);

    fireEvent.change(screen.getByLabelText('Show numRecordsIn, subtask 0 as'), { target: { value: 'sum' } });
    expect(await screen.findByLabelText('Show numRecordsIn, sum over subtasks as')).toBeTruthy();
  });
});
