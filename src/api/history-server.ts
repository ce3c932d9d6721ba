// Flink's History Server speaks the JobManager's REST API, but only for what a JobManager writes
// to its archive when a job ends (jobmanager.archive.fs.dir): the job list, each job's details,
// plan, configuration, exceptions, checkpoints, vertices with their subtask times, task managers
// and attempts. It has no metrics, back pressure, flame graphs, watermarks, task managers,
// logs or jars (404 "File not found."), and what it has never changes.
//
// The client asks this module before sending a GET the archive does not hold: on a History
// Server it refuses the request locally (kind `not-archived`, nothing is sent) and the view says
// so in words. Whether the server is a History Server comes from config.json (`kind: "history"`)
// or from `GET /config` (`features.web-history`), which such a GET waits for.

import type { EndpointSpec } from './endpoints';
import { getApiSettings } from './settings';

/** The GET templates a History Server serves (checked against Flink 2.3 and 1.20 archives). */
export const ARCHIVED_TEMPLATES: ReadonlySet<string> = new Set([
  '/config',
  '/jobs/overview',
  '/jobs/:jobid',
  '/jobs/:jobid/accumulators',
  '/jobs/:jobid/config',
  '/jobs/:jobid/exceptions',
  '/jobs/:jobid/plan',
  '/jobs/:jobid/jobmanager/config',
  '/jobs/:jobid/jobmanager/environment',
  '/jobs/:jobid/checkpoints',
  '/jobs/:jobid/checkpoints/config',
  '/jobs/:jobid/checkpoints/details/:checkpointid',
  '/jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid',
  '/jobs/:jobid/vertices/:vertexid',
  '/jobs/:jobid/vertices/:vertexid/subtasktimes',
  '/jobs/:jobid/vertices/:vertexid/taskmanagers',
  '/jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/attempts/:attempt',
  '/jobs/:jobid/vertices/:vertexid/subtasks/:subtaskindex/attempts/:attempt/accumulators',
]);

/**
 * `jobmanager`: never a History Server (unit tests, the contract suite); `history`: always
 * (config.json `kind: "history"`); `detect`: from `GET /config` (the app's default).
 */
export type ServerKindSetting = 'jobmanager' | 'history' | 'detect';

/**
 * What is known of one server (one base URL): a dashboard with several clusters keeps one entry
 * per cluster, so switching cluster neither forgets a detected History Server nor lets one
 * cluster's answer decide for another.
 */
interface ServerKindState {
  setting: ServerKindSetting;
  /** What `GET /config` said, once it answered; undefined before. */
  detected: boolean | undefined;
  waiters: (() => void)[];
  /** A `GET /config` is on its way (the app's own query, or the detection's). */
  configInFlight: boolean;
}

const servers = new Map<string, ServerKindState>();

/** The active cluster's base URL: the default server of every function below. */
const activeBase = (): string => getApiSettings().baseUrl;

function stateOf(base: string): ServerKindState {
  let state = servers.get(base);
  if (!state) {
    state = { setting: 'jobmanager', detected: undefined, waiters: [], configInFlight: false };
    servers.set(base, state);
  }
  return state;
}

/** How the kind of the server at `base` (default: the active cluster's) is decided. */
export function configureServerKind(next: ServerKindSetting, base: string = activeBase()): void {
  stateOf(base).setting = next;
}

/** The client is sending `GET /config`. */
export function noteConfigSent(base: string = activeBase()): void {
  stateOf(base).configInFlight = true;
}

/**
 * The client got `GET /config`'s `features.web-history` (undefined: the request failed, or the
 * answer had no such field: taken as a JobManager until an answer says otherwise).
 */
export function noteWebHistory(webHistory: boolean | undefined, base: string = activeBase()): void {
  const state = stateOf(base);
  state.configInFlight = false;
  state.detected = webHistory ?? state.detected ?? false;
  const ready = state.waiters;
  state.waiters = [];
  for (const wake of ready) wake();
}

/** Whether the server (default: the active cluster's) is known or configured to be a History Server. */
export function isHistoryServer(base: string = activeBase()): boolean {
  const state = servers.get(base);
  if (!state) return false;
  return state.setting === 'history' || (state.setting === 'detect' && state.detected === true);
}

/** Whether the archive holds this endpoint's answer. */
export function isArchived(endpoint: EndpointSpec): boolean {
  return endpoint.verb === 'GET' && ARCHIVED_TEMPLATES.has(endpoint.template);
}

/**
 * Resolves once the client may decide whether to send `endpoint`: at once unless the server's
 * kind is still being detected and the archive lacks the endpoint; then when /config answered
 * (`startDetection` sends it if no one has yet) or failed.
 */
export function serverKindKnown(
  endpoint: EndpointSpec,
  startDetection: () => void,
  base: string = activeBase(),
): Promise<void> {
  const state = stateOf(base);
  if (state.setting !== 'detect' || state.detected !== undefined || isArchived(endpoint)) return Promise.resolve();
  return new Promise((resolve) => {
    state.waiters.push(resolve);
    // The app's own /config query usually goes out in the same tick: send one only if it did not.
    if (state.waiters.length === 1) {
      setTimeout(() => {
        if (!state.configInFlight && state.detected === undefined) startDetection();
      }, 0);
    }
  });
}

/** Back to the defaults (tests). */
export function resetServerKind(): void {
  servers.clear();
}

/** `features.web-history` of a `GET /config` answer's text, if it has one. */
export function webHistoryOf(text: string): boolean | undefined {
  try {
    const config: unknown = JSON.parse(text);
    if (typeof config !== 'object' || config === null || !('features' in config)) return undefined;
    const features: unknown = config.features;
    if (typeof features !== 'object' || features === null || !('web-history' in features)) return undefined;
    return features['web-history'] === true;
  } catch {
    return undefined;
  }
}
