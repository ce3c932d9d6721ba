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
  return sources.flatMap((s) => rowsOf(s, index));
}

/** The fleet's job rows with what they were built from, so the next answers rebuild only what changed. */
export interface FleetJobRowsState {
  readonly sources: readonly FleetJobSource[];
  /** Each source's rows, in the sources' order. */
  readonly perSource: readonly (readonly FleetJobRow[])[];
  readonly rows: readonly FleetJobRow[];
}

const sameCluster = (a: FleetJobSource | undefined, b: FleetJobSource): boolean =>
  a !== undefined && a.clusterId === b.clusterId && a.clusterName === b.clusterName && a.history === b.history;

const sameSource = (a: FleetJobSource | undefined, b: FleetJobSource): boolean =>
  sameCluster(a, b) && a?.jobs === b.jobs;

/**
 * `fleetJobRows`, kept across answers: the same state back when no cluster's job list changed
 * (react-query keeps an unchanged answer's array), and a cluster whose list did not change keeps
 * its row objects. Each cluster answers on its own, so a fleet of ten re-renders the jobs table
 * ten times a refresh: unchanged rows must stay the same objects for the table to skip them.
 */
export function nextFleetJobRows(
  previous: FleetJobRowsState | undefined,
  sources: readonly FleetJobSource[],
): FleetJobRowsState {
  const old = previous?.sources;
  if (previous && previous.sources.length === sources.length) {
    if (sources.every((s, i) => sameSource(previous.sources[i], s))) return previous;
  }
  // A History Server's list decides other clusters' archived links: when one changes, rebuild all.
  const archiveChanged = !old || sources.some((s, i) => (s.history || old[i]?.history) && !sameSource(old[i], s));
  const index = archiveIndex(sources);
  const perSource = sources.map((s, i) => {
    const before = previous?.perSource[i];
    if (archiveChanged || before === undefined || !sameCluster(old?.[i], s)) return rowsOf(s, index);
    // The same cluster with a new list: its jobs that did not change (the list keeps their objects,
    // see keepUnchangedJobs) keep their rows, so the table re-renders only the rows that changed.
    return s.jobs === old?.[i]?.jobs ? before : rowsOf(s, index, new Map(before.map((row) => [row.job, row])));
  });
  return { sources, perSource, rows: perSource.flat() };
}

function rowsOf(
  s: FleetJobSource,
  index: ReadonlyMap<string, { clusterId: string; clusterName: string }>,
  rowOfJob?: ReadonlyMap<JobOverview, FleetJobRow>,
): FleetJobRow[] {
  return (s.jobs ?? []).map(
    (job) =>
      rowOfJob?.get(job) ?? {
        key: `${s.clusterId}/${job.jid}`,
        clusterId: s.clusterId,
        clusterName: s.clusterName,
        history: s.history,
        job,
        archivedOn: s.history ? undefined : archivedCopyOf(index, job),
      },
  );
}
