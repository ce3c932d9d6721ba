import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { JobDetails } from '../../api/jobs';
import { JobStateBadge } from '../../components/JobStateBadge';
import { TaskCounts } from '../../components/TaskCounts';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import { useNow } from '../../lib/use-now';
import { liveDuration } from './restarts';
import { jobTaskCounts } from './task-counts';
import { useRestartCount } from './useRestartCount';
import './job-header.css';

interface JobHeaderProps {
  details: JobDetails;
  /** When the details arrived (the query's `dataUpdatedAt`), for the live duration. */
  receivedAt: number;
  /** The job's action controls, if any (the page passes them in: features don't import each other). */
  actions?: ReactNode;
}

/**
 * The job's name (as text: names are untrusted), id, state, times, restart count, its tasks per
 * state (as Flink's own header shows them) and a link to the JobManager's log.
 */
export function JobHeader({ details, receivedAt, actions }: JobHeaderProps): ReactNode {
  const restarts = useRestartCount(details.jid, details);
  const ended = details['end-time'] > 0;
  return (
    <header className="job-header">
      <h1 className="job-title">{details.name}</h1>
      {/* After the facts in reading order (on a phone they stand below the state); CSS places
          them beside the name on a wide screen. */}
      <dl className="job-facts">
        <div>
          <dt>State</dt>
          <dd>
            <JobStateBadge state={details.state} />
          </dd>
        </div>
        <div>
          <dt>Job ID</dt>
          <dd>
            <code>{details.jid}</code>
          </dd>
        </div>
        {details['application-id'] !== undefined && (
          <div>
            {/* Flink 2.3+: the application the job belongs to. */}
            <dt>Application</dt>
            <dd>
              <Link to={links.application(details['application-id'])}>
                <code>{details['application-id']}</code>
              </Link>
            </dd>
          </div>
        )}
        <div>
          <dt>Started</dt>
          <dd>{formatTimestamp(details['start-time'])}</dd>
        </div>
        {ended && (
          <div>
            <dt>Ended</dt>
            <dd>{formatTimestamp(details['end-time'])}</dd>
          </div>
        )}
        <div>
          <dt>Duration</dt>
          <dd>
            {ended ? formatDuration(details.duration) : <LiveDuration details={details} receivedAt={receivedAt} />}
          </dd>
        </div>
        <div>
          <dt>Restarts</dt>
          <dd className={restarts !== null && restarts > 0 ? 'job-restarts-some' : undefined}>{restarts ?? '–'}</dd>
        </div>
        <div>
          <dt>Tasks</dt>
          <dd>
            <TaskCounts counts={jobTaskCounts(details)} label="Tasks per state" />
          </dd>
        </div>
        <div>
          <dt>JobManager</dt>
          <dd>
            {/* The dashboard's own log view: Flink's /jobs/:id/jobmanager/log-url names Flink's own
                UI (its address as the JobManager sees itself), not reachable behind a proxy. */}
            <Link to={links.jobManager('logs')}>JobManager log</Link>
          </dd>
        </div>
      </dl>
      {actions && <div className="job-header-actions">{actions}</div>}
    </header>
  );
}

/** Ticks every second on the shared clock; only this text re-renders. */
function LiveDuration({ details, receivedAt }: JobHeaderProps): ReactNode {
  const now = useNow();
  return formatDuration(liveDuration(details, receivedAt, now));
}
