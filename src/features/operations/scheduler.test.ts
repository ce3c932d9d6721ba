import { describe, expect, it } from 'vitest';
import { FlinkApiError } from '../../api/errors';
import { notAdaptiveExplanation, rescaleSupportFrom } from './scheduler';

// Flink 1.20.5's answer to GET /jobs/:id/resource-requirements for a job on the default scheduler.
const refusal = new FlinkApiError({
  kind: 'http',
  endpoint: 'GET /jobs/:jobid/resource-requirements',
  status: 500,
  flinkMessages: [
    'Internal server error.',
    '<Exception on server side:\njava.lang.UnsupportedOperationException: The DefaultScheduler does not support changing the parallelism without a job restart. This feature is currently only expected to work with the AdaptiveScheduler.\n\tat ...',
  ],
});

describe('rescale support', () => {
  it('follows the scheduler type of Flink 2.x details without asking', () => {
    expect(rescaleSupportFrom('Adaptive', { isSuccess: false, error: null })).toEqual({ kind: 'adaptive' });
    expect(rescaleSupportFrom('Default', { isSuccess: false, error: null })).toEqual({
      kind: 'other',
      scheduler: 'Default',
    });
  });

  it('on 1.20 reads the resource requirements answer: served means adaptive, the refusal means another', () => {
    expect(rescaleSupportFrom(undefined, { isSuccess: true, error: null })).toEqual({ kind: 'adaptive' });
    expect(rescaleSupportFrom(undefined, { isSuccess: false, error: refusal })).toEqual({
      kind: 'other',
      scheduler: undefined,
    });
    expect(rescaleSupportFrom(undefined, { isSuccess: false, error: new Error('offline') })).toEqual({
      kind: 'unknown',
    });
  });

  it('names the setting that enables rescaling', () => {
    expect(notAdaptiveExplanation('Default')).toContain('the default scheduler');
    expect(notAdaptiveExplanation(undefined)).toContain('jobmanager.scheduler: adaptive');
    expect(notAdaptiveExplanation('AdaptiveBatch')).toContain('adaptive batch scheduler');
  });
});
