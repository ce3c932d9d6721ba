import { useMemo, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { jobsOverviewQueryOptions, type JobOverview } from '../api/jobs';
import { usePolledQuery } from '../api/polling';
import { taskManagerDetailsQueryOptions } from '../api/taskmanagers';
import { QueryState } from '../components/QueryState';
import { LogFileView } from '../features/logs/LogFileView';
import { LogsSection } from '../features/logs/LogsSection';
import { GarbageCollectorsTable, JvmMemoryTable, MemoryModel } from '../features/task-managers/MemoryPanel';
import { SectionTabs } from '../features/task-managers/SectionTabs';
import { SlotsTable } from '../features/task-managers/SlotsTable';
import { TaskManagerCharts } from '../features/task-managers/TaskManagerCharts';
import { TaskManagerSummary } from '../features/task-managers/TaskManagerSummary';
import { ThreadDumpPanel } from '../features/thread-dump/ThreadDumpPanel';
import { links, parseTab, TASK_MANAGER_TABS, type TaskManagerTab } from '../lib/paths';

const TAB_LABELS: Record<TaskManagerTab, string> = {
  metrics: 'Metrics',
  logs: 'Logs',
  stdout: 'Stdout',
  'thread-dump': 'Thread dump',
};

/** One task manager: summary, memory, slots and charts, its logs, stdout and thread dump. */
export function TaskManagerPage(): ReactNode {
  const params = useParams();
  const taskManagerId = params.taskManagerId ?? '';
  const tab = parseTab(TASK_MANAGER_TABS, params.tab);
  const details = usePolledQuery(taskManagerDetailsQueryOptions(taskManagerId));
  const tabs = TASK_MANAGER_TABS.map((id) => ({ id, label: TAB_LABELS[id], to: links.taskManager(taskManagerId, id) }));
  return (
    <div className="page">
      <p>
        <Link to={links.taskManagers()}>Task managers</Link> /
      </p>
      <h1 className="mono">Task manager {taskManagerId}</h1>
      <QueryState query={details} what="the task manager">
        {(data) => <TaskManagerSummary details={data} />}
      </QueryState>
      <SectionTabs tabs={tabs} current={tab} label="Task manager sections" />
      <TabContent tab={tab} taskManagerId={taskManagerId} />
    </div>
  );
}

function TabContent({ tab, taskManagerId }: { tab: TaskManagerTab; taskManagerId: string }): ReactNode {
  switch (tab) {
    case 'metrics':
      return <MetricsTab taskManagerId={taskManagerId} />;
    case 'logs':
      return <LogsSection source={{ kind: 'taskmanager', taskManagerId }} />;
    case 'stdout':
      return <LogFileView key="stdout" source={{ kind: 'taskmanager', taskManagerId }} file={{ kind: 'stdout' }} />;
    case 'thread-dump':
      return <ThreadDumpPanel source={{ kind: 'taskmanager', taskManagerId }} />;
  }
}

function MetricsTab({ taskManagerId }: { taskManagerId: string }): ReactNode {
  const details = usePolledQuery(taskManagerDetailsQueryOptions(taskManagerId));
  const jobs = usePolledQuery(jobsOverviewQueryOptions());
  const jobsById = useMemo(() => new Map<string, JobOverview>((jobs.data?.jobs ?? []).map((j) => [j.jid, j])), [jobs.data]);
  return (
    <QueryState query={details} what="the task manager">
      {(data) => (
        <>
          <section aria-labelledby="tm-memory">
            <h2 id="tm-memory">Memory</h2>
            <div className="memory-columns">
              <div>
                <h3>Memory model</h3>
                <MemoryModel config={data.memoryConfiguration} />
              </div>
              <div>
                <h3>JVM memory now</h3>
                <JvmMemoryTable metrics={data.metrics} />
                <h3>Garbage collectors</h3>
                <GarbageCollectorsTable collectors={data.metrics.garbageCollectors} />
              </div>
            </div>
          </section>
          <section aria-labelledby="tm-slots">
            <h2 id="tm-slots">Slots</h2>
            <SlotsTable details={data} jobs={jobsById} />
          </section>
          <section aria-labelledby="tm-charts">
            <h2 id="tm-charts">Over time</h2>
            <TaskManagerCharts taskManagerId={taskManagerId} />
          </section>
        </>
      )}
    </QueryState>
  );
}
