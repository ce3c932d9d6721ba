import type { LogFile } from '../features/logs/log-source';
import { JOB_MANAGER_TABS } from '../lib/paths';
import { tabContext, tabTable } from '../lib/tabs';

/** The job manager page hands its views nothing: there is one job manager. */
export const jobManagerTabContext = tabContext<undefined>();
const { view } = jobManagerTabContext;
const STDOUT: LogFile = { kind: 'stdout' };
const source = (): { source: { kind: 'jobmanager' } } => ({ source: { kind: 'jobmanager' } });

/** The job manager's sections (`#/jobmanager/<tab>`), each in its own chunk. */
export const JOB_MANAGER_TAB_TABLE = tabTable(JOB_MANAGER_TABS, {
  configuration: {
    label: 'Configuration',
    load: async () => (await import('../features/job-manager/ConfigurationTab')).ConfigurationTab,
  },
  environment: {
    label: 'Environment',
    load: async () => (await import('../features/job-manager/EnvironmentTab')).EnvironmentTab,
  },
  metrics: {
    label: 'Metrics',
    load: async () => (await import('../features/job-manager/JobManagerMetricsTab')).JobManagerMetricsTab,
  },
  logs: { label: 'Logs', load: view(async () => (await import('../features/logs/LogsSection')).LogsSection, source) },
  stdout: {
    label: 'Stdout',
    load: view(
      async () => (await import('../features/logs/LogFileView')).LogFileView,
      () => ({ ...source(), file: STDOUT }),
    ),
  },
  'thread-dump': {
    label: 'Thread dump',
    load: view(async () => (await import('../features/thread-dump/ThreadDumpPanel')).ThreadDumpPanel, source),
  },
  profiler: {
    label: 'Profiler',
    load: view(
      async () => (await import('../features/profiler/ProfilerPanel')).ProfilerPanel,
      () => ({ target: { kind: 'jobmanager' as const } }),
    ),
  },
});
