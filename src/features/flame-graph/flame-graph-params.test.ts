import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../api/test-utils';
import { FlameGraphSchema } from '../../api/vertex-sampling';
import { flameTypeParam, flameView, subtaskParam, validSubtask } from './flame-graph-params';

describe('flame graph URL state', () => {
  it('reads the type, defaulting to On-CPU', () => {
    expect(flameTypeParam.parse('OFF_CPU')).toBe('OFF_CPU');
    expect(flameTypeParam.parse('FULL')).toBe('FULL');
    expect(flameTypeParam.parse('bogus')).toBe('ON_CPU');
    expect(flameTypeParam.serialize('ON_CPU')).toBeNull();
  });
  it('reads one subtask or all', () => {
    expect(subtaskParam.parse('3')).toBe(3);
    expect(subtaskParam.parse('-1')).toBeNull();
    expect(subtaskParam.parse('x')).toBeNull();
    expect(subtaskParam.parse(null)).toBeNull();
    expect(subtaskParam.serialize(null)).toBeNull();
    expect(validSubtask(3, 2)).toBeNull();
    expect(validSubtask(1, 2)).toBe(1);
  });
});

describe('flameView', () => {
  it('names the states Flink signals with endTimestamp', () => {
    expect(flameView({ endTimestamp: -1 })).toEqual({ kind: 'terminated' });
    expect(flameView({ endTimestamp: -2 })).toEqual({ kind: 'disabled' });
    expect(flameView({ endTimestamp: -3 })).toEqual({ kind: 'waiting' });
    const tree = { name: 'root', value: 1, children: [] };
    expect(flameView({ endTimestamp: 1795721508043, data: tree })).toEqual({
      kind: 'ready',
      sampledAt: 1795721508043,
      tree,
    });
  });
});

describe('recorded answers', () => {
  it('reads a recorded sample and a recorded wait', () => {
    const ready = flameView(v.parse(FlameGraphSchema, fixture('flink-2.3.0/vertex-flamegraph-ready').json));
    expect(ready.kind).toBe('ready');
    if (ready.kind === 'ready') expect(ready.tree.children[0]?.name).toBe('java.lang.Thread.run:840');
    expect(flameView(v.parse(FlameGraphSchema, fixture('flink-2.3.0/vertex-flamegraph-waiting').json))).toEqual({
      kind: 'waiting',
    });
  });
});
