import { describe, expect, it } from 'vitest';
import { JOB_TABS, links, parseTab } from './paths';

describe('links', () => {
  it('encodes ids into path segments', () => {
    expect(links.job('abc')).toBe('/jobs/abc');
    expect(links.job('abc', 'checkpoints')).toBe('/jobs/abc/checkpoints');
    expect(links.vertex('j', 'v', 'watermarks')).toBe('/jobs/j/vertices/v/watermarks');
    expect(links.taskManager('127.0.0.1:45603-311eea', 'logs')).toBe('/taskmanagers/127.0.0.1%3A45603-311eea/logs');
  });
});

describe('parseTab', () => {
  it('falls back to the first tab for unknown values', () => {
    expect(parseTab(JOB_TABS, 'checkpoints')).toBe('checkpoints');
    expect(parseTab(JOB_TABS, '<script>')).toBe('graph');
    expect(parseTab(JOB_TABS, undefined)).toBe('graph');
  });
});
