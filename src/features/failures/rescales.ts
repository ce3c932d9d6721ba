import type { JobDetails } from '../../api/jobs';
import type { FailureEvent } from './events';

// HOOK for rescales (Flink 2.3): the failure timeline draws events of kind 'rescale' on its
// "Rescales" row, linked to their detail. A later change reads the job's rescale history here
// (through src/api) and returns one FailureEvent per rescale ({ kind: 'rescale', start, end,
// title, lines, where, link }); the tab records them in the same bounded store as the rest.
// On 1.20 (no rescale history) this stays empty and the row stays empty.
const NONE: readonly FailureEvent[] = Object.freeze([]);

export function useRescaleEvents(_jobId: string, _details: JobDetails): readonly FailureEvent[] {
  return NONE;
}
