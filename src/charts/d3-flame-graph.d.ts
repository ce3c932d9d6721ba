// d3-flame-graph 5 ships no types: the part of its API the dashboard uses.
declare module 'd3-flame-graph' {
  import type { Selection } from 'd3-selection';

  /** The raw tree the chart is given: Flink's flame graph `data`. */
  export interface FlameGraphDatum {
    name: string;
    value: number;
    children?: FlameGraphDatum[];
  }

  /** A laid-out frame (a d3-hierarchy node) as handlers and colour mappers see it. */
  export interface FlameGraphFrame {
    data: FlameGraphDatum & { fade?: boolean; hide?: boolean };
    value: number;
    depth: number;
    x0: number;
    x1: number;
    highlight?: boolean;
    parent: FlameGraphFrame | null;
    children?: FlameGraphFrame[];
  }

  export type ColorMapper = (frame: FlameGraphFrame, originalColor: string) => string;

  export interface FlameGraph {
    (selection: Selection<HTMLDivElement, FlameGraphDatum, null, undefined>): void;
    width(width: number): FlameGraph;
    height(height: number | null): FlameGraph;
    minHeight(height: number | null): FlameGraph;
    cellHeight(height: number): FlameGraph;
    title(title: string): FlameGraph;
    transitionDuration(ms: number): FlameGraph;
    sort(sort: boolean | ((a: FlameGraphFrame, b: FlameGraphFrame) => number)): FlameGraph;
    inverted(inverted: boolean): FlameGraph;
    minFrameSize(pixels: number): FlameGraph;
    selfValue(selfValue: boolean): FlameGraph;
    resetHeightOnZoom(reset: boolean): FlameGraph;
    scrollOnZoom(scroll: boolean): FlameGraph;
    setColorMapper(mapper?: ColorMapper): FlameGraph;
    setColorHue(
      hue?: 'warm' | 'cold' | 'red' | 'orange' | 'yellow' | 'green' | 'pastelgreen' | 'blue' | 'aqua',
    ): FlameGraph;
    setDetailsElement(element: HTMLElement | null): FlameGraph;
    setSearchMatch(match?: (frame: FlameGraphFrame, term: string) => boolean): FlameGraph;
    setSearchHandler(handler?: (results: FlameGraphFrame[], sum: number, total: number) => void): FlameGraph;
    setLabelHandler(handler: (frame: FlameGraphFrame) => string): FlameGraph;
    onClick(handler: ((frame: FlameGraphFrame) => void) | null): FlameGraph;
    search(term: string): void;
    clear(): void;
    resetZoom(): void;
    zoomTo(frame: FlameGraphFrame): void;
    update(data?: FlameGraphDatum): FlameGraph;
    destroy(): FlameGraph;
  }

  export default function flamegraph(): FlameGraph;

  export const colorMapper: {
    readonly offCpuColorMapper: ColorMapper;
    readonly allocationColorMapper: ColorMapper;
    readonly differentialColorMapper: ColorMapper;
    readonly nodeJsColorMapper: ColorMapper;
  };
}
