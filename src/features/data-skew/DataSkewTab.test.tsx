import { screen, waitFor, within } from '@testing-library/react';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { JobDetailsSchema, type JobDetails } from '../../api/jobs';
import { fixture } from '../../api/test-utils';
import { renderWithApi } from '../../components/testing/render-with-api';
import { DataSkewTab } from './DataSkewTab';

const recorded = v.parse(JobDetailsSchema, fixture('flink-2.3.0/job-details').json);
const QUERY = '?get=numRecordsIn&agg=min,max,avg,skew';
const skewPath = (d: JobDetails, vertexId: string): string =>
  `/jobs/${d.jid}/vertices/${vertexId}/subtasks/metrics${QUERY}`;

describe('DataSkewTab', () => {
  it('lists every vertex worst first, from one aggregated request per vertex, each linking to its subtasks', async () => {
    const [source, running, windows] = recorded.vertices;
    if (!source || !running || !windows) throw new Error('three vertices');
    const { requests } = renderWithApi(<DataSkewTab jobId={recorded.jid} details={recorded} />, {
      // The sandbox's answers (Flink 2.3.0, event-time job): a source receives nothing.
      [skewPath(recorded, source.id)]: [{ id: 'numRecordsIn', min: 0, max: 0, avg: 0, skew: 0 }],
      [skewPath(recorded, running.id)]: [
        { id: 'numRecordsIn', min: 29037, max: 53457, avg: 41247, skew: 29.6021528838461 },
      ],
      [skewPath(recorded, windows.id)]: [],
    });
    const table = screen.getByRole('table', { name: 'Data skew per vertex' });
    await waitFor(() => expect(within(table).getByText('30%')).toBeTruthy());
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      running.name,
      source.name,
      windows.name,
    ]);
    expect(rows[0]?.textContent).toContain('29,037');
    expect(rows[0]?.textContent).toContain('41,247');
    expect(rows[0]?.textContent).toContain('53,457');
    expect(
      within(rows[0] as HTMLElement)
        .getByRole('link', { name: running.name })
        .getAttribute('href'),
    ).toBe(`/jobs/${recorded.jid}/vertices/${running.id}/subtasks`);
    expect(screen.getByText(/average absolute deviation from the mean/)).toBeTruthy();
    const asked = requests.filter((r) => r.includes('/subtasks/metrics'));
    expect(new Set(asked)).toEqual(new Set(recorded.vertices.map((x) => skewPath(recorded, x.id))));
    expect(asked).toHaveLength(3);
  });

  it('asks nothing for a vertex with one subtask: skew 0, records from the job details', async () => {
    const single: JobDetails = {
      ...recorded,
      vertices: recorded.vertices.map((x) => ({ ...x, parallelism: 1 })),
    };
    const keyed = single.vertices[1];
    if (!keyed) throw new Error('a keyed vertex');
    const { requests } = renderWithApi(<DataSkewTab jobId={single.jid} details={single} />, {});
    const table = screen.getByRole('table', { name: 'Data skew per vertex' });
    expect(within(table).getAllByText('0%')).toHaveLength(3);
    expect(table.textContent).toContain(keyed.metrics['read-records'].toLocaleString('en-US'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests.filter((r) => r.includes('/subtasks/metrics'))).toEqual([]);
  });

  it('says when a request failed and keeps the other rows', async () => {
    const { requests } = renderWithApi(<DataSkewTab jobId={recorded.jid} details={recorded} />, {});
    expect(await screen.findByText(/Could not load the skew of 3 vertices/)).toBeTruthy();
    expect(requests.filter((r) => r.includes('/subtasks/metrics'))).toHaveLength(3);
    expect(screen.getAllByRole('rowheader')).toHaveLength(3);
  });
});
