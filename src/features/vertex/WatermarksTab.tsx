import { useMemo, type ReactNode } from 'react';
import { vertexMetricsQueryOptions } from '../../api/metrics';
import { usePolledQuery } from '../../api/polling';
import { watermarksQueryOptions } from '../../api/vertices';
import { column, DataTable, type Column } from '../../components/DataTable';
import { SUBTASK_ROWS_SHOWN } from './vertex-columns';
import { ButtonGroup } from '../../components/ButtonGroup';
import { QueryState } from '../../components/QueryState';
import { Stat, StatDetail, StatGrid } from '../../components/StatGrid';
import { Toolbar } from '../../components/Toolbar';
import { formatDuration } from '../../lib/format';
import { enumParam, useSearchState } from '../../lib/search-state';
import {
  describeLag,
  formatWatermarkTime,
  isIdleSubtask,
  lowestWatermark,
  MAX_RATE_SUBTASKS,
  parseWatermarks,
  subtasksToCheckForIdle,
  watermarkLag,
  watermarkSkew,
  type SubtaskWatermark,
} from './watermarks';

export const timeZoneParam = enumParam(['local', 'utc'] as const, 'local');

interface WatermarkRow extends SubtaskWatermark {
  lag: number | null;
  /** How far ahead of the vertex's lowest watermark. */
  ahead: number | null;
  idle: boolean;
  /** Whether its input rate was asked for (all subtasks up to MAX_RATE_SUBTASKS, else the furthest behind). */
  checked: boolean;
}

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
}

/**
 * Per subtask: the input watermark, how far it lags behind the wall clock, and how far ahead of
 * the slowest subtask it is. "No watermark yet" and idle subtasks are said in words.
 */
export function WatermarksTab({ jobId, vertexId }: { jobId: string; vertexId: string }): ReactNode {
  const query = usePolledQuery(watermarksQueryOptions(jobId, vertexId));
  const [zone, setZone] = useSearchState('tz', timeZoneParam);
  const timeZone = zone === 'utc' ? 'UTC' : undefined;
  const parsed = useMemo(() => (query.data ? parseWatermarks(query.data) : []), [query.data]);

  // Idle subtasks: no records in (a per-subtask rate), asked for in one request of at most
  // MAX_RATE_SUBTASKS ids whatever the parallelism (the subtasks furthest behind beyond that).
  const checked = useMemo(() => subtasksToCheckForIdle(parsed), [parsed]);
  const rateIds = useMemo(() => checked.map((n) => `${n}.numRecordsInPerSecond`), [checked]);
  const rates = usePolledQuery({
    ...vertexMetricsQueryOptions(jobId, vertexId, { get: rateIds }),
    enabled: rateIds.length > 0,
  });

  const takenAt = query.dataUpdatedAt;
  const rows = useMemo<WatermarkRow[]>(() => {
    const lowest = lowestWatermark(parsed) ?? watermarkSkewBase(parsed);
    const checkedSet = new Set(checked);
    // By id: one lookup per subtask, not a scan of every rate (thousands of subtasks).
    const rateById = new Map((rates.data ?? []).map((m) => [m.id, m.value]));
    return parsed.map((r) => {
      const isChecked = checkedSet.has(r.subtask);
      // Only the checked subtasks' rates were asked for: no id to build for the thousands of others.
      const rate = isChecked ? rateById.get(`${r.subtask}.numRecordsInPerSecond`) : undefined;
      return {
        ...r,
        lag: watermarkLag(r.watermark, takenAt),
        ahead: r.watermark !== null && lowest !== null ? r.watermark - lowest : null,
        idle: isIdleSubtask(rate === undefined ? undefined : Number(rate)),
        checked: isChecked,
      };
    });
  }, [parsed, rates.data, takenAt, checked]);

  const columns = useMemo<Column<WatermarkRow>[]>(
    () => [
      column('subtask', {
        header: 'Subtask',
        rowHeader: true,
        className: 'num',
        value: (r) => r.subtask,
        search: true,
      }),
      column('watermark', {
        header: `Watermark (${zone === 'utc' ? 'UTC' : browserZone()})`,
        value: (r) => r.watermark,
        format: (watermark, r) =>
          r.state === 'none' ? (
            <span className="badge badge-warn">no watermark yet</span>
          ) : r.state === 'end' ? (
            <span className="badge badge-done">end of input</span>
          ) : (
            <span className="mono">{formatWatermarkTime(watermark ?? 0, timeZone)}</span>
          ),
        search: (watermark, r) =>
          r.state === 'none'
            ? 'no watermark yet'
            : r.state === 'end'
              ? 'end of input'
              : formatWatermarkTime(watermark ?? 0, timeZone),
      }),
      column('lag', {
        header: 'Lag behind wall clock',
        className: 'num',
        value: (r) => r.lag,
        format: (lag) => describeLag(lag, formatDuration),
      }),
      column('ahead', {
        header: 'Ahead of slowest subtask',
        className: 'num',
        value: (r) => r.ahead,
        format: formatDuration,
      }),
      column('input', {
        header: 'Input',
        value: (r) => (r.idle ? 1 : 0),
        format: (_idle, r) =>
          r.idle ? (
            <span className="badge badge-neutral">idle: no records in</span>
          ) : rates.data && r.checked ? (
            'receiving'
          ) : (
            '–'
          ),
        search: (_idle, r) => (r.idle ? 'idle' : r.checked ? 'receiving' : ''),
      }),
    ],
    [zone, timeZone, rates.data],
  );

  return (
    <>
      <Toolbar spaceBelow="12px">
        <ButtonGroup label="Show times in">
          <button type="button" aria-pressed={zone === 'local'} onClick={() => setZone('local')}>
            Your time zone ({browserZone()})
          </button>
          <button type="button" aria-pressed={zone === 'utc'} onClick={() => setZone('utc')}>
            UTC
          </button>
        </ButtonGroup>
      </Toolbar>
      <QueryState query={query} what="the watermarks">
        {() =>
          rows.length === 0 ? (
            <p className="empty">
              Flink reports no input watermarks for this vertex. Sources have none: their watermarks arrive as the input
              watermarks of the next vertex.
            </p>
          ) : (
            <>
              <WatermarkSummary rows={rows} timeZone={timeZone} />
              <DataTable
                caption="Watermarks per subtask"
                pageSize={SUBTASK_ROWS_SHOWN}
                columns={columns}
                rows={rows}
                rowKey={(r) => String(r.subtask)}
                rowClassName={(r) => (r.state === 'none' ? 'row-warn' : undefined)}
                defaultSort={{ column: 'subtask', direction: 'asc' }}
                filterable
              />
            </>
          )
        }
      </QueryState>
    </>
  );
}

