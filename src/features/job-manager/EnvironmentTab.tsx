import type { ReactNode } from 'react';
import { jobManagerEnvironmentQueryOptions } from '../../api/jobmanager';
import { usePolledQuery } from '../../api/polling';
import { QueryState } from '../../components/QueryState';
import { EnvironmentView } from './EnvironmentView';

/** The job manager's JVM environment tab. */
export function EnvironmentTab(): ReactNode {
  const environment = usePolledQuery(jobManagerEnvironmentQueryOptions());
  return (
    <QueryState query={environment} what="the environment">
      {(data) => <EnvironmentView environment={data} />}
    </QueryState>
  );
}
