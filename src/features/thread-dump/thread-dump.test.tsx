import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ThreadDump } from '../../api/jobmanager';
import { renderWithApi } from '../../components/testing/render-with-api';
import jmDump from './fixtures/jobmanager-thread-dump.json';
import tmDump from './fixtures/taskmanager-thread-dump.json';
import {
  dumpText,
  filterThreads,
  groupByState,
  parseThreadDump,
  parseThreadHeader,
  THREAD_STATES,
} from './thread-dump';
import { ThreadDumpPanel } from './ThreadDumpPanel';
import { THREAD_DUMP_WARNING, ThreadDumpView } from './ThreadDumpView';

// Recorded from the sandbox: GET /jobmanager/thread-dump and /taskmanagers/:id/thread-dump.
const jm: ThreadDump = jmDump;
const tm: ThreadDump = tmDump;

describe('parsing a thread dump', () => {
  it('reads every thread state of the recorded dumps', () => {
    for (const dump of [jm, tm]) {
      const threads = parseThreadDump(dump);
      expect(threads).toHaveLength(dump.threadInfos.length);
      expect(threads.filter((t) => t.state === 'UNKNOWN')).toEqual([]);
      expect(threads.every((t) => t.id !== null)).toBe(true);
    }
    const main = parseThreadDump(jm).find((t) => t.name === 'main');
    expect(main).toMatchObject({ state: 'WAITING', id: 1 });
  });

  it('is not fooled by thread names with line breaks or state words (hostile operator names)', () => {
    const hostile = parseThreadDump(tm).filter((t) => t.name.includes('\n'));
    expect(hostile.length).toBeGreaterThan(0);
    for (const t of hostile) expect(t.state).toBe('TIMED_WAITING');
    // A name that itself contains "Id=1 BLOCKED" does not decide the state.
    expect(
      parseThreadHeader('x" Id=1 BLOCKED', '"x" Id=1 BLOCKED" daemon prio=5 Id=7 RUNNABLE\n\tat a.b(C.java:1)'),
    ).toEqual({
      state: 'RUNNABLE',
      id: 7,
    });
    expect(parseThreadHeader('odd', 'garbage')).toEqual({ state: 'UNKNOWN', id: null });
  });

  it('groups by state, most telling states first, names sorted, and filters by name or stack', () => {
    const threads = parseThreadDump(tm);
    const groups = groupByState(threads);
    expect(groups.map((g) => g.state)).toEqual(THREAD_STATES.filter((s) => threads.some((t) => t.state === s)));
    expect(groups.reduce((n, g) => n + g.threads.length, 0)).toBe(threads.length);
    expect(groups.map((g) => g.state).indexOf('RUNNABLE')).toBeLessThan(groups.map((g) => g.state).indexOf('WAITING'));

    const netty = filterThreads(threads, 'recordwriter outputflusher.run');
    expect(netty.length).toBeGreaterThan(0);
    expect(netty.every((t) => t.info.includes('RecordWriter$OutputFlusher.run'))).toBe(true);
    expect(filterThreads(threads, '')).toHaveLength(threads.length);
    expect(dumpText(netty.slice(0, 2)).split('\n\n')).toHaveLength(2);
  });
});

describe('ThreadDumpView', () => {
  it('shows threads grouped by state, names as text, and searches', () => {
    const { container } = render(<ThreadDumpView dump={tm} />);
    const threads = parseThreadDump(tm);
    for (const group of groupByState(threads)) {
      const heading = screen.getByRole('heading', {
        name: new RegExp(`^${group.state} ${group.threads.length} threads?$`),
      });
      expect(heading).toBeTruthy();
    }
    expect(container.querySelector('img, script:not([src])')).toBeNull();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search threads' }), { target: { value: 'OutputFlusher' } });
    const shown = filterThreads(threads, 'OutputFlusher').length;
    expect(screen.getByText(`${shown} of ${threads.length} threads`)).toBeTruthy();
  });

  it('says that a dump pauses the JVM next to the button that takes one', () => {
    render(<ThreadDumpView dump={tm} onRefresh={() => undefined} />);
    const button = screen.getByRole('button', { name: 'Take a new dump' });
    expect(button.getAttribute('aria-describedby')).toBe('thread-dump-pause-warning');
    expect(screen.getByText(THREAD_DUMP_WARNING)).toBeTruthy();
  });

  it('copies with the clipboard, and falls back to a selected text box without one', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    render(<ThreadDumpView dump={jm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy dump' }));
    await screen.findByText('Copied to the clipboard.');
    expect(writeText).toHaveBeenCalledWith(dumpText(parseThreadDump(jm)));

    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy dump' }));
    const box = await screen.findByRole('textbox', { name: 'Thread dump text to copy' });
    expect((box as HTMLTextAreaElement).value).toContain('"main" Id=1 WAITING');

    // One thread's stack: copied from its own Copy button.
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const main = screen.getByText('main', { selector: '.thread-name' }).closest('li');
    if (!main) throw new Error('no main thread');
    fireEvent.click(within(main).getByRole('button', { name: 'Copy the stack of main' }));
    await waitFor(() =>
      expect(writeText).toHaveBeenLastCalledWith(parseThreadDump(jm).find((t) => t.name === 'main')?.info),
    );
  });
});

describe('ThreadDumpPanel', () => {
  it('takes no dump when the tab opens: the button says that the JVM pauses, and a click takes it', async () => {
    const { requests } = renderWithApi(<ThreadDumpPanel source={{ kind: 'jobmanager' }} />, {
      '/jobmanager/thread-dump': jm,
    });
    const button = await screen.findByRole('button', { name: 'Take a thread dump' });
    expect(button.getAttribute('aria-describedby')).toBe('thread-dump-pause-warning');
    expect(screen.getByText(THREAD_DUMP_WARNING)).toBeTruthy();
    // Give a wrongly enabled query the time to start: still nothing asked of the JobManager.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests.filter((r) => r.includes('thread-dump'))).toEqual([]);

    fireEvent.click(button);
    await screen.findByRole('button', { name: 'Take a new dump' });
    expect(requests.filter((r) => r.includes('thread-dump'))).toEqual(['/jobmanager/thread-dump']);
    fireEvent.click(screen.getByRole('button', { name: 'Take a new dump' }));
    await waitFor(() => expect(requests.filter((r) => r.includes('thread-dump'))).toHaveLength(2));
  });
});
