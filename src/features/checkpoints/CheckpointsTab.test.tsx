import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetApiSettings } from '../../api/settings';
import { CheckpointDetail } from './CheckpointDetail';
import { CheckpointsTab } from './CheckpointsTab';
import { checkpointHistory } from './history';
import { json, renderWithApi } from '../../components/testing/render-with-api';
import failingJobDetails from './fixtures/failing-job-details.json';
import { EVENT_TIME_JOB, FAILING_JOB, recorded } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  resetApiSettings();
  checkpointHistory.clear();
});

describe('the checkpoints tab', () => {
  it('shows counts, the latest failure with its message, and the history with failed rows', async () => {
    renderWithApi(<CheckpointsTab jobId={FAILING_JOB} />, {
      [`/jobs/${FAILING_JOB}/checkpoints`]: recorded.failingStats,
      [`/jobs/${FAILING_JOB}/checkpoints/config`]: recorded.eventTimeConfig,
    });
    const counts = await screen.findByRole('region', { name: 'Checkpoint counts' });
    expect(within(counts).getByText('Failed').nextSibling?.textContent).toBe(String(recorded.failingStats.counts.failed));

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
    expect(within(table).getByRole('link', { name: String(first?.id) }).getAttribute('href')).toBe(`/jobs/${FAILING_JOB}/checkpoints/${first?.id}`);

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

describe('the checkpoint detail view', () => {
  it('shows a failed checkpoint, the vertex that held it up first, and its subtasks', async () => {
    const id = recorded.failingDetails.id;
    const slowVertex = '6f4ef8783b9a22eb22cec1139d41c184';
    const { requests } = renderWithApi(<CheckpointDetail jobId={FAILING_JOB} checkpointId={id} />, {
      [`/jobs/${FAILING_JOB}/checkpoints/details/${id}`]: recorded.failingDetails,
      [`/jobs/${FAILING_JOB}`]: failingJobDetails,
      [`/jobs/${FAILING_JOB}/checkpoints/details/${id}/subtasks/${slowVertex}`]: recorded.failingSubtasksSlow,
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Checkpoint expired before completing.');
    const vertices = await screen.findByRole('table', { name: 'Vertices in this checkpoint' });
    await waitFor(() => expect(within(vertices).getAllByRole('rowheader')[0]?.textContent).toContain('Slow snapshot'));
    expect(within(vertices).getAllByRole('rowheader')[0]?.textContent).toContain('slowest');
    expect(within(vertices).getAllByRole('rowheader')).toHaveLength(3);

    const subtasks = await screen.findByRole('table', { name: 'Subtasks in this checkpoint' });
    expect(within(subtasks).getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['0slowest']);
    expect(within(subtasks).getAllByText('3.5s')).toHaveLength(2); // end-to-end and sync duration
    expect(requests.some((r) => r.endsWith(`/subtasks/${slowVertex}`))).toBe(true);
  });
});
