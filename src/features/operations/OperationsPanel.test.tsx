import { act, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { OperationsIndicator } from './OperationsIndicator';
import { OperationsPanel } from './OperationsPanel';
import { resetOperationsStore, trackOperation, type TrackedOutcome } from './operations-store';

const JOB = '52b55582369c4b745bdd71ecba17202d';

afterEach(() => {
  resetOperationsStore();
});

describe('the operations panel and indicator', () => {
  it('follow operations from running to their result, and count failures until the panel shows them', async () => {
    let finish: (outcome: TrackedOutcome) => void = () => undefined;
    render(
      <MemoryRouter>
        <OperationsIndicator />
      </MemoryRouter>,
    );
    expect(screen.getByRole('link', { name: 'Operations' })).toBeDefined();

    let pending: Promise<TrackedOutcome> | undefined;
    act(() => {
      pending = trackOperation(
        { kind: 'savepoint', jobId: JOB, subject: '<b>Demo</b> job' },
        () => new Promise((resolve) => (finish = resolve)),
      );
    });
    expect(screen.getByRole('link', { name: 'Operations: 1 running' })).toBeDefined();

    await act(async () => {
      finish({ ok: true, result: 'file:/savepoints/savepoint-52b555-0123456789ab', copyable: true });
      await pending;
      await trackOperation({ kind: 'checkpoint', jobId: JOB }, () =>
        Promise.resolve({ ok: false, message: 'Checkpoint was declined.', detail: 'java.lang.Exception: declined' }),
      );
    });
    expect(screen.getByRole('link', { name: 'Operations: 1 failed' })).toBeDefined();
    expect(screen.getByRole('status').textContent).toBe('Checkpoint failed');

    render(
      <MemoryRouter>
        <OperationsPanel />
      </MemoryRouter>,
    );
    const table = screen.getByRole('table', { name: 'Operations started in this tab' });
    const savepoint = within(table).getByRole('row', { name: /^Savepoint/ });
    expect(within(savepoint).getByRole('link', { name: '<b>Demo</b> job' }).getAttribute('href')).toBe(`/jobs/${JOB}`);
    expect(within(savepoint).getByRole<HTMLInputElement>('textbox', { name: 'Savepoint location' }).value).toBe(
      'file:/savepoints/savepoint-52b555-0123456789ab',
    );
    const checkpoint = within(table).getByRole('row', { name: /^Checkpoint/ });
    expect(checkpoint.textContent).toContain('Checkpoint was declined.');
    expect(checkpoint.textContent).toContain('Failed');
    // Seen on the panel: the indicator stops counting it.
    expect(screen.getByRole('link', { name: 'Operations' })).toBeDefined();
  });
});
