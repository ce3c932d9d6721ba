import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import {
  applicationsOverviewQueryOptions,
  isApplicationTerminal,
  type ApplicationOverview,
} from '../../api/applications';
import { usePolledQuery } from '../../api/polling';
import { column, DataTable } from '../../components/DataTable';
import { JobStateBadge } from '../../components/JobStateBadge';
import { QueryState } from '../../components/QueryState';
import { TaskCounts } from '../../components/TaskCounts';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import { useNow } from '../../lib/use-now';

/** How long an application has run: to now while it runs (`end-time` -1), else Flink's duration. */
function durationOf(app: ApplicationOverview, now: number): number {
  return app['end-time'] > 0 ? app.duration : Math.max(0, now - app['start-time']);
}

export function ApplicationJobCounts({ jobs }: { jobs: Readonly<Record<string, number>> }): ReactNode {
  return Object.values(jobs).some((n) => n > 0) ? <TaskCounts counts={jobs} label="Jobs by state" /> : 'no jobs';
}

function useColumns() {
  const now = useNow();
  return [
    column('name', {
      header: 'Application',
      value: (a: ApplicationOverview) => a.name,
      format: (name, a) => <Link to={links.application(a.id)}>{name}</Link>,
      search: true,
      rowHeader: true,
    }),
    column('id', {
      header: 'ID',
      value: (a: ApplicationOverview) => a.id,
      format: (id) => <code>{id}</code>,
      search: true,
    }),
    column('state', {
      header: 'State',
      value: (a: ApplicationOverview) => a.status,
      format: (s) => <JobStateBadge state={s} />,
      search: true,
    }),
    column('start', {
      header: 'Started',
      value: (a: ApplicationOverview) => a['start-time'],
      format: (t) => formatTimestamp(t),
    }),
    column('duration', {
      header: 'Duration',
      value: (a: ApplicationOverview) => durationOf(a, now),
      format: (d) => formatDuration(d),
    }),
    column('jobs', {
      header: 'Jobs',
      value: (a: ApplicationOverview) => Object.values(a.jobs).reduce((n, c) => n + c, 0),
      format: (_n, a) => <ApplicationJobCounts jobs={a.jobs} />,
      search: (_n, a) => Object.keys(a.jobs).join(' '),
    }),
  ];
}

/** Flink 2.3's applications, running and completed, as Flink's own dashboard lists them. */
export function ApplicationsList(): ReactNode {
  const query = usePolledQuery(applicationsOverviewQueryOptions());
  const columns = useColumns();
  return (
    <QueryState query={query} what="the applications">
      {({ applications }) => {
        const running = applications.filter((a) => !isApplicationTerminal(a.status));
        const completed = applications.filter((a) => isApplicationTerminal(a.status));
        return (
          <>
            <h2>Running applications</h2>
            <DataTable
              caption="Running applications"
              captionHidden
              columns={columns}
              rows={running}
              rowKey={(a) => a.id}
              defaultSort={{ column: 'start', direction: 'desc' }}
              filterable
              empty="No running applications."
            />
            <h2>Completed applications</h2>
            <DataTable
              caption="Completed applications"
              captionHidden
              columns={columns}
              rows={completed}
              rowKey={(a) => a.id}
              defaultSort={{ column: 'start', direction: 'desc' }}
              filterable
              empty="No completed applications."
            />
          </>
        );
      }}
    </QueryState>
  );
}
