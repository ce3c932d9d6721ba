import { describe, expect, it } from 'vitest';
import { detectKiosk, hashAsksForKiosk, locationParams } from './kiosk-mode';
import { defaultRuntimeConfig, type RuntimeConfig } from './runtime-config';

const config = defaultRuntimeConfig();
const withKiosk = (kiosk: Partial<RuntimeConfig['kiosk']>, rest: Partial<RuntimeConfig> = {}): RuntimeConfig => ({
  ...config,
  ...rest,
  kiosk: { ...config.kiosk, ...kiosk },
});

describe('kiosk mode detection', () => {
  it('is off by default', () => {
    expect(detectKiosk({ search: '', hash: '#/jobs' }, config)).toBeNull();
  });

  it('turns on from the real query string or from the hash', () => {
    expect(detectKiosk({ search: '?kiosk', hash: '#/jobs/abc' }, config)).toMatchObject({
      rotateSeconds: 30,
      hashQuery: '',
    });
    expect(detectKiosk({ search: '', hash: '#/?kiosk' }, config)).toMatchObject({ hashQuery: '?kiosk' });
    expect(detectKiosk({ search: '', hash: '#/kiosk?kiosk&rotate=5' }, config)).toMatchObject({
      rotateSeconds: 5,
      hashQuery: '?kiosk&rotate=5',
    });
  });

  it('turns on from config.json, and ?kiosk=off turns it off for one load', () => {
    const on = withKiosk({
      enabled: true,
      rotateSeconds: 60,
      views: ['wall', 'overview'],
      refreshIntervalMs: 15_000,
      theme: 'light',
    });
    expect(detectKiosk({ search: '', hash: '' }, on)).toEqual({
      rotateSeconds: 60,
      views: ['wall', 'overview'],
      refreshIntervalMs: 15_000,
      theme: 'light',
      hashQuery: '',
    });
    expect(detectKiosk({ search: '?kiosk=off', hash: '' }, on)).toBeNull();
    expect(detectKiosk({ search: '', hash: '#/?kiosk=false' }, on)).toBeNull();
  });

  it('falls back to the deployment interval, and ignores a bad rotation parameter', () => {
    const c = withKiosk({ refreshIntervalMs: null }, { refreshIntervalMs: 7000 });
    expect(detectKiosk({ search: '?kiosk&rotate=1', hash: '' }, c)).toMatchObject({
      refreshIntervalMs: 7000,
      rotateSeconds: 30,
    });
    expect(detectKiosk({ search: '?kiosk&rotate=abc', hash: '' }, c)?.rotateSeconds).toBe(30);
    expect(detectKiosk({ search: '?kiosk&rotate=0', hash: '' }, c)?.rotateSeconds).toBe(0);
  });

  it('reads parameters from both places, the hash winning', () => {
    expect(locationParams('?kiosk&rotate=10', '#/jobs?rotate=20').get('rotate')).toBe('20');
    expect(hashAsksForKiosk('#/jobs?kiosk')).toBe(true);
    expect(hashAsksForKiosk('#/jobs?state=RUNNING')).toBe(false);
    expect(hashAsksForKiosk('#/kiosk')).toBe(false);
  });
});
