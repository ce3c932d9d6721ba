import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { jobDetailsQueryOptions } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import { subtaskTimesQueryOptions } from '../../api/subtasks';
import type { TimelineData, TimelineSegment } from '../../charts/timeline/timeline-options';
import { TimelineChart } from '../../charts/timeline/TimelineChart';
import { column, DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { stringParam, useSearchState } from '../../lib/search-state';
import { jobTimeline, subtaskTimeline } from './timeline';
import './timeline.css';

const vertexParam = stringParam();

/**
 * The Timeline tab: when the job and each vertex were in which state; on demand (a vertex
 * picked in the list or clicked in the chart, kept in the URL) the same for its subtasks.
 */
export function TimelineTab({ jobId }: { jobId: string }): ReactNode {
  const job = usePolledQuery(jobDetailsQueryOptions(jobId));
  const [vertex, setVertex] = useSearchState('vertex', vertexParam);
  const pick = useCallback((rowId: string) => setVertex(rowId === 'job' ? '' : rowId), [setVertex]);
  const data = useMemo(() => (job.data ? jobTimeline(job.data) : undefined), [job.data]);

  return (
    <div className="timeline-tab">
      <QueryState query={job} what="the job's timeline">
        {(details) => {
          const vertices = details.vertices;
          const picked = vertices.find((v) => v.id === vertex);
          return (
            <>
              <section aria-labelledby="tl-job">
                <h2 id="tl-job">Job and vertices</h2>
                {data && data.segments.length > 0 ? (
                  <>
                    <TimelineChart
                      data={data}
                      label={`Timeline of the job and its ${vertices.length} vertices`}
                      onRowClick={pick}
                    />
                    <SegmentsTable caption="Job and vertex states" data={data} />
                  </>
                ) : (
                  <p className="empty">The job has not started yet.</p>
                )}
              </section>
              <section aria-labelledby="tl-subtasks">
                <h2 id="tl-subtasks">Subtasks</h2>
                <label className="timeline-picker">
                  <span>Show the subtasks of</span>
                  <select value={picked ? picked.id : ''} onChange={(e) => setVertex(e.target.value)}>
                    <option value="">(pick a vertex)</option>
                    {vertices.map((v) => (
                      <option key={v.id} value={v.id}>
                        {v.name}
                      </option>
                    ))}
                  </select>
                </label>
                {picked ? (
                  <SubtaskTimeline jobId={jobId} vertexId={picked.id} name={picked.name} />
                ) : (
                  <p className="empty">
                    Pick a vertex here or click its bar above to see when each of its subtasks was in which state.
                  </p>
                )}
              </section>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function SubtaskTimeline({ jobId, vertexId, name }: { jobId: string; vertexId: string; name: string }): ReactNode {
  const times = usePolledQuery(subtaskTimesQueryOptions(jobId, vertexId));
  const data = useMemo(() => (times.data ? subtaskTimeline(times.data) : undefined), [times.data]);
  return (
    <QueryState query={times} what="the subtask times">
      {() =>
        data && data.segments.length > 0 ? (
          <>
            <TimelineChart data={data} label={`Timeline of the ${data.rows.length} subtasks of ${name}`} />
            <SegmentsTable caption="Subtask states" data={data} />
          </>
        ) : (
          <p className="empty">No subtask has started yet.</p>
        )
      }
    </QueryState>
  );
}

interface SegmentRow extends TimelineSegment {
  key: string;
  label: string;
}

const segmentColumns: Column<SegmentRow>[] = [
  // Sorted by the row's place in the chart, not alphabetically.
  column('label', {
    header: 'Row',
    rowHeader: true,
    className: 'timeline-label',
    value: (r) => r.label,
    sort: (_label, r) => r.row,
    search: true,
  }),
  column('state', { header: 'State', value: (r) => r.state, search: true }),
  column('start', { header: 'From', value: (r) => r.start, format: (t) => formatTimestamp(t) }),
  column('end', {
    header: 'Until',
    value: (r) => r.end,
    format: (end, r) => (end > r.start ? formatTimestamp(end) : '–'),
  }),
  column('duration', {
    header: 'Duration',
    className: 'num',
    value: (r) => r.end - r.start,
    format: (duration) => (duration > 0 ? formatDuration(duration) : '–'),
  }),
];

/** The chart's data as a table, for reading exact times and for screen readers. */
function SegmentsTable({ caption, data }: { caption: string; data: TimelineData }): ReactNode {
  const rows = useMemo<SegmentRow[]>(
    () => data.segments.map((s, i) => ({ ...s, key: `${s.row}-${s.state}-${i}`, label: data.rows[s.row] ?? '' })),
    [data],
  );
  const [open, setOpen] = useState(false);
  return (
    <details className="timeline-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Show as a table</summary>
      {open && <DataTable caption={caption} columns={segmentColumns} rows={rows} rowKey={(r) => r.key} filterable />}
    </details>
  );
}
