import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../api/test-utils';
import { nonZeroTaskCounts, TaskCounts } from './TaskCounts';

afterEach(cleanup);

interface Recorded {
  jobs: { name: string; tasks: Record<string, number> }[];
}
const overview = fixture('flink-2.3.0/jobs-overview').json as Recorded;
const details = fixture('flink-2.3.0/job-details').json as { vertices: { tasks: Record<string, number> }[] };

describe('nonZeroTaskCounts', () => {
  it('keeps the non-zero states, upper-cased, in lifecycle order, without the total', () => {
    expect(nonZeroTaskCounts({ total: 5, failed: 1, running: 3, created: 1, canceled: 0 })).toEqual([
      ['CREATED', 1],
      ['RUNNING', 3],
      ['FAILED', 1],
    ]);
  });

  it('puts states it does not know after the known ones', () => {
    expect(nonZeroTaskCounts({ SOMETHING_NEW: 2, RUNNING: 1 })).toEqual([
      ['RUNNING', 1],
      ['SOMETHING_NEW', 2],
    ]);
  });

  it('reads a recorded vertex entry and a recorded overview entry alike', () => {
    const vertexTasks = details.vertices[0]?.tasks ?? {};
    const sum = nonZeroTaskCounts(vertexTasks).reduce((a, [, n]) => a + n, 0);
    expect(sum).toBeGreaterThan(0);
    for (const job of overview.jobs) {
      const total = nonZeroTaskCounts(job.tasks).reduce((a, [, n]) => a + n, 0);
      expect(total).toBe(job.tasks.total);
    }
  });
});

describe('TaskCounts', () => {
  it('renders one toned badge per state with tasks, as text', () => {
    render(<TaskCounts counts={{ RUNNING: 2, FAILED: 1, CANCELED: 0 }} label="Tasks per state" />);
    const list = screen.getByRole('list', { name: 'Tasks per state' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual(['2 RUNNING', '1 FAILED']);
    expect(items[0]?.className).toContain('badge-ok');
    expect(items[1]?.className).toContain('badge-bad');
  });

  it('says so when there are no tasks', () => {
    render(<TaskCounts counts={{ total: 0, running: 0 }} />);
    expect(screen.getByText('no tasks')).toBeTruthy();
  });
});
