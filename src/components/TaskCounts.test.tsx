import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TaskCounts } from './TaskCounts';

describe('TaskCounts', () => {
  it('one badge per state with tasks, zero counts left out, coloured by the state', () => {
    render(<TaskCounts counts={{ CREATED: 0, RUNNING: 2, FAILED: 1, FINISHED: 0 }} label="Tasks by state" />);
    const list = screen.getByRole('list', { name: 'Tasks by state' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual(['2 RUNNING', '1 FAILED']);
    expect(within(list).getByText('2 RUNNING').className).toContain('badge-ok');
    expect(within(list).getByText('1 FAILED').className).toContain('badge-bad');
  });

  it('a state it does not know is shown, neutral, after the known ones; all zero renders nothing', () => {
    const { container, rerender } = render(<TaskCounts counts={{ PAUSED: 3, RUNNING: 1 }} />);
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['1 RUNNING', '3 PAUSED']);
    expect(screen.getByText('3 PAUSED').className).toContain('badge-neutral');
    rerender(<TaskCounts counts={{ RUNNING: 0 }} />);
    expect(container.innerHTML).toBe('');
  });
});
