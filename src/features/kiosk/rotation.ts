// The kiosk's rotation: which views it cycles through, built fresh at every step from what the
// wall knows (running jobs, jobs whose checkpoints failed), so a job that ends drops out.

import { links } from '../../lib/paths';

export type KioskViewKind = 'wall' | 'overview' | 'job-graphs' | 'failing-checkpoints';

/** The health wall's route. */
export const WALL_PATH = links.wall();

export interface RotationStop {
  /** The hash route, without the query. */
  readonly path: string;
  /** What the view shows, for the kiosk bar ("Graph: Demo: flaky job"). */
  readonly label: string;
}

export interface RotationJob {
  readonly jid: string;
  readonly name: string;
}

export function rotationStops(
  views: readonly KioskViewKind[],
  running: readonly RotationJob[],
  failingCheckpoints: readonly RotationJob[],
): RotationStop[] {
  const stops: RotationStop[] = [];
  for (const view of views) {
    if (view === 'wall') stops.push({ path: WALL_PATH, label: 'Health wall' });
    else if (view === 'overview') stops.push({ path: links.overview(), label: 'Cluster overview' });
    else if (view === 'job-graphs') {
      for (const job of running) stops.push({ path: links.job(job.jid, 'graph'), label: `Graph: ${job.name}` });
    } else {
      for (const job of failingCheckpoints)
        stops.push({ path: links.job(job.jid, 'checkpoints'), label: `Checkpoints: ${job.name}` });
    }
  }
  return stops.length ? stops : [{ path: WALL_PATH, label: 'Health wall' }];
}

/** A cluster of the fleet, as the kiosk's rotation visits it. */
export interface RotationCluster {
  readonly id: string;
  readonly name: string;
  readonly kind: 'jobmanager' | 'history';
}

/** The fleet's own health wall (every cluster's tiles), outside any cluster. */
export const FLEET_WALL_STOP: RotationStop = { path: WALL_PATH, label: 'Fleet health wall' };

/**
 * With several clusters a kiosk visits the fleet's wall, then each live cluster's own rotation in
 * turn (a History Server has nothing live to show), then the fleet's wall again. This is where it
 * goes when the rotation of the cluster on screen (`currentId`; null on the fleet's wall) is done:
 * the next live cluster's wall, or after the last one the fleet's wall. The path is a hash path
 * outside any cluster's router (`/c/<id>/kiosk`).
 */
export function nextClusterStop(clusters: readonly RotationCluster[], currentId: string | null): RotationStop {
  const live = clusters.filter((c) => c.kind === 'jobmanager');
  const at = currentId === null ? -1 : live.findIndex((c) => c.id === currentId);
  const next = live[at + 1];
  return next ? { path: links.inCluster(next.id, WALL_PATH), label: `Health wall: ${next.name}` } : FLEET_WALL_STOP;
}

/** The stop after the one on screen; from a view not in the list, the first. */
export function nextStop(stops: readonly RotationStop[], currentPath: string): RotationStop {
  const first = stops[0] ?? { path: WALL_PATH, label: 'Health wall' };
  const at = stops.findIndex((s) => s.path === currentPath);
  if (at < 0) return first;
  return stops[(at + 1) % stops.length] ?? first;
}

/** The stop on screen, if the current route is one. */
export function currentStop(stops: readonly RotationStop[], currentPath: string): RotationStop | undefined {
  return stops.find((s) => s.path === currentPath);
}

/** Seconds left on this view: counts down from `rotateSeconds`, never below 0. */
export function secondsLeft(rotateSeconds: number, shownSince: number, now: number): number {
  return Math.max(0, rotateSeconds - Math.floor(Math.max(0, now - shownSince) / 1000));
}
