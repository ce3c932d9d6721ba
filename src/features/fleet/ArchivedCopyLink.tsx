import { useQueries } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { fleetClusterJobsQueryOptions } from '../../api/fleet';
import { isTerminal } from '../../lib/job-states';
import { links } from '../../lib/paths';
import { archiveIndex, archivedCopyOf } from './fleet-jobs';
import type { FleetCluster } from './useFleetData';

interface ArchivedCopyLinkProps {
  /** The fleet's clusters (config.json `clusters`). */
  readonly clusters: readonly FleetCluster[];
  /** The cluster whose job page this is. */
  readonly clusterId: string;
  readonly jobId: string;
  readonly state: string;
}

/**
 * On a live cluster's page of a job that ended: "Archived copy on <History Server>" when a History
 * Server of the fleet holds that job id. Asks only once the job has ended, and only each History
 * Server's job list, once (static: the same cached answer the fleet overview reads).
 */
export function ArchivedCopyLink({ clusters, clusterId, jobId, state }: ArchivedCopyLinkProps): ReactNode {
  const ended = isTerminal(state);
  const servers = clusters.filter((c) => c.kind === 'history' && c.id !== clusterId);
  const lists = useQueries({
    queries: servers.map((c) => ({ ...fleetClusterJobsQueryOptions(c, true), enabled: ended })),
  });
  if (!ended || servers.length === 0) return null;
  const index = archiveIndex(
    servers.map((c, i) => ({ clusterId: c.id, clusterName: c.name, history: true, jobs: lists[i]?.data?.jobs })),
  );
  const copy = archivedCopyOf(index, { jid: jobId, state });
  if (!copy) return null;
  return (
    <p className="archived-copy">
      <a href={`#${links.inCluster(copy.clusterId, links.job(jobId))}`}>Archived copy on {copy.clusterName}</a>
    </p>
  );
}
