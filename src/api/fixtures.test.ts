// Every recorded 2xx answer of every recorded Flink line decodes with the schema the client
// uses for it, and carries the values the UI relies on.
import { describe, expect, it } from 'vitest';
import type * as v from 'valibot';
import {
  CheckpointConfigSchema,
  CheckpointingStatisticsSchema,
  CheckpointStatsSchema,
  CheckpointSubtasksSchema,
} from './checkpoints';
import { decode } from './client';
import { ClusterOverviewSchema } from './cluster';
import { JobExceptionsSchema } from './exceptions';
import { JobExecutionResultSchema } from './job-config';
import { JobDetailsSchema, JobsOverviewSchema } from './jobs';
import { AggregatedMetricsSchema, AsyncOperationStatusSchema, MetricValuesSchema } from './schemas';
import { TaskManagersSchema } from './taskmanagers';
import { BackPressureSchema, FlameGraphSchema, flameGraphState } from './vertex-sampling';
import { VertexDetailsSchema } from './vertices';
import { fixture, recordedVersions } from './test-utils';
import { WebConfigSchema } from './webConfig';

const schemas: Record<string, v.GenericSchema> = {
  config: WebConfigSchema,
  overview: ClusterOverviewSchema,
  'jobs-overview': JobsOverviewSchema,
  taskmanagers: TaskManagersSchema,
  'job-details': JobDetailsSchema,
  'job-checkpoints': CheckpointingStatisticsSchema,
  'job-checkpoint-config': CheckpointConfigSchema,
  'checkpoint-details': CheckpointStatsSchema,
  'checkpoint-subtasks': CheckpointSubtasksSchema,
  'job-exceptions': JobExceptionsSchema,
  'job-execution-result-finished': JobExecutionResultSchema,
  'vertex-details': VertexDetailsSchema,
  'vertex-backpressure': BackPressureSchema,
  'vertex-flamegraph-waiting': FlameGraphSchema,
  'vertex-flamegraph-ready': FlameGraphSchema,
  'job-metrics-get': MetricValuesSchema,
  'subtasks-metrics-agg': AggregatedMetricsSchema,
  'operation-disposal-failed': AsyncOperationStatusSchema,
};

const versions = recordedVersions();

describe.each(versions)('recorded answers of Flink %s', (version) => {
  const load = <S extends v.GenericSchema>(name: string, schema: S): v.InferOutput<S> => {
    const f = fixture(`flink-${version}/${name}`);
    expect(f.status).toBeLessThan(300);
    return decode(schema, f.json, `${f.request.method} ${f.request.path}`);
  };

  it.each(Object.entries(schemas))('%s decodes', (name, schema) => {
    expect(() => load(name, schema)).not.toThrow();
  });

  it('config and overview carry what the overview page shows', () => {
    const config = load('config', WebConfigSchema);
    expect(config['flink-version']).toBe(version);
    expect(config['refresh-interval']).toBeGreaterThan(0);
    const overview = load('overview', ClusterOverviewSchema);
    expect(overview.taskmanagers).toBe(2);
    expect(overview['slots-total']).toBe(12);
  });

  it('jobs overview: states and task counts', () => {
    const { jobs } = load('jobs-overview', JobsOverviewSchema);
    expect(jobs.length).toBeGreaterThanOrEqual(8);
    expect(jobs.some((j) => j.state === 'FINISHED')).toBe(true);
    expect(jobs.every((j) => j.tasks.total >= j.tasks.running)).toBe(true);
  });

  it('checkpoints of the failing job include a failed one', () => {
    const stats = load('job-checkpoints', CheckpointingStatisticsSchema);
    expect(stats.counts.failed).toBeGreaterThan(0);
    expect(stats.history.some((c) => c.className === 'failed')).toBe(true);
  });

  it('checkpoint details: a completed checkpoint; percentiles Flink sends as "NaN" decode to NaN', () => {
    const details = load('checkpoint-details', CheckpointStatsSchema);
    expect(details.className).toBe('completed');
    const subtasks = load('checkpoint-subtasks', CheckpointSubtasksSchema);
    expect(subtasks.subtasks.every((s) => s.className === 'completed')).toBe(true);
    expect(typeof subtasks.summary.end_to_end_duration.p50).toBe('number');
  });

  it('flame graph: first "waiting", then samples', () => {
    expect(flameGraphState(load('vertex-flamegraph-waiting', FlameGraphSchema))).toBe('waiting');
    const ready = load('vertex-flamegraph-ready', FlameGraphSchema);
    expect(flameGraphState(ready)).toBe('ready');
    expect(ready.data?.children.length).toBeGreaterThan(0);
  });

  it('exceptions of the flaky job', () => {
    const { exceptionHistory } = load('job-exceptions', JobExceptionsSchema);
    expect(exceptionHistory.entries[0]?.exceptionName).toBe('java.lang.IllegalStateException');
  });
});

it('has fixtures of at least one Flink line', () => {
  expect(versions.length).toBeGreaterThan(0);
});
