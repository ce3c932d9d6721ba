import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { jobDetailsQueryOptions } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import { vertexDetailsQueryOptions } from '../../api/vertices';
import { JobStateBadge } from '../../components/JobStateBadge';
import { QueryState } from '../../components/QueryState';
import { Stat, StatDetail, StatGrid } from '../../components/StatGrid';
import { TaskCounts } from '../../components/TaskCounts';
import { formatBytes, formatCount, formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import { vertexFacts, type IoTotal, type VertexFacts } from './vertex-facts';
import './vertex.css';

interface VertexHeaderProps {
  jobId: string;
  vertexId: string;
}

/** What the header's figures need: from the job's entry for the vertex, or else the vertex details. */
interface HeaderFigures {
  readonly id: string;
  readonly parallelism: number;
  readonly maxParallelism: number;
  readonly facts: VertexFacts | null;
}

/**
 * The vertex's name (untrusted text), status, parallelism, task counts per state, I/O totals and
 * times, and the way back to its job. Reads the job's details, which the page polls anyway. The
 * vertex details (one entry per subtask: tens of KiB a refresh at parallelism 512) are read only
 * when the job's details do not list this vertex, so the watermarks and back-pressure tabs of a
 * wide vertex do not pay for them.
 */
export function VertexHeader({ jobId, vertexId }: VertexHeaderProps): ReactNode {
  const job = usePolledQuery(jobDetailsQueryOptions(jobId));
  const summary = job.data?.vertices.find((v) => v.id === vertexId);
  const fromDetails = job.isError || (job.data !== undefined && summary === undefined);
  const details = usePolledQuery({ ...vertexDetailsQueryOptions(jobId, vertexId), enabled: fromDetails });
  const name = summary?.name ?? details.data?.name;

  return (
    <header className="vertex-header">
      <p className="breadcrumb">
        {/* Back to the job's graph with this vertex picked: the graph and the vertex table mark it. */}
        <Link to={{ pathname: links.job(jobId), search: `?vertex=${encodeURIComponent(vertexId)}` }}>
          ← Job <bdi className="untrusted-text">{job.data?.name ?? jobId}</bdi>
        </Link>
      </p>
      <h1 className="vertex-name untrusted-text">
        <span className="visually-hidden">Vertex: </span>
        <bdi>{name ?? `Vertex ${vertexId}`}</bdi>
      </h1>
      {fromDetails ? (
        <QueryState query={details} what="the vertex">
          {(data) => <VertexFigures figures={{ ...data, facts: vertexFacts(undefined, data) }} status={undefined} />}
        </QueryState>
      ) : (
        <QueryState query={job} what="the vertex">
          {() =>
            summary ? (
              <VertexFigures figures={{ ...summary, facts: vertexFacts(summary, undefined) }} status={summary.status} />
            ) : null
          }
        </QueryState>
      )}
    </header>
  );
}

function VertexFigures({ figures, status }: { figures: HeaderFigures; status: string | undefined }): ReactNode {
  const { facts } = figures;
  return (
    <>
      <StatGrid dense label="Vertex">
        <Stat term="Status">{status ? <JobStateBadge state={status} /> : '–'}</Stat>
        <Stat term="Parallelism">
          {figures.parallelism}
          <StatDetail>max {figures.maxParallelism}</StatDetail>
        </Stat>
        <Stat term="Tasks" wide smallValue>
          {facts ? <TaskCounts counts={facts.tasks} label="Tasks per state" /> : '–'}
        </Stat>
        <Stat term="Vertex ID" wide valueClassName="mono vertex-id">
          {figures.id}
        </Stat>
      </StatGrid>
      {facts && (
        <StatGrid dense label="Input, output and times">
          <Stat term="Bytes received">{io(facts.bytesIn, formatBytes)}</Stat>
          <Stat term="Records received">{io(facts.recordsIn, formatCount)}</Stat>
          <Stat term="Bytes sent">{io(facts.bytesOut, formatBytes)}</Stat>
          <Stat term="Records sent">{io(facts.recordsOut, formatCount)}</Stat>
          <Stat term="Start" smallValue>
            {formatTimestamp(facts.start)}
          </Stat>
          <Stat term="End" smallValue>
            {formatTimestamp(facts.end)}
          </Stat>
          <Stat term="Duration" smallValue>
            {formatDuration(facts.duration)}
          </Stat>
        </StatGrid>
      )}
      {facts && (
        <p className="vertex-io-note">
          Received and sent count what crosses the network between tasks, as Flink&apos;s counters do: 0 received for a
          source, 0 sent for a sink.
        </p>
      )}
    </>
  );
}

/** A total as text; "+" when Flink could not read every subtask's counter (as its own UI shows). */
function io(total: IoTotal, format: (n: number) => string): ReactNode {
  if (total.complete) return format(total.value);
  return <span title="Not every subtask's counter could be read: at least this much">{format(total.value)}+</span>;
}
