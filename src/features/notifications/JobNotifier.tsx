import { useEffect, useRef, type ReactNode } from 'react';
import { checkpointingStatisticsQueryOptions } from '../../api/checkpoints';
import { jobsOverviewQueryOptions } from '../../api/jobs';
import { jobMetricsQueryOptions } from '../../api/metrics';
import { usePolledQuery } from '../../api/polling';
import { isTerminal } from '../../lib/job-states';
import { observeJob, type AlertSettings, type JobObservation, type JobWatchState } from '../../lib/job-alerts';
import { notificationPermission, useAlertSettings } from './settings-store';

const RESTART_METRICS = { get: ['numRestarts'] } as const;

/**
 * Sends a browser notification when a watched job fails, restarts, or has N failed checkpoints in
 * a row. It polls nothing while notifications are off or no job is watched; otherwise, per refresh,
 * the jobs overview (shared with any page showing it) and, per watched job still running, its
 * `numRestarts` metric and its checkpoint statistics (shared with the job page's own reads): 1 + 2
 * requests per watched job, also while the tab is hidden. Rendered once, by the app's shell.
 */
export function JobNotifier(): ReactNode {
  const settings = useAlertSettings();
  if (!settings.enabled || settings.watched.length === 0 || notificationPermission() !== 'granted') return null;
  return <Watcher settings={settings} />;
}

function Watcher({ settings }: { settings: AlertSettings }): ReactNode {
  const overview = usePolledQuery(jobsOverviewQueryOptions(), 'live', true);
  const jobs = overview.data?.jobs;
  return settings.watched.map((watched) => {
    const job = jobs?.find((j) => j.jid === watched.id);
    return (
      <WatchedJob
        key={watched.id}
        jobId={watched.id}
        name={job?.name ?? watched.name}
        state={job?.state}
        failedCheckpoints={settings.failedCheckpoints}
      />
    );
  });
}

function WatchedJob(props: { jobId: string; name: string; state: string | undefined; failedCheckpoints: number }) {
  const { jobId, name, state, failedCheckpoints } = props;
  const running = state !== undefined && !isTerminal(state);
  const metrics = usePolledQuery({ ...jobMetricsQueryOptions(jobId, RESTART_METRICS), enabled: running }, 'live', true);
  const checkpoints = usePolledQuery({ ...checkpointingStatisticsQueryOptions(jobId), enabled: running }, 'live', true);
  const watch = useRef<JobWatchState | undefined>(undefined);

  const restartValue = metrics.data?.find((m) => m.id === 'numRestarts')?.value;
  const restarts = restartValue === undefined ? null : Number(restartValue);
  const cp = checkpoints.data;
  const completed = cp?.counts.completed;
  const failed = cp?.counts.failed;
  const history = cp?.history.map((h) => h.status).join(',');

  useEffect(() => {
    if (state === undefined) return;
    const observation: JobObservation = {
      state,
      restarts: restarts !== null && Number.isFinite(restarts) ? restarts : null,
      ...(completed !== undefined && failed !== undefined
        ? { checkpoints: { completed, failed, history: history ? history.split(',') : [] } }
        : {}),
    };
    const { next, alerts } = observeJob(watch.current, observation, { failedCheckpoints }, name);
    watch.current = next;
    if (notificationPermission() !== 'granted') return;
    for (const alert of alerts) {
      try {
        new Notification(alert.title, { body: alert.body, tag: `flink-${jobId}-${alert.kind}` });
      } catch {
        // Some browsers allow notifications only from a service worker: nothing to do here.
      }
    }
  }, [state, restarts, completed, failed, history, failedCheckpoints, name, jobId]);
  return null;
}
