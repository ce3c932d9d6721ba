import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobDetailsQueryOptions, jobsOverviewQueryOptions } from '../api/jobs';
import { usePolledQuery } from '../api/polling';
import { resetApiSettings } from '../api/settings';
import { fixture } from '../api/test-utils';
import { QueryState } from './QueryState';
import { json, renderWithApi } from './testing/render-with-api';

const JOB = '0123456789abcdef0123456789abcdef';
const jobDetails = fixture('flink-2.3.0/job-details').json as { name: string };
const jobsOverview = fixture('flink-2.3.0/jobs-overview').json;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  resetApiSettings();
});

function Job({ withNotFound = true }: { withNotFound?: boolean }): ReactNode {
  const details = usePolledQuery(jobDetailsQueryOptions(JOB));
  return (
    <>
      <button type="button" onClick={() => void details.refetch()}>
        Refresh
      </button>
      <QueryState query={details} what="the job" notFound={withNotFound ? <p>No such job.</p> : undefined}>
        {(data) => <h1>{data.name}</h1>}
      </QueryState>
    </>
  );
}

function Jobs(): ReactNode {
  const jobs = usePolledQuery(jobsOverviewQueryOptions());
  return (
    <QueryState query={jobs} what="the jobs" empty={{ when: (data) => data.jobs.length === 0, message: 'No jobs.' }}>
      {(data) => <p>{data.jobs.length} jobs</p>}
    </QueryState>
  );
}

const notFoundAnswer = () =>
  json({ errors: ['org.apache.flink.runtime.rest.NotFoundException: Job 0123 not found'] }, 404);

describe('QueryState notFound', () => {
  it('shows the notFound slot when the JobManager answers 404, not an error', async () => {
    renderWithApi(<Job />, { [`/jobs/${JOB}`]: notFoundAnswer() });
    expect(await screen.findByText('No such job.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('without the slot, a 404 is an error with the user-facing message and a retry', async () => {
    renderWithApi(<Job withNotFound={false} />, { [`/jobs/${JOB}`]: notFoundAnswer() });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the job: Flink no longer knows this: Job 0123 not found');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('replaces data already on screen once the resource is gone', async () => {
    const answers: Record<string, unknown> = { [`/jobs/${JOB}`]: jobDetails };
    renderWithApi(<Job />, answers);
    expect(await screen.findByRole('heading', { name: jobDetails.name })).toBeTruthy();
    answers[`/jobs/${JOB}`] = notFoundAnswer();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('No such job.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: jobDetails.name })).toBeNull();
  });

  it('keeps stale data with a warning for any other error', async () => {
    const answers: Record<string, unknown> = { [`/jobs/${JOB}`]: jobDetails };
    renderWithApi(<Job />, answers);
    expect(await screen.findByRole('heading', { name: jobDetails.name })).toBeTruthy();
    answers[`/jobs/${JOB}`] = json({ errors: ['Internal server error.'] }, 500);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    const warning = await screen.findByRole('status');
    expect(warning.textContent).toMatch(/^Showing the job as of .*: Flink reported an error: Internal server error\.$/);
    expect(screen.getByRole('heading', { name: jobDetails.name })).toBeTruthy();
  });
});

describe('QueryState empty', () => {
  it('shows the empty message when the answer holds nothing', async () => {
    renderWithApi(<Jobs />, { '/jobs/overview': { jobs: [] } });
    const message = await screen.findByText('No jobs.');
    expect(message.className).toBe('empty');
    expect(screen.queryByText(/\d+ jobs/)).toBeNull();
  });

  it('shows the content otherwise', async () => {
    renderWithApi(<Jobs />, { '/jobs/overview': jobsOverview });
    await waitFor(() => expect(screen.getByText(/^\d+ jobs$/)).toBeTruthy());
    expect(screen.queryByText('No jobs.')).toBeNull();
  });
});
