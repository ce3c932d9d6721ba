import { useId, type ReactNode } from 'react';
import { jobsOverviewQueryOptions } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import { byUrgency, isActive } from '../../lib/job-states';
import { JobActions } from './JobActions';

interface JobPickerProps {
  /** The chosen job (kept in the URL by the page), or undefined. */
  jobId: string | undefined;
  onChange: (jobId: string | undefined) => void;
}

/** Pick a job that has not ended, then act on it: the same actions as in the job's header. */
export function JobPicker({ jobId, onChange }: JobPickerProps): ReactNode {
  const jobs = usePolledQuery(jobsOverviewQueryOptions());
  const id = useId();
  const active = byUrgency((jobs.data?.jobs ?? []).filter((j) => isActive(j.state)));
  const chosen = jobs.data?.jobs.find((j) => j.jid === jobId);
  return (
    <div className="ops-job-picker">
      <div className="ops-field ops-field-inline">
        <label htmlFor={id}>Job</label>
        <select id={id} value={jobId ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
          <option value="">{jobs.isPending ? 'Loading jobs…' : 'Choose a job'}</option>
          {chosen && !isActive(chosen.state) && (
            <option value={chosen.jid}>
              {chosen.name} ({chosen.state})
            </option>
          )}
          {active.map((job) => (
            <option key={job.jid} value={job.jid}>
              {job.name} ({job.state}, {job.jid.slice(0, 8)})
            </option>
          ))}
        </select>
      </div>
      {jobs.isError && <p className="panel-warning">Could not list the jobs; reload to try again.</p>}
      {jobId && <JobActions key={jobId} jobId={jobId} />}
    </div>
  );
}
