import { describe, expect, it } from 'vitest';
import { defaultRuntimeConfig, loadRuntimeConfig, parseRuntimeConfig } from './runtime-config';

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
