import { describe, expect, it } from 'vitest';
import type { Rescale } from '../../api/rescales';
import { rescaleEvents } from './rescales';

const rescale = (over: Partial<Rescale>): Rescale => ({
  rescaleUuid: 'a1',
  vertices: {},
  slots: {},
  schedulerStates: [],
  startTimestampInMillis: 1_000,
  endTimestampInMillis: 4_200,
  terminalState: 'COMPLETED',
  triggerCause: 'UPDATE_REQUIREMENT',
  ...over,
});

describe('rescaleEvents', () => {
  it('draws each rescale as a band linked to its detail in the Rescales tab', () => {
    const [event] = rescaleEvents('j1', [rescale({})]);
    expect(event).toMatchObject({ kind: 'rescale', start: 1_000, end: 4_200, title: 'Rescale completed' });
    expect(event?.lines).toEqual(['UPDATE_REQUIREMENT']);
    expect(event?.link).toBe('/jobs/j1/rescales?rescale=a1');
  });

  it('shows a running rescale as a point and leaves out one without a start', () => {
    const events = rescaleEvents('j1', [
      rescale({ rescaleUuid: 'b', endTimestampInMillis: null, terminalState: null }),
      rescale({ rescaleUuid: 'c', startTimestampInMillis: null }),
    ]);
    expect(events.map((e) => [e.id, e.start, e.end, e.title])).toEqual([
      ['rescale:b', 1_000, 1_000, 'Rescale in progress'],
    ]);
  });
});
