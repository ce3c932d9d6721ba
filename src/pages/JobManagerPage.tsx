import type { ReactNode } from 'react';
import { TabNav } from '../components/TabNav';
import { links } from '../lib/paths';
import type { TabbedPageRoute } from '../lib/tab-routes';
import { tabRoutes } from '../lib/tabs';
import { JOB_MANAGER_TAB_TABLE, jobManagerTabContext } from './job-manager-tabs';

/** The job manager: configuration, JVM environment, metrics, logs, stdout and thread dump. */
export function JobManagerPage(): ReactNode {
  return (
    <div className="page">
      <h1>Job manager</h1>
      <TabNav label="Job manager sections" tabs={JOB_MANAGER_TAB_TABLE} linkTo={links.jobManager} />
      <jobManagerTabContext.Outlet context={undefined} />
    </div>
  );
}

/** The router's entry to this page: the page and its tabs as child routes. */
export const tabbedPageRoute: TabbedPageRoute = {
  Component: JobManagerPage,
  children: tabRoutes(JOB_MANAGER_TAB_TABLE),
};
