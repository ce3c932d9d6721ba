import { useQueries } from '@tanstack/react-query';
import { usePollInterval } from '../../api/polling';
import { watermarksBySubtask, watermarksQueryOptions } from '../../api/vertices';
import { lowWatermark } from './classify';

/**
 * Low watermarks of the given vertices only (the ones on screen), one request per vertex per
 * refresh at the policy's live rate. Off-screen vertices cost nothing; `live: false` (a job that
 * ended) fetches once and stops polling.
 */
export function useVisibleWatermarks(
  jobId: string,
  vertexIds: readonly string[],
  live: boolean,
): ReadonlyMap<string, number | null | undefined> {
  const interval = usePollInterval('live');
  const results = useQueries({
    queries: vertexIds.map((id) => ({
      ...watermarksQueryOptions(jobId, id),
      refetchInterval: live ? interval : false,
      refetchIntervalInBackground: false,
    })),
  });
  const out = new Map<string, number | null | undefined>();
  vertexIds.forEach((id, i) => {
    const data = results[i]?.data;
    out.set(id, data === undefined ? undefined : lowWatermark(watermarksBySubtask(data)));
  });
  return out;
}
