import type { ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { jobDetailsQueryOptions } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import { vertexDetailsQueryOptions } from '../../api/vertices';
import { JobStateBadge } from '../../components/JobStateBadge';
import { QueryState } from '../../components/QueryState';
import { links, VERTEX_TABS, type VertexTab } from '../../lib/paths';
import './vertex.css';

export const VERTEX_TAB_LABELS: Record<VertexTab, string> = {
  subtasks: 'Subtasks',
  taskmanagers: 'Task managers',
  backpressure: 'Back pressure',
  watermarks: 'Watermarks',
  accumulators: 'Accumulators',
  metrics: 'Metrics',
  flamegraph: 'Flame graph',
};

interface VertexHeaderProps {
  jobId: string;
  vertexId: string;
}

/** The vertex's name (untrusted text), parallelism and status, and the way back to its job. */
export function VertexHeader({ jobId, vertexId }: VertexHeaderProps): ReactNode {
  const details = usePolledQuery(vertexDetailsQueryOptions(jobId, vertexId));
  const job = usePolledQuery(jobDetailsQueryOptions(jobId));
  const summary = job.data?.vertices.find((v) => v.id === vertexId);
  const name = details.data?.name ?? summary?.name;

  return (
    <header className="vertex-header">
      <p className="breadcrumb">
        <Link to={links.job(jobId)}>
          ← Job <bdi className="untrusted-text">{job.data?.name ?? jobId}</bdi>
        </Link>
      </p>
      <h1 className="vertex-name untrusted-text">
        <span className="visually-hidden">Vertex: </span>
        <bdi>{name ?? `Vertex ${vertexId}`}</bdi>
      </h1>
      <QueryState query={details} what="the vertex">
        {(data) => (
          <dl className="stat-grid vertex-stats">
            <div className="stat">
              <dt>Status</dt>
              <dd>{summary ? <JobStateBadge state={summary.status} /> : '–'}</dd>
            </div>
            <div className="stat">
              <dt>Parallelism</dt>
              <dd>
                {data.parallelism}
                <span className="stat-sub">max {data.maxParallelism}</span>
              </dd>
            </div>
            <div className="stat">
              <dt>Vertex ID</dt>
              <dd className="mono vertex-id">{data.id}</dd>
            </div>
          </dl>
        )}
      </QueryState>
    </header>
  );
}

/** One link per tab; the query string (picks, time zone, flame graph type) carries over. */
export function VertexTabs({ jobId, vertexId, active }: VertexHeaderProps & { active: VertexTab }): ReactNode {
  const { search } = useLocation();
  return (
    <nav className="vertex-tabs" aria-label="Vertex views">
      {VERTEX_TABS.map((tab) => (
        <NavLink
          key={tab}
          to={{ pathname: links.vertex(jobId, vertexId, tab), search }}
          className={tab === active ? 'active' : undefined}
          aria-current={tab === active ? 'page' : undefined}
        >
          {VERTEX_TAB_LABELS[tab]}
        </NavLink>
      ))}
    </nav>
  );
}
