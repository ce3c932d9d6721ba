import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EChartsCoreOption } from 'echarts/core';
import { EChart } from './EChart';

// ECharts draws on a canvas jsdom does not have: a stand-in instance records what EChart asks of
// it, and keeps the dataZoom windows the way ECharts reports them (`getOption().dataZoom`).
interface FakeChart {
  setOption: ReturnType<typeof vi.fn>;
  dispatchAction: ReturnType<typeof vi.fn>;
  getOption: () => { dataZoom: { start: number; end: number }[] };
  on: (event: string, handler: () => void) => void;
  off: (event: string, handler: () => void) => void;
  resize: ReturnType<typeof vi.fn>;
  dispose: ReturnType<typeof vi.fn>;
  /** What a wheel or slider zoom by the user does: moves the windows, then emits `datazoom`. */
  userZooms: (start: number, end: number) => void;
}

const charts: FakeChart[] = [];

function fakeChart(): FakeChart {
  let zooms: { start: number; end: number }[] = [];
  const handlers = new Map<string, Set<() => void>>();
  const chart: FakeChart = {
    setOption: vi.fn((option: { dataZoom?: { start?: number; end?: number }[] }) => {
      zooms = (option.dataZoom ?? []).map((z) => ({ start: z.start ?? 0, end: z.end ?? 100 }));
    }),
    dispatchAction: vi.fn((action: { dataZoomIndex: number; start: number; end: number }) => {
      zooms[action.dataZoomIndex] = { start: action.start, end: action.end };
    }),
    getOption: () => ({ dataZoom: zooms.map((z) => ({ ...z })) }),
    on: (event, handler) => {
      const set = handlers.get(event) ?? new Set();
      set.add(handler);
      handlers.set(event, set);
    },
    off: (event, handler) => {
      handlers.get(event)?.delete(handler);
    },
    resize: vi.fn(),
    dispose: vi.fn(),
    userZooms: (start, end) => {
      zooms = zooms.map(() => ({ start, end }));
      for (const handler of handlers.get('datazoom') ?? []) handler();
    },
  };
  charts.push(chart);
  return chart;
}

vi.mock('./echarts-setup', () => ({ echarts: { init: () => fakeChart() } }));

/** The ResizeObserver EChart waits for before it creates the chart (jsdom has none). */
let observed: { callback: ResizeObserverCallback; observer: ResizeObserver }[] = [];
class FakeResizeObserver {
  constructor(callback: ResizeObserverCallback) {
    observed.push({ callback, observer: this });
  }
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/** Reports a laid-out box to every observer, as the browser does after layout. */
function layOut(): void {
  for (const { callback, observer } of observed)
    callback([{ contentRect: { width: 600, height: 260 } } as unknown as ResizeObserverEntry], observer);
}

async function mounted(
  option: EChartsCoreOption,
): Promise<{ chart: FakeChart; update: (o: EChartsCoreOption) => void }> {
  const view = render(<EChart option={option} label="test chart" />);
  // The chart library arrives by dynamic import: let it resolve, then lay the box out.
  await act(async () => {
    await vi.dynamicImportSettled();
  });
  act(() => layOut());
  const chart = charts.at(-1);
  if (!chart) throw new Error('no chart was created');
  return { chart, update: (o) => view.rerender(<EChart option={o} label="test chart" />) };
}

const withZoom = (points: number): EChartsCoreOption => ({
  series: [{ type: 'bar', data: Array.from({ length: points }, (_, i) => i) }],
  dataZoom: [
    { type: 'inside', start: 80, end: 100 },
    { type: 'slider', start: 80, end: 100 },
  ],
});

describe('EChart', () => {
  beforeEach(() => {
    charts.length = 0;
    observed = [];
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  });
  afterEach(() => {
    observed = [];
  });

  it('draws the option once the box is laid out, replacing (not merging) the previous one', async () => {
    const { chart, update } = await mounted(withZoom(10));
    expect(chart.setOption).toHaveBeenCalledTimes(1);
    const next = withZoom(11);
    act(() => update(next));
    expect(chart.setOption).toHaveBeenCalledTimes(2);
    expect(chart.setOption).toHaveBeenLastCalledWith(next, { notMerge: true });
  });

  it('keeps the zoom window the user chose across option updates', async () => {
    const { chart, update } = await mounted(withZoom(10));
    act(() => chart.userZooms(10, 30));
    act(() => update(withZoom(11)));
    // Both dataZooms (wheel and slider) are put back where the user left them, after the new option.
    expect(chart.dispatchAction).toHaveBeenCalledWith({ type: 'dataZoom', dataZoomIndex: 0, start: 10, end: 30 });
    expect(chart.dispatchAction).toHaveBeenCalledWith({ type: 'dataZoom', dataZoomIndex: 1, start: 10, end: 30 });
    expect(chart.getOption().dataZoom).toEqual([
      { start: 10, end: 30 },
      { start: 10, end: 30 },
    ]);
  });

  it('opens an update on the window of its option while the user has not zoomed', async () => {
    const { chart, update } = await mounted(withZoom(10));
    act(() => update(withZoom(11)));
    expect(chart.dispatchAction).not.toHaveBeenCalled();
    expect(chart.getOption().dataZoom).toEqual([
      { start: 80, end: 100 },
      { start: 80, end: 100 },
    ]);
  });

  it('disposes the chart when it unmounts', async () => {
    const view = render(<EChart option={withZoom(3)} label="test chart" />);
    await act(async () => {
      await vi.dynamicImportSettled();
    });
    act(() => layOut());
    const chart = charts.at(-1);
    view.unmount();
    expect(chart?.dispose).toHaveBeenCalledTimes(1);
  });
});
