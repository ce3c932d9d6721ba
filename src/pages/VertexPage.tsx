import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { jobDetailsQueryOptions } from '../api/jobs';
import { useHistoryServer, usePolledQuery } from '../api/polling';
import { TabNav } from '../components/TabNav';
import { VertexHeader } from '../features/vertex/VertexHeader';
import { links } from '../lib/paths';
import type { TabbedPageRoute } from '../lib/tab-routes';
import { tabRoutes, useActiveTab } from '../lib/tabs';
import { VERTEX_TAB_TABLE, vertexTabContext } from './vertex-tabs';

/** One vertex of a job, one URL per tab (`#/jobs/:jobId/vertices/:vertexId/:tab`). */
export function VertexPage(): ReactNode {
  const { jobId = '', vertexId = '' } = useParams();
  // The parallelism comes from the job's details (the header polls them anyway), not from the
  // vertex details: those carry one entry per subtask (tens of KiB at parallelism 512), and only
  // the tabs that show subtasks read them.
  const job = usePolledQuery(jobDetailsQueryOptions(jobId));
  const parallelism = job.data?.vertices.find((v) => v.id === vertexId)?.parallelism;
  const active = useActiveTab(VERTEX_TAB_TABLE);
  const history = useHistoryServer();
  return (
    <div className="page vertex-page">
      <VertexHeader jobId={jobId} vertexId={vertexId} />
      {/* The query string (picks, time zone, flame graph type) carries over from tab to tab. */}
      <TabNav
        label="Vertex views"
        tabs={VERTEX_TAB_TABLE}
        linkTo={(tab) => links.vertex(jobId, vertexId, tab)}
        keepSearch
        archiveOnly={history}
      />
      <section className="vertex-tab" aria-labelledby="vertex-tab-heading">
        <h2 id="vertex-tab-heading">{active.label}</h2>
        {/* Keyed by vertex: in-tab state (expanded rows, searches) does not leak across vertices. */}
        {history && active.notArchived !== undefined ? (
          <p className="empty">{active.notArchived}</p>
        ) : (
          <vertexTabContext.Outlet key={`${jobId}/${vertexId}`} context={{ jobId, vertexId, parallelism }} />
        )}
      </section>
    </div>
  );
}

/** The router's entry to this page: the page and its tabs as child routes. */
export const tabbedPageRoute: TabbedPageRoute = { Component: VertexPage, children: tabRoutes(VERTEX_TAB_TABLE) };
