import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { links, type JobTab } from '../../lib/paths';

export interface JobTabLink {
  readonly id: JobTab;
  readonly label: string;
}

/** Links to the job's views; each is a deep link (`#/jobs/<id>/<tab>`). */
export function JobTabs({
  jobId,
  tabs,
  active,
}: {
  jobId: string;
  tabs: readonly JobTabLink[];
  active: JobTab;
}): ReactNode {
  return (
    <nav className="job-tabs" aria-label="Job views">
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          to={links.job(jobId, tab.id)}
          className={tab.id === active ? 'active' : undefined}
          aria-current={tab.id === active ? 'page' : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
