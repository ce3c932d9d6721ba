import { useState } from 'react';
import type { JobDetails } from '../../api/jobs';
import { advanceRates, EMPTY_TRACKER, sampleOf, type RateTracker, type VertexRates } from '../../lib/vertex-rates';

/**
 * Rates per vertex from the job details the page already polls: each new answer is compared
 * with the previous one kept here (not in the query cache). Runs once per new answer.
 */
export function useVertexRates(details: JobDetails): ReadonlyMap<string, VertexRates> {
  const [state, setState] = useState<{ source: JobDetails; tracker: RateTracker }>(() => ({
    source: details,
    tracker: advanceRates(EMPTY_TRACKER, sampleOf(details)),
  }));
  if (state.source !== details) {
    // A new answer: derive the next rates during render (no effect, no extra paint).
    const next = { source: details, tracker: advanceRates(state.tracker, sampleOf(details)) };
    setState(next);
    return next.tracker.rates;
  }
  return state.tracker.rates;
}
