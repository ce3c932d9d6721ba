import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDuration, formatTimestamp } from './format';

describe('formatBytes', () => {
  it('scales to binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(150 * 1024 * 1024)).toBe('150 MiB');
  });
  it('shows Flink -1 (unknown) as a dash', () => {
    expect(formatBytes(-1)).toBe('–');
    expect(formatBytes(undefined)).toBe('–');
  });
});

describe('formatDuration', () => {
  it('picks the two largest units', () => {
    expect(formatDuration(120)).toBe('120ms');
    expect(formatDuration(5200)).toBe('5.2s');
    expect(formatDuration(65_000)).toBe('1m 5s');
    expect(formatDuration(3 * 3600_000 + 4 * 60_000)).toBe('3h 4m');
    expect(formatDuration(50 * 3600_000)).toBe('2d 2h');
  });
  it('shows -1 as a dash', () => {
    expect(formatDuration(-1)).toBe('–');
  });
});

describe('formatTimestamp', () => {
  it('formats in the given time zone', () => {
    expect(formatTimestamp(Date.UTC(2026, 10, 26, 19, 14, 36), 'UTC')).toBe('2026-11-26 19:14:36');
  });
  it('falls back to the browser zone for a name that is not an IANA zone', () => {
    // Flink's /config reports a display name such as this one, not an IANA zone.
    expect(formatTimestamp(Date.UTC(2026, 10, 26, 19, 14, 36), 'Coordinated Universal Time')).toMatch(
      /^2026-11-2\d \d\d:\d\d:36$/,
    );
  });
  it('treats Flink -1 and 0 as not yet', () => {
    expect(formatTimestamp(-1)).toBe('–');
    expect(formatTimestamp(0)).toBe('–');
  });
  it('gives the same text again for the same second, and keeps zones apart', () => {
    const t = Date.UTC(2026, 10, 26, 19, 14, 36);
    expect(formatTimestamp(t + 999, 'UTC')).toBe('2026-11-26 19:14:36');
    expect(formatTimestamp(t + 1000, 'UTC')).toBe('2026-11-26 19:14:37');
    expect(formatTimestamp(t, 'Asia/Tokyo')).toBe('2026-11-27 04:14:36');
    expect(formatTimestamp(t, 'UTC')).toBe('2026-11-26 19:14:36');
    for (let i = 0; i < 2500; i += 1) formatTimestamp(t + i * 1000, 'UTC'); // past the remembered seconds
    expect(formatTimestamp(t, 'UTC')).toBe('2026-11-26 19:14:36');
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(12345.6)).toBe('12,346');
    expect(formatCount(-1234567.4)).toBe('-1,234,567');
    expect(formatCount(Number.NaN)).toBe('–');
  });
});
