import { describe, expect, it } from 'vitest';
import { links } from './paths';

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
