import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { TaskManagerDetails, TaskManagers } from '../../api/taskmanagers';
import { formatBytes } from '../../lib/format';
import detailsFixture from './fixtures/taskmanager-details.json';
import listFixture from './fixtures/taskmanagers.json';
import { TaskManagerMemoryModel } from './MemoryPanel';
import { SlotsTable } from './SlotsTable';
import {
  heapLevel,
  heapRatio,
  lastHeartbeat,
  memoryModel,
  networkSegments,
  slotLevel,
  slotRows,
  taskManagerAddress,
} from './task-managers';
import { BLOCKED_TITLE, DEFAULT_TM_SORT, TaskManagersTable } from './TaskManagersTable';

// Recorded from the sandbox (Flink 2.3.0): GET /taskmanagers and GET /taskmanagers/:id.
const list: TaskManagers = listFixture;
const details: TaskManagerDetails = detailsFixture;

describe('reading task managers', () => {
  it('takes the address from the RPC path', () => {
    expect(taskManagerAddress('pekko.tcp://flink@127.0.0.1:45603/user/rpc/taskmanager_0')).toBe('127.0.0.1:45603');
    expect(taskManagerAddress('akka.tcp://flink@tm-1.example:6122/user/rpc/taskmanager_0')).toBe('tm-1.example:6122');
    expect(taskManagerAddress('something else')).toBe('something else');
  });

  it('flags full task managers and high heap', () => {
    expect(slotLevel(0, 4)).toBe('bad');
    expect(slotLevel(1, 6)).toBe('warn');
    expect(slotLevel(3, 6)).toBe('ok');
    expect(slotLevel(0, 0)).toBe('ok');
    expect(heapLevel(heapRatio(95, 100))).toBe('bad');
    expect(heapLevel(heapRatio(80, 100))).toBe('warn');
    expect(heapLevel(heapRatio(10, 100))).toBe('ok');
    expect(heapRatio(10, -1)).toBeNull();
  });

  it('reads the heartbeat as a time (what Flink sends despite the name)', () => {
    const tm = list.taskmanagers[0];
    if (!tm) throw new Error('no task manager recorded');
    expect(lastHeartbeat(tm, Date.now())).toBe(tm.timeSinceLastHeartbeat);
    expect(lastHeartbeat({ timeSinceLastHeartbeat: 2000 }, 10_000)).toBe(8000);
  });

  it('builds the memory model that adds up to the process memory', () => {
    const parts = memoryModel(details.memoryConfiguration);
    expect(parts.map((p) => p.id)).toContain('managedMemory');
    expect(parts.reduce((n, p) => n + p.bytes, 0)).toBe(details.memoryConfiguration.totalProcessMemory);
  });

  it('reads network buffers under 2.x names, and under the 1.20 deprecated names', () => {
    const segments = networkSegments(details.metrics);
    expect(segments.total).toBe(details.metrics.nettyShuffleMemorySegmentsTotal);
    expect(segments.used).toBe(details.metrics.nettyShuffleMemorySegmentsUsed);
    const old = {
      ...details.metrics,
      nettyShuffleMemorySegmentsTotal: undefined,
      nettyShuffleMemorySegmentsUsed: undefined,
      nettyShuffleMemorySegmentsAvailable: undefined,
      memorySegmentsTotal: 100,
      memorySegmentsAvailable: 60,
    };
    expect(networkSegments(old)).toEqual({ used: 40, available: 60, total: 100 });
  });

  it('lists allocated slots with their jobs (absent before 1.20 is fine)', () => {
    expect(slotRows(details).map((s) => s.jobId)).toEqual(details.allocatedSlots?.map((s) => s.jobId));
    expect(slotRows({ allocatedSlots: undefined })).toEqual([]);
  });
});

