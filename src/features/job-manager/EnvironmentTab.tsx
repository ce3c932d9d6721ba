import type { ReactNode } from 'react';
import { useJobManagerEnvironment } from '../../api/jobmanager';
import { QueryState } from '../../components/QueryState';
import { EnvironmentView } from './EnvironmentView';

/** The job manager's JVM environment tab. */
export function EnvironmentTab(): ReactNode {
  const environment = useJobManagerEnvironment();
  return (
    <QueryState query={environment} what="the environment">
      {(data) => <EnvironmentView environment={data} />}
    </QueryState>
  );
}
