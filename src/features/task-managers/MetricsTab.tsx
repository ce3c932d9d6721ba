import { useMemo, type ReactNode } from 'react';
import { jobsOverviewQueryOptions, type JobOverview } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import { taskManagerDetailsQueryOptions } from '../../api/taskmanagers';
import { QueryState } from '../../components/QueryState';
import { GarbageCollectorsTable, MemoryColumns } from '../../components/MemoryPanel';
import { TaskManagerJvmMemory, TaskManagerMemoryModel } from './MemoryPanel';
import { SlotsTable } from './SlotsTable';
import { TaskManagerCharts } from './TaskManagerCharts';
import './task-managers.css';

/** A task manager's metrics tab: memory model and use, slots (with their jobs), charts over time. */
export function MetricsTab({ taskManagerId }: { taskManagerId: string }): ReactNode {
  const details = usePolledQuery(taskManagerDetailsQueryOptions(taskManagerId));
  const jobs = usePolledQuery(jobsOverviewQueryOptions());
  const jobsById = useMemo(
    () => new Map<string, JobOverview>((jobs.data?.jobs ?? []).map((j) => [j.jid, j])),
    [jobs.data],
  );
  return (
    <QueryState query={details} what="the task manager">
      {(data) => (
        <>
          <section aria-labelledby="tm-memory">
            <h2 id="tm-memory">Memory</h2>
            <MemoryColumns>
              <div>
                <h3>Memory model</h3>
                <TaskManagerMemoryModel config={data.memoryConfiguration} />
              </div>
              <div>
                <h3>JVM memory now</h3>
                <TaskManagerJvmMemory metrics={data.metrics} />
                <h3>Garbage collectors</h3>
                <GarbageCollectorsTable collectors={data.metrics.garbageCollectors} />
              </div>
            </MemoryColumns>
          </section>
          <section aria-labelledby="tm-slots">
            <h2 id="tm-slots">Slots</h2>
            <SlotsTable details={data} jobs={jobsById} />
          </section>
          <section aria-labelledby="tm-charts">
            <h2 id="tm-charts">Over time</h2>
            <TaskManagerCharts taskManagerId={taskManagerId} />
          </section>
        </>
      )}
    </QueryState>
  );
}