describe('TaskManagersTable', () => {
  it('lists the recorded task managers, sorts, filters, and flags a full one', () => {
    const full = { ...list.taskmanagers[0], id: 'full-tm', freeSlots: 0 } as TaskManagers['taskmanagers'][number];
    const heap = new Map([['full-tm', { used: 95, max: 100, at: Date.now() }]]);
    let filter = '';
    const view = (f: string) => (
      <MemoryRouter>
        <TaskManagersTable
          taskManagers={[...list.taskmanagers, full]}
          heapUsage={heap}
          heapStaleAfterMs={10_000}
          filter={f}
          onFilterChange={(next) => (filter = next)}
          sort={DEFAULT_TM_SORT}
          onSortChange={() => undefined}
        />
      </MemoryRouter>
    );
    const { rerender } = render(view(''));
    const table = screen.getByRole('table', { name: 'Task managers' });
    for (const tm of list.taskmanagers) expect(within(table).getByRole('link', { name: tm.id })).toBeTruthy();
    const row = within(table).getByRole('row', { name: /full-tm/ });
    expect(row.className).toBe('row-bad');
    expect(within(row).getByText('no free slot')).toBeTruthy();
    expect(within(row).getByText('95%')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'full' } });
    expect(filter).toBe('full');
    rerender(view('full'));
    expect(within(table).getAllByRole('row')).toHaveLength(2);
  });

  it("shows each recorded task manager's data port and managed memory, and a blocked one's badge", () => {
    const blocked = {
      ...list.taskmanagers[0],
      id: 'blocked-tm',
      blocked: true,
    } as TaskManagers['taskmanagers'][number];
    render(
      <MemoryRouter>
        <TaskManagersTable
          taskManagers={[...list.taskmanagers, blocked]}
          heapUsage={new Map()}
          heapStaleAfterMs={10_000}
          filter=""
          onFilterChange={() => undefined}
          sort={DEFAULT_TM_SORT}
          onSortChange={() => undefined}
        />
      </MemoryRouter>,
    );
    const table = screen.getByRole('table', { name: 'Task managers' });
    expect(within(table).getByRole('columnheader', { name: /Data port/ })).toBeTruthy();
    for (const tm of list.taskmanagers) {
      const row = within(table).getByRole('row', { name: new RegExp(tm.id) });
      expect(within(row).getByText(String(tm.dataPort))).toBeTruthy();
      expect(within(row).getByText(formatBytes(tm.memoryConfiguration.managedMemory))).toBeTruthy();
      expect(within(row).queryByText('blocked')).toBeNull();
    }
    const row = within(table).getByRole('row', { name: /blocked-tm/ });
    expect(within(row).getByText('blocked').getAttribute('title')).toBe(BLOCKED_TITLE);
    expect(row.className).toBe('row-warn');
  });

  it('shows how old a heap value read in turn is, and which task managers were not read yet', () => {
    const [a, b, c] = ['fresh-tm', 'old-tm', 'failed-tm'].map(
      (id) => ({ ...list.taskmanagers[0], id }) as TaskManagers['taskmanagers'][number],
    );
    const unread = { ...list.taskmanagers[0], id: 'unread-tm' } as TaskManagers['taskmanagers'][number];
    if (!a || !b || !c) throw new Error('rows expected');
    const now = Date.now();
    const heap = new Map([
      ['fresh-tm', { used: 40, max: 100, at: now }],
      ['old-tm', { used: 50, max: 100, at: now - 125_000 }],
      ['failed-tm', { used: null, max: null, at: 0, error: 'The JobManager answered 500' }],
    ]);
    render(
      <MemoryRouter>
        <TaskManagersTable
          taskManagers={[a, b, c, unread]}
          heapUsage={heap}
          heapStaleAfterMs={10_000}
          filter=""
          onFilterChange={() => undefined}
          sort={DEFAULT_TM_SORT}
          onSortChange={() => undefined}
        />
      </MemoryRouter>,
    );
    const table = screen.getByRole('table', { name: 'Task managers' });
    const fresh = within(table).getByRole('row', { name: /fresh-tm/ });
    const freshHeap = within(fresh).getByText('40%').closest('td');
    expect(freshHeap?.textContent).toBe('40%');
    const old = within(table).getByRole('row', { name: /old-tm/ });
    expect(within(old).getByText('50%').closest('td')?.textContent).toMatch(/^50%2m \d+s ago$/);
    const failed = within(table).getByRole('row', { name: /failed-tm/ });
    expect(within(failed).getByTitle('The JobManager answered 500').textContent).toBe('–');
    expect(within(within(table).getByRole('row', { name: /unread-tm/ })).getByText('not read yet')).toBeTruthy();
  });
});

describe('the detail panels', () => {
  it('show the memory model and the slots with links to their jobs', () => {
    render(
      <MemoryRouter>
        <TaskManagerMemoryModel config={details.memoryConfiguration} />
        <SlotsTable details={details} jobs={new Map()} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('rowheader', { name: 'Managed memory' })).toBeTruthy();
    const slots = screen.getByRole('table', { name: 'Allocated slots' });
    for (const slot of details.allocatedSlots ?? []) {
      expect(within(slots).getByRole('link', { name: slot.jobId }).getAttribute('href')).toBe(`/jobs/${slot.jobId}`);
    }
  });
});
