import { useCallback, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { checkpointingStatisticsQueryOptions } from '../../api/checkpoints';
import { isNotFound } from '../../api/errors';
import { jobExceptionsQueryOptions } from '../../api/exceptions';
import type { JobDetails } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import { FailureTimelineChart } from '../../charts/failures/FailureTimelineChart';
import { KIND_LABELS } from '../../charts/failures/failure-options';
import { column, DataTable } from '../../components/DataTable';
import { formatTimestamp } from '../../lib/format';
import { taskManagerLosses } from '../../lib/task-manager-loss';
import { taskManagersQueryOptions } from '../../api/taskmanagers';
import { checkpointEvents, exceptionEvents, failureStore, lossEvents, stateEvents, type FailureEvent } from './events';
import { useRescaleEvents } from './rescales';
import './failures.css';

const columns = [
  column<FailureEvent, number>('time', {
    header: 'Time',
    value: (e) => e.start,
    format: (t) => formatTimestamp(t),
    rowHeader: true,
  }),
  column<FailureEvent, string>('kind', { header: 'Event', value: (e) => KIND_LABELS[e.kind], search: true }),
  column<FailureEvent, string>('what', { header: 'What', value: (e) => e.title, search: true }),
  column<FailureEvent, string>('where', { header: 'Where', value: (e) => e.where, search: true }),
  column<FailureEvent, string>('detail', {
    header: 'Detail',
    value: (e) => e.link,
    sort: false,
    format: (link) => <Link to={link}>detail</Link>,
  }),
];

/**
 * The Failures tab: on one time axis, the job's state changes and restarts, its exception
 * history (root cause, task, task manager), failed and completed checkpoints (as bands),
 * savepoints, task managers lost (from exception texts, and seen leaving the task manager list
 * while open) and rescales (hook, see rescales.ts).
 * It keeps every event seen while the page is open, beyond Flink's short windows (bounded).
 * Reads what the job page already polls (the job details, exceptions and checkpoints) and the
 * task manager list.
 */
export function FailuresTab({ jobId, details }: { jobId: string; details: JobDetails }): ReactNode {
  const exceptions = usePolledQuery(jobExceptionsQueryOptions(jobId));
  const checkpoints = usePolledQuery(checkpointingStatisticsQueryOptions(jobId));
  const rescales = useRescaleEvents(jobId, details);
  // The task manager list, to see one leave while open (lib/task-manager-loss, shared with triage).
  const taskManagers = usePolledQuery(taskManagersQueryOptions());
  const losses = useSyncExternalStore(taskManagerLosses.subscribe, taskManagerLosses.get, taskManagerLosses.get);
  const listData = taskManagers.data;
  const now = details.now;
  useEffect(() => {
    if (listData)
      taskManagerLosses.observe(
        listData.taskmanagers.map((t) => t.id),
        now,
      );
  }, [listData, now]);
  const startTime = details['start-time'];
  useEffect(() => {
    if (losses.length > 0) failureStore.record(jobId, lossEvents(losses, startTime));
  }, [jobId, losses, startTime]);

  useEffect(() => {
    failureStore.record(jobId, stateEvents(details));
  }, [jobId, details]);
  useEffect(() => {
    if (exceptions.data) failureStore.record(jobId, exceptionEvents(jobId, exceptions.data));
  }, [jobId, exceptions.data]);
  useEffect(() => {
    if (checkpoints.data) failureStore.record(jobId, checkpointEvents(jobId, checkpoints.data));
  }, [jobId, checkpoints.data]);
  useEffect(() => {
    if (rescales.length > 0) failureStore.record(jobId, rescales);
  }, [jobId, rescales]);

  const getSnapshot = useCallback(() => failureStore.get(jobId), [jobId]);
  const events = useSyncExternalStore(failureStore.subscribe, getSnapshot, getSnapshot);
  const since = failureStore.since(jobId);
  const range = useMemo(
    () => (since === undefined ? undefined : { from: Math.min(since, details['start-time']), to: details.now }),
    [since, details],
  );
  const navigate = useNavigate();
  const open = useCallback((mark: FailureEvent) => void navigate(mark.link), [navigate]);
  const newestFirst = useMemo(() => [...events].reverse(), [events]);
  const counts = useMemo(() => {
    const c = { restart: 0, exception: 0, failed: 0 };
    for (const e of events) {
      if (e.kind === 'restart') c.restart += 1;
      else if (e.kind === 'exception') c.exception += 1;
      else if (e.kind === 'checkpoint-failed') c.failed += 1;
    }
    return c;
  }, [events]);

  return (
    <div className="failures-tab">
      <section aria-labelledby="failures-heading">
        <h2 id="failures-heading">Failure timeline</h2>
        <p className="help">
          Everything that went wrong or changed, on one time axis: zoom with the wheel or the slider, select a range
          with the brush, click a mark to open its detail. Kept while this page is open
          {since === undefined ? '' : ` (since ${formatTimestamp(since)})`}, beyond what Flink keeps; at most 500 events
          per job. Task managers lost are read from the exception texts and from the task manager list (one that leaves
          it while this page is open).
        </p>
        <p role="status">
          {counts.restart} restarts, {counts.exception} exceptions, {counts.failed} failed checkpoints seen.
          {exceptions.isError && !isNotFound(exceptions.error) ? ' The exception history could not be read.' : ''}
        </p>
        <FailureTimelineChart
          marks={events}
          range={range}
          label={`Failure timeline of the job: ${events.length} events`}
          onMarkClick={open}
        />
        <DataTable
          caption="Failure events"
          columns={columns}
          rows={newestFirst}
          rowKey={(e) => e.id}
          filterable
          pageSize={50}
          empty="Nothing has happened yet."
        />
      </section>
    </div>
  );
}
