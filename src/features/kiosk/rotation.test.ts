import { describe, expect, it } from 'vitest';
import { oldestFirst } from '../../lib/job-states';
import {
  currentStop,
  FLEET_WALL_STOP,
  nextClusterStop,
  nextStop,
  rotationStops,
  secondsLeft,
  WALL_PATH,
} from './rotation';

const running = [
  { jid: 'a1', name: 'Orders' },
  { jid: 'b2', name: 'Flaky' },
];

describe('rotation', () => {
  it('expands the configured views into stops, in order', () => {
    const stops = rotationStops(['wall', 'overview', 'job-graphs', 'failing-checkpoints'], running, [
      { jid: 'b2', name: 'Flaky' },
    ]);
    expect(stops.map((s) => s.path)).toEqual([
      WALL_PATH,
      '/',
      '/jobs/a1/graph',
      '/jobs/b2/graph',
      '/jobs/b2/checkpoints',
    ]);
    expect(stops.map((s) => s.label)).toEqual([
      'Health wall',
      'Cluster overview',
      'Graph: Orders',
      'Graph: Flaky',
      'Checkpoints: Flaky',
    ]);
  });

  it('falls back to the wall when the views expand to nothing', () => {
    expect(rotationStops(['job-graphs'], [], [])).toEqual([{ path: WALL_PATH, label: 'Health wall' }]);
  });

  it('moves to the next stop, wraps around, and starts over from a page not in the list', () => {
    const stops = rotationStops(['wall', 'job-graphs'], running, []);
    expect(nextStop(stops, WALL_PATH).path).toBe('/jobs/a1/graph');
    expect(nextStop(stops, '/jobs/b2/graph').path).toBe(WALL_PATH);
    expect(nextStop(stops, '/taskmanagers').path).toBe(WALL_PATH);
    expect(currentStop(stops, '/jobs/a1/graph')?.label).toBe('Graph: Orders');
    expect(currentStop(stops, '/metrics')).toBeUndefined();
  });

  it('walks every job whatever order Flink lists them in', () => {
    const jobs = [
      { jid: 'c'.repeat(32), name: 'C', 'start-time': 300 },
      { jid: 'a'.repeat(32), name: 'A', 'start-time': 100 },
      { jid: 'b'.repeat(32), name: 'B', 'start-time': 100 },
    ];
    const shuffled = [jobs[2], jobs[0], jobs[1]].filter((j) => j !== undefined);
    const path = (j: { jid: string }): string => `/jobs/${j.jid}/graph`;
    // Two answers in different orders give the same stops, so each step moves on by one.
    const first = rotationStops(['job-graphs', 'wall'], oldestFirst(jobs), []);
    const second = rotationStops(['job-graphs', 'wall'], oldestFirst(shuffled), []);
    expect(second).toEqual(first);
    expect(first.map((s) => s.label)).toEqual(['Graph: A', 'Graph: B', 'Graph: C', 'Health wall']);
    let at = first[0]?.path ?? '';
    const seen = [at];
    for (let i = 0; i < 3; i += 1) {
      at = nextStop(i % 2 ? first : second, at).path;
      seen.push(at);
    }
    expect(seen).toEqual([...[jobs[1], jobs[2], jobs[0]].map((j) => (j ? path(j) : '')), WALL_PATH]);
  });

  it("visits the fleet's wall, then each live cluster's rotation in turn, then the fleet's wall again", () => {
    const clusters = [
      { id: 'prod', name: 'Production', kind: 'jobmanager' as const },
      { id: 'archive', name: 'Archive', kind: 'history' as const },
      { id: 'staging', name: 'Staging', kind: 'jobmanager' as const },
    ];
    expect(nextClusterStop(clusters, null)).toEqual({ path: '/c/prod/kiosk', label: 'Health wall: Production' });
    expect(nextClusterStop(clusters, 'prod')).toEqual({ path: '/c/staging/kiosk', label: 'Health wall: Staging' });
    expect(nextClusterStop(clusters, 'staging')).toBe(FLEET_WALL_STOP);
    // The History Server is never a stop; from it (opened by hand) the first live cluster comes next.
    expect(nextClusterStop(clusters, 'archive')).toEqual({ path: '/c/prod/kiosk', label: 'Health wall: Production' });
    expect(nextClusterStop([], null)).toBe(FLEET_WALL_STOP);
  });

  it('counts down the seconds a view has left', () => {
    expect(secondsLeft(10, 1000, 1000)).toBe(10);
    expect(secondsLeft(10, 1000, 4500)).toBe(7);
    expect(secondsLeft(10, 1000, 60_000)).toBe(0);
  });
});
