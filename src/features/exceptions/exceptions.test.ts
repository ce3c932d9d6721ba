import { describe, expect, it } from 'vitest';
import type { RootExceptionInfo } from '../../api/exceptions';
import {
  causePattern,
  groupExceptions,
  headlineOf,
  labelCounts,
  labelFilter,
  parseLabel,
  recurringCauses,
  rootCauseOf,
  searchText,
} from './exceptions';
import { fixtures } from './test-fixtures';

const entries = fixtures.flakyAll.exceptionHistory.entries;

describe('exception views', () => {
  it('read the headline, task and task manager of each recorded failure, newest first', () => {
    const views = groupExceptions(entries);
    expect(views).toHaveLength(entries.length);
    const first = views[0];
    expect(first?.headline).toMatch(
      /^java\.lang\.IllegalStateException: Simulated failure: flaky parser hit a corrupt record #\d+$/,
    );
    expect(first?.taskName).toMatch(/^Flaky parser \(1\/1\) - execution #\d+$/);
    expect(first?.taskManagerId).toBeTruthy();
    expect(first?.endpoint).toMatch(/:\d+$/);
    expect(first?.labels).toEqual([]);
    const times = views.map((v) => v.timestamp);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('find the innermost cause of a chained trace', () => {
    const trace = [
      'org.apache.flink.runtime.JobException: Recovery is suppressed',
      '\tat org.apache.flink.Foo.bar(Foo.java:1)',
      'Caused by: java.io.IOException: disk full',
      '\tat x.y(Z.java:2)',
      'Caused by: java.lang.RuntimeException: <b>quota</b> exceeded',
      '\t... 3 more',
    ].join('\n');
    expect(headlineOf(trace, 'fallback')).toBe('org.apache.flink.runtime.JobException: Recovery is suppressed');
    expect(rootCauseOf(trace)).toBe('java.lang.RuntimeException: <b>quota</b> exceeded');
    expect(rootCauseOf(entries[0]?.stacktrace ?? '')).toBeUndefined();
    expect(headlineOf('', 'java.lang.Error')).toBe('java.lang.Error');
  });

  it('group concurrent exceptions under their root, identical ones together', () => {
    // The recorded failures, replayed as exceptions concurrent to the newest one: identical
    // headlines (the same record number) are counted once, distinct ones listed apart.
    const [root, second, third] = entries;
    if (!root || !second || !third) throw new Error('fixture has too few entries');
    const withConcurrent: RootExceptionInfo = {
      ...root,
      concurrentExceptions: [second, third, { ...third, taskName: 'Flaky parser (1/1) - execution #99' }],
    };
    const [view] = groupExceptions([withConcurrent]);
    if (!view) throw new Error('no view');
    expect(view.concurrentCount).toBe(3);
    expect(view.concurrent).toHaveLength(2);
    expect(view.concurrent[0]?.exceptions).toHaveLength(2);
    expect(view.concurrent[0]?.headline).toBe(headlineOf(third.stacktrace, ''));
    expect(searchText(view)).toContain('execution #99');
  });

  it('see the same failure coming back once numbers are ignored', () => {
    const causes = recurringCauses(groupExceptions(entries));
    expect(causes).toHaveLength(1);
    expect(causes[0]?.pattern).toBe(
      'java.lang.IllegalStateException: Simulated failure: flaky parser hit a corrupt record #N',
    );
    expect(causes[0]?.count).toBe(entries.length);
    expect(causes[0]?.tasks).toEqual(['Flaky parser (1/1)']);
    expect(causes[0]?.first).toBe(Math.min(...entries.map((e) => e.timestamp)));
    expect(causePattern('record #2643 on port 37817')).toBe('record #N on port N');
  });
});

describe('failure labels', () => {
  it('parse key:value and refuse what Flink cannot take', () => {
    expect(parseLabel('type:user')).toEqual(['type', 'user']);
    expect(parseLabel('type: user code ')).toEqual(['type', 'user code']);
    expect(parseLabel('no-colon')).toBeUndefined();
    expect(parseLabel(':value')).toBeUndefined();
    expect(parseLabel('a:b,c')).toBeUndefined();
    expect(labelFilter([])).toBeUndefined();
    expect(labelFilter(['type:user', 'bad', 'team:payments'])).toEqual({ type: 'user', team: 'payments' });
  });

  it('count the labels found in the history', () => {
    const [a, b] = entries;
    if (!a || !b) throw new Error('fixture has too few entries');
    const views = groupExceptions([
      { ...a, failureLabels: { type: 'user', team: 'orders' } },
      { ...b, failureLabels: { type: 'user' } },
    ]);
    expect(labelCounts(views)).toEqual([
      { label: 'type:user', count: 2 },
      { label: 'team:orders', count: 1 },
    ]);
    expect(labelCounts(groupExceptions(entries))).toEqual([]);
  });
});
