import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TaskManagers } from '../api/taskmanagers';
import { renderWithApi } from '../components/testing/render-with-api';
import listFixture from '../features/task-managers/fixtures/taskmanagers.json';
import { HEAP_READS_PER_REFRESH } from '../features/task-managers/heap-schedule';
import { TM_VIRTUAL_ROWS_FROM } from '../features/task-managers/TaskManagersTable';
import { TaskManagersPage } from './TaskManagersPage';

// Recorded from the sandbox (Flink 2.3.0): GET /taskmanagers; a big cluster is made of its first entry.
const recorded: TaskManagers = listFixture;
const USED = 'Status.JVM.Memory.Heap.Used';
const MAX = 'Status.JVM.Memory.Heap.Max';

function cluster(n: number): TaskManagers {
  const [template] = recorded.taskmanagers;
  if (!template) throw new Error('no task manager recorded');
  return { taskmanagers: Array.from({ length: n }, (_, i) => ({ ...template, id: `10.0.0.${i}:6122-tm${i}` })) };
}

const metricsPath = (id: string) => new URL(`http://x/taskmanagers/${encodeURIComponent(id)}/metrics`).pathname;

function answersFor(list: TaskManagers) {
  const answers: Record<string, unknown> = { '/taskmanagers': list };
  list.taskmanagers.forEach((tm, i) => {
    answers[metricsPath(tm.id)] = [
      { id: USED, value: String(100 + i) },
      { id: MAX, value: '1000' },
    ];
  });
  // Flink's aggregate over every task manager: the fullest heap is at 95%.
  answers['/taskmanagers/metrics'] = [
    { id: USED, min: 100, max: 950 },
    { id: MAX, min: 1000, max: 1000 },
  ];
  return answers;
}

// Below TM_VIRTUAL_ROWS_FROM, so that every row is drawn (jsdom lays nothing out for a virtual list).
const SIZE = TM_VIRTUAL_ROWS_FROM - 1;

const heapReads = (requests: readonly string[]) => requests.filter((r) => /^\/taskmanagers\/[^/]+\/metrics/.test(r));

describe('TaskManagersPage heap use', () => {
  it('reads a bounded number of heaps per refresh on a big cluster, and the worst of all in one request', async () => {
    const list = cluster(SIZE);
    const { requests } = renderWithApi(<TaskManagersPage />, answersFor(list));
    const table = await screen.findByRole('table', { name: 'Task managers' });
    // Each answer of the list starts one turn of at most HEAP_READS_PER_REFRESH heap reads.
    await waitFor(() => expect(table.querySelectorAll('meter').length).toBeGreaterThanOrEqual(HEAP_READS_PER_REFRESH));
    const lists = requests.filter((r) => r === '/taskmanagers').length;
    const reads = heapReads(requests);
    expect(reads.length).toBeLessThanOrEqual(HEAP_READS_PER_REFRESH * lists);
    expect(new Set(reads).size).toBe(reads.length); // never the same task manager twice before all were read
    await waitFor(() => expect(table.querySelectorAll('meter')).toHaveLength(heapReads(requests).length));
    // The rest say so instead of showing nothing.
    expect(within(table).getAllByText('not read yet')).toHaveLength(SIZE - heapReads(requests).length);
    const worst = await screen.findByLabelText('Highest heap use');
    await waitFor(() => expect(worst.textContent).toContain('950 B of 1000 B (95%)'));
    expect(within(worst).getByText('high heap')).toBeTruthy();
    expect(requests.some((r) => r.startsWith('/taskmanagers/metrics?'))).toBe(true);
    expect(screen.getByText(/heap is read in turn: 6 per refresh/)).toBeTruthy();
  }, 30_000);

  it('reads every task manager on every refresh on a small cluster, without the aggregate', async () => {
    const { requests } = renderWithApi(<TaskManagersPage />, answersFor(recorded));
    const table = await screen.findByRole('table', { name: 'Task managers' });
    await waitFor(() => expect(within(table).getAllByText(/^\d+%$/)).toHaveLength(recorded.taskmanagers.length));
    expect(heapReads(requests)).toHaveLength(recorded.taskmanagers.length);
    expect(requests.some((r) => r.startsWith('/taskmanagers/metrics'))).toBe(false);
    expect(screen.queryByLabelText('Highest heap use')).toBeNull();
  });
});
