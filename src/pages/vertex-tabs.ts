import { preloadECharts } from '../charts/EChart';
import { preloadFlameGraph } from '../charts/flame-graph/FlameGraphChart';
import { VERTEX_TABS } from '../lib/paths';
import { tabContext, tabTable } from '../lib/tabs';

/** What the vertex page hands its views. */
export interface VertexTabContext {
  readonly jobId: string;
  readonly vertexId: string;
  /** Undefined until the job's details arrive. */
  readonly parallelism: number | undefined;
}

export const vertexTabContext = tabContext<VertexTabContext>();
const { view } = vertexTabContext;
const ids = ({ jobId, vertexId }: VertexTabContext): { jobId: string; vertexId: string } => ({ jobId, vertexId });

const ARCHIVE_LACKS = "A History Server's archive holds no";

/** A vertex's views (`#/jobs/<id>/vertices/<vertexId>/<tab>`), each in its own chunk. */
export const VERTEX_TAB_TABLE = tabTable(VERTEX_TABS, {
  subtasks: {
    label: 'Subtasks',
    load: view(async () => (await import('../features/vertex/SubtasksTab')).SubtasksTab, ids),
  },
  taskmanagers: {
    label: 'Task managers',
    load: view(async () => (await import('../features/vertex/TaskManagersTab')).TaskManagersTab, ids),
  },
  backpressure: {
    label: 'Back pressure',
    prefetch: preloadECharts,
    notArchived: `${ARCHIVE_LACKS} back-pressure samples: they are taken from running tasks.`,
    load: view(async () => (await import('../features/vertex/BackPressureTab')).BackPressureTab, ids),
  },
  watermarks: {
    label: 'Watermarks',
    notArchived: `${ARCHIVE_LACKS} watermarks: they are metrics of running tasks.`,
    load: view(async () => (await import('../features/vertex/WatermarksTab')).WatermarksTab, ids),
  },
  accumulators: {
    label: 'Accumulators',
    notArchived: `${ARCHIVE_LACKS} per-vertex accumulators; the job's configuration view lists the job's own.`,
    load: view(async () => (await import('../features/vertex/AccumulatorsTab')).AccumulatorsTab, ids),
  },
  metrics: {
    label: 'Metrics',
    prefetch: preloadECharts,
    notArchived: `${ARCHIVE_LACKS} metrics.`,
    load: view(async () => (await import('../features/vertex/MetricsTab')).MetricsTab, ids),
  },
  flamegraph: {
    label: 'Flame graph',
    prefetch: preloadFlameGraph,
    notArchived: `${ARCHIVE_LACKS} flame graphs: they are sampled from running tasks.`,
    load: view(
      async () => (await import('../features/flame-graph/FlameGraphPanel')).FlameGraphPanel,
      ({ jobId, vertexId, parallelism }) => ({
        jobId,
        vertexId,
        parallelism,
      }),
    ),
  },
});
