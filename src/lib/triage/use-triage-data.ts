// The triage engine's data, within a strict request budget. Every refresh: `GET /jobs/overview`
// and, per running job, `GET /jobs/:id` (its per-vertex accumulated busy / back-pressured / idle
// times give back pressure and the bottleneck for every vertex at once). The rest is read
// round-robin, ONE of each per refresh: a running job's checkpoint statistics
// (`/jobs/:id/checkpoints`), the lowest input watermark at one event-time job's sink
// (`/jobs/:id/vertices/:sink/subtasks/metrics?get=currentInputWatermark&agg=min`), one task
// manager's heap, GC and CPU (`/taskmanagers/:id/metrics?get=...`); the task manager list every
// tenth refresh. Never a request per vertex or per subtask on each refresh.

import { useQueries, useQuery, useQueryClient, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { checkpointingStatisticsQueryOptions } from '../../api/checkpoints';
import { isNotFound } from '../../api/errors';
import { jobDetailsQueryOptions, jobsOverviewQueryOptions, type JobDetails, type JobOverview } from '../../api/jobs';
import { subtasksMetricsQueryOptions, taskManagerMetricsQueryOptions, type MetricValues } from '../../api/metrics';
import { usePolledQuery, usePollInterval } from '../../api/polling';
import { taskManagersQueryOptions } from '../../api/taskmanagers';
import { isActive } from '../job-states';
import { downstreamOf } from './bottleneck';
import { advanceSince, triageFindings, TRIAGE_WINDOW_MS, type Finding, type TriageTaskManager } from './findings';
import { advanceTracker, EMPTY_HEALTH_TRACKER, type HealthTracker } from './tracker';

export const TM_METRICS = [
  'Status.JVM.Memory.Heap.Used',
  'Status.JVM.Memory.Heap.Max',
  'Status.JVM.GarbageCollector.All.TimeMsPerSecond',
  'Status.JVM.CPU.Load',
] as const;

/** The budget in words, for the page's help text. */
export function requestBudget(runningJobs: number): string {
  return (
    `Per refresh: 1 request for the job list, 1 per running job for its details (${runningJobs} now), ` +
    `and at most 3 more read in turn: one job's checkpoints, one event-time job's sink watermark and one ` +
    `task manager's heap, GC and CPU (the task manager list every 10th refresh). Never a request per ` +
    `vertex or subtask.`
  );
}

/** A task manager's reading from its metric values. */
export function taskManagerReading(id: string, values: MetricValues): TriageTaskManager {
  const get = (name: string): number | null => {
    const raw = values.find((m) => m.id === name)?.value;
    const n = raw === undefined ? NaN : Number(raw);
    return Number.isFinite(n) ? n : null;
  };
  return {
    id,
    heapUsed: get('Status.JVM.Memory.Heap.Used'),
    heapMax: get('Status.JVM.Memory.Heap.Max'),
    gcMsPerSecond: get('Status.JVM.GarbageCollector.All.TimeMsPerSecond'),
    cpuLoad: get('Status.JVM.CPU.Load'),
  };
}

/** The job's first sink (a vertex with nothing downstream), where the watermark lag is read. */
export function sinkOf(details: JobDetails | undefined): { id: string; name: string } | null {
  if (!details) return null;
  const graph = downstreamOf(details);
  const sink = details.vertices.find((v) => (graph.get(v.id) ?? []).length === 0);
  return sink ? { id: sink.id, name: sink.name } : null;
}

const WM = ['currentInputWatermark'];

export interface TriageData {
  readonly jobs: UseQueryResult<{ jobs: JobOverview[] }>;
  readonly findings: readonly Finding[];
  /** Per finding key: when it was first seen while open (JobManager clock). */
  readonly since: ReadonlyMap<string, number>;
  readonly now: number;
  readonly running: number;
}

interface EngineState {
  readonly sources: readonly unknown[];
  readonly tracker: HealthTracker;
  readonly since: ReadonlyMap<string, number>;
  readonly findings: readonly Finding[];
  readonly now: number;
}

const EMPTY_STATE: EngineState = {
  sources: [],
  tracker: EMPTY_HEALTH_TRACKER,
  since: new Map(),
  findings: [],
  now: 0,
};

export function useTriageData(): TriageData {
  const client = useQueryClient();
  const interval = usePollInterval('live');
  const jobs = usePolledQuery(jobsOverviewQueryOptions());
  const running = (jobs.data?.jobs ?? []).filter((j) => isActive(j.state));

  const details = useQueries({
    queries: running.map((job) => ({
      ...jobDetailsQueryOptions(job.jid),
      refetchInterval: interval,
      refetchIntervalInBackground: false,
    })),
  });
  // Read once when first needed, then refreshed in turn (below), never by their own timer.
  const inTurn = { refetchInterval: false as const, staleTime: Infinity };
  const checkpoints = useQueries({
    queries: running.map((job) => ({ ...checkpointingStatisticsQueryOptions(job.jid), ...inTurn })),
  });
  const sinks = running.map((_, i) => sinkOf(details[i]?.data));
  const watermarks = useQueries({
    queries: running.map((job, i) => {
      const sink = sinks[i];
      return {
        ...subtasksMetricsQueryOptions(job.jid, sink?.id ?? '-', { get: WM, agg: ['min'] }),
        ...inTurn,
        enabled: sink !== null,
      };
    }),
  });
  const tmList = useQuery({ ...taskManagersQueryOptions(), ...inTurn });
  const tmIds = (tmList.data?.taskmanagers ?? []).map((t) => t.id);
  const tmMetrics = useQueries({
    queries: tmIds.map((id) => ({ ...taskManagerMetricsQueryOptions(id, { get: TM_METRICS }), ...inTurn })),
  });

  // One turn per refresh of the job list: refresh the next of each round-robin read.
  const tick = jobs.dataUpdatedAt;
  const [turn, setTurn] = useState({ tick: 0, n: 0 });
  if (tick !== turn.tick) setTurn({ tick, n: turn.n + 1 });
  const n = turn.n;
  const pick = <T>(list: readonly T[], ok: (item: T, i: number) => boolean): number | null => {
    const candidates = list.map((item, i) => (ok(item, i) ? i : -1)).filter((i) => i >= 0);
    return candidates.length === 0 ? null : (candidates[n % candidates.length] ?? null);
  };
  const cpTurn = pick(running, (_, i) => checkpoints[i]?.data !== undefined && !isNotFound(checkpoints[i]?.error));
  const wmTurn = pick(running, (_, i) => {
    const min = watermarks[i]?.data?.[0]?.min;
    // Jobs whose sink has no watermark (no event time: Long.MIN_VALUE) are not asked again.
    return sinks[i] !== null && watermarks[i]?.data !== undefined && (min === undefined || min > 0);
  });
  const tmTurn = pick(tmIds, (_, i) => tmMetrics[i]?.data !== undefined);
  const keys: QueryKey[] = [];
  const cpJob = cpTurn === null ? undefined : running[cpTurn];
  if (cpJob) keys.push(checkpointingStatisticsQueryOptions(cpJob.jid).queryKey);
  const wmJob = wmTurn === null ? undefined : running[wmTurn];
  const wmSink = wmTurn === null ? null : sinks[wmTurn];
  if (wmJob && wmSink) keys.push(subtasksMetricsQueryOptions(wmJob.jid, wmSink.id, { get: WM, agg: ['min'] }).queryKey);
  const tmId = tmTurn === null ? undefined : tmIds[tmTurn];
  if (tmId) keys.push(taskManagerMetricsQueryOptions(tmId, { get: TM_METRICS }).queryKey);
  if (n % 10 === 0) keys.push(taskManagersQueryOptions().queryKey);
  const turnKeys = JSON.stringify(keys);
  useEffect(() => {
    if (n <= 1) return; // the first turn: everything was just read once
    for (const queryKey of JSON.parse(turnKeys) as QueryKey[]) {
      void client.refetchQueries({ queryKey, exact: true });
    }
  }, [client, n, turnKeys]);

  // Advance the engine when an answer is new (derived during render, as the wall does).
  const observations = running.map((job, i) => ({
    jid: job.jid,
    details: details[i]?.data,
    checkpoints: checkpoints[i]?.data,
  }));
  const sources: unknown[] = [
    ...observations.flatMap((o) => [o.jid, o.details, o.checkpoints]),
    ...watermarks.map((w) => w.data),
    ...tmMetrics.map((t) => t.data),
  ];
  const [state, setState] = useState<EngineState>(EMPTY_STATE);
  let current = state;
  if (sources.length !== state.sources.length || sources.some((s, i) => s !== state.sources[i])) {
    const tracker = advanceTracker(state.tracker, observations, TRIAGE_WINDOW_MS);
    const now = Math.max(state.now, ...observations.map((o) => o.details?.now ?? 0));
    const findings = triageFindings({
      now,
      jobs: running.map((job, i) => {
        const sink = sinks[i];
        const min = watermarks[i]?.data?.[0]?.min;
        return {
          jid: job.jid,
          name: job.name,
          track: tracker.get(job.jid),
          sinkWatermark:
            sink && min !== undefined ? { vertexId: sink.id, vertexName: sink.name, watermark: min } : undefined,
        };
      }),
      taskManagers: tmIds.flatMap((id, i) => {
        const data = tmMetrics[i]?.data;
        return data ? [taskManagerReading(id, data)] : [];
      }),
    });
    current = { sources, tracker, findings, now, since: advanceSince(state.since, findings, now) };
    setState(current);
  }
  return { jobs, findings: current.findings, since: current.since, now: current.now, running: running.length };
}
