import { useState, type FormEvent, type ReactNode } from 'react';
import { jobResourceRequirementsQueryOptions, type JobResourceRequirementsUpdate } from '../../api/job-scaling';
import { usePolledQuery } from '../../api/polling';
import { describeActionError } from './action-errors';
import { Modal } from './Modal';
import { FailureDetail } from './OperationView';
import { draftFrom, requirementsUpdateFrom, type BoundsDraft } from './requests';
import { notAdaptiveExplanation, rescaleSupportFrom } from './scheduler';

interface ResourceRequirementsDialogProps {
  jobId: string;
  jobName: string;
  /** Vertex id -> name, from the job's details. */
  vertexNames: ReadonlyMap<string, string>;
  /** `web-rescale` and not read-only: the bounds can be changed. */
  editable: boolean;
  /** The job details' `schedulerType` (Flink 2.x); undefined on 1.20, where Flink's answer decides. */
  schedulerType: string | undefined;
  onSave: (update: JobResourceRequirementsUpdate) => void;
  onClose: () => void;
}

/**
 * The job's resource requirements (per-vertex parallelism bounds), editable where the cluster
 * allows rescaling. Schedulers other than the adaptive one refuse even to report them: the job's
 * scheduler type (2.x) or Flink's refusal (1.20) says so, and the dialog explains which setting
 * enables them instead of showing the refusal as a failure.
 */
export function ResourceRequirementsDialog(props: ResourceRequirementsDialogProps): ReactNode {
  const { jobId, jobName, vertexNames, schedulerType, onSave, onClose } = props;
  const askFlink = schedulerType === undefined || schedulerType === 'Adaptive';
  const query = usePolledQuery({ ...jobResourceRequirementsQueryOptions(jobId), enabled: askFlink });
  const support = rescaleSupportFrom(schedulerType, query);
  const editable = props.editable && support.kind !== 'other';
  const [edited, setEdited] = useState<Record<string, BoundsDraft> | null>(null);
  const draft = support.kind === 'other' ? null : (edited ?? (query.data ? draftFrom(query.data) : null));
  const nameOf = (id: string): string => vertexNames.get(id) ?? id;

  let body: ReactNode;
  if (support.kind === 'other') {
    body = (
      <p className="ops-hint" role="status">
        {notAdaptiveExplanation(support.scheduler)}
      </p>
    );
  } else if (draft) {
    const set = (vertexId: string, change: Partial<BoundsDraft>): void => {
      const current = draft[vertexId] ?? { lower: '', upper: '' };
      setEdited({ ...draft, [vertexId]: { ...current, ...change } });
    };
    body = (
      <table className="data-table ops-requirements">
        <caption className="visually-hidden">Parallelism bounds per vertex</caption>
        <thead>
          <tr>
            <th scope="col">Vertex</th>
            <th scope="col">Lower bound</th>
            <th scope="col">Upper bound</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(draft).map(([vertexId, bounds]) => (
            <tr key={vertexId}>
              <th scope="row" className="job-name">
                {nameOf(vertexId)}
              </th>
              {editable ? (
                <>
                  <td>
                    <input
                      className="ops-number"
                      inputMode="numeric"
                      aria-label={`Lower bound of ${nameOf(vertexId)}`}
                      value={bounds.lower}
                      onChange={(e) => set(vertexId, { lower: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="ops-number"
                      inputMode="numeric"
                      aria-label={`Upper bound of ${nameOf(vertexId)}`}
                      value={bounds.upper}
                      onChange={(e) => set(vertexId, { upper: e.target.value })}
                    />
                  </td>
                </>
              ) : (
                <>
                  <td>{bounds.lower}</td>
                  <td>{bounds.upper}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    );
  } else if (query.isError) {
    const failure = describeActionError(query.error);
    body = (
      <div className="panel-error" role="alert">
        <p>Flink did not report the resource requirements: {failure.message}</p>
        {failure.detail !== undefined && <FailureDetail detail={failure.detail} />}
      </div>
    );
  } else {
    body = (
      <p className="panel-loading" aria-busy="true">
        Loading the resource requirements…
      </p>
    );
  }

  const intro = (
    <p className="ops-modal-message">
      Job: <span className="ops-subject">{jobName}</span>. The adaptive scheduler keeps each vertex&apos;s parallelism
      between these bounds.
    </p>
  );

  const parsed = editable && draft ? requirementsUpdateFrom(draft, nameOf) : undefined;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (parsed?.ok) onSave(parsed.update);
  };
  return (
    <Modal title="Resource requirements" onClose={onClose}>
      <form className="ops-form" onSubmit={submit} noValidate>
        {intro}
        {body}
        {parsed && !parsed.ok && (
          <p className="ops-invalid" role="status">
            {parsed.problem}
          </p>
        )}
        <div className="ops-modal-buttons">
          <button type="button" onClick={onClose}>
            {editable ? 'Back' : 'Close'}
          </button>
          {editable && (
            <button type="submit" className="ops-primary" disabled={!parsed?.ok}>
              Save requirements
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
