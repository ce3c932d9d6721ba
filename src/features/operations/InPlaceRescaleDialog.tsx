import type { ReactNode } from 'react';
import { jobResourceRequirementsQueryOptions } from '../../api/job-scaling';
import { usePolledQuery } from '../../api/polling';
import { RescaleDialog } from './JobActionDialogs';
import { Modal } from './Modal';
import { notAdaptiveExplanation, rescaleSupportFrom } from './scheduler';

interface InPlaceRescaleDialogProps {
  jobId: string;
  jobName: string;
  /** The job details' `schedulerType` (Flink 2.x); undefined on 1.20, where Flink's answer decides. */
  schedulerType: string | undefined;
  current: number | undefined;
  onSubmit: (parallelism: number) => void;
  onClose: () => void;
}

/**
 * Rescale the whole job: on the adaptive scheduler a new parallelism (sent as every vertex's upper
 * bound); on any other scheduler, which cannot rescale a running job, why not and what enables it.
 */
export function InPlaceRescaleDialog(props: InPlaceRescaleDialogProps): ReactNode {
  const { jobId, jobName, schedulerType, current, onSubmit, onClose } = props;
  const query = usePolledQuery(
    { ...jobResourceRequirementsQueryOptions(jobId), enabled: schedulerType === undefined },
    'static',
  );
  const support = rescaleSupportFrom(schedulerType, query);
  if (support.kind === 'other') {
    return (
      <Modal title="Rescale the job" onClose={onClose}>
        <p className="ops-modal-message">
          Job: <span className="ops-subject">{jobName}</span>
        </p>
        <p className="ops-hint" role="status">
          {notAdaptiveExplanation(support.scheduler)}
        </p>
        <div className="ops-modal-buttons">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </Modal>
    );
  }
  return <RescaleDialog jobName={jobName} current={current} onSubmit={onSubmit} onClose={onClose} />;
}
