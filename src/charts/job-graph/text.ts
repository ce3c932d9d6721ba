// Text helpers for SVG labels (SVG text does not wrap or ellipsise by itself).

/**
 * Whitespace (newlines from operator names included) collapsed to single spaces, and bidi
 * controls dropped: an untrusted name cannot reorder what is drawn (`\u202Eevil.exe` shows as
 * `evil.exe`, not `exe.live`). The full name stays untouched in the tooltip and accessible name.
 */
export function oneLine(text: string): string {
  return text
    .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters (code points, not UTF-16 units), with "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(oneLine(text));
  if (chars.length <= max) return chars.join('');
  return `${chars
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

/** An SVG path through the points, with rounded corners (a quadratic curve at each bend). */
export function roundedPath(points: readonly { x: number; y: number }[]): string {
  const first = points[0];
  if (!first) return '';
  if (points.length < 3) return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)},${r(p.y)}`).join(' ');
  const parts = [`M${r(first.x)},${r(first.y)}`];
  for (let i = 1; i < points.length - 1; i += 1) {
    const p = points[i] ?? first;
    const next = points[i + 1] ?? p;
    const mid = { x: (p.x + next.x) / 2, y: (p.y + next.y) / 2 };
    parts.push(`Q${r(p.x)},${r(p.y)} ${r(mid.x)},${r(mid.y)}`);
  }
  const last = points[points.length - 1] ?? first;
  parts.push(`L${r(last.x)},${r(last.y)}`);
  return parts.join(' ');
}

function r(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Length and half width of an edge's arrowhead, in graph units (as the former 7-unit marker on a 1.4 stroke). */
const ARROW_LENGTH = 9.8;
const ARROW_HALF_WIDTH = 4.9;

/**
 * A filled triangle whose tip is the line's last point, pointing along its last segment. Drawn as
 * part of one path for all edges: a `marker-end` would mark only the end of that whole path.
 */
export function arrowHead(points: readonly { x: number; y: number }[]): string {
  const tip = points[points.length - 1];
  const from = points[points.length - 2];
  if (!tip || !from) return '';
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return '';
  const ux = dx / length;
  const uy = dy / length;
  const baseX = tip.x - ux * ARROW_LENGTH;
  const baseY = tip.y - uy * ARROW_LENGTH;
  return (
    `M${r(tip.x)},${r(tip.y)} L${r(baseX - uy * ARROW_HALF_WIDTH)},${r(baseY + ux * ARROW_HALF_WIDTH)} ` +
    `L${r(baseX + uy * ARROW_HALF_WIDTH)},${r(baseY - ux * ARROW_HALF_WIDTH)} Z`
  );
}
