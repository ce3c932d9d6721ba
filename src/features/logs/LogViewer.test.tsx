import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateLog, HOSTILE_LINE_TEXT } from './log-test-data';
import { LogViewer } from './LogViewer';

// jsdom lays nothing out: give the scrolling box the size a browser would (600 px tall), so the
// virtualizer knows how many rows are on screen.
const sizes: PropertyDescriptor[] = [];
beforeAll(() => {
  for (const [prop, value] of [
    ['clientHeight', 600],
    ['clientWidth', 1000],
    ['offsetHeight', 18],
  ] as const) {
    sizes.push(Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop) ?? { value: 0, configurable: true });
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
  }
});
afterAll(() => {
  (['clientHeight', 'clientWidth', 'offsetHeight'] as const).forEach((prop, i) => {
    const original = sizes[i];
    if (original) Object.defineProperty(HTMLElement.prototype, prop, original);
  });
});

describe('LogViewer', () => {
  it('renders a 50 MB log with only the visible rows in the DOM, markup as text', () => {
    const { text, lines } = generateLog(50 * 1024 * 1024);
    const started = performance.now();
    const { container } = render(<LogViewer text={text} fileName="taskmanager.log" />);
    const openMs = performance.now() - started;

    const rows = container.querySelectorAll('.log-line');
    console.log(
      `[LogViewer] opened ${(text.length / 1024 / 1024).toFixed(1)} MB (${lines.toLocaleString('en-US')} lines) in ${openMs.toFixed(0)} ms; ${rows.length} rows in the DOM`,
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(200);
    expect(lines).toBeGreaterThan(100_000);
    expect(screen.getByText(`${lines.toLocaleString('en-US')} lines`, { exact: false })).toBeTruthy();

    // The first line carries the hostile payload: it is text, not an element.
    expect(rows[0]?.textContent).toContain(HOSTILE_LINE_TEXT);
    expect(container.querySelector('img')).toBeNull();
  });

  it('searches, counts, highlights and steps through matches', () => {
    const text = ['alpha one', 'beta two', 'alpha <b>three</b>', 'gamma'].join('\n');
    const { container } = render(<LogViewer text={text} fileName="x.log" />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the log' }), { target: { value: 'ALPHA' } });
    expect(screen.getByText('1 of 2 matches')).toBeTruthy();
    const marks = container.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['alpha', 'alpha']);
    expect(marks[0]?.classList.contains('log-match-current')).toBe(true);
    expect(container.querySelector('b')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Next match' }));
    expect(screen.getByText('2 of 2 matches')).toBeTruthy();
    expect(container.querySelectorAll('mark')[1]?.classList.contains('log-match-current')).toBe(true);
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Search the log' }), { key: 'Enter' });
    expect(screen.getByText('1 of 2 matches')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Match case' }));
    expect(screen.getByText('No matches')).toBeTruthy();
  });

  it('downloads the file through a Blob URL and revokes it afterwards', () => {
    vi.useFakeTimers();
    const created: Blob[] = [];
    const create = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:test/1';
    });
    const revoke = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<LogViewer text={'line 1\nline 2\n'} fileName="jobmanager.log" />);
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect(create).toHaveBeenCalledTimes(1);
    expect(created[0]?.size).toBe(14);
    expect(click).toHaveBeenCalledTimes(1);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    act(() => {
      vi.runAllTimers();
    });
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
    vi.unstubAllGlobals();
  });

  it('says when a file is empty', () => {
    render(<LogViewer text="" fileName="taskmanager.out" />);
    expect(screen.getByText('The file is empty.')).toBeTruthy();
  });
});
