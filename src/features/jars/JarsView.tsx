import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  deleteJarMutationOptions,
  jarIdOf,
  jarsQueryOptions,
  runJarAsApplicationMutationOptions,
  runJarMutationOptions,
  uploadJarMutationOptions,
  type JarFile,
  type JarProgram,
} from '../../api/jars';
import { endpoints } from '../../api/endpoints';
import { usePolledQuery } from '../../api/polling';
import { column, DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { formatBytes, formatTimestamp } from '../../lib/format';
import { useServes } from '../../lib/use-served';
import { JarPlan } from './JarPlan';
import type { ActionSpec, Confirm, TrackedOutcome, TrackOperation } from '../../lib/action-ports';
import { EMPTY_RUN_FORM, programFrom, runRequestFrom, type RunFormValues } from './run-request';
import './jars.css';

/** The operations this feature starts, for the page's operations tracker (see lib/action-ports). */
export type JarOperationKind = 'jar-upload' | 'jar-run' | 'jar-run-application' | 'jar-delete';

interface JarsViewProps {
  /** Upload, plan, run and delete jars: `web-submit` and not read-only. */
  canSubmit: boolean;
  /** Whether the JobManager serves the jar endpoints at all (`web-submit`); undefined until known. */
  jarsServed: boolean | undefined;
  /** The jar whose details are open (kept in the URL by the page). */
  selectedJarId: string | undefined;
  onSelect: (jarId: string | undefined) => void;
  /** A jar's program was submitted: go to the new job. */
  onJobStarted: (jobId: string) => void;
  /** A jar's program was submitted as an application (Flink 2.3): go to it. */
  onApplicationStarted?: (applicationId: string) => void;
  track: TrackOperation<ActionSpec<JarOperationKind>>;
  confirm: Confirm;
}

/** Uploaded jars: upload one, list them with their entry classes, plan, run and delete them. */
export function JarsView(props: JarsViewProps): ReactNode {
  const { canSubmit, jarsServed, selectedJarId, onSelect } = props;
  if (jarsServed === false) {
    return (
      <p className="panel-warning">
        This cluster does not accept jars from the web: its JobManager runs with <code>web.submit.enable: false</code>.
      </p>
    );
  }
  return (
    <>
      {canSubmit && <UploadJar track={props.track} onUploaded={onSelect} />}
      <JarList canSubmit={canSubmit} selectedJarId={selectedJarId} onSelect={onSelect} />
      {canSubmit && selectedJarId && <SelectedJar key={selectedJarId} jarId={selectedJarId} {...props} />}
    </>
  );
}

// ---- upload ------------------------------------------------------------------------------------

type UploadState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'uploading'; readonly name: string; readonly size: number; readonly fraction?: number }
  | { readonly phase: 'done'; readonly name: string; readonly jarId: string }
  | { readonly phase: 'failed'; readonly name: string; readonly message: string; readonly detail?: string };

function UploadJar({
  track,
  onUploaded,
}: {
  track: TrackOperation<ActionSpec<JarOperationKind>>;
  onUploaded: (jarId: string) => void;
}): ReactNode {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const upload = useMutation(uploadJarMutationOptions());
  const notAJar = file !== null && !/\.jar$/i.test(file.name);
  const uploading = state.phase === 'uploading';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!file || notAJar || uploading) return;
    const { name, size } = file;
    setState({ phase: 'uploading', name, size });
    const outcome = await track({ kind: 'jar-upload', subject: name }, async (ctx): Promise<TrackedOutcome> => {
      ctx.note(`Uploading ${formatBytes(size)}…`);
      const answer = await upload.mutateAsync({
        jar: file,
        fileName: name,
        onProgress: (fraction) => {
          ctx.progress(fraction);
          setState({ phase: 'uploading', name, size, fraction });
        },
      });
      return { ok: true, result: jarIdOf(answer) };
    });
    if (outcome.ok && outcome.result) {
      setState({ phase: 'done', name, jarId: outcome.result });
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      onUploaded(outcome.result);
    } else if (!outcome.ok) {
      setState({
        phase: 'failed',
        name,
        message: outcome.message,
        ...(outcome.detail === undefined ? {} : { detail: outcome.detail }),
      });
    }
  };

  return (
    <section aria-labelledby="jars-upload-heading" className="jars-upload">
      <h2 id="jars-upload-heading">Upload a jar</h2>
      <form onSubmit={(e) => void submit(e)} className="jars-upload-form">
        <label htmlFor={inputId}>Jar file</label>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept=".jar,application/java-archive,application/x-java-archive"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          disabled={uploading}
        />
        <button type="submit" className="jars-primary" disabled={!file || notAJar || uploading}>
          Upload
        </button>
      </form>
      {notAJar && <p className="jars-invalid">Flink accepts only files ending in .jar.</p>}
      <div className="jars-upload-status" role="status">
        {state.phase === 'uploading' && (
          <>
            <progress
              className="jars-progress"
              aria-label={`Uploading ${state.name}`}
              {...(state.fraction === undefined ? {} : { value: state.fraction, max: 1 })}
            />
            <span>
              Uploading <span className="jars-file">{state.name}</span> ({formatBytes(state.size)})…
            </span>
          </>
        )}
        {state.phase === 'done' && (
          <span>
            Uploaded <span className="jars-file">{state.name}</span> as <code>{state.jarId}</code>.
          </span>
        )}
      </div>
      {state.phase === 'failed' && (
        <div className="panel-error" role="alert">
          <p>
            Could not upload <span className="jars-file">{state.name}</span>: {state.message}
          </p>
          {state.detail !== undefined && <pre className="jars-pre">{state.detail}</pre>}
        </div>
      )}
    </section>
  );
}

