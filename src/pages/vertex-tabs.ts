import { VERTEX_TABS } from '../lib/paths';
import { tabContext, tabTable } from '../lib/tabs';

/** What the vertex page hands its views. */
export interface VertexTabContext {
  readonly jobId: string;
  readonly vertexId: string;
  /** Undefined until the vertex's details arrive. */
  readonly parallelism: number | undefined;
}

export const vertexTabContext = tabContext<VertexTabContext>();
const { view } = vertexTabContext;
const ids = ({ jobId, vertexId }: VertexTabContext): { jobId: string; vertexId: string } => ({ jobId, vertexId });

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
    load: view(async () => (await import('../features/vertex/BackPressureTab')).BackPressureTab, ids),
  },
  watermarks: {
    label: 'Watermarks',
    load: view(async () => (await import('../features/vertex/WatermarksTab')).WatermarksTab, ids),
  },
  accumulators: {
    label: 'Accumulators',
    load: view(async () => (await import('../features/vertex/AccumulatorsTab')).AccumulatorsTab, ids),
  },
  metrics: {
    label: 'Metrics',
    load: view(async () => (await import('../features/vertex/MetricsTab')).MetricsTab, ids),
  },
  flamegraph: {
    label: 'Flame graph',
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
