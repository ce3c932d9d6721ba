import type { ReactNode } from 'react';
import { useRefreshControls } from '../refresh/useRefreshInterval';
import { useRuntimeConfig } from './runtime-config-context';

const CHOICES = [1000, 2000, 3000, 5000, 10_000, 30_000, 60_000];

function label(ms: number): string {
  return ms < 60_000 ? `${ms / 1000} s` : `${ms / 60_000} min`;
}

/**
 * The user's say over polling: an interval (or the default: the deployment's config.json
 * `refreshIntervalMs`, else the JobManager's `refresh-interval`) and pause.
 */
export function RefreshControl(): ReactNode {
  const controls = useRefreshControls();
  const config = useRuntimeConfig();
  const defaultMs = config.refreshIntervalMs ?? controls.serverDefaultMs;
  const defaultLabel = config.refreshIntervalMs !== null ? 'Deployment default' : 'Cluster default';
  return (
    <span className="refresh-control">
      <label>
        <span>Refresh</span>
        <select
          value={controls.userIntervalMs === null ? 'server' : String(controls.userIntervalMs)}
          onChange={(e) => controls.setIntervalMs(e.target.value === 'server' ? null : Number(e.target.value))}
        >
          <option value="server">
            {defaultLabel}
            {defaultMs ? ` (${label(defaultMs)})` : ''}
          </option>
          {CHOICES.map((ms) => (
            <option key={ms} value={ms}>
              Every {label(ms)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" aria-pressed={controls.paused} onClick={() => controls.setPaused(!controls.paused)}>
        {controls.paused ? 'Resume' : 'Pause'}
      </button>
    </span>
  );
}
