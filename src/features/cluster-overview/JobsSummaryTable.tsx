import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { JobOverview } from '../../api/jobs';
import { JobStateBadge, stateTone } from '../../components/JobStateBadge';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import { useNow } from '../../lib/use-now';

interface JobsSummaryTableProps {
  jobs: readonly JobOverview[];
  caption: string;
  timeZone?: string;
}

const TASK_STATES = ['running', 'finished', 'canceled', 'failed'] as const;

/** A compact table of jobs; names are untrusted text from Flink and are rendered as text. */
export function JobsSummaryTable({ jobs, caption, timeZone }: JobsSummaryTableProps): ReactNode {
  const now = useNow();
  if (jobs.length === 0) return <p className="empty">No {caption.toLowerCase()}.</p>;
  // The wrapper scrolls sideways on a narrow screen; the page does not.
  return (
    <div className="data-table-wrap">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">State</th>
            <th scope="col">Started</th>
            <th scope="col">Duration</th>
            <th scope="col">Tasks</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => {
            const running = job['end-time'] <= 0;
            const duration = running ? now - job['start-time'] : job.duration;
            return (
              <tr key={job.jid} className={`row-${stateTone(job.state)}`}>
                <th scope="row" className="job-name">
                  <Link to={links.job(job.jid)}>{job.name}</Link>
                </th>
                <td>
                  <JobStateBadge state={job.state} />
                </td>
                <td>{formatTimestamp(job['start-time'], timeZone)}</td>
                <td>{formatDuration(duration)}</td>
                <td className="task-counts">
                  {TASK_STATES.filter((s) => (job.tasks[s] ?? 0) > 0).map((s) => (
                    <span key={s} className={`task-count task-${s}`} title={`${s} tasks`}>
                      {job.tasks[s]} {s}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
