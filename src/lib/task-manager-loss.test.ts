import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TaskManagersSchema } from '../api/taskmanagers';
import recorded23 from './triage/fixtures/2.3.0/taskmanagers.json';
import recorded120 from './triage/fixtures/1.20.5/taskmanagers.json';
import { createTaskManagerLossStore, diffTaskManagers, EMPTY_WATCH, MAX_LOSSES } from './task-manager-loss';

// The task manager lists recorded from the sandbox (two task managers), one of them then gone.
describe.each([
  ['2.3.0', recorded23],
  ['1.20.5', recorded120],
])('task managers lost, on lists recorded from Flink %s', (_, recorded) => {
  const ids = v.parse(TaskManagersSchema, recorded).taskmanagers.map((t) => t.id);

  it('sees nothing lost in the first list or the same list again', () => {
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const first = diffTaskManagers(EMPTY_WATCH, ids, 1000);
    expect(first.lost).toEqual([]);
    expect(diffTaskManagers(first, [...ids].reverse(), 2000)).toBe(first);
  });

  it('names the task manager that left the list, at the time the list first lacked it', () => {
    const [gone, ...kept] = ids;
    let watch = diffTaskManagers(EMPTY_WATCH, ids, 1000);
    watch = diffTaskManagers(watch, kept, 4000);
    expect(watch.lost).toEqual([{ id: gone, at: 4000 }]);
    // Still gone: the same loss, not a new one.
    expect(diffTaskManagers(watch, kept, 7000)).toBe(watch);
    // A new task manager arriving is not a loss.
    const replaced = diffTaskManagers(watch, [...kept, 'new-tm'], 9000);
    expect(replaced.lost).toEqual([{ id: gone, at: 4000 }]);
    // It comes back: no longer lost.
    expect(diffTaskManagers(replaced, [...ids, 'new-tm'], 12000).lost).toEqual([]);
  });

  it('keeps a bounded memory', () => {
    let watch = diffTaskManagers(EMPTY_WATCH, ids, 0);
    for (let i = 0; i < MAX_LOSSES + 5; i++) {
      watch = diffTaskManagers(watch, [`tm-${i}`], i + 1);
    }
    expect(watch.lost.length).toBe(MAX_LOSSES);
  });

  it('the store tells its listeners of a loss only', () => {
    const store = createTaskManagerLossStore();
    let calls = 0;
    store.subscribe(() => (calls += 1));
    store.observe(ids, 1);
    store.observe(ids, 2);
    expect(calls).toBe(0);
    store.observe(ids.slice(1), 3);
    expect(calls).toBe(1);
    expect(store.get().map((l) => l.id)).toEqual([ids[0]]);
  });
});
