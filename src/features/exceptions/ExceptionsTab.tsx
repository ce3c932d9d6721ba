import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { EXCEPTIONS_PAGE, jobExceptionsQueryOptions } from '../../api/exceptions';
import { usePolledQuery } from '../../api/polling';
import { column, DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { Toolbar } from '../../components/Toolbar';
import { formatTimestamp } from '../../lib/format';
import { filterByWords } from '../../lib/word-filter';
import { links } from '../../lib/paths';
import { enumParam, listParam, stringParam, useSearchState, type SearchParam } from '../../lib/search-state';
import {
  groupExceptions,
  labelCounts,
  labelFilter,
  parseLabel,
  recurringCauses,
  searchText,
  type ExceptionView,
  type RecurringCause,
  type RootExceptionView,
} from './exceptions';
import { StackTrace } from './StackTrace';
import './exceptions.css';

/** Root exceptions asked for at first, and added by each "Load more". */
const MAX_EXCEPTIONS = 1000;

const maxParam: SearchParam<number> = {
  parse: (raw) => {
    const n = Number(raw);
    return raw !== null && Number.isSafeInteger(n) && n > 0 ? Math.min(n, MAX_EXCEPTIONS) : EXCEPTIONS_PAGE;
  },
  serialize: (value) => (value === EXCEPTIONS_PAGE ? null : String(value)),
};
const labelsParam = listParam((s) => parseLabel(s) !== undefined);
const textParam = stringParam();
const orderParam = enumParam(['newest', 'oldest'] as const, 'newest');
/** `?at=<epoch ms>`: one entry picked by its timestamp (links from the failure timeline); anything else: none. */
export const atParam: SearchParam<number | null> = {
  parse: (raw) => {
    const n = raw !== null && /^\d+$/.test(raw) ? Number(raw) : NaN;
    return Number.isSafeInteger(n) && n > 0 ? n : null;
  },
  serialize: (value) => (value === null ? null : String(value)),
};

/** The Exceptions tab: the job's exception history, filterable by failure label. */
export function ExceptionsTab({ jobId }: { jobId: string }): ReactNode {
  const [max, setMax] = useSearchState('max', maxParam);
  const [labels, setLabels] = useSearchState('labels', labelsParam);
  const [text, setText] = useSearchState('eq', textParam);
  const [order, setOrder] = useSearchState('order', orderParam);
  const [at, setAt] = useSearchState('at', atParam);
  const failureLabels = labelFilter(labels);
  const exceptions = usePolledQuery({
    ...jobExceptionsQueryOptions(jobId, { maxExceptions: max, failureLabels }),
    // "Load more" and label changes keep the list on screen while the new answer arrives.
    placeholderData: keepPreviousData,
  });
  const views = useMemo(
    () => (exceptions.data ? groupExceptions(exceptions.data.exceptionHistory.entries) : []),
    [exceptions.data],
  );

  return (
    <div className="exceptions-tab">
      <LabelFilter views={views} selected={labels} onChange={setLabels} />
      <QueryState query={exceptions} what="the exception history">
        {(data) => {
          const picked = at === null ? [] : views.filter((v) => v.timestamp === at);
          const matching = at === null ? filterByWords(views, text, searchText) : picked;
          const shown = order === 'oldest' ? [...matching].reverse() : matching;
          const truncated = data.exceptionHistory.truncated;
          return (
            <>
              {views.length > 1 && <RecurringCauses views={views} />}
              <section aria-labelledby="exc-history">
                <h2 id="exc-history">Exception history</h2>
                <Toolbar gap="12px">
                  <label className="table-filter">
                    <span>Filter exceptions</span>
                    <input
                      type="search"
                      value={text}
                      onChange={(e) => setText(e.target.value)}
                      placeholder="Type to filter"
                    />
                  </label>
                  <label className="table-filter">
                    <span>Order</span>
                    <select value={order} onChange={(e) => setOrder(e.target.value === 'oldest' ? 'oldest' : 'newest')}>
                      <option value="newest">Newest first</option>
                      <option value="oldest">Oldest first</option>
                    </select>
                  </label>
                  <span className="exceptions-count" role="status">
                    {views.length === 0
                      ? ''
                      : `${shown.length} of ${views.length} root exception${views.length === 1 ? '' : 's'}`}
                    {exceptions.isPlaceholderData ? ' (loading…)' : ''}
                  </span>
                </Toolbar>
                {at !== null && (
                  <p className="exception-pick" role="note">
                    {picked.length > 0
                      ? `Showing the exception at ${formatTimestamp(at)}. `
                      : `The exception at ${formatTimestamp(at)} is no longer in the JobManager's history. `}
                    <button type="button" onClick={() => setAt(null)}>
                      Show all exceptions
                    </button>
                  </p>
                )}
                {views.length === 0 ? (
                  <p className="empty">
                    {failureLabels
                      ? 'No exceptions carry the selected failure labels.'
                      : 'This job has not failed: its exception history is empty.'}
                  </p>
                ) : shown.length === 0 ? (
                  at === null && <p className="empty">No exceptions match the filter.</p>
                ) : (
                  <ol className="exception-list" aria-label="Root exceptions">
                    {shown.map((v) => (
                      <li key={v.key}>
                        <RootException view={v} />
                      </li>
                    ))}
                  </ol>
                )}
                {truncated && (
                  <p className="show-more">
                    The JobManager has more exceptions than the {max} shown.{' '}
                    <button
                      type="button"
                      disabled={exceptions.isFetching}
                      onClick={() => setMax(Math.min(MAX_EXCEPTIONS, max + EXCEPTIONS_PAGE))}
                    >
                      Load {EXCEPTIONS_PAGE} more
                    </button>
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

function LabelFilter({
  views,
  selected,
  onChange,
}: {
  views: readonly RootExceptionView[];
  selected: string[];
  onChange: (labels: string[]) => void;
}): ReactNode {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState('');
  const seen = labelCounts(views);
  const options = [...seen.map((s) => s.label), ...selected.filter((l) => !seen.some((s) => s.label === l))];
  const toggle = (label: string): void =>
    onChange(selected.includes(label) ? selected.filter((l) => l !== label) : [...selected, label]);
  const add = (event: FormEvent): void => {
    event.preventDefault();
    const parsed = parseLabel(draft);
    if (!parsed) {
      setProblem('Write a label as key:value (no commas).');
      return;
    }
    const label = `${parsed[0]}:${parsed[1]}`;
    setProblem('');
    setDraft('');
    if (!selected.includes(label)) onChange([...selected.filter((l) => parseLabel(l)?.[0] !== parsed[0]), label]);
  };
  return (
    <section className="label-filter" aria-labelledby="exc-labels">
      <h2 id="exc-labels">Failure labels</h2>
      <div className="label-filter-row">
        {options.length === 0 ? (
          <span className="empty">No failure labels in this history.</span>
        ) : (
          options.map((label) => (
            <button
              key={label}
              type="button"
              className="label-chip"
              aria-pressed={selected.includes(label)}
              onClick={() => toggle(label)}
            >
              {label}
              {seen.find((s) => s.label === label) ? ` (${seen.find((s) => s.label === label)?.count ?? 0})` : ''}
            </button>
          ))
        )}
        {selected.length > 0 && (
          <button type="button" onClick={() => onChange([])}>
            All exceptions
          </button>
        )}
        <form className="label-form" onSubmit={add}>
          <label>
            <span className="visually-hidden">Failure label to filter by</span>
            <input
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              placeholder="key:value"
              aria-describedby="exc-label-problem"
            />
          </label>
          <button type="submit">Filter by label</button>
          <span id="exc-label-problem" className="label-problem" role="status">
            {problem}
          </span>
        </form>
      </div>
    </section>
  );
}

function TaskManagerLink({ view }: { view: ExceptionView }): ReactNode {
  if (!view.taskManagerId) return view.endpoint ?? '–';
  return (
    <Link to={links.taskManager(view.taskManagerId)}>
      {view.endpoint ?? view.taskManagerId}
      {view.endpoint ? <span className="cell-note"> ({view.taskManagerId})</span> : null}
    </Link>
  );
}

function Labels({ labels }: { labels: [string, string][] }): ReactNode {
  if (labels.length === 0) return 'none';
  return labels.map(([k, v]) => (
    <span key={k} className="badge badge-neutral label-badge">
      {k}:{v}
    </span>
  ));
}

function RootException({ view }: { view: RootExceptionView }): ReactNode {
  const when = formatTimestamp(view.timestamp);
  return (
    <article className="exception-entry" aria-label={`Exception at ${when}`}>
      <header className="exception-header">
        <time dateTime={new Date(view.timestamp).toISOString()}>{when}</time>
        <h3 className="exception-headline">{view.headline}</h3>
      </header>
      <dl className="exception-facts">
        <dt>Root cause</dt>
        <dd className="exception-cause">{view.rootCause ?? view.headline}</dd>
        <dt>Task</dt>
        <dd>{view.taskName ?? 'Global failure (not caused by one task)'}</dd>
        <dt>Task manager</dt>
        <dd>
          <TaskManagerLink view={view} />
        </dd>
        <dt>Failure labels</dt>
        <dd>
          <Labels labels={view.labels} />
        </dd>
      </dl>
      <StackTrace trace={view.stacktrace} />
      {view.concurrentCount > 0 && (
        <details className="concurrent">
          <summary>
            {view.concurrentCount} concurrent exception{view.concurrentCount === 1 ? '' : 's'}
            {view.concurrent.length < view.concurrentCount ? ` (${view.concurrent.length} distinct)` : ''}
          </summary>
          <ul className="concurrent-groups">
            {view.concurrent.map((group) => (
              <li key={group.key} className="concurrent-group">
                <p className="exception-headline">
                  {group.headline}
                  {group.exceptions.length > 1 && (
                    <span className="badge badge-neutral"> ×{group.exceptions.length}</span>
                  )}
                </p>
                {group.rootCause && <p className="exception-cause">Root cause: {group.rootCause}</p>}
                <ul className="concurrent-tasks">
                  {group.exceptions.map((c) => (
                    <li key={c.key}>
                      {formatTimestamp(c.timestamp)} · {c.taskName ?? 'global'} · <TaskManagerLink view={c} />
                    </li>
                  ))}
                </ul>
                {group.exceptions[0] && <StackTrace trace={group.exceptions[0].stacktrace} />}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

const recurringColumns: Column<RecurringCause>[] = [
  column('pattern', {
    header: 'Failure',
    rowHeader: true,
    className: 'exception-pattern',
    value: (r) => r.pattern,
    search: true,
  }),
  column('count', { header: 'Times', className: 'num', value: (r) => r.count }),
  column('tasks', { header: 'Tasks', value: (r) => r.tasks.join(', '), search: true }),
  column('first', { header: 'First seen', value: (r) => r.first, format: (t) => formatTimestamp(t) }),
  column('last', { header: 'Last seen', value: (r) => r.last, format: (t) => formatTimestamp(t) }),
];

function RecurringCauses({ views }: { views: readonly RootExceptionView[] }): ReactNode {
  const rows = useMemo(() => recurringCauses(views), [views]);
  return (
    <section aria-labelledby="exc-recurring">
      <h2 id="exc-recurring">Recurring failures</h2>
      <DataTable
        caption="Recurring failures"
        captionHidden
        columns={recurringColumns}
        rows={rows}
        rowKey={(r) => r.key}
        filterable
      />
    </section>
  );
}
