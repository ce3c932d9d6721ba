import type { ReactNode } from 'react';
import type { ClusterOverview } from '../../api/cluster';
import { Stat, StatDetail, StatGrid, type StatTone } from '../../components/StatGrid';
import type { ApplicationCounts } from '../../lib/application-counts';

interface ClusterSummaryProps {
  overview: ClusterOverview;
  /** Job counts by state from /jobs/overview: /overview has no count of restarting jobs. */
  jobsByState: Record<string, number>;
  /** Applications by state, where the cluster has them (Flink 2.3+); left out otherwise. */
  applications?: ApplicationCounts | undefined;
}

/** The cluster at a glance: version, capacity, and how many jobs are in which state. */
export function ClusterSummary({ overview, jobsByState, applications }: ClusterSummaryProps): ReactNode {
  const restarting = (jobsByState.RESTARTING ?? 0) + (jobsByState.FAILING ?? 0);
  const stats: { label: string; value: ReactNode; tone?: StatTone }[] = [
    {
      label: 'Flink version',
      value: (
        <>
          {overview['flink-version']}
          <StatDetail> commit {overview['flink-commit']}</StatDetail>
        </>
      ),
    },
    { label: 'Task managers', value: overview.taskmanagers, tone: overview.taskmanagers === 0 ? 'bad' : undefined },
    {
      label: 'Slots free / total',
      value: `${overview['slots-available']} / ${overview['slots-total']}`,
      tone: overview['slots-total'] > 0 && overview['slots-available'] === 0 ? 'warn' : undefined,
    },
    { label: 'Running jobs', value: overview['jobs-running'] },
    { label: 'Restarting jobs', value: restarting, tone: restarting > 0 ? 'bad' : undefined },
    { label: 'Failed jobs', value: overview['jobs-failed'], tone: overview['jobs-failed'] > 0 ? 'bad' : undefined },
    { label: 'Finished jobs', value: overview['jobs-finished'] },
    { label: 'Canceled jobs', value: overview['jobs-cancelled'] },
    ...(applications
      ? [
          { label: 'Running applications', value: applications.running },
          {
            label: 'Failed applications',
            value: applications.failed,
            tone: applications.failed > 0 ? ('bad' as const) : undefined,
          },
          { label: 'Finished applications', value: applications.finished },
          { label: 'Canceled applications', value: applications.canceled },
        ]
      : []),
  ];
  return (
    <StatGrid label="Cluster summary">
      {stats.map((s) => (
        <Stat key={s.label} term={s.label} tone={s.tone}>
          {s.value}
        </Stat>
      ))}
    </StatGrid>
  );
}
