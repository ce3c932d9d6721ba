import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { JobDetailsSchema } from '../../api/jobs';
import { MetricValuesSchema } from '../../api/schemas';
import flakyDetails from './fixtures/flaky-details.json';
import flakyMetrics from './fixtures/flaky-metrics-numRestarts.json';
import { liveDuration, restartCount } from './restarts';

const details = v.parse(JobDetailsSchema, flakyDetails);

describe('restartCount', () => {
  it('reads numRestarts from the recorded job metrics of the flaky job', () => {
    expect(restartCount(v.parse(MetricValuesSchema, flakyMetrics), details)).toBe(20);
  });

  it('the 2.x job details carry no restart count of their own', () => {
    expect(restartCount(undefined, details)).toBeNull();
    expect(restartCount([], details)).toBeNull();
  });

  it('falls back to fullRestarts (older lines) and to a details field where a line sends one', () => {
    expect(restartCount([{ id: 'fullRestarts', value: '3' }])).toBe(3);
    expect(restartCount([{ id: 'numRestarts', value: 'NaN' }], { ...details, numRestarts: 4 })).toBe(4);
    expect(restartCount([{ id: 'numRestarts', value: '-1' }])).toBeNull();
  });
});

describe('liveDuration', () => {
  it('grows with the browser clock from when the answer arrived while the job runs', () => {
    expect(details['end-time']).toBe(-1);
    expect(liveDuration(details, 1_000, 4_000)).toBe(details.duration + 3_000);
    expect(liveDuration(details, 1_000, 500)).toBe(details.duration);
  });

  it("is Flink's duration once the job ended", () => {
    expect(liveDuration({ duration: 5_000, 'end-time': 1_795_720_000_000 }, 0, 1e12)).toBe(5_000);
  });
});
