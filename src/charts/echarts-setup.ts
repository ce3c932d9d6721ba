// The only module that loads ECharts, and only the parts the dashboard draws. It is imported
// dynamically by EChart.tsx, so the overview never downloads it.
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  BrushComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { installTrustedTypesPolicy } from '../lib/trusted-types';

// Before the first chart: ECharts' renderer clears its container with `innerHTML = ''`, which a
// page under Trusted Types allows only through the policy (see trusted-types.ts).
installTrustedTypesPolicy();

echarts.use([
  LineChart,
  BarChart,
  ScatterChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  BrushComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export { echarts };
