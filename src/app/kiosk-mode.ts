import { KIOSK_VIEWS, MIN_ROTATE_SECONDS, type KioskView, type RuntimeConfig } from './runtime-config';
import type { ThemeChoice } from './theme';

// Kiosk mode: a wall display nobody touches. It is on when the URL says `?kiosk` (in the real
// query string, `index.html?kiosk#/...`, or inside the hash, `#/?kiosk`) or when config.json
// says `kiosk.enabled`; `?kiosk=off` turns a configured kiosk off for one page load. The URL may
// also shorten the rotation: `?kiosk&rotate=10`.

export interface KioskSettings {
  /** Seconds each view stays on screen; 0 keeps the first view. */
  readonly rotateSeconds: number;
  readonly views: readonly KioskView[];
  /** The forced polling interval; null keeps the deployment's or the JobManager's. */
  readonly refreshIntervalMs: number | null;
  readonly theme: ThemeChoice;
  /**
   * The query to keep on every hash route the kiosk moves to (`?kiosk&rotate=10` when the hash
   * carried it), so a reload stays a kiosk; empty when the real query string carries it.
   */
  readonly hashQuery: string;
}

/** The query parameters of a location: the real query string's, then the hash's (which win). */
export function locationParams(search: string, hash: string): URLSearchParams {
  const params = new URLSearchParams(search);
  const q = hash.indexOf('?');
  if (q >= 0) {
    for (const [key, value] of new URLSearchParams(hash.slice(q + 1))) params.set(key, value);
  }
  return params;
}

const OFF = new Set(['0', 'false', 'off', 'no']);

function rotateFrom(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n === 0 || n >= MIN_ROTATE_SECONDS ? n : null;
}

/** The kiosk settings for this page load, or null when it is not a kiosk. */
export function detectKiosk(location: { search: string; hash: string }, config: RuntimeConfig): KioskSettings | null {
  const params = locationParams(location.search, location.hash);
  const flag = params.get('kiosk');
  const enabled = flag === null ? config.kiosk.enabled : !OFF.has(flag.toLowerCase());
  if (!enabled) return null;
  const views = config.kiosk.views.filter((v, i, all) => KIOSK_VIEWS.includes(v) && all.indexOf(v) === i);
  return {
    rotateSeconds: rotateFrom(params.get('rotate')) ?? config.kiosk.rotateSeconds,
    views: views.length ? views : [...KIOSK_VIEWS],
    refreshIntervalMs: config.kiosk.refreshIntervalMs ?? config.refreshIntervalMs,
    theme: config.kiosk.theme,
    hashQuery: hashAsksForKiosk(location.hash) ? location.hash.slice(location.hash.indexOf('?')) : '',
  };
}

/** Whether a hash route (`#/jobs/x?kiosk`) asks for kiosk mode. */
export function hashAsksForKiosk(hash: string): boolean {
  const q = hash.indexOf('?');
  if (q < 0) return false;
  const flag = new URLSearchParams(hash.slice(q + 1)).get('kiosk');
  return flag !== null && !OFF.has(flag.toLowerCase());
}
