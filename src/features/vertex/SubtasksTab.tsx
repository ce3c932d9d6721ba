import { useQueries } from '@tanstack/react-query';
import { memo, useMemo, useState, type ReactNode } from 'react';
import { isNotFound, userMessage } from '../../api/errors';
import { usePolledQuery } from '../../api/polling';
import { subtaskAttemptQueryOptions, type SubtaskAttempt } from '../../api/subtasks';
import { vertexDetailsQueryOptions, type VertexDetails } from '../../api/vertices';
import { column, DataTable, type Column } from '../../components/DataTable';
import { JobStateBadge, stateTone } from '../../components/JobStateBadge';
import { LinkButton } from '../../components/LinkButton';
import { QueryState } from '../../components/QueryState';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { useSearchState, type SearchParam } from '../../lib/search-state';
import {
  accumulatedTime,
  formatShare,
  shareOfRunning,
  slowestSubtask,
  timeInState,
  type AccumulatedKind,
} from './subtask-aggregates';
import { endTime, ifPresent, ioColumns, SUBTASK_ROWS_SHOWN, TaskManagerLink } from './vertex-columns';

/**
 * From this many subtasks the table draws only the rows near the screen (not from DataTable's 250):
 * every subtask's times and counters change on each refresh, and a first page of 100 rows all
 * drawn made the browser lay out and paint them all again each time (most of a refresh's cost at
 * 5,000 subtasks).
 */
export const SUBTASKS_VIRTUAL_FROM = 60;

interface SubtasksTabProps {
  jobId: string;
  vertexId: string;
}

/** `?subtask=<index>`: the subtask a link picked (the triage page's busiest subtasks); anything else: none. */
export const subtaskParam: SearchParam<number | null> = {
  parse: (raw) => (raw !== null && /^\d+$/.test(raw) ? Number(raw) : null),
  serialize: (value) => (value === null ? null : String(value)),
};

/** Earlier attempts shown per subtask; the JobManager keeps a bounded history anyway. */
export const MAX_EARLIER_ATTEMPTS = 10;

/** Attempt numbers before `current`, newest first, at most `max`. */
export function earlierAttempts(current: number, max = MAX_EARLIER_ATTEMPTS): number[] {
  const out: number[] = [];
  for (let a = current - 1; a >= 0 && out.length < max; a--) out.push(a);
  return out;
}

/**
 * Where and when an attempt ran, for the subtasks table (one attempt per row) and the attempt
 * history (rows whose attempt may still be loading or gone: `problem` says why, under Status).
 */
function attemptColumns<Row>(
  attemptOf: (row: Row) => SubtaskAttempt | undefined,
  problem: (row: Row) => string | undefined = () => undefined,
): Column<Row>[] {
  return [
    column('status', {
      header: 'Status',
      value: (r: Row) => attemptOf(r)?.status,
      format: (status, r) =>
        status === undefined ? <span className="empty">{problem(r)}</span> : <JobStateBadge state={status} />,
      search: (status, r) => status ?? problem(r) ?? '',
    }),
    column('host', {
      header: 'Host',
      value: (r: Row) => attemptOf(r)?.endpoint,
      format: ifPresent((endpoint) => <span className="mono">{endpoint}</span>),
      search: true,
    }),
    column('taskmanager', {
      header: 'Task manager',
      value: (r: Row) => attemptOf(r)?.['taskmanager-id'],
      format: ifPresent((id) => <TaskManagerLink id={id} />),
      search: true,
    }),
    column('start', {
      header: 'Started',
      value: (r: Row) => attemptOf(r)?.['start-time'],
      format: ifPresent((t) => formatTimestamp(t)),
    }),
    column('end', {
      header: 'Ended',
      value: (r: Row) => {
        const attempt = attemptOf(r);
        return attempt ? endTime(attempt['end-time']) : undefined;
      },
      format: ifPresent((t) => formatTimestamp(t)),
    }),
    column('duration', {
      header: 'Duration',
      value: (r: Row) => attemptOf(r)?.duration,
      format: ifPresent(formatDuration),
      aggregate: formatDuration,
    }),
    ...ioColumns<Row>((r) => attemptOf(r)?.metrics),
  ];
}

