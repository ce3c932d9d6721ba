import { describe, expect, it } from 'vitest';
import { clustersOf, defaultRuntimeConfig, loadRuntimeConfig, parseRuntimeConfig } from './runtime-config';

describe('runtime config', () => {
  it('fills defaults for an empty file', () => {
    const result = parseRuntimeConfig({});
    expect(result).toEqual({ ok: true, source: 'file', config: defaultRuntimeConfig() });
    expect(defaultRuntimeConfig().apiBase).toBe('api/');
  });

  it('names the bad field and the expected form', () => {
    const result = parseRuntimeConfig({ refreshIntervalMs: 'fast', theme: 'neon', colour: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/refreshIntervalMs: .*number/);
    expect(result.problems.join('\n')).toMatch(/theme: .*"system" \| "light" \| "dark"/);
    expect(result.problems.join('\n')).toMatch(/colour: is not a known setting/);
  });

  it('knows a History Server by kind', () => {
    expect(parseRuntimeConfig({ kind: 'history' })).toMatchObject({ ok: true, config: { kind: 'history' } });
    expect(defaultRuntimeConfig().kind).toBe('jobmanager');
    const bad = parseRuntimeConfig({ kind: 'archive' });
    expect(bad.ok).toBe(false);
  });

  it('lists the clusters of a fleet, or the one cluster of the top-level fields', () => {
    expect(clustersOf(defaultRuntimeConfig())).toEqual([
      { id: 'default', name: 'Flink', apiBase: 'api/', kind: 'jobmanager', readOnly: false, restVersionPrefix: null },
    ]);
    const fleet = parseRuntimeConfig({
      readOnly: true,
      clusters: [
        { id: 'prod', name: 'Production', apiBase: 'api/prod/' },
        { id: 'hs', name: 'History', apiBase: 'api/hs/', kind: 'history' },
      ],
    });
    if (!fleet.ok) throw new Error(fleet.problems.join('\n'));
    expect(clustersOf(fleet.config).map((c) => [c.id, c.kind, c.readOnly])).toEqual([
      ['prod', 'jobmanager', true],
      ['hs', 'history', true],
    ]);
    const bad = parseRuntimeConfig({
      clusters: [
        { id: 'Prod/1', name: 'a', apiBase: 'api/a/' },
        { id: 'b', name: 'b', apiBase: 'api/b/' },
        { id: 'b', name: 'c', apiBase: 'api/c/' },
      ],
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.join('\n')).toMatch(/clusters\.0\.id: Invalid id/);
    expect(bad.problems.join('\n')).toMatch(/each id must be unique/);
  });

  it('uses defaults when the file is missing', async () => {
    const fake = (() => Promise.resolve(new Response('not here', { status: 404 }))) as typeof fetch;
    const result = await loadRuntimeConfig(fake);
    expect(result).toMatchObject({ ok: true, source: 'defaults' });
  });

  it('reports a file that is not JSON', async () => {
    const fake = (() => Promise.resolve(new Response('{ apiBase: ', { status: 200 }))) as typeof fetch;
    const result = await loadRuntimeConfig(fake);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/config.json: is not valid JSON/);
  });
});

describe('runtime config: refresh and kiosk settings', () => {
  it('has kiosk defaults: off, 30 s rotation through every view, 10 s polling, dark', () => {
    expect(defaultRuntimeConfig().kiosk).toEqual({
      enabled: false,
      rotateSeconds: 30,
      views: ['wall', 'overview', 'job-graphs', 'failing-checkpoints'],
      refreshIntervalMs: 10_000,
      theme: 'dark',
    });
    expect(defaultRuntimeConfig().refreshIntervalMs).toBeNull();
  });

  it('accepts a partial kiosk block and fills the rest', () => {
    const result = parseRuntimeConfig({
      refreshIntervalMs: 5000,
      kiosk: { enabled: true, rotateSeconds: 0, views: ['wall'], theme: 'light' },
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        refreshIntervalMs: 5000,
        kiosk: { enabled: true, rotateSeconds: 0, views: ['wall'], refreshIntervalMs: 10_000, theme: 'light' },
      },
    });
  });

  it('names bad kiosk fields with their path and form', () => {
    const result = parseRuntimeConfig({
      kiosk: { rotateSeconds: 1, views: ['wall', 'flamegraphs'], refreshIntervalMs: 100, blink: true },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    expect(text).toMatch(/kiosk\.rotateSeconds: .*0 \(no rotation\) or an integer ≥ 3/);
    expect(text).toMatch(/kiosk\.views\.1: .*"wall" \| "overview" \| "job-graphs" \| "failing-checkpoints"/);
    expect(text).toMatch(/kiosk\.refreshIntervalMs: .*500/);
    expect(text).toMatch(/kiosk\.blink: is not a known setting/);
  });

  it('wants the kiosk block to be an object with at least one view', () => {
    const result = parseRuntimeConfig({ kiosk: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/^kiosk: .*Object/);
    const empty = parseRuntimeConfig({ kiosk: { views: [] } });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problems[0]).toMatch(/^kiosk\.views: /);
  });
});
