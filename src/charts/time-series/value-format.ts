import { formatBytes, formatCount, formatDuration } from '../../lib/format';

// How the values of a line chart read, on its axis, in its tooltip and beside its title.

/** How values of a chart read; `percent` values are already 0–100 (back pressure). */
export type ValueUnit =
  'bytes' | 'bytes-per-s' | 'count' | 'ms' | 'ms-per-s' | 'per-s' | 'ratio' | 'percent' | 'number';

function trimNumber(n: number): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1e12) return `${(n / 1e12).toFixed(1)}T`;
  if (abs >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 1) return String(Math.round(n * 100) / 100);
  return n.toPrecision(2);
}

/** A value as the chart reads it: 1536 bytes -> "1.5 KiB", 0.42 ratio -> "42%". */
export function formatMetricValue(unit: ValueUnit, value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'bytes':
      return value < 0 ? `-${formatBytes(-value)}` : formatBytes(value);
    case 'count':
      return Math.abs(value) >= 1e4 ? trimNumber(value) : formatCount(value);
    case 'bytes-per-s':
      return `${value < 0 ? `-${formatBytes(-value)}` : formatBytes(value)}/s`;
    case 'ms':
      return value < 1 && value > 0 ? `${trimNumber(value)}ms` : formatDuration(value);
    case 'ms-per-s':
      return `${trimNumber(value)} ms/s`;
    case 'per-s':
      return `${trimNumber(value)}/s`;
    case 'ratio':
      return `${trimNumber(value * 100)}%`;
    case 'percent':
      return `${Number(value.toFixed(1))}%`;
    case 'number':
      return trimNumber(value);
  }
}
