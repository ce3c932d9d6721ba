import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CheckpointingStatisticsSchema } from '../../api/checkpoints';
import { JobExceptionsSchema } from '../../api/exceptions';
import { JobDetailsSchema } from '../../api/jobs';
import { checkpointEvents, createFailureStore, exceptionEvents, mergeEvents, stateEvents } from './events';

// Fixtures recorded from the sandbox's flaky and failing-checkpoints jobs on both lines (the
// triage engine's recordings, src/lib/triage/fixtures).
const lines = {
  '2.3.0': import.meta.glob<unknown>('../../lib/triage/fixtures/2.3.0/*.json', { eager: true, import: 'default' }),
  '1.20.5': import.meta.glob<unknown>('../../lib/triage/fixtures/1.20.5/*.json', { eager: true, import: 'default' }),
};

describe.each(Object.entries(lines))('failure events on Flink %s', (version, files) => {
  const file = (name: string): unknown => files[`../../lib/triage/fixtures/${version}/${name}.json`];
  const details = v.parse(JobDetailsSchema, file('flaky-details'));
  const exceptions = v.parse(JobExceptionsSchema, file('flaky-exceptions'));
  const failing = v.parse(CheckpointingStatisticsSchema, file('failing-checkpoints-checkpoints'));

  it("reads the flaky job's restart and its exceptions with task and task manager, linked", () => {
    const states = stateEvents(details);
    expect(states.filter((e) => e.kind === 'restart')).toHaveLength(1);
    const ex = exceptionEvents(details.jid, exceptions);
    expect(ex.length).toBe(exceptions.exceptionHistory.entries.length);
    expect(ex[0]?.title).toMatch(/^java\.lang\.IllegalStateException: Simulated failure/);
    expect(ex[0]?.where).toMatch(/^Flaky parser \(1\/1\).* on /);
    const entry = exceptions.exceptionHistory.entries[0];
    expect(ex[0]?.link).toBe(`/jobs/${details.jid}/exceptions?at=${entry?.timestamp}`);
  });

  it('draws failed and completed checkpoints as bands, linked to their detail', () => {
    const events = checkpointEvents('job', failing);
    const failed = events.filter((e) => e.kind === 'checkpoint-failed');
    expect(failed.length).toBe(failing.history.filter((c) => c.status === 'FAILED').length);
    expect(failed[0]?.end).toBeGreaterThan(failed[0]?.start ?? Infinity);
    expect(failed[0]?.link).toMatch(/^\/jobs\/job\/checkpoints\/\d+$/);
  });

  it('keeps what it saw beyond what Flink still sends, bounded', () => {
    const first = exceptionEvents(details.jid, exceptions);
    const kept = mergeEvents([], first);
    expect(mergeEvents(kept, first.slice(0, 1))).toBe(kept);
    const later = [{ ...first[0]!, id: 'new', start: (first[0]?.start ?? 0) + 30_000 }];
    expect(mergeEvents(kept, later)).toHaveLength(first.length + 1);
    expect(mergeEvents(kept, later, 2)).toHaveLength(2);
    const store = createFailureStore(10, 1);
    store.record('a', first);
    store.record('b', later);
    expect(store.get('a')).toEqual([]);
    expect(store.get('b')).toHaveLength(1);
  });
});
