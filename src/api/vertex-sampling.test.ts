import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FlameGraphSchema, isFlameGraphTree } from './vertex-sampling';

const recorded = JSON.parse(readFileSync('src/api/fixtures/flink-2.3.0/vertex-flamegraph-ready.json', 'utf8')) as {
  json: unknown;
};

describe('the flame graph tree check', () => {
  it('accepts a recorded sample and hands it on as it is (no copy)', () => {
    const parsed = v.parse(FlameGraphSchema, recorded.json);
    expect(parsed.data).toBe((recorded.json as { data: unknown }).data);
    expect(parsed.data?.children.length).toBeGreaterThan(0);
  });

  it('refuses a frame without a name, a value or children, at any depth', () => {
    const leaf = { name: 'run', value: 1, children: [] };
    expect(isFlameGraphTree({ name: 'root', value: 1, children: [leaf] })).toBe(true);
    expect(isFlameGraphTree({ value: 1, children: [] })).toBe(false);
    expect(isFlameGraphTree({ name: 'root', value: '1', children: [] })).toBe(false);
    expect(isFlameGraphTree({ name: 'root', value: 1 })).toBe(false);
    expect(isFlameGraphTree({ name: 'root', value: 1, children: [leaf, { ...leaf, name: 7 }] })).toBe(false);
    expect(isFlameGraphTree({ name: 'root', value: 1, children: [leaf, undefined] })).toBe(false);
    expect(isFlameGraphTree({ name: 'root', value: 1, children: [null] })).toBe(false);
    expect(isFlameGraphTree(null)).toBe(false);
    expect(v.safeParse(FlameGraphSchema, { endTimestamp: 1, data: { name: 'root', value: 1 } }).success).toBe(false);
  });

  it('checks a stack 20,000 frames deep without overflowing', () => {
    let node = { name: 'leaf', value: 1, children: [] as unknown[] };
    for (let i = 0; i < 20_000; i += 1) node = { name: `f${i}`, value: 1, children: [node] };
    expect(isFlameGraphTree(node)).toBe(true);
  });
});
