import type { ReactNode } from 'react';
import { KIOSK_VIEWS, MIN_ROTATE_SECONDS } from './runtime-config';

/** Shown instead of the app when config.json is present but wrong: says which field and how. */
export function ConfigErrorPage({ problems }: { problems: readonly string[] }): ReactNode {
  return (
    <main className="page config-error">
      <h1>The dashboard's config.json is invalid</h1>
      <p>Fix these settings in config.json (next to index.html) and reload:</p>
      <ul>
        {problems.map((p) => (
          <li key={p}>
            <code>{p}</code>
          </li>
        ))}
      </ul>
      <p>Known settings:</p>
      <ul className="config-known">
        <li>
          <code>kind</code>: "jobmanager" (default) or "history" (Flink's History Server)
        </li>
        <li>
          <code>apiBase</code>: string, default "api/"
        </li>
        <li>
          <code>restVersionPrefix</code>: "v1" or null
        </li>
        <li>
          <code>clusterName</code>: string
        </li>
        <li>
          <code>refreshIntervalMs</code>: integer ≥ 500 or null (the deployment's default over the JobManager's)
        </li>
        <li>
          <code>readOnly</code>: boolean
        </li>
        <li>
          <code>theme</code>: "system", "light" or "dark"
        </li>
        <li>
          <code>kiosk</code>: an object with <code>enabled</code> (boolean), <code>rotateSeconds</code> (0 or an integer
          ≥ {MIN_ROTATE_SECONDS}), <code>views</code> (a list of {KIOSK_VIEWS.map((v) => `"${v}"`).join(', ')}),{' '}
          <code>refreshIntervalMs</code> (integer ≥ 500 or null) and <code>theme</code> ("system", "light" or "dark")
        </li>
      </ul>
    </main>
  );
}
