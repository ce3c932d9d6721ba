import { describe, expect, it } from 'vitest';
import { subtaskRanges } from '../api/query';
import {
  addPick,
  groupPicks,
  MAX_PICKS,
  parsePick,
  parsePicks,
  pickId,
  removePick,
  replacePick,
  serializePick,
  subtaskMetricPick,
  aggregatedMetricPick,
  isSubtaskMetricPickable,
  parseVertexPick,
  splitSubtaskMetricId,
  toggleAggregation,
  vertexPickLabel,
  vertexPicksParam,
  serializePicks,
  type MetricPick,
} from './metric-picks';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const VERTEX = '0dcd6b6344e082cccdb531821571f082';
const TM = '127.0.0.1:45603-311eea';
const JM_IDS = ['Status.JVM.Threads.Count', 'Status.JVM.CPU.Load', 'Status.JVM.Memory.Heap.Used'];
const HOSTILE = `0.Source__<script>alert("xss-script")</script>.numRecordsIn`;

const picks: MetricPick[] = [
  { scope: { kind: 'jm' }, metricId: 'Status.JVM.Memory.Heap.Used', aggregations: [] },
  { scope: { kind: 'tm', taskManagerId: TM }, metricId: 'Status.JVM.Memory.Heap.Used', aggregations: [] },
  { scope: { kind: 'tms' }, metricId: 'Status.JVM.Memory.Heap.Used', aggregations: ['min', 'max', 'avg'] },
  { scope: { kind: 'jobs' }, metricId: 'numRestarts', aggregations: ['sum'] },
  { scope: { kind: 'job', jobId: JOB }, metricId: 'lastCheckpointSize', aggregations: [] },
  { scope: { kind: 'vertex', jobId: JOB, vertexId: VERTEX }, metricId: HOSTILE, aggregations: [] },
  {
    scope: { kind: 'subtasks', jobId: JOB, vertexId: VERTEX, subtasks: subtaskRanges([0, 1]) },
    metricId: 'numRecordsInPerSecond',
    aggregations: ['max', 'skew'],
  },
  {
    scope: { kind: 'subtasks', jobId: JOB, vertexId: VERTEX, subtasks: null },
    metricId: 'a:b,c%d',
    aggregations: ['avg'],
  },
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
      metricId: 'Status.JVM.Threads.Count',
      aggregations: [],
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
      { scope: { kind: 'jm' }, metricId: 'Status.JVM.Threads.Count', aggregations: [] },
    ]);
    expect(parsePicks(null)).toEqual([]);
    expect(parsePicks(',,,')).toEqual([]);
  });

  it('normalise: ids lower-cased, ranges merged, aggregations ordered and merged, duplicates joined', () => {
    const upper = JOB.toUpperCase();
    expect(parsePick(`job:${upper}:numRestarts`)?.scope).toEqual({ kind: 'job', jobId: JOB });
    expect(parsePick(`subtasks:${JOB}:${VERTEX}:${encodeURIComponent('3,0-1,2')}:x:avg-min`)).toMatchObject({
      scope: { subtasks: '0-3' },
      aggregations: ['min', 'avg'],
    });
    expect(parsePicks('tm:*:heap:max,tm:*:heap:min,jm:x,jm:x')).toEqual([
      { scope: { kind: 'tms' }, metricId: 'heap', aggregations: ['min', 'max'] },
      { scope: { kind: 'jm' }, metricId: 'x', aggregations: [] },
    ]);
  });

  it('keep at most MAX_PICKS', () => {
    const raw = Array.from({ length: MAX_PICKS + 5 }, (_, i) => `jm:m${i}`).join(',');
    expect(parsePicks(raw)).toHaveLength(MAX_PICKS);
  });

  it('add, remove and group by scope (one request per scope)', () => {
    let list: MetricPick[] = [];
    for (const id of JM_IDS) list = addPick(list, { scope: { kind: 'jm' }, metricId: id, aggregations: [] });
    list = addPick(list, picks[2] as MetricPick);
    list = addPick(list, { ...(picks[2] as MetricPick), aggregations: ['sum'] });
    expect(list).toHaveLength(4);
    expect(list[3]?.aggregations).toEqual(['min', 'max', 'sum', 'avg']);
    const groups = groupPicks(list);
    expect(groups.map((g) => g.key)).toEqual(['jm', 'tm:*']);
    expect(groups[0]?.metrics).toEqual([...JM_IDS].sort());
    expect(groups[1]?.aggs).toEqual(['min', 'max', 'sum', 'avg']);
    expect(removePick(list, pickId(list[0] as MetricPick))).toHaveLength(3);
  });
});

