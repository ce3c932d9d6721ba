import type { ReactNode } from 'react';
import { WallTile } from '../../components/WallTile';
import { formatCount } from '../../lib/format';
import { links } from '../../lib/paths';
import type { JobTile, WallData } from './useWallData';
import './kiosk.css';

/** How many ended jobs the wall lists (the newest); the rest are counted. */
const ENDED_SHOWN = 12;

function Tile({ tile, interactive }: { tile: JobTile; interactive: boolean }): ReactNode {
  return (
    <WallTile
      level={tile.level}
      state={tile.state}
      name={tile.name}
      reasons={tile.reasons}
      to={interactive ? links.job(tile.jid) : undefined}
    />
  );
}

/**
 * The health wall: every job as a tile, worst first, with the reason in words on amber and red
 * tiles; the cluster's task managers and slots. All names are Flink's untrusted text, shown as
 * text. `interactive` adds links (the wall outside kiosk mode).
 */
export function HealthWall({ data, interactive }: { data: WallData; interactive: boolean }): ReactNode {
  const overview = data.overview.data;
  const live = data.tiles.filter((t) => t.level !== 'ended');
  const ended = data.tiles.filter((t) => t.level === 'ended');
  const counts = { bad: 0, warn: 0, ok: 0 };
  for (const t of live) if (t.level !== 'ended') counts[t.level] += 1;
  const loading = data.jobs.data === undefined;

  return (
    <div className="page kiosk-wall">
      <h1>Health wall</h1>
      <section aria-labelledby="wall-cluster-heading" className="wall-cluster">
        <h2 id="wall-cluster-heading" className="visually-hidden">
          Cluster
        </h2>
        <dl className="wall-stats">
          <div className={`wall-stat ${counts.bad > 0 ? 'wall-bad' : ''}`}>
            <dt>Critical</dt>
            <dd>{loading ? '…' : counts.bad}</dd>
          </div>
          <div className={`wall-stat ${counts.warn > 0 ? 'wall-warn' : ''}`}>
            <dt>Warning</dt>
            <dd>{loading ? '…' : counts.warn}</dd>
          </div>
          <div className="wall-stat">
            <dt>Healthy</dt>
            <dd>{loading ? '…' : counts.ok}</dd>
          </div>
          <div className={`wall-stat ${overview && overview.taskmanagers === 0 ? 'wall-bad' : ''}`}>
            <dt>Task managers</dt>
            <dd>
              {overview ? formatCount(overview.taskmanagers) : '…'}
              {overview?.['taskmanagers-blocked'] ? (
                <span className="wall-stat-sub"> ({overview['taskmanagers-blocked']} blocked)</span>
              ) : null}
            </dd>
          </div>
          <div
            className={`wall-stat ${overview && overview['slots-total'] > 0 && overview['slots-available'] === 0 ? 'wall-warn' : ''}`}
          >
            <dt>Slots free</dt>
            <dd>
              {overview
                ? `${formatCount(overview['slots-available'])} of ${formatCount(overview['slots-total'])}`
                : '…'}
            </dd>
          </div>
          {data.applications && (
            <div className="wall-stat">
              <dt>Applications</dt>
              <dd>
                {formatCount(data.applications.running)} running
                <span className="wall-stat-sub">
                  {' '}
                  ({formatCount(data.applications.finished)} finished, {formatCount(data.applications.failed)} failed,{' '}
                  {formatCount(data.applications.canceled)} canceled)
                </span>
              </dd>
            </div>
          )}
        </dl>
      </section>
      <section aria-labelledby="wall-jobs-heading">
        <h2 id="wall-jobs-heading">Jobs</h2>
        {data.jobs.data === undefined && data.jobs.isError && (
          <p className="panel-error">The jobs could not be loaded yet.</p>
        )}
        {loading && !data.jobs.isError && <p className="panel-loading">Loading the jobs…</p>}
        {!loading && live.length === 0 && <p className="empty">No job is running.</p>}
        <ul className="wall-tiles" aria-labelledby="wall-jobs-heading">
          {live.map((tile) => (
            <Tile key={tile.jid} tile={tile} interactive={interactive} />
          ))}
        </ul>
      </section>
      {ended.length > 0 && (
        <section aria-labelledby="wall-ended-heading">
          <h2 id="wall-ended-heading">Ended jobs</h2>
          <ul className="wall-tiles wall-tiles-ended" aria-labelledby="wall-ended-heading">
            {ended.slice(0, ENDED_SHOWN).map((tile) => (
              <Tile key={tile.jid} tile={tile} interactive={interactive} />
            ))}
          </ul>
          {ended.length > ENDED_SHOWN && <p className="wall-more">and {ended.length - ENDED_SHOWN} more</p>}
        </section>
      )}
    </div>
  );
}
