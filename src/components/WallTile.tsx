import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { HealthLevel } from '../lib/triage/health';
import './WallTile.css';

/** Words next to every colour: the level must not depend on seeing the colour. */
export const LEVEL_WORDS: Record<HealthLevel, string> = {
  bad: 'Critical',
  warn: 'Warning',
  ok: 'Healthy',
  ended: 'Ended',
};
const LEVEL_MARKS: Record<HealthLevel, string> = { bad: '✕', warn: '!', ok: '✓', ended: '–' };

export interface WallTileProps {
  readonly level: HealthLevel;
  /** Flink's state, or what the tile is about ("unreachable"). */
  readonly state: string;
  /** Flink's untrusted text: shown as text only. */
  readonly name: string;
  readonly reasons: readonly string[];
  /** A route to open (the wall outside kiosk mode); plain text without it. */
  readonly to?: string;
  /** An href that leaves the router (another cluster's view: `#/c/<id>/...`), instead of `to`. */
  readonly href?: string;
  /** The cluster the tile belongs to (the fleet's wall names it on every tile). */
  readonly cluster?: string;
}

/** One tile of a health wall: level in words and colour, the name, the reasons on amber and red. */
export function WallTile({ level, state, name, reasons, to, href, cluster }: WallTileProps): ReactNode {
  return (
    <li className={`wall-tile wall-${level}`} data-health={level}>
      {cluster !== undefined && <p className="wall-tile-cluster">{cluster}</p>}
      <p className="wall-tile-level">
        <span aria-hidden="true" className="wall-tile-mark">
          {LEVEL_MARKS[level]}
        </span>{' '}
        {LEVEL_WORDS[level]} <span className="wall-tile-state">· {state}</span>
      </p>
      <h3 className="wall-tile-name">
        {to !== undefined ? <Link to={to}>{name}</Link> : href !== undefined ? <a href={href}>{name}</a> : name}
      </h3>
      {reasons.length > 0 && level !== 'ended' && (
        <ul className="wall-tile-reasons">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