const ACCUMULATED: readonly [AccumulatedKind, string][] = [
  ['busy', 'Busy'],
  ['backpressured', 'Back-pressured'],
  ['idle', 'Idle'],
];

/**
 * An accumulated time as a duration and its share of the subtask's running time. Memoised on
 * its numbers: each answer brings new row objects, but most cells show what they showed.
 */
const AccumulatedCell = memo(function AccumulatedCell({
  ms,
  share,
}: {
  ms: number;
  share: number | undefined;
}): ReactNode {
  return (
    <>
      {formatDuration(ms)}
      {share !== undefined && <span className="share"> ({formatShare(share)})</span>}
    </>
  );
});

/**
 * The columns that time each subtask, from the vertex details alone: the time in its current
 * state and its accumulated busy / back-pressured / idle time. A column no subtask has a value
 * for (a Flink line without the field) is left out.
 */
function timeColumns(data: VertexDetails): Column<SubtaskAttempt>[] {
  const columns: Column<SubtaskAttempt>[] = [];
  if (data.subtasks.some((s) => timeInState(s, data.now) !== undefined)) {
    columns.push(
      column('in-state', {
        header: 'In state for',
        className: 'num',
        value: (s: SubtaskAttempt) => timeInState(s, data.now),
        format: (ms) => (ms === undefined ? '—' : formatDuration(ms)),
        aggregate: formatDuration,
      }),
    );
  }
  for (const [kind, header] of ACCUMULATED) {
    if (!data.subtasks.some((s) => accumulatedTime(s, kind) !== undefined)) continue;
    columns.push(
      column(kind, {
        header,
        className: 'num',
        value: (s: SubtaskAttempt) => accumulatedTime(s, kind),
        format: (ms, s) => (ms === undefined ? '—' : <AccumulatedCell ms={ms} share={shareOfRunning(s, kind)} />),
        aggregate: formatDuration,
      }),
    );
  }
  return columns;
}

/** Subtasks of a vertex: where each runs, since when, how busy, what it moved; attempts history on demand. */
export function SubtasksTab({ jobId, vertexId }: SubtasksTabProps): ReactNode {
  const details = usePolledQuery(vertexDetailsQueryOptions(jobId, vertexId));
  return (
    <QueryState query={details} what="the subtasks">
      {(data) => <SubtasksTable jobId={jobId} vertexId={vertexId} data={data} />}
    </QueryState>
  );
}

