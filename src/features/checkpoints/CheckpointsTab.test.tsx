import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { json, renderWithApi } from '../../components/testing/render-with-api';
import { CheckpointsTab } from './CheckpointsTab';
import { checkpointHistory } from './history';
import { EVENT_TIME_JOB, FAILING_JOB, recorded } from './test-fixtures';

afterEach(() => {
  checkpointHistory.clear();
});

describe('the checkpoints tab', () => {
  it('shows counts, the latest failure with its message, and the history with failed rows', async () => {
    renderWithApi(<CheckpointsTab jobId={FAILING_JOB} />, {
      [`/jobs/${FAILING_JOB}/checkpoints`]: recorded.failingStats,
      [`/jobs/${FAILING_JOB}/checkpoints/config`]: recorded.eventTimeConfig,
    });
    const counts = await screen.findByRole('region', { name: 'Checkpoint counts' });
    expect(within(counts).getByText('Failed').nextSibling?.textContent).toBe(
      String(recorded.failingStats.counts.failed),
    );

    const latestFailed = screen.getByRole('article', { name: 'Latest failed' });
    expect(within(latestFailed).getByText('Checkpoint expired before completing.')).toBeTruthy();

    const table = screen.getByRole('table', { name: 'Checkpoint history' });
    const failedRows = within(table)
      .getAllByRole('row')
      .filter((r) => r.textContent?.includes('FAILED'));
    const recordedFailed = recorded.failingStats.history.filter((c) => c.status === 'FAILED');
    expect(failedRows).toHaveLength(recordedFailed.length);
    expect(failedRows[0]?.textContent).toContain('Checkpoint expired before completing.');
    // Newest first, each id linking to its detail view.
    const first = recorded.failingStats.history[0];
    expect(within(table).getAllByRole('rowheader')[0]?.textContent).toBe(String(first?.id));
    expect(
      within(table)
        .getByRole('link', { name: String(first?.id) })
        .getAttribute('href'),
    ).toBe(`/jobs/${FAILING_JOB}/checkpoints/${first?.id}`);

    await waitFor(() => expect(screen.getByRole('table', { name: 'Checkpoint configuration' })).toBeTruthy());
    expect(screen.getByRole('table', { name: /Checkpoint summary/ })).toBeTruthy();
  });

  it('says so when checkpointing is not enabled', async () => {
    renderWithApi(<CheckpointsTab jobId={EVENT_TIME_JOB} />, {
      [`/jobs/${EVENT_TIME_JOB}/checkpoints`]: json({ errors: ['Checkpointing has not been enabled.'] }, 404),
      [`/jobs/${EVENT_TIME_JOB}/checkpoints/config`]: json({ errors: ['Checkpointing has not been enabled.'] }, 404),
    });
    expect(await screen.findByText('Checkpointing is not enabled for this job.')).toBeTruthy();
  });
});
