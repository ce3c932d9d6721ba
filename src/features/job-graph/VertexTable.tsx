import { memo, useEffect, useMemo, useRef, type MouseEvent, type ReactNode } from 'react';
import { useHref, useNavigate } from 'react-router-dom';
import { column, DataTable, type Column } from '../../components/DataTable';
import { JobStateBadge } from '../../components/JobStateBadge';
import { TaskCounts } from '../../components/TaskCounts';
import { formatBytes, formatCount, formatDuration, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import { sortParam, useSearchState } from '../../lib/search-state';
import type { RecordFlow, VertexRow } from './vertex-table';

const SORTABLE = [
  'name',
  'status',
  'parallelism',
  'maxParallelism',
  'bytesIn',
  'recordsIn',
  'bytesOut',
  'recordsOut',
  'start',
  'duration',
  'end',
] as const;
// By default the rows keep the job's own order (sources first, as the details list them): the
// fallback names no column, so DataTable leaves the order as it is.
const sortState = sortParam(SORTABLE, { column: 'order', direction: 'asc' });

function formatRate(perSecond: number | null): string {
  if (perSecond === null || !Number.isFinite(perSecond)) return '';
  return `${perSecond < 10 ? perSecond.toFixed(1) : formatCount(perSecond)}/s`;
}

function Records({ flow, side }: { flow: RecordFlow; side: 'source' | 'sink' }): ReactNode {
  const rate = formatRate(flow.perSecond);
  return (
    <>
      {formatCount(flow.total)}
      {flow.fromOperator && (
        <abbr
          className="vt-note"
          title={
            side === 'source'
              ? "From operator metrics: the records the source operator emitted (numRecordsOut). Flink's network counters see none coming into a source."
              : "From operator metrics: the records the sink operator took in (numRecordsIn). Flink's network counters see none leaving a sink."
          }
        >
          <span aria-hidden="true">*</span>
          <span className="visually-hidden"> (from operator metrics)</span>
        </abbr>
      )}
      {rate && <span className="vt-rate">{rate}</span>}
    </>
  );
}

interface VertexTableProps {
  jobId: string;
  rows: readonly VertexRow[];
  /** The vertex marked in the table and the graph (hovered there or here, or picked in the URL). */
  highlighted: string | undefined;
  /** Hovering or focusing a row (undefined when it leaves). */
  onHover: (vertexId: string | undefined) => void;
  /** Clicking a row (outside its link) picks it; clicking it again lets go. */
  onSelect: (vertexId: string | undefined) => void;
  selected: string | undefined;
  /** A ref callback per vertex for the cells whose data is fetched only while on screen. */
  track: (vertexId: string) => (element: Element | null) => void;
}

/**
 * Every vertex of the job as a row, as in Flink's own dashboard: name (a link to the vertex),
 * state, parallelism, I/O totals and rates, times and task counts by state. Sort in the URL.
 * Memoised: panning or zooming the graph above it re-renders the view, not its 500 rows.
 */
export const VertexTable = memo(function VertexTable({
  jobId,
  rows,
  highlighted,
  onHover,
  onSelect,
  selected,
  track,
}: VertexTableProps): ReactNode {
  const [sort, setSort] = useSearchState('sort', sortState);
  const navigate = useNavigate();
  const hrefBase = useHref('/').replace(/\/$/, '');
  const section = useRef<HTMLElement>(null);
  useFollowSelection(section, selected, rows);

  const columns = useMemo<Column<VertexRow>[]>(
    () => [
      column('name', {
        header: 'Name',
        value: (row) => row.name,
        // A plain link with the router's navigation on a left click: a `<Link>` per row costs a
        // `querySelector('base')` over the whole page each (seconds for 500 rows beside the graph).
        format: (name, row) => (
          <a
            href={`${hrefBase}${links.vertex(jobId, row.id)}`}
            className="vt-name"
            data-vertex-id={row.id}
            aria-current={row.id === highlighted ? 'true' : undefined}
            onClick={(event) => {
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
              event.preventDefault();
              void navigate(links.vertex(jobId, row.id));
            }}
          >
            {name}
          </a>
        ),
        search: true,
        rowHeader: true,
      }),
      column('status', {
        header: 'Status',
        value: (row) => row.status,
        format: (s, row) => (
          <>
            <JobStateBadge state={s} />
            {row.id === selected && <span className="visually-hidden"> (picked)</span>}
          </>
        ),
      }),
      column('parallelism', { header: 'Parallelism', value: (row) => row.parallelism, className: 'num' }),
      column('maxParallelism', { header: 'Max parallelism', value: (row) => row.maxParallelism, className: 'num' }),
      column('bytesIn', {
        header: 'Bytes received',
        value: (row) => row.bytesIn,
        format: (b) => formatBytes(b),
        className: 'num',
      }),
      column('recordsIn', {
        header: 'Records received',
        value: (row) => row.recordsIn.total,
        format: (_, row) => (
          <span ref={row.role.source ? track(row.id) : undefined}>
            <Records flow={row.recordsIn} side="source" />
          </span>
        ),
        className: 'num',
      }),
      column('bytesOut', {
        header: 'Bytes sent',
        value: (row) => row.bytesOut,
        format: (b) => formatBytes(b),
        className: 'num',
      }),
      column('recordsOut', {
        header: 'Records sent',
        value: (row) => row.recordsOut.total,
        format: (_, row) => (
          <span ref={row.role.sink && !row.role.source ? track(row.id) : undefined}>
            <Records flow={row.recordsOut} side="sink" />
          </span>
        ),
        className: 'num',
      }),
      column('start', { header: 'Start', value: (row) => row.start, format: (t) => formatTimestamp(t) }),
      column('duration', { header: 'Duration', value: (row) => row.duration, format: (d) => formatDuration(d) }),
      column('end', { header: 'End', value: (row) => row.end, format: (t) => formatTimestamp(t) }),
      column('tasks', {
        header: 'Tasks',
        value: (row) => Object.values(row.tasks).reduce((a, b) => a + b, 0),
        format: (_, row) => <TaskCounts counts={row.tasks} label={`Tasks of ${row.name} by state`} />,
        sort: false,
      }),
    ],
    [jobId, track, highlighted, selected, hrefBase, navigate],
  );

  // Rows are DataTable's: hover, focus and clicks are read from the row's name link.
  const rowVertex = (target: EventTarget | null): string | undefined => {
    if (!(target instanceof Element)) return undefined;
    const row = target.closest('tr');
    return row?.querySelector<HTMLElement>('[data-vertex-id]')?.dataset.vertexId;
  };
  const onClick = (event: MouseEvent<HTMLElement>): void => {
    if (event.target instanceof Element && event.target.closest('a, button, input')) return;
    const id = rowVertex(event.target);
    if (id !== undefined) onSelect(id === selected ? undefined : id);
  };

  return (
    <section
      ref={section}
      className="vertex-table"
      aria-labelledby="vertex-table-heading"
      onMouseOver={(event) => onHover(rowVertex(event.target))}
      onMouseLeave={() => onHover(undefined)}
      onFocus={(event) => onHover(rowVertex(event.target))}
      onBlur={() => onHover(undefined)}
      onClick={onClick}
    >
      <h2 id="vertex-table-heading" className="vertex-table-heading">
        Vertices
      </h2>
      <DataTable
        caption={`Vertices of the job (${rows.length})`}
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(row) => row.id}
        sort={sort}
        onSortChange={setSort}
        rowClassName={(row) =>
          [row.id === highlighted && 'vt-highlighted', row.id === selected && 'vt-selected']
            .filter(Boolean)
            .join(' ') || undefined
        }
      />
      <p className="job-graph-note">
        <span aria-hidden="true">*</span> From operator metrics: Flink counts records between vertices only, so it shows
        none received by a source and none sent by a sink. For those the table reads the source operator&apos;s{' '}
        <code>numRecordsOut</code> and the sink operator&apos;s <code>numRecordsIn</code>, summed over subtasks. Records
        per second are measured between the last two refreshes.
      </p>
    </section>
  );
});

/**
 * The table follows the vertex picked in the URL (`?vertex=`, shown on the graph): when the pick
 * changes (a link, back and forward, a click), its row is scrolled into view, once; the table
 * lists every row (no paging), so the row is always there once the job's details arrived. A
 * refresh does not scroll again, so reading elsewhere on the page is never interrupted.
 */
function useFollowSelection(
  section: { readonly current: HTMLElement | null },
  selected: string | undefined,
  rows: readonly VertexRow[],
): void {
  const followed = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (selected === undefined) {
      followed.current = undefined;
      return;
    }
    if (followed.current === selected) return;
    const links = section.current?.querySelectorAll<HTMLElement>('tbody [data-vertex-id]') ?? [];
    const row = Array.from(links)
      .find((link) => link.dataset.vertexId === selected)
      ?.closest('tr');
    if (!row) return; // not rendered yet: tried again when the rows arrive
    followed.current = selected;
    row.scrollIntoView({ block: 'nearest' });
  }, [section, selected, rows]);
}
