import { useQueries } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { isNotFound, userMessage } from '../../api/errors';
import { usePolledQuery } from '../../api/polling';
import { subtaskAttemptQueryOptions, type SubtaskAttempt } from '../../api/subtasks';
import { vertexDetailsQueryOptions } from '../../api/vertices';
import { DataTable, type Column } from '../../components/DataTable';
import { JobStateBadge, stateTone } from '../../components/JobStateBadge';
import { QueryState } from '../../components/QueryState';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { endTime, ioColumns, TaskManagerLink } from './cells';

interface SubtasksTabProps {
  jobId: string;
  vertexId: string;
}

/** Earlier attempts shown per subtask; the JobManager keeps a bounded history anyway. */
export const MAX_EARLIER_ATTEMPTS = 10;

/** Attempt numbers before `current`, newest first, at most `max`. */
export function earlierAttempts(current: number, max = MAX_EARLIER_ATTEMPTS): number[] {
  const out: number[] = [];
  for (let a = current - 1; a >= 0 && out.length < max; a--) out.push(a);
  return out;
}

function attemptColumns(): Column<SubtaskAttempt>[] {
  return [
    {
      id: 'status',
      header: 'Status',
      cell: (s) => <JobStateBadge state={s.status} />,
      sortValue: (s) => s.status,
      filterText: (s) => s.status,
    },
    {
      id: 'host',
      header: 'Host',
      cell: (s) => <span className="mono">{s.endpoint}</span>,
      sortValue: (s) => s.endpoint,
      filterText: (s) => s.endpoint,
    },
    {
      id: 'taskmanager',
      header: 'Task manager',
      cell: (s) => <TaskManagerLink id={s['taskmanager-id']} />,
      sortValue: (s) => s['taskmanager-id'],
      filterText: (s) => s['taskmanager-id'],
    },
    { id: 'start', header: 'Started', cell: (s) => formatTimestamp(s['start-time']), sortValue: (s) => s['start-time'] },
    { id: 'end', header: 'Ended', cell: (s) => formatTimestamp(s['end-time']), sortValue: (s) => endTime(s['end-time']) },
    { id: 'duration', header: 'Duration', cell: (s) => formatDuration(s.duration), sortValue: (s) => s.duration },
    ...ioColumns<SubtaskAttempt>((s) => s.metrics),
  ];
}

/** Subtasks of a vertex: where each runs, since when, what it moved; attempts history on demand. */
export function SubtasksTab({ jobId, vertexId }: SubtasksTabProps): ReactNode {
  const details = usePolledQuery(vertexDetailsQueryOptions(jobId, vertexId));
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());

  const toggle = (subtask: number): void =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(subtask)) next.delete(subtask);
      else next.add(subtask);
      return next;
    });

  const columns = useMemo<Column<SubtaskAttempt>[]>(
    () => [
      {
        id: 'subtask',
        header: 'Subtask',
        rowHeader: true,
        className: 'num',
        cell: (s) => s.subtask,
        sortValue: (s) => s.subtask,
        filterText: (s) => String(s.subtask),
      },
      ...attemptColumns().slice(0, 1),
      {
        id: 'attempt',
        header: 'Attempt',
        className: 'num',
        sortValue: (s) => s.attempt,
        cell: (s) => {
          const others = s['other-concurrent-attempts']?.length ?? 0;
          if (s.attempt === 0 && others === 0) return s.attempt;
          const open = expanded.has(s.subtask);
          return (
            <button type="button" className="link-button" aria-expanded={open} onClick={() => toggle(s.subtask)}>
              {s.attempt}
              <span className="visually-hidden">
                {open ? ': hide' : ': show'} earlier attempts of subtask {s.subtask}
              </span>
              <span aria-hidden="true"> {open ? '▾' : '▸'}</span>
            </button>
          );
        },
      },
      ...attemptColumns().slice(1),
    ],
    [expanded],
  );

  return (
    <QueryState query={details} what="the subtasks">
      {(data) => {
        const open = data.subtasks.filter((s) => expanded.has(s.subtask));
        return (
          <>
            <DataTable
              caption="Subtasks"
              captionHidden
              columns={columns}
              rows={data.subtasks}
              rowKey={(s) => String(s.subtask)}
              rowClassName={(s) => `row-${stateTone(s.status)}`}
              defaultSort={{ column: 'subtask', direction: 'asc' }}
              filterable
              empty="This vertex has no subtasks."
            />
            {open.map((s) => (
              <AttemptHistory key={s.subtask} jobId={jobId} vertexId={vertexId} current={s} />
            ))}
          </>
        );
      }}
    </QueryState>
  );
}

interface AttemptRow {
  key: string;
  attempt: number;
  note: string;
  data: SubtaskAttempt | undefined;
  problem: string | undefined;
}

function AttemptHistory({ jobId, vertexId, current }: { jobId: string; vertexId: string; current: SubtaskAttempt }): ReactNode {
  const numbers = earlierAttempts(current.attempt);
  // Ended attempts do not change: fetched once, not polled.
  const results = useQueries({
    queries: numbers.map((a) => ({ ...subtaskAttemptQueryOptions(jobId, vertexId, current.subtask, a), staleTime: Infinity })),
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
    { id: 'attempt', header: 'Attempt', rowHeader: true, className: 'num', cell: (r) => r.attempt, sortValue: (r) => r.attempt },
    { id: 'note', header: 'Kind', cell: (r) => r.note, sortValue: (r) => r.note, filterText: (r) => r.note },
    ...attemptColumns().map(
      (c): Column<AttemptRow> => ({
        id: c.id,
        header: c.header,
        className: c.className,
        cell: (r) => (r.data ? c.cell(r.data) : c.id === 'status' ? <span className="empty">{r.problem}</span> : null),
        sortValue: c.sortValue ? (r) => (r.data ? c.sortValue?.(r.data) : null) : undefined,
        filterText: c.filterText ? (r) => (r.data ? (c.filterText?.(r.data) ?? '') : (r.problem ?? '')) : undefined,
      }),
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
