// Who may do what, in one place: the dashboard's read-only mode (config.json `readOnly`, always
// on in kiosk mode) forbids every change; otherwise the JobManager's `/config` features say which
// controls its own web UI offers (`web-submit`, `web-cancel`, `web-rescale`), and we honour them.

import { webConfigQueryOptions, type WebConfig } from '../../api/cluster';
import { useHistoryServer, usePolledQuery } from '../../api/polling';
import { getApiSettings } from '../../api/settings';

export interface Permissions {
  /** The dashboard runs read-only: nothing that changes anything is rendered. */
  readonly readOnly: boolean;
  /** Upload, run and delete jars, and ask for a jar's plan (`web-submit`). */
  readonly submit: boolean;
  /** Cancel a job, stop it with a savepoint, or cancel it after a savepoint (`web-cancel`). */
  readonly cancel: boolean;
  /** Rescale a job and change its resource requirements (`web-rescale`). */
  readonly rescale: boolean;
  /** Trigger savepoints and checkpoints (they change nothing the job sees). */
  readonly snapshot: boolean;
  /** Delete data sets, dispose savepoints, shut the cluster down. */
  readonly cluster: boolean;
  /**
   * The JobManager serves the jar endpoints at all (`web-submit`), even when this dashboard may
   * not use them; undefined until `/config` answered.
   */
  readonly jarsServed: boolean | undefined;
}

export const NO_PERMISSIONS: Permissions = Object.freeze({
  readOnly: true,
  submit: false,
  cancel: false,
  rescale: false,
  snapshot: false,
  cluster: false,
  jarsServed: undefined,
});

/**
 * The permissions for a read-only flag and the JobManager's features. Until `/config` answered
 * (features undefined) only what needs no feature flag is allowed, and nothing when read-only.
 */
export function permissionsFrom(readOnly: boolean, features: WebConfig['features'] | undefined): Permissions {
  const jarsServed = features === undefined ? undefined : features['web-submit'];
  if (readOnly) return { ...NO_PERMISSIONS, jarsServed };
  return {
    jarsServed,
    readOnly: false,
    submit: features?.['web-submit'] === true,
    cancel: features?.['web-cancel'] === true,
    rescale: features?.['web-rescale'] === true,
    snapshot: true,
    cluster: true,
  };
}

/** The current permissions: read-only mode from the API settings, features from `GET /config`. */
export function usePermissions(): Permissions {
  const { data } = usePolledQuery(webConfigQueryOptions());
  // A History Server shows archived jobs: nothing there can be changed.
  const history = useHistoryServer();
  return permissionsFrom(getApiSettings().readOnly || history, data?.features);
}