/** The lowest real watermark, for "ahead of slowest" when some subtask has none yet. */
function watermarkSkewBase(rows: readonly SubtaskWatermark[]): number | null {
  const times = rows.flatMap((r) => (r.state === 'time' && r.watermark !== null ? [r.watermark] : []));
  return times.length ? Math.min(...times) : null;
}

function WatermarkSummary({
  rows,
  timeZone,
}: {
  rows: readonly WatermarkRow[];
  timeZone: string | undefined;
}): ReactNode {
  const lowest = lowestWatermark(rows);
  const skew = watermarkSkew(rows.map((r) => r.watermark));
  const lags = rows.flatMap((r) => (r.lag === null ? [] : [r.lag]));
  const maxLag = lags.length ? Math.max(...lags) : null;
  const missing = rows.filter((r) => r.state === 'none').length;
  const idle = rows.filter((r) => r.idle).length;
  const checked = rows.filter((r) => r.checked).length;
  return (
    <StatGrid dense>
      <Stat term="Vertex watermark (lowest)" tone={missing ? 'warn' : undefined} valueClassName="mono">
        {lowest !== null ? formatWatermarkTime(lowest, timeZone) : missing ? 'no watermark yet' : '–'}
        {missing > 0 && (
          <StatDetail>
            {missing} of {rows.length} subtasks have no watermark yet
          </StatDetail>
        )}
      </Stat>
      <Stat term="Largest lag">{describeLag(maxLag, formatDuration)}</Stat>
      <Stat term="Skew across subtasks">{skew === null ? '–' : formatDuration(skew)}</Stat>
      <Stat term="Idle subtasks">
        {idle} of {rows.length}
        {checked < rows.length && (
          <StatDetail>
            input rates read for the {checked} subtasks furthest behind (at most {MAX_RATE_SUBTASKS})
          </StatDetail>
        )}
      </Stat>
    </StatGrid>
  );
}
