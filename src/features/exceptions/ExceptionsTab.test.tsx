import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ExceptionsTab } from './ExceptionsTab';
import { renderWithApi } from '../../components/testing/render-with-api';
import { FLAKY_JOB, recorded } from './test-fixtures';

const base = `/jobs/${FLAKY_JOB}/exceptions`;

describe('the exceptions tab', () => {
  it('shows each failure with its cause, task and a task manager link, and asks Flink for more on demand', async () => {
    const { requests } = renderWithApi(<ExceptionsTab jobId={FLAKY_JOB} />, {
      [`${base}?maxExceptions=10`]: recorded.flakyMax3, // truncated: there is more
      [`${base}?maxExceptions=20`]: recorded.flakyAll,
    });
    const list = await screen.findByRole('list', { name: 'Root exceptions' });
    const entries = within(list).getAllByRole('article');
    expect(entries).toHaveLength(3);
    const first = entries[0];
    if (!first) throw new Error('no entry');
    expect(within(first).getByRole('heading').textContent).toMatch(
      /Simulated failure: flaky parser hit a corrupt record #\d+/,
    );
    const tm = recorded.flakyMax3.exceptionHistory.entries[0]?.taskManagerId ?? '';
    expect(within(first).getByRole('link').getAttribute('href')).toBe(`/taskmanagers/${encodeURIComponent(tm)}`);
    expect(first.querySelector('details pre')?.textContent).toContain(
      'at dev.flinkdashboard.demo.FlakyJob$FlakyParser.map',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Load 10 more' }));
    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: 'Root exceptions' })).getAllByRole('article')).toHaveLength(
        recorded.flakyAll.exceptionHistory.entries.length,
      ),
    );
    expect(requests).toContain(`${base}?maxExceptions=20`);
    expect(screen.queryByRole('button', { name: 'Load 10 more' })).toBeNull();
    expect(screen.getByRole('table', { name: 'Recurring failures' }).textContent).toContain('corrupt record #N');
  });

  it('filters by failure label through Flink', async () => {
    const { requests } = renderWithApi(<ExceptionsTab jobId={FLAKY_JOB} />, {
      [`${base}?maxExceptions=10`]: recorded.flakyMax3,
      [`${base}?maxExceptions=10&failureLabelFilter=type%3Auser`]: recorded.flakyLabelFiltered,
    });
    await screen.findAllByRole('article');
    fireEvent.change(screen.getByPlaceholderText('key:value'), { target: { value: 'type:user' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter by label' }));
    expect(await screen.findByText('No exceptions carry the selected failure labels.')).toBeTruthy();
    expect(requests).toContain(`${base}?maxExceptions=10&failureLabelFilter=type%3Auser`);
    expect(screen.getByRole('button', { name: 'type:user' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('copies a stack trace, and says how to copy where the clipboard is not available', async () => {
    renderWithApi(<ExceptionsTab jobId={FLAKY_JOB} />, { [`${base}?maxExceptions=10`]: recorded.flakyMax3 });
    const [first] = await screen.findAllByRole('article');
    if (!first) throw new Error('no entry');
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    fireEvent.click(within(first).getByRole('button', { name: 'Copy stack trace' }));
    await waitFor(() => expect(within(first).getByRole('status').textContent).toBe('Copied.'));
    expect(writeText).toHaveBeenCalledWith(recorded.flakyMax3.exceptionHistory.entries[0]?.stacktrace);

    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    fireEvent.click(within(first).getByRole('button', { name: 'Copy stack trace' }));
    await waitFor(() => expect(within(first).getByRole('status').textContent).toMatch(/not available/));
    expect(first.querySelector('details')?.open).toBe(true);
  });
});
