import { describe, expect, it } from 'vitest';
import { subtaskRanges } from '../../api/query';
import jmList from './fixtures/jobmanager-metrics-list.json';
import {
  addPick,
  groupPicks,
  MAX_PICKS,
  parsePick,
  parsePicks,
  pickId,
  removePick,
  serializePick,
  serializePicks,
  type MetricPick,
} from './picks';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const VERTEX = '0dcd6b6344e082cccdb531821571f082';
const TM = '127.0.0.1:45603-311eea';
const HOSTILE = `0.Source__<script>alert("xss-script")</script>.numRecordsIn`;

const picks: MetricPick[] = [
  { scope: { kind: 'jm' }, metric: 'Status.JVM.Memory.Heap.Used', aggs: [] },
  { scope: { kind: 'tm', taskManagerId: TM }, metric: 'Status.JVM.Memory.Heap.Used', aggs: [] },
  { scope: { kind: 'tms' }, metric: 'Status.JVM.Memory.Heap.Used', aggs: ['min', 'max', 'avg'] },
  { scope: { kind: 'jobs' }, metric: 'numRestarts', aggs: ['sum'] },
  { scope: { kind: 'job', jobId: JOB }, metric: 'lastCheckpointSize', aggs: [] },
  { scope: { kind: 'vertex', jobId: JOB, vertexId: VERTEX }, metric: HOSTILE, aggs: [] },
  {
    scope: { kind: 'subtasks', jobId: JOB, vertexId: VERTEX, subtasks: subtaskRanges([0, 1]) },
    metric: 'numRecordsInPerSecond',
    aggs: ['max', 'skew'],
  },
  { scope: { kind: 'subtasks', jobId: JOB, vertexId: VERTEX, subtasks: null }, metric: 'a:b,c%d', aggs: ['avg'] },
];

describe('metric picks in the URL', () => {
  it('round-trip every scope, with colons, commas, percent signs and markup in ids', () => {
    const raw = serializePicks(picks);
    expect(raw).not.toBeNull();
    expect(parsePicks(raw)).toEqual(picks);
    // Through URLSearchParams, as the router stores it.
    const url = new URLSearchParams({ m: raw ?? '' }).toString();
    expect(parsePicks(new URLSearchParams(url).get('m'))).toEqual(picks);
  });

  it('read as documented', () => {
    expect(serializePick(picks[0] as MetricPick)).toBe('jm:Status.JVM.Memory.Heap.Used');
    expect(serializePick(picks[2] as MetricPick)).toBe('tm:*:Status.JVM.Memory.Heap.Used:min-max-avg');
    expect(serializePick(picks[1] as MetricPick)).toBe('tm:127.0.0.1%3A45603-311eea:Status.JVM.Memory.Heap.Used');
    expect(serializePick(picks[6] as MetricPick)).toBe(`subtasks:${JOB}:${VERTEX}:0-1:numRecordsInPerSecond:max-skew`);
    // A hand-typed task manager id with raw colons reads too.
    expect(parsePick(`tm:${TM}:Status.JVM.Threads.Count`)).toEqual({
      scope: { kind: 'tm', taskManagerId: TM },
      metric: 'Status.JVM.Threads.Count',
      aggs: [],
    });
  });

  it('degrade bad values to nothing, keeping the good ones, never throwing', () => {
    const bad = [
      '',
      'jm',
      'jm:',
      'nope:x',
      'jm:a:b',
      'tm:*:heap',
      'tm:*:heap:median',
      'tm::heap',
      'tm:../../etc:heap',
      'job:xyz:numRestarts',
      'job:*:numRestarts',
      `vertex:${JOB}:notahex:x`,
      `subtasks:${JOB}:${VERTEX}:3-1:x:max`,
      `subtasks:${JOB}:${VERTEX}:a-b:x:max`,
      `subtasks:${JOB}:${VERTEX}:*:x`,
      'jm:%E0%A4%A',
      `jm:${'x'.repeat(600)}`,
      'jm:bad%0Aline',
      '%%%',
      ':::::::',
    ];
    for (const token of bad) expect(parsePick(token), token).toBeUndefined();
    expect(parsePicks([...bad, 'jm:Status.JVM.Threads.Count'].join(','))).toEqual([
      { scope: { kind: 'jm' }, metric: 'Status.JVM.Threads.Count', aggs: [] },
    ]);
    expect(parsePicks(null)).toEqual([]);
    expect(parsePicks(',,,')).toEqual([]);
  });

  it('normalise: ids lower-cased, ranges merged, aggregations ordered and merged, duplicates joined', () => {
    const upper = JOB.toUpperCase();
    expect(parsePick(`job:${upper}:numRestarts`)?.scope).toEqual({ kind: 'job', jobId: JOB });
    expect(parsePick(`subtasks:${JOB}:${VERTEX}:${encodeURIComponent('3,0-1,2')}:x:avg-min`)).toMatchObject({
      scope: { subtasks: '0-3' },
      aggs: ['min', 'avg'],
    });
    expect(parsePicks('tm:*:heap:max,tm:*:heap:min,jm:x,jm:x')).toEqual([
      { scope: { kind: 'tms' }, metric: 'heap', aggs: ['min', 'max'] },
      { scope: { kind: 'jm' }, metric: 'x', aggs: [] },
    ]);
  });

  it('keep at most MAX_PICKS', () => {
    const raw = Array.from({ length: MAX_PICKS + 5 }, (_, i) => `jm:m${i}`).join(',');
    expect(parsePicks(raw)).toHaveLength(MAX_PICKS);
  });

  it('add, remove and group by scope (one request per scope)', () => {
    let list: MetricPick[] = [];
    for (const id of jmList.slice(0, 3).map((m) => m.id))
      list = addPick(list, { scope: { kind: 'jm' }, metric: id, aggs: [] });
    list = addPick(list, picks[2] as MetricPick);
    list = addPick(list, { ...(picks[2] as MetricPick), aggs: ['sum'] });
    expect(list).toHaveLength(4);
    expect(list[3]?.aggs).toEqual(['min', 'max', 'sum', 'avg']);
    const groups = groupPicks(list);
    expect(groups.map((g) => g.key)).toEqual(['jm', 'tm:*']);
    expect(groups[0]?.metrics).toEqual(
      jmList
        .slice(0, 3)
        .map((m) => m.id)
        .sort(),
    );
    expect(groups[1]?.aggs).toEqual(['min', 'max', 'sum', 'avg']);
    expect(removePick(list, pickId(list[0] as MetricPick))).toHaveLength(3);
  });
});
