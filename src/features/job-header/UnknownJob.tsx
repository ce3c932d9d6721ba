import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { links } from '../../lib/paths';
import './job-header.css';

/** A job the JobManager does not know (404), or an address that is not a job id at all. */
export function UnknownJob({ jobId, malformed = false }: { jobId: string; malformed?: boolean }): ReactNode {
  return (
    <div className="unknown-job" role="status">
      <h1>{malformed ? 'Not a job id' : 'Unknown job'}</h1>
      <p>
        {malformed ? (
          <>
            <code>{jobId}</code> is not a Flink job id (32 hexadecimal characters).
          </>
        ) : (
          <>
            This job is not known to the JobManager (it may have restarted): <code>{jobId}</code>
          </>
        )}
      </p>
      <p>
        <Link to={links.jobs()}>Back to the jobs list</Link>
      </p>
    </div>
  );
}
