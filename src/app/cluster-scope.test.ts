import { afterEach, describe, expect, it } from 'vitest';
import { configureServerKind, isHistoryServer, noteWebHistory, resetServerKind } from '../api/history-server';
import { getApiSettings, resetApiSettings } from '../api/settings';
import { getRefreshState, setHistoryMode, setServerRefreshInterval } from '../refresh/store';
import { activateCluster, configForCluster, defaultCluster, scopeOfHash, switchHash } from './cluster-scope';
import { clustersOf, parseRuntimeConfig, type RuntimeConfig } from './runtime-config';

function fleet(): RuntimeConfig {
  const result = parseRuntimeConfig({
    clusters: [
      { id: 'history', name: 'Archive', apiBase: 'api/history/', kind: 'history' },
      { id: 'prod', name: 'Production', apiBase: 'api/prod/' },
      { id: 'staging', name: 'Staging', apiBase: 'api/staging/', readOnly: true, restVersionPrefix: 'v1' },
    ],
  });
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.config;
}

afterEach(() => {
  resetApiSettings();
  resetServerKind();
});

describe('which scope a hash names', () => {
  const clusters = clustersOf(fleet());

  it('a cluster by its id, with any view inside it', () => {
    expect(scopeOfHash('#/c/staging/jobs/abc/graph', clusters)).toMatchObject({
      kind: 'cluster',
      cluster: { id: 'staging' },
    });
    expect(scopeOfHash('#/c/prod', clusters)).toMatchObject({ kind: 'cluster', cluster: { id: 'prod' } });
    expect(scopeOfHash('#/c/prod/?kiosk', clusters)).toMatchObject({ kind: 'cluster', cluster: { id: 'prod' } });
  });

  it('an id the config does not list', () => {
    expect(scopeOfHash('#/c/nope/jobs', clusters)).toEqual({ kind: 'unknown', id: 'nope' });
    expect(scopeOfHash('#/c/%E0%A4%A/jobs', clusters)).toEqual({ kind: 'unknown', id: '%E0%A4%A' });
  });

  it("the fleet's own pages", () => {
    for (const hash of ['', '#', '#/', '#/fleet', '#/?kiosk', '#/fleet?q=x'])
      expect(scopeOfHash(hash, clusters), hash).toEqual({ kind: 'fleet' });
  });

  it('sends a route from before clusters to the first JobManager, keeping its query', () => {
    expect(defaultCluster(clusters)?.id).toBe('prod');
    expect(scopeOfHash('#/jobs/abc/graph', clusters)).toEqual({ kind: 'redirect', hash: '#/c/prod/jobs/abc/graph' });
    expect(scopeOfHash('#/jobs?state=FINISHED', clusters)).toEqual({
      kind: 'redirect',
      hash: '#/c/prod/jobs?state=FINISHED',
    });
    expect(scopeOfHash('#/taskmanagers/tm-1/logs', clusters)).toEqual({
      kind: 'redirect',
      hash: '#/c/prod/taskmanagers/tm-1/logs',
    });
  });

  it('switching cluster keeps the section, not the ids of the other cluster', () => {
    expect(switchHash('#/c/prod/jobs/abc/graph', 'staging')).toBe('#/c/staging/jobs');
    expect(switchHash('#/c/prod/taskmanagers/tm-1', 'staging')).toBe('#/c/staging/taskmanagers');
    expect(switchHash('#/c/prod/', 'staging')).toBe('#/c/staging/');
    expect(switchHash('#/fleet', 'prod')).toBe('#/c/prod/');
  });
});

describe('making a cluster the active one', () => {
  const [history, prod, staging] = clustersOf(fleet());
  if (!history || !prod || !staging) throw new Error('three clusters');

  it('points the client at it, read-only as the cluster (or a kiosk) says', () => {
    activateCluster(staging, { forceReadOnly: false });
    expect(getApiSettings()).toMatchObject({ baseUrl: 'api/staging/', versionPrefix: 'v1', readOnly: true });
    activateCluster(prod, { forceReadOnly: false });
    expect(getApiSettings()).toMatchObject({ baseUrl: 'api/prod/', versionPrefix: '', readOnly: false });
    activateCluster(prod, { forceReadOnly: true });
    expect(getApiSettings().readOnly).toBe(true);
  });

  it("keeps each cluster's History Server state apart, and the refresh store's", () => {
    setServerRefreshInterval(5000);
    activateCluster(history, { forceReadOnly: false });
    expect(isHistoryServer()).toBe(true);
    expect(getRefreshState()).toMatchObject({ history: true, serverDefaultMs: null });

    activateCluster(prod, { forceReadOnly: false });
    expect(isHistoryServer()).toBe(false);
    expect(getRefreshState().history).toBe(false);
    // prod's /config says it is a JobManager; an answer for the archive's base decides only for it.
    noteWebHistory(false);
    noteWebHistory(true, 'api/history/');
    expect(isHistoryServer()).toBe(false);
    expect(isHistoryServer('api/history/')).toBe(true);

    // A cluster of kind jobmanager found to be a History Server stays one when switched back to.
    configureServerKind('detect', 'api/staging/');
    noteWebHistory(true, 'api/staging/');
    activateCluster(staging, { forceReadOnly: false });
    expect(isHistoryServer()).toBe(true);
    expect(getRefreshState().history).toBe(true);
    setHistoryMode(false);
  });

  it('gives the views the cluster as the one cluster they know', () => {
    const config = fleet();
    expect(configForCluster(config, staging)).toMatchObject({
      clusterName: 'Staging',
      apiBase: 'api/staging/',
      readOnly: true,
      kind: 'jobmanager',
    });
    expect(configForCluster(config, history)).toMatchObject({ clusterName: 'Archive', kind: 'history' });
  });
});
