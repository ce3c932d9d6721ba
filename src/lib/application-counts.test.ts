import { describe, expect, it } from 'vitest';
import { ApplicationsOverviewSchema } from '../api/applications';
import { decode } from '../api/client';
import { fixture } from '../api/test-utils';
import { countApplications } from './application-counts';

describe('countApplications', () => {
  it('counts the applications recorded from the 2.3 sandbox by state', () => {
    const f = fixture('flink-2.3.0/applications-overview');
    const { applications } = decode(ApplicationsOverviewSchema, f.json, 'GET /applications/overview');
    const counts = countApplications(applications);
    const by = (s: string) => applications.filter((a) => a.status === s).length;
    expect(counts).toEqual({
      running: by('RUNNING'),
      finished: by('FINISHED'),
      failed: by('FAILED'),
      canceled: by('CANCELED'),
    });
    expect(counts.running).toBeGreaterThan(0);
    expect(counts.finished).toBeGreaterThan(0);
  });

  it('counts states on their way to an end as running', () => {
    expect(countApplications([{ status: 'CREATED' }, { status: 'FAILING' }, { status: 'CANCELING' }])).toEqual({
      running: 3,
      finished: 0,
      failed: 0,
      canceled: 0,
    });
    expect(countApplications([])).toEqual({ running: 0, finished: 0, failed: 0, canceled: 0 });
  });
});
