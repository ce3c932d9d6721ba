import { describe, expect, it } from 'vitest';
import { clusterBase, links } from './paths';

describe('links', () => {
  it('encodes ids into path segments', () => {
    expect(links.job('abc')).toBe('/jobs/abc');
    expect(links.job('abc', 'checkpoints')).toBe('/jobs/abc/checkpoints');
    expect(links.vertex('j', 'v', 'watermarks')).toBe('/jobs/j/vertices/v/watermarks');
    expect(links.taskManager('127.0.0.1:45603-311eea', 'logs')).toBe('/taskmanagers/127.0.0.1%3A45603-311eea/logs');
    expect(links.jobManager('thread-dump')).toBe('/jobmanager/thread-dump');
    expect(links.checkpoint('a/b', 7)).toBe('/jobs/a%2Fb/checkpoints/7');
  });
});

describe('links across clusters', () => {
  it('puts a path inside a cluster', () => {
    expect(clusterBase('prod')).toBe('/c/prod');
    expect(links.inCluster('prod', links.job('abc', 'graph'))).toBe('/c/prod/jobs/abc/graph');
    expect(links.inCluster('staging-2', links.overview())).toBe('/c/staging-2/');
    expect(links.inCluster('prod', 'jobs')).toBe('/c/prod/jobs');
    expect(links.fleet()).toBe('/fleet');
  });
});
