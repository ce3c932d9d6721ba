// Formatting of the numbers Flink reports, in one place so every page reads the same way.

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** 1536 -> "1.5 KiB"; negative or missing values (Flink's -1 for "unknown") -> "–". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return '–';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${BYTE_UNITS[unit]}`;
}

/** Milliseconds -> "2d 3h", "3h 4m", "4m 5s", "5.2s", "120ms"; Flink's -1 -> "–". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.floor(s)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${Math.floor(s % 60)}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter; an unknown zone name falls back to the browser's own zone. */
function dateFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    };
    try {
      format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat('en-CA', options);
    }
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * Epoch milliseconds -> "2026-11-26 19:14:36" in an IANA time zone (the browser's by default);
 * Flink's -1 or 0 for "not yet" -> "–".
 */
export function formatTimestamp(epochMs: number | null | undefined, timeZone?: string): string {
  if (epochMs == null || !Number.isFinite(epochMs) || epochMs <= 0) return '–';
  // Tables of hundreds of rows repeat the same few seconds (a job's vertices start together), and
  // formatToParts is slow: remember the texts of recent seconds.
  const key = `${timeZone ?? ''}|${Math.floor(epochMs / 1000)}`;
  const known = recentTimestamps.get(key);
  if (known !== undefined) return known;
  const parts = dateFormat(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const text = `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
  if (recentTimestamps.size >= RECENT_TIMESTAMPS) recentTimestamps.clear();
  recentTimestamps.set(key, text);
  return text;
}

const RECENT_TIMESTAMPS = 2000;
const recentTimestamps = new Map<string, string>();

/** One formatter for every count: `toLocaleString` builds a new one per call (slow in tables of 1,000 rows). */
const countFormat = new Intl.NumberFormat('en-US');

/** 12345.6 -> "12,346"; missing -> "–". */
export function formatCount(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return '–';
  return countFormat.format(Math.round(n));
}
