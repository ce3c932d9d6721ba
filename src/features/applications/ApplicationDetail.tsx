import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import {
  applicationDetailsQueryOptions,
  applicationExceptionsQueryOptions,
  applicationJobManagerConfigQueryOptions,
  type ApplicationDetails,
  type ApplicationException,
} from '../../api/applications';
import { FlinkApiError } from '../../api/errors';
import type { JobOverview } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import type { ConfigEntry } from '../../api/schemas';
import { column, DataTable } from '../../components/DataTable';
import { JobStateBadge } from '../../components/JobStateBadge';
import { QueryState } from '../../components/QueryState';
import { Stat, StatGrid } from '../../components/StatGrid';
import { TaskCounts } from '../../components/TaskCounts';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import { useNow } from '../../lib/use-now';
import './applications.css';

/** Shown instead of the page when the JobManager does not know the application. */
export function UnknownApplication({ applicationId }: { applicationId: string }): ReactNode {
  return (
    <>
      <h1>Unknown application</h1>
      <p>
        The JobManager does not know the application <code>{applicationId}</code>.{' '}
        <Link to={links.applications()}>All applications</Link>
      </p>
    </>
  );
}

/** Whether an error is Flink 2.3's answer for an unknown application (a 500 naming the exception). */
export function isUnknownApplication(error: unknown): boolean {
  return (
    error instanceof FlinkApiError && error.flinkMessages.some((m) => m.includes('FlinkApplicationNotFoundException'))
  );
}

export function ApplicationSummary({ app }: { app: ApplicationDetails }): ReactNode {
  const now = useNow();
  const duration = app['end-time'] > 0 ? app.duration : Math.max(0, now - app['start-time']);
  return (
    <StatGrid label="Application summary">
      <Stat term="State">
        <JobStateBadge state={app.status} />
      </Stat>
      <Stat term="ID" smallValue>
        <code>{app.id}</code>
      </Stat>
      <Stat term="Started">{formatTimestamp(app['start-time'])}</Stat>
      <Stat term="Ended">{app['end-time'] > 0 ? formatTimestamp(app['end-time']) : '–'}</Stat>
      <Stat term="Duration">{formatDuration(duration)}</Stat>
      <Stat term="Jobs">{app.jobs.length}</Stat>
    </StatGrid>
  );
}

/** The numeric fields of a loose object (a job's task counts), as TaskCounts takes them. */
function numbersOf(record: Readonly<Record<string, unknown>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(record)) if (typeof n === 'number') out[key] = n;
  return out;
}

function useJobColumns() {
  const now = useNow();
  return [
    column('name', {
      header: 'Job',
      value: (j: JobOverview) => j.name,
      format: (name, j) => <Link to={links.job(j.jid)}>{name}</Link>,
      search: true,
      rowHeader: true,
    }),
    column('state', {
      header: 'State',
      value: (j: JobOverview) => j.state,
      format: (s) => <JobStateBadge state={s} />,
      search: true,
    }),
    column('start', {
      header: 'Started',
      value: (j: JobOverview) => j['start-time'],
      format: (t) => formatTimestamp(t),
    }),
    column('duration', {
      header: 'Duration',
      value: (j: JobOverview) => (j['end-time'] > 0 ? j.duration : Math.max(0, now - j['start-time'])),
      format: (d) => formatDuration(d),
    }),
    column('tasks', {
      header: 'Tasks',
      value: (j: JobOverview) => j.tasks.total,
      format: (_n, j) => <TaskCounts counts={numbersOf(j.tasks)} />,
    }),
  ];
}

export function ApplicationJobs({ app }: { app: ApplicationDetails }): ReactNode {
  const columns = useJobColumns();
  return (
    <DataTable
      caption="Jobs of this application"
      columns={columns}
      rows={app.jobs}
      rowKey={(j) => j.jid}
      defaultSort={{ column: 'start', direction: 'asc' }}
      empty="The application has submitted no job yet."
    />
  );
}

export function ApplicationExceptionsView({ applicationId }: { applicationId: string }): ReactNode {
  const query = usePolledQuery(applicationExceptionsQueryOptions(applicationId));
  return (
    <QueryState
      query={query}
      what="the application's exceptions"
      empty={{ when: (d) => d.exceptionHistory.entries.length === 0, message: 'No exceptions.' }}
    >
      {(data) => (
        <ol className="app-exceptions" aria-label="Application exceptions">
          {data.exceptionHistory.entries.map((e: ApplicationException, i) => (
            <li key={`${e.timestamp}-${i}`}>
              <p>
                <strong>{e.exceptionName}</strong> at {formatTimestamp(e.timestamp)}
                {e.jobId ? (
                  <>
                    {' '}
                    in job <Link to={links.job(e.jobId)}>{e.jobId}</Link>
                  </>
                ) : null}
              </p>
              <details>
                <summary>Stack trace</summary>
                <pre>{e.stacktrace}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </QueryState>
  );
}

const configColumns = [
  column('key', { header: 'Key', value: (e: ConfigEntry) => e.key, search: true, rowHeader: true }),
  column('value', { header: 'Value', value: (e: ConfigEntry) => e.value, search: true, sort: false }),
];

export function ApplicationConfigView({ applicationId }: { applicationId: string }): ReactNode {
  const query = usePolledQuery(applicationJobManagerConfigQueryOptions(applicationId));
  return (
    <QueryState query={query} what="the application's JobManager configuration">
      {(entries) => (
        <DataTable
          caption="JobManager configuration of this application"
          captionHidden
          columns={configColumns}
          rows={entries}
          rowKey={(e) => e.key}
          defaultSort={{ column: 'key', direction: 'asc' }}
          filterable
          pageSize={50}
        />
      )}
    </QueryState>
  );
}

/** One application: its summary, its jobs, its exceptions, the JobManager configuration it ran with. */
export function ApplicationDetail({
  applicationId,
  actions,
}: {
  applicationId: string;
  /** What can be done to it (the page passes the operations feature's controls). */
  actions?: (app: ApplicationDetails) => ReactNode;
}): ReactNode {
  const query = usePolledQuery(applicationDetailsQueryOptions(applicationId));
  if (query.data === undefined && isUnknownApplication(query.error)) {
    return <UnknownApplication applicationId={applicationId} />;
  }
  return (
    <>
      <h1>{query.data?.name ?? 'Application'}</h1>
      <p>
        <Link to={links.applications()}>All applications</Link>
      </p>
      <QueryState query={query} what="the application" notFound={<UnknownApplication applicationId={applicationId} />}>
        {(app) => (
          <>
            <ApplicationSummary app={app} />
            {actions?.(app)}
            <section aria-labelledby="app-jobs-heading">
              <h2 id="app-jobs-heading">Jobs</h2>
              <ApplicationJobs app={app} />
            </section>
          </>
        )}
      </QueryState>
      <section aria-labelledby="app-exceptions-heading">
        <h2 id="app-exceptions-heading">Exceptions</h2>
        <ApplicationExceptionsView applicationId={applicationId} />
      </section>
      <section aria-labelledby="app-config-heading">
        <h2 id="app-config-heading">JobManager configuration</h2>
        <ApplicationConfigView applicationId={applicationId} />
      </section>
    </>
  );
}
