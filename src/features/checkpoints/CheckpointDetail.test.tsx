import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApi } from '../../components/testing/render-with-api';
import { CheckpointDetail } from './CheckpointDetail';
import { checkpointHistory } from './history';
import failingJobDetails from './fixtures/failing-job-details.json';
import { FAILING_JOB, recorded } from './test-fixtures';

afterEach(() => {
  checkpointHistory.clear();
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
    expect(
      within(subtasks)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['0slowest']);
    expect(within(subtasks).getAllByText('3.5s')).toHaveLength(2); // end-to-end and sync duration
    expect(requests.some((r) => r.endsWith(`/subtasks/${slowVertex}`))).toBe(true);
  });
});
