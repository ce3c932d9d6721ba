import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { RescaleSchema } from '../../api/rescales';
import { humanize, parallelismChange, rescaleDuration, rescaleStatus, rescaleVertices } from './model';

// Recorded from the sandbox's adaptive cluster (Flink 2.3.0): one vertex raised from 1 to 2.
const details = v.parse(RescaleSchema, {
  rescaleUuid: '8622f4ca2e83c8435f5aa57b0b609060',
  resourceRequirementsUuid: '07c82f9e0a42686ca7086d35b21172d0',
  rescaleAttemptId: 1,
  vertices: {
    '5c3a3a88c281f5ff4656db79410bce3c': {
      jobVertexId: '5c3a3a88c281f5ff4656db79410bce3c',
      jobVertexName: 'Running count per customer -> Discard running counts: Writer',
      slotSharingGroupId: '457cfd71530e16a7a2e1dbf21c700e59',
      slotSharingGroupName: 'default',
      desiredParallelism: 1,
      sufficientParallelism: 1,
      preRescaleParallelism: 1,
      postRescaleParallelism: 1,
    },
    '215c924c8a7d97259d4dcf322e423bde': {
      jobVertexId: '215c924c8a7d97259d4dcf322e423bde',
      jobVertexName: '10s revenue per customer -> Discard window totals: Writer',
      slotSharingGroupId: '457cfd71530e16a7a2e1dbf21c700e59',
      slotSharingGroupName: 'default',
      desiredParallelism: 2,
      sufficientParallelism: 1,
      preRescaleParallelism: 1,
      postRescaleParallelism: 2,
    },
  },
  slots: {},
  schedulerStates: [
    {
      state: 'Restarting',
      enterTimestampInMillis: 1796411610275,
      leaveTimestampInMillis: 1796411610771,
      durationInMillis: 496,
      stringifiedException: null,
    },
  ],
  startTimestampInMillis: 1796411608118,
  endTimestampInMillis: 1796411611329,
  terminalState: 'COMPLETED',
  triggerCause: 'UPDATE_REQUIREMENT',
  terminatedReason: 'SUCCEEDED',
});

describe('rescales model', () => {
  it('reads status, duration and trigger of a recorded rescale', () => {
    expect(rescaleStatus(details)).toBe('COMPLETED');
    expect(rescaleDuration(details)).toBe(3211);
    expect(humanize(details.triggerCause)).toBe('Update requirement');
    expect(humanize(null)).toBe('—');
  });

  it('lists the changed vertex first, with its parallelism change', () => {
    const vertices = rescaleVertices(details);
    expect(vertices.map(parallelismChange)).toEqual(['1 → 2', '1 → 1']);
  });

  it('treats a rescale without an end or a terminal state as in progress', () => {
    const running = { ...details, terminalState: null, endTimestampInMillis: null };
    expect(rescaleStatus(running)).toBe('IN_PROGRESS');
    expect(rescaleDuration(running)).toBeUndefined();
  });
});
