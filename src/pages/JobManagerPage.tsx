import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { jobManagerConfigQueryOptions, jobManagerEnvironmentQueryOptions } from '../api/jobmanager';
import { usePolledQuery } from '../api/polling';
import { QueryState } from '../components/QueryState';
import { CONFIG_SORT_COLUMNS, ConfigurationTable, DEFAULT_CONFIG_SORT } from '../features/job-manager/ConfigurationTable';
import { EnvironmentView } from '../features/job-manager/EnvironmentView';
import { JobManagerCharts } from '../features/job-manager/JobManagerCharts';
import { LogFileView } from '../features/logs/LogFileView';
import { LogsSection } from '../features/logs/LogsSection';
import { SectionTabs } from '../features/task-managers/SectionTabs';
import { ThreadDumpPanel } from '../features/thread-dump/ThreadDumpPanel';
import { JOB_MANAGER_TABS, links, parseTab, type JobManagerTab } from '../lib/paths';
import { sortParam, stringParam, useSearchState } from '../lib/search-state';

const TAB_LABELS: Record<JobManagerTab, string> = {
  configuration: 'Configuration',
  environment: 'Environment',
  metrics: 'Metrics',
  logs: 'Logs',
  stdout: 'Stdout',
  'thread-dump': 'Thread dump',
};

const TABS = JOB_MANAGER_TABS.map((id) => ({ id, label: TAB_LABELS[id], to: links.jobManager(id) }));
const JM = { kind: 'jobmanager' } as const;

/** The job manager: configuration, JVM environment, metrics, logs, stdout and thread dump. */
export function JobManagerPage(): ReactNode {
  const tab = parseTab(JOB_MANAGER_TABS, useParams().tab);
  return (
    <div className="page">
      <h1>Job manager</h1>
      <SectionTabs tabs={TABS} current={tab} label="Job manager sections" />
      <TabContent tab={tab} />
    </div>
  );
}

function TabContent({ tab }: { tab: JobManagerTab }): ReactNode {
  switch (tab) {
    case 'configuration':
      return <ConfigurationTab />;
    case 'environment':
      return <EnvironmentTab />;
    case 'metrics':
      return <JobManagerCharts />;
    case 'logs':
      return <LogsSection source={JM} />;
    case 'stdout':
      return <LogFileView key="stdout" source={JM} file={{ kind: 'stdout' }} />;
    case 'thread-dump':
      return <ThreadDumpPanel source={JM} />;
  }
}

const qParam = stringParam();
const sortBy = sortParam(CONFIG_SORT_COLUMNS, DEFAULT_CONFIG_SORT);

function ConfigurationTab(): ReactNode {
  const config = usePolledQuery(jobManagerConfigQueryOptions());
  const [filter, setFilter] = useSearchState('q', qParam);
  const [sort, setSort] = useSearchState('sort', sortBy);
  return (
    <QueryState query={config} what="the configuration">
      {(entries) => <ConfigurationTable entries={entries} filter={filter} onFilterChange={setFilter} sort={sort} onSortChange={setSort} />}
    </QueryState>
  );
}

function EnvironmentTab(): ReactNode {
  const environment = usePolledQuery(jobManagerEnvironmentQueryOptions());
  return (
    <QueryState query={environment} what="the environment">
      {(data) => <EnvironmentView environment={data} />}
    </QueryState>
  );
}