describe('adding, reshaping and toggling picks', () => {
  it('refuses a new pick past MAX_PICKS but still merges aggregations into a charted one', () => {
    let list: MetricPick[] = [];
    for (let i = 0; i < MAX_PICKS + 3; i++)
      list = addPick(list, { scope: { kind: 'tms' }, metricId: `m${i}`, aggregations: ['min'] });
    expect(list).toHaveLength(MAX_PICKS);
    list = addPick(list, { scope: { kind: 'tms' }, metricId: 'm0', aggregations: ['max'] });
    expect(list[0]?.aggregations).toEqual(['min', 'max']);
  });

  it('replaces a pick in place, merging it into a duplicate', () => {
    const a = subtaskMetricPick(JOB, VERTEX, '0.numRecordsIn');
    const b = subtaskMetricPick(JOB, VERTEX, '0.busy');
    const avg = aggregatedMetricPick(JOB, VERTEX, 'numRecordsIn', ['avg']);
    expect(replacePick([a, b], pickId(a), avg)).toEqual([avg, b]);
    const both = replacePick([avg, a], pickId(a), aggregatedMetricPick(JOB, VERTEX, 'numRecordsIn', ['max']));
    expect(both).toEqual([aggregatedMetricPick(JOB, VERTEX, 'numRecordsIn', ['max', 'avg'])]);
  });

  it('toggles aggregations of an aggregated pick, keeping its last one', () => {
    const avg = aggregatedMetricPick(JOB, VERTEX, 'x', ['avg']);
    const id = pickId(avg);
    const withMin = toggleAggregation([avg], id, 'min');
    expect(withMin[0]?.aggregations).toEqual(['min', 'avg']);
    expect(toggleAggregation(withMin, id, 'avg')[0]?.aggregations).toEqual(['min']);
    expect(toggleAggregation([avg], id, 'avg')).toEqual([avg]);
    const one = subtaskMetricPick(JOB, VERTEX, '0.x');
    expect(toggleAggregation([one], pickId(one), 'max')).toEqual([one]);
  });
});

describe("the vertex tab's metric picks", () => {
  const hostileId = "0.<img_src=x_onerror=alert('xss-img')>.hostile.lastPayload";
  const param = vertexPicksParam(JOB, VERTEX);

  it('reads subtask ids and aggregations over subtasks, refusing anything else', () => {
    expect(parseVertexPick(JOB, VERTEX, '0.numRecordsIn')).toEqual({
      scope: { kind: 'vertex', jobId: JOB, vertexId: VERTEX },
      metricId: '0.numRecordsIn',
      aggregations: [],
    });
    expect(parseVertexPick(JOB, VERTEX, 'avg(numRecordsIn)')).toEqual({
      scope: { kind: 'subtasks', jobId: JOB, vertexId: VERTEX, subtasks: null },
      metricId: 'numRecordsIn',
      aggregations: ['avg'],
    });
    for (const bad of ['median(x)', 'numRecordsIn', '0.a,b', ''])
      expect(parseVertexPick(JOB, VERTEX, bad), bad).toBeUndefined();
    expect(parseVertexPick(JOB, VERTEX, hostileId)?.metricId).toBe(hostileId);
    expect(splitSubtaskMetricId('12.a.b.c')).toEqual({ subtask: 12, name: 'a.b.c' });
    expect(isSubtaskMetricPickable('0.a,b')).toBe(false);
    expect(isSubtaskMetricPickable('numRecordsIn')).toBe(false);
  });

  it('reads old links: one chart per metric, its aggregations merged, junk and duplicates dropped', () => {
    const picks = param.parse(`0.numRecordsIn,bogus,avg(busy),0.numRecordsIn,max(busy),${hostileId}`);
    expect(picks.map((p) => [p.metricId, p.aggregations])).toEqual([
      ['0.numRecordsIn', []],
      ['busy', ['max', 'avg']],
      [hostileId, []],
    ]);
    expect(param.serialize(picks)).toBe(`0.numRecordsIn,max(busy),avg(busy),${hostileId}`);
    expect(param.parse(param.serialize(picks))).toEqual(picks);
    expect(param.serialize([])).toBeNull();
    expect(param.parse(null)).toEqual([]);
    const many = Array.from({ length: MAX_PICKS + 3 }, (_, i) => `${i}.x`).join(',');
    expect(param.parse(many)).toHaveLength(MAX_PICKS);
  });

  it('labels picks in words', () => {
    expect(vertexPickLabel(subtaskMetricPick(JOB, VERTEX, '1.numRecordsIn'))).toBe('numRecordsIn, subtask 1');
    expect(vertexPickLabel(aggregatedMetricPick(JOB, VERTEX, 'numRecordsIn', ['skew']))).toBe(
      'numRecordsIn, skew over subtasks',
    );
    expect(vertexPickLabel(aggregatedMetricPick(JOB, VERTEX, 'x', ['avg', 'min', 'max']))).toBe(
      'x, minimum, maximum and average over subtasks',
    );
  });
});
