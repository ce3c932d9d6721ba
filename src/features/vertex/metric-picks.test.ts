import { describe, expect, it } from 'vitest';
import {
  addPick,
  formatMetricNumber,
  isPickable,
  MAX_PICKS,
  parsePick,
  pickKey,
  pickLabel,
  pickRequests,
  picksParam,
  pickValue,
  removePick,
  replacePick,
  reshapePick,
  splitMetricId,
  type MetricPick,
} from './metric-picks';

const hostileId = "0.<img_src=x_onerror=alert('xss-img')>.hostile.lastPayload";

describe('metric picks', () => {
  it('parses subtask ids and aggregations, refusing anything else', () => {
    expect(parsePick('0.numRecordsIn')).toEqual({
      kind: 'subtask',
      id: '0.numRecordsIn',
      subtask: 0,
      name: 'numRecordsIn',
    });
    expect(parsePick('12.a.b.c')).toMatchObject({ subtask: 12, name: 'a.b.c' });
    expect(parsePick('avg(numRecordsIn)')).toEqual({ kind: 'agg', name: 'numRecordsIn', agg: 'avg' });
    expect(parsePick('median(x)')).toBeNull();
    expect(parsePick('numRecordsIn')).toBeNull();
    expect(parsePick('0.a,b')).toBeNull();
    expect(parsePick(hostileId)).toMatchObject({
      kind: 'subtask',
      name: "<img_src=x_onerror=alert('xss-img')>.hostile.lastPayload",
    });
  });

  it('round-trips through the URL parameter, dropping junk and duplicates', () => {
    const picks = picksParam.parse(`0.numRecordsIn,bogus,avg(busy),0.numRecordsIn,${hostileId}`);
    expect(picks.map(pickKey)).toEqual(['0.numRecordsIn', 'avg(busy)', hostileId]);
    expect(picksParam.parse(picksParam.serialize(picks))).toEqual(picks);
    expect(picksParam.serialize([])).toBeNull();
    expect(picksParam.parse(null)).toEqual([]);
  });

  it('adds, removes and reshapes picks', () => {
    const a = parsePick('0.numRecordsIn') as MetricPick;
    let picks = addPick([], a);
    picks = addPick(picks, a);
    expect(picks).toHaveLength(1);
    const avg = reshapePick(a, 'avg');
    expect(pickKey(avg)).toBe('avg(numRecordsIn)');
    picks = replacePick(picks, pickKey(a), avg);
    expect(picks.map(pickKey)).toEqual(['avg(numRecordsIn)']);
    expect(pickKey(reshapePick(avg, 'subtask'))).toBe('0.numRecordsIn');
    expect(removePick(picks, 'avg(numRecordsIn)')).toEqual([]);
    let many: MetricPick[] = [];
    for (let i = 0; i < MAX_PICKS + 3; i++) many = addPick(many, parsePick(`${i}.x`) as MetricPick);
    expect(many).toHaveLength(MAX_PICKS);
  });

  it('labels picks in words', () => {
    expect(pickLabel(parsePick('1.numRecordsIn') as MetricPick)).toBe('numRecordsIn, subtask 1');
    expect(pickLabel(parsePick('skew(numRecordsIn)') as MetricPick)).toBe('numRecordsIn, skew over subtasks');
  });

  it('turns picks into the two requests', () => {
    const picks = ['1.b', '0.a', 'max(c)', 'avg(c)', 'avg(d)'].map((p) => parsePick(p) as MetricPick);
    expect(pickRequests(picks)).toEqual({ ids: ['0.a', '1.b'], aggNames: ['c', 'd'], aggs: ['max', 'avg'] });
  });

  it('reads the latest values: numbers, text gauges, aggregates', () => {
    const values = [
      { id: '0.a', value: '12.5' },
      { id: hostileId, value: '<details open ontoggle=alert(1)>' },
    ];
    const aggregated = [{ id: 'c', avg: 3, max: 9 }];
    expect(pickValue(parsePick('0.a') as MetricPick, values, aggregated)).toBe(12.5);
    expect(pickValue(parsePick(hostileId) as MetricPick, values, aggregated)).toBe('<details open ontoggle=alert(1)>');
    expect(pickValue(parsePick('avg(c)') as MetricPick, values, aggregated)).toBe(3);
    expect(pickValue(parsePick('sum(c)') as MetricPick, values, aggregated)).toBeUndefined();
    expect(pickValue(parsePick('0.zzz') as MetricPick, values, undefined)).toBeUndefined();
  });

  it('knows what can be picked and how ids split', () => {
    expect(isPickable('0.a')).toBe(true);
    expect(isPickable('0.a,b')).toBe(false);
    expect(isPickable('a')).toBe(false);
    expect(splitMetricId('3.x.y')).toEqual({ subtask: 3, name: 'x.y' });
  });

  it('formats numbers compactly', () => {
    expect(formatMetricNumber(1_234_567)).toBe('1.23M');
    expect(formatMetricNumber(12.345)).toBe('12.35');
    expect(formatMetricNumber(0.0042)).toBe('0.0042');
    expect(formatMetricNumber(0)).toBe('0');
  });
});