function SubtasksTable({ jobId, vertexId, data }: SubtasksTabProps & { data: VertexDetails }): ReactNode {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());

  const toggle = (subtask: number): void =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(subtask)) next.delete(subtask);
      else next.add(subtask);
      return next;
    });

  const slowest = slowestSubtask(data.subtasks);
  const [picked] = useSearchState('subtask', subtaskParam);

  const columns = useMemo<Column<SubtaskAttempt>[]>(() => {
    const attempts = attemptColumns<SubtaskAttempt>((s) => s);
    const times = timeColumns(data);
    return [
      column('subtask', {
        header: 'Subtask',
        rowHeader: true,
        className: 'num',
        value: (s) => s.subtask,
        format: (subtask) => (
          <>
            {subtask}
            {subtask === picked && (
              <>
                {' '}
                <span className="badge badge-neutral picked-mark">picked</span>
              </>
            )}
            {subtask === slowest && (
              <>
                {' '}
                <span className="badge badge-warn slowest-mark">slowest</span>
              </>
            )}
          </>
        ),
        search: true,
      }),
      ...attempts.slice(0, 1),
      ...times.slice(0, 1),
      column('attempt', {
        header: 'Attempt',
        className: 'num',
        value: (s) => s.attempt,
        format: (attempt, s) => {
          const others = s['other-concurrent-attempts']?.length ?? 0;
          if (attempt === 0 && others === 0) return attempt;
          const open = expanded.has(s.subtask);
          return (
            <LinkButton aria-expanded={open} onClick={() => toggle(s.subtask)}>
              {attempt}
              <span className="visually-hidden">
                {open ? ': hide' : ': show'} earlier attempts of subtask {s.subtask}
              </span>
              <span aria-hidden="true"> {open ? '▾' : '▸'}</span>
            </LinkButton>
          );
        },
      }),
      ...attempts.slice(1),
      ...times.slice(1),
    ];
  }, [expanded, data, slowest, picked]);

  const open = data.subtasks.filter((s) => expanded.has(s.subtask));
  const hasBusy = data.subtasks.some((s) => accumulatedTime(s, 'busy') !== undefined);
  return (
    <>
      <div className="subtasks-table">
        <DataTable
          caption="Subtasks"
          pageSize={SUBTASK_ROWS_SHOWN}
          virtualFrom={SUBTASKS_VIRTUAL_FROM}
          captionHidden
          columns={columns}
          rows={data.subtasks}
          rowKey={(s) => String(s.subtask)}
          rowClassName={(s) =>
            `row-${stateTone(s.status)}${s.subtask === slowest ? ' row-slowest' : ''}${s.subtask === picked ? ' row-picked' : ''}`
          }
          defaultSort={{ column: 'subtask', direction: 'asc' }}
          filterable
          empty="This vertex has no subtasks."
          aggregates={{ rowLabel: (s) => `subtask ${s.subtask}` }}
        />
      </div>
      <p className="subtasks-hint">
        Min, median and max at the foot of the table are across the subtasks listed (those matching the filter).
        {hasBusy &&
          ' Busy, back-pressured and idle are the times accumulated since the subtask started running, with their share of its running time;' +
            ' "slowest" marks the subtask with the most busy time.'}
      </p>
      {open.map((s) => (
        <AttemptHistory key={s.subtask} jobId={jobId} vertexId={vertexId} current={s} />
      ))}
    </>
  );
}

interface AttemptRow {
  key: string;
  attempt: number;
  note: string;
  data: SubtaskAttempt | undefined;
  problem: string | undefined;
}

function AttemptHistory({
  jobId,
  vertexId,
  current,
}: {
  jobId: string;
  vertexId: string;
  current: SubtaskAttempt;
}): ReactNode {
  const numbers = earlierAttempts(current.attempt);
  // Ended attempts do not change: fetched once, not polled.
  const results = useQueries({
    queries: numbers.map((a) => ({
      ...subtaskAttemptQueryOptions(jobId, vertexId, current.subtask, a),
      staleTime: Infinity,
    })),
  });

  const rows: AttemptRow[] = [
    { key: `current-${current.attempt}`, attempt: current.attempt, note: 'current', data: current, problem: undefined },
    ...(current['other-concurrent-attempts'] ?? []).map((o) => ({
      key: `concurrent-${o.attempt}`,
      attempt: o.attempt,
      note: 'running concurrently (speculative)',
      data: o,
      problem: undefined,
    })),
    ...numbers.map((a, i) => {
      const result = results[i];
      const error = result?.error;
      const problem = error
        ? isNotFound(error)
          ? 'no longer kept by the JobManager'
          : userMessage(error)
        : result?.data
          ? undefined
          : 'loading…';
      return { key: `earlier-${a}`, attempt: a, note: 'earlier', data: result?.data, problem };
    }),
  ];

  const columns: Column<AttemptRow>[] = [
    column('attempt', { header: 'Attempt', rowHeader: true, className: 'num', value: (r) => r.attempt }),
    column('note', { header: 'Kind', value: (r) => r.note, search: true }),
    ...attemptColumns<AttemptRow>(
      (r) => r.data,
      (r) => r.problem,
    ),
  ];

  const older = current.attempt - numbers.length;
  return (
    <section className="attempt-history" aria-labelledby={`attempts-${current.subtask}`}>
      <h3 id={`attempts-${current.subtask}`}>Attempts of subtask {current.subtask}</h3>
      <DataTable
        caption={`Attempts of subtask ${current.subtask}`}
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        defaultSort={{ column: 'attempt', direction: 'desc' }}
        filterable
      />
      {older > 0 && (
        <p className="empty">
          {older} older attempt{older === 1 ? '' : 's'} not shown.
        </p>
      )}
    </section>
  );
}
