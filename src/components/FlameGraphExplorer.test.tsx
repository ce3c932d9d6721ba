import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FlameGraphExplorer } from './FlameGraphExplorer';

// The chart itself is d3-flame-graph's (tested in src/charts): here, only what it is handed.
const chartProps = vi.hoisted(() => [] as { search: string; resetZoomToken: number }[]);
vi.mock('../charts/flame-graph/FlameGraphChart', () => ({
  FlameGraphChart: (props: { search: string; resetZoomToken: number; label: string }) => {
    chartProps.push(props);
    return <div role="img" aria-label={props.label} />;
  },
}));

const TREE = {
  name: 'root',
  value: 8,
  children: [
    { name: 'StreamTask.invoke', value: 6, children: [{ name: 'Thread.sleep', value: 2 }] },
    { name: 'Other.run', value: 2 },
  ],
};

describe('the flame graph explorer', () => {
  it('finds frames, says how many match, and resets the zoom', () => {
    render(
      <FlameGraphExplorer
        tree={TREE}
        version={1}
        colors="on-cpu"
        label="A flame graph"
        tools={<button>Extra</button>}
      />,
    );
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons).toEqual(['Reset zoom', 'Extra']);
    expect(screen.getByRole('img', { name: 'A flame graph' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Find frames'), { target: { value: 'sleep' } });
    expect(screen.getByText('1 frame match, 25% of samples.')).toBeTruthy();
    expect(chartProps.at(-1)?.search).toBe('sleep');
    fireEvent.change(screen.getByLabelText('Find frames'), { target: { value: 'r' } });
    expect(screen.getByText(/^\d+ frames match, 100% of samples\.$/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Find frames'), { target: { value: 'nothing' } });
    expect(screen.getByText('No frame matches.')).toBeTruthy();

    const before = chartProps.at(-1)?.resetZoomToken ?? 0;
    fireEvent.click(screen.getByRole('button', { name: 'Reset zoom' }));
    expect(chartProps.at(-1)?.resetZoomToken).toBe(before + 1);
  });
});
