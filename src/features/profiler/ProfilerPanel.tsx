import { useMutation, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { userMessage } from '../../api/errors';
import { useSampledQuery } from '../../api/polling';
import {
  isProfilingSettled,
  jobManagerProfilingQueryOptions,
  PROFILING_MODES,
  startProfilingMutationOptions,
  taskManagerProfilingQueryOptions,
  type ProfilerTarget,
  type ProfilingInfo,
  type ProfilingList,
  type ProfilingMode,
} from '../../api/profiler';
import { getApiSettings } from '../../api/settings';
import { column, DataTable } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { Toolbar, ToolbarField } from '../../components/Toolbar';
import { anyKeyOptions } from '../../lib/any-key-options';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { ProfilerResult } from './ProfilerResult';
import {
  DEFAULT_DURATION_SECONDS,
  failureHint,
  MAX_DURATION_SECONDS,
  MODE_DESCRIPTIONS,
  parseDuration,
  runningRun,
  sortRuns,
} from './profiler-runs';
import './profiler.css';

function listOptions(target: ProfilerTarget): UseQueryOptions<ProfilingList, Error, ProfilingList, QueryKey> {
  return target.kind === 'jobmanager'
    ? anyKeyOptions(jobManagerProfilingQueryOptions())
    : anyKeyOptions(taskManagerProfilingQueryOptions(target.taskManagerId));
}

function processName(target: ProfilerTarget): string {
  return target.kind === 'jobmanager' ? 'the JobManager' : 'this TaskManager';
}

/**
 * The profiler of the JobManager or a TaskManager: start an async-profiler run (mode and
 * duration), watch it run (the list is polled fast while a run is RUNNING), list the finished
 * runs and open a result as our own flame graph (or download it). Flink registers these
 * endpoints only with `rest.profiling.enabled: true`: without it the list answers 404, said here.
 */
export function ProfilerPanel({ target }: { target: ProfilerTarget }): ReactNode {
  const list = useSampledQuery(listOptions(target), isProfilingSettled);
  const [opened, setOpened] = useState<string | null>(null);
  const readOnly = getApiSettings().readOnly;
  const runs = list.data ? sortRuns(list.data.profilingList) : [];
  const running = runningRun(runs);

  return (
    <div className="profiler">
      {list.data && !readOnly && <StartForm target={target} running={running} />}
      {running && (
        <p className="profiler-running" role="status" aria-busy="true">
          Profiling {processName(target)} in {running.mode} mode for {running.duration} s, started at{' '}
          {formatTimestamp(running.triggerTime)}…
        </p>
      )}
      <QueryState
        query={list}
        what="the profiling runs"
        notFound={<ProfilingDisabled target={target} />}
        empty={{
          when: (data) => data.profilingList.length === 0,
          message: `No profiling run of ${processName(target)} yet.`,
        }}
      >
        {() => <RunsTable runs={runs} opened={opened} onOpen={setOpened} />}
      </QueryState>
      {opened !== null && <ProfilerResult key={opened} target={target} fileName={opened} />}
    </div>
  );
}

function ProfilingDisabled({ target }: { target: ProfilerTarget }): ReactNode {
  return (
    <div className="panel-warning profiler-disabled" role="status">
      <p>
        <strong>Profiling is disabled on this cluster.</strong> The JobManager does not serve the profiler of{' '}
        {processName(target)} (it answered 404). To enable it, set <code>rest.profiling.enabled: true</code> in the
        Flink configuration and restart the cluster. The profiler needs Flink 1.19 or later; it runs async-profiler
        inside the process, on Linux or macOS.
      </p>
    </div>
  );
}

function StartForm({ target, running }: { target: ProfilerTarget; running: ProfilingInfo | undefined }): ReactNode {
  const [mode, setMode] = useState<ProfilingMode>('ITIMER');
  const [durationText, setDurationText] = useState(String(DEFAULT_DURATION_SECONDS));
  const start = useMutation(startProfilingMutationOptions(target));
  const modeId = useId();
  const durationId = useId();
  const hintId = useId();
  const duration = parseDuration(durationText);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (duration === null) return;
    start.mutate({ mode, duration });
  };

  return (
    <form className="profiler-start" onSubmit={submit} aria-label="Start a profiling run">
      <Toolbar gap="8px 16px">
        <ToolbarField htmlFor={modeId}>
          <span>Mode</span>
          <select id={modeId} value={mode} onChange={(e) => setMode(e.target.value as ProfilingMode)}>
            {PROFILING_MODES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </ToolbarField>
        <ToolbarField htmlFor={durationId}>
          <span>Duration (s)</span>
          <input
            id={durationId}
            type="number"
            min={1}
            max={MAX_DURATION_SECONDS}
            step={1}
            value={durationText}
            aria-invalid={duration === null}
            aria-describedby={hintId}
            onChange={(e) => setDurationText(e.target.value)}
          />
        </ToolbarField>
        <button type="submit" disabled={duration === null || start.isPending || running !== undefined}>
          {start.isPending ? 'Starting…' : 'Start profiling'}
        </button>
      </Toolbar>
      <p id={hintId} className="profiler-hint">
        {MODE_DESCRIPTIONS[mode]}. {duration === null ? `The duration must be 1 to ${MAX_DURATION_SECONDS} s. ` : ''}
        The run samples {processName(target)} for the duration and writes a flame graph; the job keeps running.
      </p>
      {start.isError && (
        <p className="panel-error" role="alert">
          Could not start profiling: {userMessage(start.error)}
          {failureHint(userMessage(start.error)) && <> {failureHint(userMessage(start.error))}</>}
        </p>
      )}
    </form>
  );
}

interface RunsTableProps {
  runs: readonly ProfilingInfo[];
  opened: string | null;
  onOpen: (fileName: string) => void;
}

const STATUS_CLASS = { RUNNING: 'badge badge-warn', FINISHED: 'badge badge-ok', FAILED: 'badge badge-bad' } as const;

function RunsTable({ runs, opened, onOpen }: RunsTableProps): ReactNode {
  const columns = [
    column('started', {
      header: 'Started',
      value: (run: ProfilingInfo) => run.triggerTime,
      format: (time) => formatTimestamp(time),
      rowHeader: true,
    }),
    column('mode', { header: 'Mode', value: (run: ProfilingInfo) => run.mode, search: true }),
    column('duration', {
      header: 'Duration',
      value: (run: ProfilingInfo) => run.duration,
      format: (seconds) => formatDuration(seconds * 1000),
    }),
    column('status', {
      header: 'Status',
      value: (run: ProfilingInfo) => run.status,
      format: (status) => <span className={STATUS_CLASS[status]}>{status}</span>,
      search: true,
    }),
    column('finished', {
      header: 'Finished',
      value: (run: ProfilingInfo) => run.finishedTime ?? null,
      format: (time) => (time == null ? '–' : formatTimestamp(time)),
    }),
    column('message', {
      header: 'Message',
      value: (run: ProfilingInfo) => run.message ?? '',
      format: (message) => {
        const hint = failureHint(message);
        return (
          <span className="profiler-message">
            {message}
            {hint && <span className="profiler-message-hint"> {hint}</span>}
          </span>
        );
      },
      search: true,
    }),
    column('result', {
      header: 'Result',
      value: (run: ProfilingInfo) => run.outputFile ?? '',
      format: (file, run) =>
        file === '' ? (
          '–'
        ) : (
          <button
            type="button"
            aria-pressed={opened === file}
            aria-label={`Open the ${run.mode} result of ${formatTimestamp(run.triggerTime)}`}
            onClick={() => onOpen(file)}
          >
            Open
          </button>
        ),
      sort: false,
    }),
  ];
  return (
    <DataTable
      caption="Profiling runs"
      captionHidden
      columns={columns}
      rows={runs}
      rowKey={(run) => `${run.triggerTime}-${run.mode}-${run.outputFile ?? ''}`}
      defaultSort={{ column: 'started', direction: 'desc' }}
    />
  );
}
