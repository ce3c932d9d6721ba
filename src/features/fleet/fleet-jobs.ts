// Pure: all jobs of all clusters as one list, and which ended jobs a History Server of the fleet
// holds (its archived copy).

import type { JobOverview } from '../../api/jobs';
import { isTerminal } from '../../lib/job-states';

export interface FleetJobRow {
  readonly key: string;
  readonly clusterId: string;
  readonly clusterName: string;
  readonly history: boolean;
  readonly job: JobOverview;
  /** The History Server of the fleet that holds this ended job, if any (never for a History Server's own rows). */
  readonly archivedOn: { readonly clusterId: string; readonly clusterName: string } | undefined;
}

export interface FleetJobSource {
  readonly clusterId: string;
  readonly clusterName: string;
  readonly history: boolean;
  readonly jobs: readonly JobOverview[] | undefined;
}

/** The History Servers' job ids, each with the first History Server (in the file's order) that holds it. */
export function archiveIndex(
  sources: readonly FleetJobSource[],
): ReadonlyMap<string, { clusterId: string; clusterName: string }> {
  const index = new Map<string, { clusterId: string; clusterName: string }>();
  for (const s of sources) {
    if (!s.history) continue;
    for (const job of s.jobs ?? []) {
      if (!index.has(job.jid)) index.set(job.jid, { clusterId: s.clusterId, clusterName: s.clusterName });
    }
  }
  return index;
}

/** Where an ended job's archived copy is, when a History Server holds it; undefined for a job still running. */
export function archivedCopyOf(
  index: ReadonlyMap<string, { clusterId: string; clusterName: string }>,
  job: { readonly jid: string; readonly state: string },
): { clusterId: string; clusterName: string } | undefined {
  return isTerminal(job.state) ? index.get(job.jid) : undefined;
}

export function fleetJobRows(sources: readonly FleetJobSource[]): FleetJobRow[] {
  const index = archiveIndex(sources);
  return sources.flatMap((s) =>
    (s.jobs ?? []).map((job) => ({
      key: `${s.clusterId}/${job.jid}`,
      clusterId: s.clusterId,
      clusterName: s.clusterName,
      history: s.history,
      job,
      archivedOn: s.history ? undefined : archivedCopyOf(index, job),
    })),
  );
}
