import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '../../components/testing/render-with-api';
import { WatermarksTab } from './WatermarksTab';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const VERTEX = '215c924c8a7d97259d4dcf322e423bde';
const base = `/jobs/${JOB}/vertices/${VERTEX}`;

describe('the watermarks tab', () => {
  it('shows each subtask with its watermark and lag, "no watermark yet" and idle subtasks in words', async () => {
    // Subtask 0 as recorded from the sandbox's event-time window; subtask 1 as Flink reports a
    // subtask before its first watermark (Long.MIN_VALUE) that receives nothing.
    renderWithApi(
      <WatermarksTab jobId={JOB} vertexId={VERTEX} />,
      {
        [`${base}/watermarks`]: [
          { id: '0.currentInputWatermark', value: '1795721496557' },
          { id: '1.currentInputWatermark', value: '-9223372036854775808' },
        ],
        [`${base}/metrics`]: [
          { id: '0.numRecordsInPerSecond', value: '12.9' },
          { id: '1.numRecordsInPerSecond', value: '0.0' },
        ],
      },
      '/?tz=utc',
    );
    const table = await screen.findByRole('table', { name: 'Watermarks per subtask' });
    const [, row0, row1] = within(table).getAllByRole('row');
    expect(row0?.textContent).toContain('2026-11-26 19:31:36.557');
    expect(row0?.textContent).toMatch(/behind/);
    expect(row1?.textContent).toContain('no watermark yet');
    expect(await within(table).findByText('idle: no records in')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'UTC' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('explains an empty answer (sources have no input watermark)', async () => {
    renderWithApi(<WatermarksTab jobId={JOB} vertexId={VERTEX} />, { [`${base}/watermarks`]: [] });
    expect(await screen.findByText(/Flink reports no input watermarks for this vertex/)).toBeTruthy();
  });
});
