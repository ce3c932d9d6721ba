import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../api/test-utils';
import type { VertexDetails } from '../../api/vertices';
import { renderWithApi } from '../../components/testing/render-with-api';
import { formatDuration } from '../../lib/format';
import { SubtasksTab, SUBTASKS_VIRTUAL_FROM } from './SubtasksTab';
import { SUBTASK_ROWS_SHOWN } from './vertex-columns';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const VERTEX = '0dcd6b6344e082cccdb531821571f082';

function cellsOf(row: HTMLElement): string[] {
  return Array.from(row.children).map((c) => c.textContent ?? '');
}

describe.each(['2.3.0', '1.20.5'])('the subtasks tab on the recorded vertex of Flink %s', (version) => {
  const recorded = fixture(`flink-${version}/vertex-details`).json as VertexDetails;

  it('times each subtask, marks the slowest and sums up across subtasks', async () => {
    renderWithApi(<SubtasksTab jobId={JOB} vertexId={VERTEX} />, { [`/jobs/${JOB}/vertices/${VERTEX}`]: recorded });
    const table = await screen.findByRole('table', { name: 'Subtasks' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent?.replace(/[▲▼]/g, '').trim());
    for (const h of ['In state for', 'Busy', 'Back-pressured', 'Idle']) expect(headers).toContain(h);
    const col = (name: string): number => headers.indexOf(name);

    const busiest = [...recorded.subtasks].sort(
      (a, b) => Number(b.metrics['accumulated-busy-time']) - Number(a.metrics['accumulated-busy-time']),
    )[0];
    const slowestRow = within(table).getByRole('row', { name: new RegExp(`^${busiest?.subtask} slowest`) });
    expect(slowestRow.className).toContain('row-slowest');
    expect(within(table).getAllByText('slowest')).toHaveLength(1);

    const first = within(table).getByRole('row', { name: /^0\b/ });
    const s0 = recorded.subtasks[0];
    expect(cellsOf(first)[col('In state for')]).toBe(formatDuration(s0?.['status-duration']?.RUNNING));
    expect(cellsOf(first)[col('Idle')]).toMatch(
      new RegExp(`^${formatDuration(Number(s0?.metrics['accumulated-idle-time']))} \\(\\d+\\.\\d%\\)$`),
    );

    const busy = recorded.subtasks.map((s) => Number(s.metrics['accumulated-busy-time']));
    const footer = ['Min', 'Median', 'Max', 'Max at'].map((name) =>
      cellsOf(within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement),
    );
    expect(footer.map((r) => r[col('Busy')])).toEqual([
      formatDuration(Math.min(...busy)),
      formatDuration(busy.reduce((a, b) => a + b, 0) / busy.length), // two subtasks: the mean is the median
      formatDuration(Math.max(...busy)),
      `subtask ${busiest?.subtask}`,
    ]);
  });
});

describe('the subtasks tab without the newer fields', () => {
  it('leaves out the columns no subtask has, and marks no slowest', async () => {
    const recorded = fixture('flink-2.3.0/vertex-details').json as VertexDetails;
    const bare = {
      ...recorded,
      subtasks: recorded.subtasks.map((s) => {
        const metrics: Record<string, unknown> = { ...s.metrics };
        delete metrics['accumulated-busy-time'];
        delete metrics['accumulated-backpressured-time'];
        delete metrics['accumulated-idle-time'];
        const copy: Record<string, unknown> = { ...s, metrics };
        delete copy['status-duration'];
        return copy;
      }),
    };
    renderWithApi(<SubtasksTab jobId={JOB} vertexId={VERTEX} />, { [`/jobs/${JOB}/vertices/${VERTEX}`]: bare });
    const table = await screen.findByRole('table', { name: 'Subtasks' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers.join('|')).not.toMatch(/In state for|Busy|Back-pressured|Idle/);
    expect(within(table).queryByText('slowest')).toBeNull();
    expect(within(table).getByRole('rowheader', { name: 'Max at' })).toBeTruthy();
    expect(screen.queryByText(/slowest/)).toBeNull();
  });
});

describe('the subtasks tab of a wide vertex', () => {
  const recorded = fixture('flink-2.3.0/vertex-details').json as VertexDetails;
  const widened = (parallelism: number): VertexDetails => {
    const template = recorded.subtasks[0];
    if (!template) throw new Error('the recorded vertex has no subtasks');
    return {
      ...recorded,
      parallelism,
      subtasks: Array.from({ length: parallelism }, (_, i) => ({
        ...template,
        subtask: i,
        metrics: { ...template.metrics, 'accumulated-busy-time': 1000 + i },
      })),
    };
  };
  const bodyRows = (table: HTMLElement): HTMLElement[] =>
    Array.from(table.querySelectorAll<HTMLElement>('tbody tr:not(.virtual-spacer)'));

  it(`draws only the rows near the screen from ${SUBTASKS_VIRTUAL_FROM} subtasks, and sums up all of them`, async () => {
    const parallelism = 150;
    renderWithApi(<SubtasksTab jobId={JOB} vertexId={VERTEX} />, {
      [`/jobs/${JOB}/vertices/${VERTEX}`]: widened(parallelism),
    });
    const table = await screen.findByRole('table', { name: 'Subtasks' });
    // The first page (100 of 150) is declared whole to assistive technology, drawn near the screen.
    expect(table.getAttribute('aria-rowcount')).toBe(String(SUBTASK_ROWS_SHOWN + 1));
    expect(screen.getByText(`Showing ${SUBTASK_ROWS_SHOWN} of ${parallelism}.`, { exact: false })).toBeTruthy();
    const drawn = bodyRows(table);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(SUBTASK_ROWS_SHOWN);
    // The footer covers every subtask, drawn or not: the busiest is the last one.
    const maxAt = await within(table).findByRole('rowheader', { name: 'Max at' });
    expect(maxAt.closest('tr')?.textContent).toContain(`subtask ${parallelism - 1}`);
  });

  it(`draws every row below ${SUBTASKS_VIRTUAL_FROM} subtasks`, async () => {
    const parallelism = SUBTASKS_VIRTUAL_FROM - 1;
    renderWithApi(<SubtasksTab jobId={JOB} vertexId={VERTEX} />, {
      [`/jobs/${JOB}/vertices/${VERTEX}`]: widened(parallelism),
    });
    const table = await screen.findByRole('table', { name: 'Subtasks' });
    expect(table.getAttribute('aria-rowcount')).toBeNull();
    expect(bodyRows(table)).toHaveLength(parallelism);
  });
});
