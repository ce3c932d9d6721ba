import type { LogFile, LogSource } from '../features/logs/log-source';
import { TASK_MANAGER_TABS } from '../lib/paths';
import { tabContext, tabTable } from '../lib/tabs';

/** What the task manager page hands its views. */
export interface TaskManagerTabContext {
  readonly taskManagerId: string;
}

export const taskManagerTabContext = tabContext<TaskManagerTabContext>();
const { view } = taskManagerTabContext;
const STDOUT: LogFile = { kind: 'stdout' };
const source = ({ taskManagerId }: TaskManagerTabContext): { source: LogSource } => ({
  source: { kind: 'taskmanager', taskManagerId },
});

/** A task manager's sections (`#/taskmanagers/<id>/<tab>`), each in its own chunk. */
export const TASK_MANAGER_TAB_TABLE = tabTable(TASK_MANAGER_TABS, {
  metrics: {
    label: 'Metrics',
    load: view(
      async () => (await import('../features/task-managers/MetricsTab')).MetricsTab,
      ({ taskManagerId }) => ({ taskManagerId }),
    ),
  },
  logs: { label: 'Logs', load: view(async () => (await import('../features/logs/LogsSection')).LogsSection, source) },
  stdout: {
    label: 'Stdout',
    load: view(
      async () => (await import('../features/logs/LogFileView')).LogFileView,
      (context) => ({ ...source(context), file: STDOUT }),
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
      ({ taskManagerId }) => ({ target: { kind: 'taskmanager' as const, taskManagerId } }),
    ),
  },
});
