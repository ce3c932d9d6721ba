import { useId, useState, type ReactNode } from 'react';
import { clampFailed, toggleWatched } from '../../lib/job-alerts';
import { notificationPermission, saveAlertSettings, useAlertSettings } from './settings-store';
import './notifications.css';

/**
 * The job header's bell: watch this job (notify when it fails, restarts or has N failed
 * checkpoints in a row), and the browser's notification settings: off until enabled here, which
 * asks the browser's permission; kept in this browser only.
 */
export function WatchJob({ jobId, jobName }: { jobId: string; jobName: string }): ReactNode {
  const settings = useAlertSettings();
  const [permission, setPermission] = useState(notificationPermission);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const watching = settings.watched.some((w) => w.id === jobId);
  if (permission === 'unsupported') return null;

  const enable = async (on: boolean): Promise<void> => {
    if (on && Notification.permission !== 'granted') {
      const answer = await Notification.requestPermission();
      setPermission(answer);
      if (answer !== 'granted') return;
    }
    saveAlertSettings({ ...settings, enabled: on });
  };

  return (
    <div className="notify">
      <button
        type="button"
        aria-pressed={watching}
        onClick={() => saveAlertSettings(toggleWatched(settings, { id: jobId, name: jobName }))}
        title="Notify me when this job fails, restarts or its checkpoints keep failing"
      >
        <span aria-hidden="true">{watching ? '🔔' : '🔕'}</span> {watching ? 'Watching' : 'Watch'}
      </button>
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        Notifications
      </button>
      {watching && !(settings.enabled && permission === 'granted') && (
        <span className="notify-hint">Notifications are off in this browser.</span>
      )}
      {open && (
        <div id={panelId} className="notify-panel" role="group" aria-label="Notification settings">
          <label>
            <input
              type="checkbox"
              checked={settings.enabled && permission === 'granted'}
              onChange={(e) => void enable(e.target.checked)}
            />
            Browser notifications for watched jobs
          </label>
          {permission === 'denied' && <p className="notify-hint">The browser blocks notifications for this site.</p>}
          <label>
            Notify after
            <input
              type="number"
              min={1}
              max={100}
              value={settings.failedCheckpoints}
              onChange={(e) =>
                saveAlertSettings({ ...settings, failedCheckpoints: clampFailed(e.target.valueAsNumber) })
              }
            />
            failed checkpoints in a row
          </label>
          <p className="notify-hint">
            Watched: {settings.watched.length === 0 ? 'none' : settings.watched.map((w) => w.name).join(', ')}. Per
            refresh this costs the jobs overview and, per watched running job, its restart count and checkpoint
            statistics (2 requests), also while this tab is in the background. Kept in this browser only.
          </p>
        </div>
      )}
    </div>
  );
}
