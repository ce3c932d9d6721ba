import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { jobDetailsQueryOptions } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import { vertexDetailsQueryOptions } from '../../api/vertices';
import { JobStateBadge } from '../../components/JobStateBadge';
import { QueryState } from '../../components/QueryState';
import { Stat, StatDetail, StatGrid } from '../../components/StatGrid';
import { links } from '../../lib/paths';
import './vertex.css';

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
          <StatGrid dense>
            <Stat term="Status">{summary ? <JobStateBadge state={summary.status} /> : '–'}</Stat>
            <Stat term="Parallelism">
              {data.parallelism}
              <StatDetail>max {data.maxParallelism}</StatDetail>
            </Stat>
            <Stat term="Vertex ID" wide valueClassName="mono vertex-id">
              {data.id}
            </Stat>
          </StatGrid>
        )}
      </QueryState>
    </header>
  );
}
