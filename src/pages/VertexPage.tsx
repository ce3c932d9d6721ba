import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { usePolledQuery } from '../api/polling';
import { vertexDetailsQueryOptions } from '../api/vertices';
import { FlameGraphPanel } from '../features/flame-graph/FlameGraphPanel';
import { AccumulatorsTab } from '../features/vertex/AccumulatorsTab';
import { BackPressureTab } from '../features/vertex/BackPressureTab';
import { MetricsTab } from '../features/vertex/MetricsTab';
import { SubtasksTab } from '../features/vertex/SubtasksTab';
import { TaskManagersTab } from '../features/vertex/TaskManagersTab';
import { VERTEX_TAB_LABELS, VertexHeader, VertexTabs } from '../features/vertex/VertexHeader';
import { WatermarksTab } from '../features/vertex/WatermarksTab';
import { parseTab, VERTEX_TABS, type VertexTab } from '../lib/paths';

/** One vertex of a job, one URL per tab (`#/jobs/:jobId/vertices/:vertexId/:tab`). */
export function VertexPage(): ReactNode {
  const { jobId = '', vertexId = '', tab: tabParam } = useParams();
  const tab = parseTab(VERTEX_TABS, tabParam);
  return (
    <div className="page vertex-page">
      <VertexHeader jobId={jobId} vertexId={vertexId} />
      <VertexTabs jobId={jobId} vertexId={vertexId} active={tab} />
      <section className="vertex-tab" aria-labelledby="vertex-tab-heading">
        <h2 id="vertex-tab-heading">{VERTEX_TAB_LABELS[tab]}</h2>
        {/* Keyed by vertex: in-tab state (expanded rows, searches) does not leak across vertices. */}
        <TabContent key={`${jobId}/${vertexId}`} tab={tab} jobId={jobId} vertexId={vertexId} />
      </section>
    </div>
  );
}

function TabContent({ tab, jobId, vertexId }: { tab: VertexTab; jobId: string; vertexId: string }): ReactNode {
  const details = usePolledQuery(vertexDetailsQueryOptions(jobId, vertexId));
  switch (tab) {
    case 'subtasks':
      return <SubtasksTab jobId={jobId} vertexId={vertexId} />;
    case 'taskmanagers':
      return <TaskManagersTab jobId={jobId} vertexId={vertexId} />;
    case 'backpressure':
      return <BackPressureTab jobId={jobId} vertexId={vertexId} />;
    case 'watermarks':
      return <WatermarksTab jobId={jobId} vertexId={vertexId} />;
    case 'accumulators':
      return <AccumulatorsTab jobId={jobId} vertexId={vertexId} />;
    case 'metrics':
      return <MetricsTab jobId={jobId} vertexId={vertexId} />;
    case 'flamegraph':
      return <FlameGraphPanel jobId={jobId} vertexId={vertexId} parallelism={details.data?.parallelism} />;
  }
}
