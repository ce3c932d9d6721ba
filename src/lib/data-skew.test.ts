import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { JobDetailsSchema } from '../api/jobs';
import { fixture } from '../api/test-utils';
import { dataSkewPercent, formatSkew, needsSkewRequest, singleSubtaskFigures, skewFromAggregates } from './data-skew';

// Answers of the sandboxes to
// GET /jobs/<event-time job>/vertices/<keyed vertex>/subtasks/metrics?get=numRecordsIn&agg=min,max,avg,skew
// with the per-subtask values of the same vertex at the same time (`.../metrics?get=0.numRecordsIn,1.numRecordsIn`).
const FLINK_2_3 = {
  values: [29037, 53457],
  answer: [{ id: 'numRecordsIn', min: 29037.0, max: 53457.0, avg: 41247.0, skew: 29.6021528838461 }],
};
const FLINK_1_20 = {
  values: [402, 733],
  answer: [{ id: 'numRecordsIn', min: 402.0, max: 733.0, avg: 567.5, skew: 29.16299559471366 }],
};

describe('dataSkewPercent: Flink’s definition', () => {
  it('gives what Flink answers for the same subtasks, on both lines', () => {
    expect(dataSkewPercent(FLINK_2_3.values)).toBeCloseTo(FLINK_2_3.answer[0]?.skew ?? NaN, 9);
    expect(dataSkewPercent(FLINK_1_20.values)).toBeCloseTo(FLINK_1_20.answer[0]?.skew ?? NaN, 9);
  });

  it('is the mean absolute deviation over the mean, not the standard deviation', () => {
    // mean 4, absolute deviations 3, 1, 1, 3: 2 on average -> 50 %; the standard deviation would give 56 %.
    expect(dataSkewPercent([1, 3, 5, 7])).toBeCloseTo(50, 9);
  });

  it('is 0 for even subtasks, one subtask, no subtasks and a mean of 0; at most 100', () => {
    expect(dataSkewPercent([7, 7, 7])).toBe(0);
    expect(dataSkewPercent([12345])).toBe(0);
    expect(dataSkewPercent([])).toBe(0);
    expect(dataSkewPercent([0, 0])).toBe(0);
    // mean 25, mean absolute deviation 37.5: 150 %, capped.
    expect(dataSkewPercent([0, 0, 0, 100])).toBe(100);
  });
});

describe('skewFromAggregates', () => {
  it('reads the recorded answers', () => {
    expect(skewFromAggregates(FLINK_2_3.answer)).toEqual({
      skew: 29.6021528838461,
      min: 29037,
      avg: 41247,
      max: 53457,
    });
    expect(skewFromAggregates(FLINK_1_20.answer)?.skew).toBeCloseTo(29.163, 3);
  });

  it('has no figures when Flink has none: no subtask reports the metric, or an aggregate is missing', () => {
    expect(skewFromAggregates([])).toBeNull();
    expect(skewFromAggregates([{ id: 'numRecordsOut', min: 1, max: 2, avg: 1.5, skew: 33 }])).toBeNull();
    expect(skewFromAggregates([{ id: 'numRecordsIn', min: 1, max: 2, avg: 1.5 }])).toBeNull();
    expect(skewFromAggregates([{ id: 'numRecordsIn', min: 1, max: 2, avg: NaN, skew: 0 }])).toBeNull();
  });
});

describe('one-subtask vertices', () => {
  const details = v.parse(JobDetailsSchema, fixture('flink-2.3.0/job-details').json);
  const keyed = details.vertices[1];

  it('need a request only with more than one subtask', () => {
    expect(keyed?.parallelism).toBe(2);
    expect(needsSkewRequest({ parallelism: 2 })).toBe(true);
    expect(needsSkewRequest({ parallelism: 1 })).toBe(false);
  });

  it('take their records from the job details: skew 0, min = avg = max', () => {
    if (!keyed) throw new Error('the recorded job has a keyed vertex');
    const records = keyed.metrics['read-records'];
    expect(records).toBeGreaterThan(0);
    expect(singleSubtaskFigures(keyed)).toEqual({ skew: 0, min: records, avg: records, max: records });
    expect(singleSubtaskFigures({ metrics: { ...keyed.metrics, 'read-records-complete': false } })).toBeNull();
  });
});

describe('formatSkew', () => {
  it('rounds as Flink’s tab does and says when unknown', () => {
    expect(formatSkew({ skew: 29.6021528838461, min: 0, avg: 0, max: 0 })).toBe('30%');
    expect(formatSkew({ skew: 0, min: 0, avg: 0, max: 0 })).toBe('0%');
    expect(formatSkew(null)).toBe('–');
    expect(formatSkew(undefined)).toBe('–');
  });
});
