import type { ReactNode } from 'react';

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
      <p>
        Known settings: <code>apiBase</code> (string, default "api/"), <code>restVersionPrefix</code> ("v1" or null),{' '}
        <code>clusterName</code> (string), <code>refreshIntervalMs</code> (integer ≥ 500 or null), <code>readOnly</code>{' '}
        (boolean), <code>theme</code> ("system", "light" or "dark").
      </p>
    </main>
  );
}
