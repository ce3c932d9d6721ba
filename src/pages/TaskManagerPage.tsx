import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { usePolledQuery } from '../api/polling';
import { taskManagerDetailsQueryOptions } from '../api/taskmanagers';
import { QueryState } from '../components/QueryState';
import { TabNav } from '../components/TabNav';
import { TaskManagerSummary } from '../features/task-managers/TaskManagerSummary';
import { links } from '../lib/paths';
import type { TabbedPageRoute } from '../lib/tab-routes';
import { tabRoutes } from '../lib/tabs';
import { TASK_MANAGER_TAB_TABLE, taskManagerTabContext } from './task-manager-tabs';

/** One task manager: summary, then its sections (metrics, logs, stdout, thread dump). */
export function TaskManagerPage(): ReactNode {
  const { taskManagerId = '' } = useParams();
  const details = usePolledQuery(taskManagerDetailsQueryOptions(taskManagerId));
  return (
    <div className="page">
      <p>
        <Link to={links.taskManagers()}>Task managers</Link> /
      </p>
      <h1 className="mono">Task manager {taskManagerId}</h1>
      <QueryState query={details} what="the task manager">
        {(data) => <TaskManagerSummary details={data} />}
      </QueryState>
      <TabNav
        label="Task manager sections"
        tabs={TASK_MANAGER_TAB_TABLE}
        linkTo={(tab) => links.taskManager(taskManagerId, tab)}
      />
      <taskManagerTabContext.Outlet context={{ taskManagerId }} />
    </div>
  );
}

/** The router's entry to this page: the page and its tabs as child routes. */
export const tabbedPageRoute: TabbedPageRoute = {
  Component: TaskManagerPage,
  children: tabRoutes(TASK_MANAGER_TAB_TABLE),
};
