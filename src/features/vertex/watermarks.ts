import type { MetricValues } from '../../api/metrics';
import { formatTimestamp } from '../../lib/format';

// Watermarks as Flink reports them: `<subtask>.currentInputWatermark` metric values (strings of
// epoch milliseconds). Before the first watermark Flink reports Long.MIN_VALUE
// (-9223372036854775808), which JSON/Number parsing turns into the float -2^63; a finished
// input reports Long.MAX_VALUE. Anything beyond ±2^62 is one of those markers, not a time.

const MARKER = 2 ** 62;

/** Long.MIN_VALUE as a JavaScript number, the way it arrives. */
export const NO_WATERMARK = Number('-9223372036854775808');

/** True for Flink's "no watermark yet" (Long.MIN_VALUE, however it was parsed) and for junk. */
export function isNoWatermark(value: number): boolean {
  return !Number.isFinite(value) || value <= -MARKER;
}

/** True for Long.MAX_VALUE: the input ended (bounded source finished). */
export function isEndOfInput(value: number): boolean {
  return Number.isFinite(value) && value >= MARKER;
}

export type WatermarkState = 'none' | 'end' | 'time';

export interface SubtaskWatermark {
  subtask: number;
  /** Epoch milliseconds when `state` is `time`, otherwise null. */
  watermark: number | null;
  state: WatermarkState;
}

export function watermarkState(value: number): WatermarkState {
  if (isNoWatermark(value)) return 'none';
  if (isEndOfInput(value)) return 'end';
  return 'time';
}

/** `<subtask>.currentInputWatermark` entries, by subtask index. */
export function parseWatermarks(metrics: MetricValues): SubtaskWatermark[] {
  const rows: SubtaskWatermark[] = [];
  for (const metric of metrics) {
    const match = /^(\d+)\.currentInputWatermark$/.exec(metric.id);
    if (!match || metric.value === undefined) continue;
    const value = Number(metric.value);
    const state = watermarkState(value);
    rows.push({ subtask: Number(match[1]), watermark: state === 'time' ? value : null, state });
  }
  return rows.sort((a, b) => a.subtask - b.subtask);
}

/** How far the watermark is behind `now` (ms; negative when it runs ahead); null if no time. */
export function watermarkLag(watermark: number | null, now: number): number | null {
  if (watermark === null || isNoWatermark(watermark) || isEndOfInput(watermark)) return null;
  return now - watermark;
}

/**
 * The spread between the most advanced and the least advanced subtask (ms), over subtasks
 * that have a real watermark; null when none has one.
 */
export function watermarkSkew(watermarks: readonly (number | null)[]): number | null {
  let min = Infinity;
  let max = -Infinity;
  for (const w of watermarks) {
    if (w === null || isNoWatermark(w) || isEndOfInput(w)) continue;
    min = Math.min(min, w);
    max = Math.max(max, w);
  }
  return min === Infinity ? null : max - min;
}

/** The vertex's effective watermark: the lowest of its subtasks (null when any has none). */
export function lowestWatermark(rows: readonly SubtaskWatermark[]): number | null {
  if (rows.length === 0 || rows.some((r) => r.state === 'none')) return null;
  const times = rows.filter((r) => r.state === 'time').map((r) => r.watermark ?? 0);
  return times.length ? Math.min(...times) : null;
}

/**
 * A subtask is idle when it received no records recently (`numRecordsInPerSecond`, a rate
 * over Flink's meter window, is 0): its watermark stalls for want of input.
 */
export function isIdleSubtask(recordsInPerSecond: number | undefined): boolean {
  return recordsInPerSecond !== undefined && Number.isFinite(recordsInPerSecond) && recordsInPerSecond === 0;
}

/** "2026-11-26 19:14:36.250" in a time zone (the browser's when undefined). */
export function formatWatermarkTime(epochMs: number, timeZone?: string): string {
  const base = formatTimestamp(epochMs, timeZone);
  if (base === '–') return base;
  const millis = ((Math.floor(epochMs) % 1000) + 1000) % 1000;
  return `${base}.${String(millis).padStart(3, '0')}`;
}

/** Lag in words: "4.2s behind", "120ms ahead". */
export function describeLag(lag: number | null, format: (ms: number) => string): string {
  if (lag === null) return '–';
  return lag >= 0 ? `${format(lag)} behind` : `${format(-lag)} ahead`;
}

/**
 * At most this many subtasks have their input rate asked for (to tell idle ones), so the request
 * stays one GET whose URL Flink accepts (its REST server refuses a request line over 4 KiB, which
 * 512 ids would exceed) and does not grow with the parallelism.
 */
export const MAX_RATE_SUBTASKS = 100;

/**
 * The subtasks whose input rate is worth asking for: all of them up to `max`; beyond, those
 * furthest behind (no watermark yet first, then the lowest watermarks), which are the ones an
 * idle input would hold back. In subtask order.
 */
export function subtasksToCheckForIdle(rows: readonly SubtaskWatermark[], max = MAX_RATE_SUBTASKS): number[] {
  if (rows.length <= max) return rows.map((r) => r.subtask);
  // The `max`-th lowest rank by a numeric sort of the ranks alone (a typed array: thousands of
  // subtasks on every refresh), then the subtasks below it, and at it by subtask order.
  const rank = (r: SubtaskWatermark): number =>
    r.state === 'none' ? -Infinity : r.state === 'end' ? Infinity : (r.watermark ?? -Infinity);
  const ranks = Float64Array.from(rows, rank);
  const cut = Float64Array.from(ranks).sort()[max - 1] as number;
  const below: number[] = [];
  const at: number[] = [];
  rows.forEach((r, i) => {
    const k = ranks[i] as number;
    if (k < cut) below.push(r.subtask);
    else if (k === cut) at.push(r.subtask);
  });
  at.sort((a, b) => a - b);
  return [...below, ...at.slice(0, max - below.length)].sort((a, b) => a - b);
}
