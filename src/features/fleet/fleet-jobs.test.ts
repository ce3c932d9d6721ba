import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { JobsOverviewSchema } from '../../api/jobs';
import { fixture } from '../../api/test-utils';
import { fleetJobRows, nextFleetJobRows, type FleetJobSource } from './fleet-jobs';
import { fleetWallTiles } from './fleet-wall';

const jobs = v.parse(JobsOverviewSchema, fixture('flink-2.3.0/jobs-overview').json).jobs;
const ended = jobs.filter((j) => ['FINISHED', 'CANCELED', 'FAILED'].includes(j.state));
const running = jobs.filter((j) => j.state === 'RUNNING');

describe('fleetJobRows', () => {
  it("lists every cluster's jobs and links an ended job to the History Server that holds it", () => {
    const rows = fleetJobRows([
      { clusterId: 'prod', clusterName: 'Prod', history: false, jobs },
      { clusterId: 'staging', clusterName: 'Staging', history: false, jobs: undefined },
      { clusterId: 'hs', clusterName: 'Archive', history: true, jobs: ended.slice(0, 1) },
    ]);
    expect(rows).toHaveLength(jobs.length + 1);
    const archived = rows.filter((r) => r.archivedOn !== undefined);
    expect(archived.map((r) => [r.clusterId, r.job.jid, r.archivedOn?.clusterName])).toEqual([
      ['prod', ended[0]?.jid, 'Archive'],
    ]);
    // A running job with the same id is never "archived".
    const live = fleetJobRows([
      { clusterId: 'prod', clusterName: 'Prod', history: false, jobs: running.slice(0, 1) },
      { clusterId: 'hs', clusterName: 'Archive', history: true, jobs: running.slice(0, 1) },
    ]);
    expect(live.every((r) => r.archivedOn === undefined)).toBe(true);
  });
});

describe('nextFleetJobRows', () => {
  const prod = (list: typeof jobs | undefined): FleetJobSource => ({
    clusterId: 'prod',
    clusterName: 'Prod',
    history: false,
    jobs: list,
  });
  const staging = (list: typeof jobs | undefined): FleetJobSource => ({
    clusterId: 'staging',
    clusterName: 'Staging',
    history: false,
    jobs: list,
  });

  it('gives the same rows back while no cluster answered a new list, and the rows fleetJobRows gives', () => {
    const first = nextFleetJobRows(undefined, [prod(jobs), staging(running)]);
    expect(first.rows).toEqual(fleetJobRows([prod(jobs), staging(running)]));
    // A render with new source objects but the same answers (e.g. only an /overview came).
    expect(nextFleetJobRows(first, [prod(jobs), staging(running)])).toBe(first);
  });

  it("rebuilds only the cluster whose list changed: the other cluster's rows stay the same objects", () => {
    const first = nextFleetJobRows(undefined, [prod(jobs), staging(running)]);
    const newer = running.map((j) => ({ ...j, duration: j.duration + 1000 }));
    const next = nextFleetJobRows(first, [prod(jobs), staging(newer)]);
    expect(next).not.toBe(first);
    expect(next.rows).toHaveLength(jobs.length + newer.length);
    expect(next.rows.slice(0, jobs.length)).toEqual(first.rows.slice(0, jobs.length));
    next.rows.slice(0, jobs.length).forEach((row, i) => expect(row).toBe(first.rows[i]));
    expect(next.rows.slice(jobs.length).map((r) => r.job)).toEqual(newer);
    expect(next.rows.slice(jobs.length).every((r) => r.clusterId === 'staging')).toBe(true);
  });

  it('keeps the rows of the jobs a changed list kept (the same job objects)', () => {
    const first = nextFleetJobRows(undefined, [prod(jobs), staging(running)]);
    const [changed, ...kept] = jobs;
    if (!changed) throw new Error('no jobs in the fixture');
    const newer = [{ ...changed, state: 'RESTARTING' as const }, ...kept];
    const next = nextFleetJobRows(first, [prod(newer), staging(running)]);
    expect(next.rows[0]?.job.state).toBe('RESTARTING');
    expect(next.rows[0]).not.toBe(first.rows[0]);
    next.rows.slice(1).forEach((row, i) => expect(row).toBe(first.rows[i + 1]));
    expect(next.rows).toEqual(fleetJobRows([prod(newer), staging(running)]));
  });

  it("a History Server's new list rebuilds the live clusters' archived links", () => {
    const hs = (list: typeof jobs): FleetJobSource => ({
      clusterId: 'hs',
      clusterName: 'Archive',
      history: true,
      jobs: list,
    });
    const first = nextFleetJobRows(undefined, [prod(jobs), hs([])]);
    expect(first.rows.some((r) => r.archivedOn !== undefined)).toBe(false);
    const next = nextFleetJobRows(first, [prod(jobs), hs(ended.slice(0, 1))]);
    expect(next.rows.filter((r) => r.archivedOn !== undefined).map((r) => [r.clusterId, r.job.jid])).toEqual([
      ['prod', ended[0]?.jid],
    ]);
  });

  it('a cluster added or removed (config.json changed) gives a new list', () => {
    const first = nextFleetJobRows(undefined, [prod(jobs)]);
    const next = nextFleetJobRows(first, [prod(jobs), staging(running)]);
    expect(next.rows.map((r) => r.key)).toEqual(fleetJobRows([prod(jobs), staging(running)]).map((r) => r.key));
  });
});

describe('fleetWallTiles', () => {
  const ok = { kind: 'ok' } as const;
  it('names the cluster on every tile, and shows a cluster that does not answer as one red tile', () => {
    const tiles = fleetWallTiles([
      {
        clusterId: 'prod',
        clusterName: 'Prod',
        history: false,
        reachability: ok,
        findings: [{ level: 'ok', text: 'no problem found' }],
        jobs,
        taskManagers: 2,
        slots: { free: 1, total: 8 },
      },
      {
        clusterId: 'staging',
        clusterName: 'Staging',
        history: false,
        reachability: { kind: 'unreachable', message: 'refused' },
        findings: [{ level: 'bad', text: 'unreachable: refused' }],
        jobs,
        taskManagers: undefined,
        slots: undefined,
      },
      {
        clusterId: 'hs',
        clusterName: 'Archive',
        history: true,
        reachability: ok,
        findings: [],
        jobs,
        taskManagers: undefined,
        slots: undefined,
      },
    ]);
    const staging = tiles.filter((t) => t.clusterId === 'staging');
    expect(staging).toEqual([expect.objectContaining({ level: 'bad', name: 'Staging', state: 'unreachable' })]);
    expect(tiles[0]?.clusterId).toBe('staging');
    const prod = tiles.filter((t) => t.clusterId === 'prod');
    expect(prod).toHaveLength(1 + jobs.filter((j) => !['FINISHED', 'CANCELED', 'FAILED'].includes(j.state)).length);
    expect(tiles.every((t) => t.clusterName !== '')).toBe(true);
    expect(tiles.some((t) => t.clusterId === 'hs')).toBe(false);
  });
});
