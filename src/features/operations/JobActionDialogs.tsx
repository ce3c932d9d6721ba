import { useId, useState, type ReactNode } from 'react';
import type { SavepointFormat } from '../../api/savepoints';
import { FormModal } from './FormModal';
import { parsePositiveInt, type SnapshotFormValues } from './requests';

interface DialogProps<V> {
  jobName: string;
  onSubmit: (values: V) => void;
  onClose: () => void;
}

function TargetDirectoryField({ value, onChange }: { value: string; onChange: (value: string) => void }): ReactNode {
  const id = useId();
  const hint = `${id}-hint`;
  return (
    <div className="ops-field">
      <label htmlFor={id}>Target directory</label>
      <input
        id={id}
        data-autofocus
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="the cluster's default savepoint directory"
        aria-describedby={hint}
        spellCheck={false}
        autoComplete="off"
      />
      <span id={hint} className="ops-hint">
        Leave empty for <code>execution.checkpointing.savepoint-dir</code>.
      </span>
    </div>
  );
}

function FormatField({
  value,
  onChange,
}: {
  value: SavepointFormat;
  onChange: (value: SavepointFormat) => void;
}): ReactNode {
  const name = useId();
  return (
    <fieldset className="ops-fieldset">
      <legend>Format</legend>
      <label>
        <input type="radio" name={name} checked={value === 'CANONICAL'} onChange={() => onChange('CANONICAL')} />{' '}
        Canonical <span className="ops-hint">(portable across state backends)</span>
      </label>
      <label>
        <input type="radio" name={name} checked={value === 'NATIVE'} onChange={() => onChange('NATIVE')} /> Native{' '}
        <span className="ops-hint">(the state backend&apos;s own format, faster)</span>
      </label>
    </fieldset>
  );
}

function JobLine({ jobName }: { jobName: string }): ReactNode {
  return (
    <p className="ops-modal-message">
      Job: <span className="ops-subject">{jobName}</span>
    </p>
  );
}

export function SavepointDialog({
  jobName,
  onSubmit,
  onClose,
  allowCancel,
}: DialogProps<SnapshotFormValues & { cancelJob: boolean }> & { allowCancel: boolean }): ReactNode {
  const [targetDirectory, setTargetDirectory] = useState('');
  const [formatType, setFormatType] = useState<SavepointFormat>('CANONICAL');
  const [cancelJob, setCancelJob] = useState(false);
  return (
    <FormModal
      title="Trigger a savepoint"
      submitLabel={cancelJob ? 'Trigger savepoint and cancel job' : 'Trigger savepoint'}
      danger={cancelJob}
      onSubmit={() => onSubmit({ targetDirectory, formatType, cancelJob })}
      onClose={onClose}
    >
      <JobLine jobName={jobName} />
      <TargetDirectoryField value={targetDirectory} onChange={setTargetDirectory} />
      <FormatField value={formatType} onChange={setFormatType} />
      {allowCancel && (
        <label className="ops-check">
          <input type="checkbox" checked={cancelJob} onChange={(e) => setCancelJob(e.target.checked)} /> Cancel the job
          once the savepoint is complete
        </label>
      )}
    </FormModal>
  );
}

export function StopDialog({
  jobName,
  onSubmit,
  onClose,
}: DialogProps<SnapshotFormValues & { drain: boolean }>): ReactNode {
  const [targetDirectory, setTargetDirectory] = useState('');
  const [formatType, setFormatType] = useState<SavepointFormat>('CANONICAL');
  const [drain, setDrain] = useState(false);
  return (
    <FormModal
      title="Stop the job with a savepoint"
      submitLabel="Stop job"
      danger
      onSubmit={() => onSubmit({ targetDirectory, formatType, drain })}
      onClose={onClose}
    >
      <JobLine jobName={jobName} />
      <p className="ops-modal-message">
        The job takes a savepoint, then stops. It can be resumed from the savepoint later.
      </p>
      <TargetDirectoryField value={targetDirectory} onChange={setTargetDirectory} />
      <FormatField value={formatType} onChange={setFormatType} />
      <label className="ops-check">
        <input type="checkbox" checked={drain} onChange={(e) => setDrain(e.target.checked)} /> Drain: emit MAX_WATERMARK
        first, firing all event-time timers (for a final stop, not a pause)
      </label>
    </FormModal>
  );
}

export function CheckpointDialog({ jobName, onSubmit, onClose }: DialogProps<'CONFIGURED' | 'FULL'>): ReactNode {
  const [type, setType] = useState<'CONFIGURED' | 'FULL'>('CONFIGURED');
  const name = useId();
  return (
    <FormModal
      title="Trigger a checkpoint"
      submitLabel="Trigger checkpoint"
      onSubmit={() => onSubmit(type)}
      onClose={onClose}
    >
      <JobLine jobName={jobName} />
      <fieldset className="ops-fieldset">
        <legend>Checkpoint type</legend>
        <label>
          <input
            type="radio"
            name={name}
            data-autofocus
            checked={type === 'CONFIGURED'}
            onChange={() => setType('CONFIGURED')}
          />{' '}
          As configured for the job
        </label>
        <label>
          <input type="radio" name={name} checked={type === 'FULL'} onChange={() => setType('FULL')} /> Full
        </label>
      </fieldset>
    </FormModal>
  );
}

export function RescaleDialog({
  jobName,
  onSubmit,
  onClose,
  current,
}: DialogProps<number> & { current: number | undefined }): ReactNode {
  const [text, setText] = useState(current === undefined ? '' : String(current));
  const id = useId();
  const parallelism = parsePositiveInt(text);
  return (
    <FormModal
      title="Rescale the job"
      submitLabel="Rescale"
      onSubmit={() => parallelism !== undefined && onSubmit(parallelism)}
      onClose={onClose}
      invalid={parallelism === undefined ? 'Enter a parallelism of at least 1.' : undefined}
    >
      <JobLine jobName={jobName} />
      <div className="ops-field">
        <label htmlFor={id}>New parallelism</label>
        <input id={id} data-autofocus inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
    </FormModal>
  );
}
