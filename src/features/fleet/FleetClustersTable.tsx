import { useMemo, type ReactNode } from 'react';
import { column, DataTable, type Column } from '../../components/DataTable';
import { JobStateBadge } from '../../components/JobStateBadge';
import { formatCount, formatTimestamp } from '../../lib/format';
import { links } from '../../lib/paths';
import { jobsByState, REACHABILITY_WORDS } from './fleet-health';
import type { FleetClusterData } from './useFleetData';
import './fleet.css';

const LEVEL_RANK = { ok: 0, warn: 1, bad: 2 } as const;

/** One row per cluster: reachability, version, capacity, jobs by state and its worst finding. */
export function FleetClustersTable({ clusters }: { clusters: readonly FleetClusterData[] }): ReactNode {
  const columns = useMemo<Column<FleetClusterData>[]>(
    () => [
      column('cluster', {
        header: 'Cluster',
        rowHeader: true,
        value: (c) => c.cluster.name,
        format: (name, c) => (
          <>
            <a href={`#${links.inCluster(c.cluster.id, links.overview())}`}>{name}</a>
            {c.history && <span className="fleet-kind"> History Server</span>}
          </>
        ),
      }),
      column('reachability', {
        header: 'Reachability',
        value: (c) => REACHABILITY_WORDS[c.reachability.kind],
        format: (words, c) => (
          <span className={`fleet-reach fleet-reach-${c.reachability.kind}`} data-reachability={c.reachability.kind}>
            {words}
            {'message' in c.reachability && <span className="fleet-reach-message">: {c.reachability.message}</span>}
          </span>
        ),
      }),
      column('version', {
        header: 'Flink',
        value: (c) => c.version ?? null,
      }),
      column('taskmanagers', {
        header: 'Task managers',
        value: (c) => c.overview?.taskmanagers ?? null,
        format: (n) => formatCount(n),
      }),
      column('slots', {
        header: 'Slots free / total',
        value: (c) => c.overview?.['slots-available'] ?? null,
        format: (free, c) =>
          free === null ? '' : `${formatCount(free)} / ${formatCount(c.overview?.['slots-total'])}`,
      }),
      column('jobs', {
        header: 'Jobs',
        value: (c) => c.jobs?.length ?? null,
        format: (_n, c) => (
          <span className="fleet-job-states">
            {c.history && c.jobs && <span>{formatCount(c.jobs.length)} archived: </span>}
            {jobStates(c)}
          </span>
        ),
      }),
      column('health', {
        header: 'Worst finding',
        value: (c) => LEVEL_RANK[c.findings[0]?.level ?? 'ok'],
        format: (_rank, c) => {
          const worst = c.findings[0];
          return worst ? (
            <span className={`fleet-finding fleet-finding-${worst.level}`} data-health={worst.level}>
              {worst.text}
            </span>
          ) : null;
        },
      }),
      column('updated', {
        header: 'Updated',
        value: (c) => (c.updatedAt > 0 ? c.updatedAt : null),
        format: (t) => <span data-testid="fleet-updated">{formatTimestamp(t).slice(11)}</span>,
      }),
    ],
    [],
  );
  return (
    <DataTable
      caption="Clusters"
      captionHidden
      columns={columns}
      rows={clusters}
      rowKey={(c) => c.cluster.id}
      rowClassName={(c) => `fleet-row-${c.findings[0]?.level ?? 'ok'}`}
      empty="No cluster is configured."
    />
  );
}

function jobStates(c: FleetClusterData): ReactNode {
  const jobs = c.jobs;
  if (!jobs) return null;
  const counts = jobsByState(jobs);
  if (counts.length === 0) return 'none';
  return counts.map(({ state, count }) => (
    <span key={state} className="fleet-job-state">
      {count} <JobStateBadge state={state} />
    </span>
  ));
}