// ---- list --------------------------------------------------------------------------------------

function entryText(jar: JarFile): string {
  return jar.entry.length ? jar.entry.map((e) => e.name).join(', ') : '';
}

function JarList({
  canSubmit,
  selectedJarId,
  onSelect,
}: Pick<JarsViewProps, 'canSubmit' | 'selectedJarId' | 'onSelect'>): ReactNode {
  const query = usePolledQuery(jarsQueryOptions());
  const columns: Column<JarFile>[] = [
    column('name', { header: 'Jar', rowHeader: true, className: 'job-name', value: (j) => j.name, search: true }),
    column('uploaded', { header: 'Uploaded', value: (j) => j.uploaded, format: (t) => formatTimestamp(t) }),
    column('entry', {
      header: 'Entry classes',
      value: entryText,
      format: (_text, j) =>
        j.entry.length ? (
          <ul className="jars-entries">
            {j.entry.map((e) => (
              <li key={e.name}>
                <code>{e.name}</code>
                {e.description ? <span className="jars-hint"> {e.description}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <span className="jars-hint">none in the manifest</span>
        ),
      sort: false,
      search: true,
    }),
    column('id', {
      header: 'Id',
      value: (j) => j.id,
      format: (id) => <code className="jars-id">{id}</code>,
      sort: false,
      search: true,
    }),
  ];
  if (canSubmit) {
    columns.push(
      column('open', {
        header: 'Details',
        value: (j) => j.id,
        sort: false,
        format: (_id, j) => (
          <button
            type="button"
            aria-pressed={j.id === selectedJarId}
            aria-label={`Open ${j.name} (${j.id})`}
            onClick={() => onSelect(j.id === selectedJarId ? undefined : j.id)}
          >
            {j.id === selectedJarId ? 'Close' : 'Open'}
          </button>
        ),
      }),
    );
  }
  return (
    <section aria-labelledby="jars-list-heading">
      <h2 id="jars-list-heading">Uploaded jars</h2>
      <QueryState query={query} what="the uploaded jars">
        {(data) => (
          <DataTable
            caption="Uploaded jars"
            captionHidden
            columns={columns}
            rows={data.files}
            rowKey={(j) => j.id}
            defaultSort={{ column: 'uploaded', direction: 'desc' }}
            rowClassName={(j) => (j.id === selectedJarId ? 'jars-selected' : undefined)}
            filterable={data.files.length > 5}
            empty="No jars uploaded yet."
          />
        )}
      </QueryState>
    </section>
  );
}

// ---- one jar: plan, run, delete ----------------------------------------------------------------

function SelectedJar(props: JarsViewProps & { jarId: string }): ReactNode {
  const { jarId, onSelect, onJobStarted, onApplicationStarted, track, confirm } = props;
  const jars = usePolledQuery(jarsQueryOptions());
  const jar = jars.data?.files.find((j) => j.id === jarId);
  const [values, setValues] = useState<RunFormValues>(EMPTY_RUN_FORM);
  const [plan, setPlan] = useState<JarProgram | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<{ message: string; detail?: string } | null>(null);
  const run = useMutation(runJarMutationOptions(jarId));
  const runApplication = useMutation(runJarAsApplicationMutationOptions(jarId));
  // Flink 2.3+ runs a jar as an application too (decided from /config's version).
  const asApplication = useServes(endpoints.runJarAsApplication).served === true;
  const remove = useMutation(deleteJarMutationOptions());
  const ids = { entry: useId(), args: useId(), parallelism: useId(), savepoint: useId(), entries: useId() };

  if (!jar) {
    if (jars.isPending) return null;
    return (
      <section className="jars-detail" aria-label="Selected jar">
        <p>
          The jar <code>{jarId}</code> is no longer on the cluster.{' '}
          <button type="button" onClick={() => onSelect(undefined)}>
            Close
          </button>
        </p>
      </section>
    );
  }

  const entryClass = values.entryClass || jar.entry[0]?.name || '';
  const effective = { ...values, entryClass };
  const request = runRequestFrom(effective);
  const set = (change: Partial<RunFormValues>): void => {
    setValues((v) => ({ ...v, ...change }));
    // A plan shown for other values would mislead: it goes until asked for again.
    if ('entryClass' in change || 'args' in change || 'parallelism' in change) setPlan(null);
  };

  const showPlan = (): void => {
    const program = programFrom(effective);
    if (program.ok) setPlan(program.program);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!request.ok || running) return;
    setRunning(true);
    setFailure(null);
    const outcome = await track(
      { kind: 'jar-run', subject: `${jar.name}${entryClass ? `: ${entryClass}` : ''}` },
      async (ctx): Promise<TrackedOutcome> => {
        ctx.note('Submitting the job…');
        const answer = await run.mutateAsync(request.request);
        return { ok: true, result: answer.jobid, jobId: answer.jobid };
      },
    );
    setRunning(false);
    if (outcome.ok && outcome.jobId) onJobStarted(outcome.jobId);
    else if (!outcome.ok) setFailure(outcome);
  };

  const submitApplication = async (): Promise<void> => {
    if (!request.ok || running) return;
    setRunning(true);
    setFailure(null);
    let applicationId = '';
    const outcome = await track(
      { kind: 'jar-run-application', subject: `${jar.name}${entryClass ? `: ${entryClass}` : ''}` },
      async (ctx): Promise<TrackedOutcome> => {
        ctx.note('Submitting the application…');
        applicationId = (await runApplication.mutateAsync(request.request)).applicationid;
        return { ok: true, result: `Application ${applicationId}`, copyable: true };
      },
    );
    setRunning(false);
    if (outcome.ok && applicationId) onApplicationStarted?.(applicationId);
    else if (!outcome.ok) setFailure(outcome);
  };

  const askDelete = async (): Promise<void> => {
    const yes = await confirm({
      title: 'Delete this jar?',
      message: (
        <p>
          <span className="jars-file">{jar.name}</span> (<code>{jar.id}</code>) is removed from the JobManager. Running
          jobs are not affected.
        </p>
      ),
      confirmLabel: 'Delete jar',
      danger: true,
    });
    if (!yes) return;
    const outcome = await track({ kind: 'jar-delete', subject: jar.name }, async (): Promise<TrackedOutcome> => {
      await remove.mutateAsync(jar.id);
      return { ok: true, result: `Deleted ${jar.id}` };
    });
    if (outcome.ok) onSelect(undefined);
    else setFailure(outcome);
  };

  return (
    <section className="jars-detail" aria-labelledby="jars-detail-heading">
      <h2 id="jars-detail-heading">
        <span className="jars-file">{jar.name}</span>
      </h2>
      <p className="jars-hint">
        Id <code>{jar.id}</code>, uploaded {formatTimestamp(jar.uploaded)}
      </p>
      <form className="jars-run-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="jars-field">
          <label htmlFor={ids.entry}>Entry class</label>
          <input
            id={ids.entry}
            list={ids.entries}
            value={entryClass}
            onChange={(e) => set({ entryClass: e.target.value })}
            placeholder={jar.entry.length ? undefined : 'com.example.MyJob (the jar names no Main-Class)'}
            spellCheck={false}
            autoComplete="off"
          />
          <datalist id={ids.entries}>
            {jar.entry.map((e) => (
              <option key={e.name} value={e.name} />
            ))}
          </datalist>
        </div>
        <div className="jars-field">
          <label htmlFor={ids.args}>Program arguments (one per line)</label>
          <textarea
            id={ids.args}
            rows={3}
            value={values.args}
            onChange={(e) => set({ args: e.target.value })}
            spellCheck={false}
          />
        </div>
        <div className="jars-field jars-field-short">
          <label htmlFor={ids.parallelism}>Parallelism</label>
          <input
            id={ids.parallelism}
            inputMode="numeric"
            value={values.parallelism}
            onChange={(e) => set({ parallelism: e.target.value })}
            placeholder="default"
          />
        </div>
        <div className="jars-field">
          <label htmlFor={ids.savepoint}>Restore from savepoint</label>
          <input
            id={ids.savepoint}
            value={values.savepointPath}
            onChange={(e) => set({ savepointPath: e.target.value })}
            placeholder="none: start with empty state"
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        <label className="jars-check">
          <input
            type="checkbox"
            checked={values.allowNonRestoredState}
            disabled={!values.savepointPath.trim()}
            onChange={(e) => set({ allowNonRestoredState: e.target.checked })}
          />{' '}
          Allow non-restored state (skip savepoint state that no operator claims)
        </label>
        {!request.ok && <p className="jars-invalid">{request.problem}</p>}
        <div className="jars-buttons">
          <button type="button" onClick={showPlan} disabled={!request.ok}>
            Show plan
          </button>
          <button type="submit" className="jars-primary" disabled={!request.ok || running}>
            {running ? 'Submitting…' : 'Run job'}
          </button>
          {asApplication && (
            <button type="button" onClick={() => void submitApplication()} disabled={!request.ok || running}>
              Run as application
            </button>
          )}
          <button type="button" className="jars-danger-outline" onClick={() => void askDelete()}>
            Delete jar…
          </button>
        </div>
      </form>
      {failure && (
        <div className="panel-error jars-failure" role="alert">
          <p>{failure.message}</p>
          {failure.detail !== undefined && <pre className="jars-pre">{failure.detail}</pre>}
        </div>
      )}
      {plan && <JarPlan jarId={jar.id} program={plan} />}
    </section>
  );
}
